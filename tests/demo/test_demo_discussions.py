"""The demo discussions as the shared demo site has them, and the generated big
thread (seed_demo --big-thread, make bench)."""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Notification, User
from articles.models import Article, Comment, CommentHelpful
from groups_site.demo import content
from groups_site.demo.discussions import (
    _timestamps,
    add_big_thread,
    demo_authors,
    seed_discussions,
    walk,
)
from tests.articles.factory import make_article
from tests.demo.conftest import seed, tree_problems

CLOSED_SLUG = "recognising-coercive-control-and-making-a-safety-plan"


def demo_users() -> dict[str, User]:
    return {user.username: user for user in User.objects.all()}


def big_thread_article():
    return make_article("Big thread"), demo_authors(demo_users())


@pytest.mark.usefixtures("seeded")
def test_it_seeds_discussions_with_nesting():
    counts = Counter(Comment.objects.values_list("article__slug", flat=True))

    assert len(counts) >= 8
    assert all(4 <= count <= 15 for count in counts.values())
    assert CLOSED_SLUG not in counts
    assert Comment.objects.filter(depth__gte=3).exists()
    assert Comment.objects.filter(depth=4).exists()
    assert tree_problems(list(Comment.objects.all())) == []


@pytest.mark.usefixtures("seeded")
def test_it_posts_every_remark_where_it_belongs():
    for slug, remarks in content.discussions().items():
        posted = Comment.objects.filter(article__slug=slug)
        bodies = Counter(
            posted.exclude(status=Comment.Status.DELETED).values_list("body", flat=True)
        )
        expected = Counter(
            remark.body for remark, _ in walk(remarks) if not remark.deleted
        )
        assert bodies == expected, slug


@pytest.mark.usefixtures("seeded")
def test_it_links_and_notifies_mentions():
    mention = Comment.objects.filter(body__contains="@maya").first()

    assert 'class="mention"' in mention.body_html
    assert 'href="/u/maya/"' in mention.body_html
    assert Notification.objects.filter(
        recipient__username="maya", kind="comment_mention"
    ).exists()


@pytest.mark.usefixtures("seeded")
def test_it_seeds_an_anonymous_comment():
    anonymous = Comment.objects.filter(is_anonymous=True, status="visible")

    assert anonymous.exists()
    assert anonymous.first().shown_author_name() == "Anonymous member"


@pytest.mark.usefixtures("seeded")
def test_it_seeds_a_deleted_comment_that_keeps_its_replies():
    placeholder = Comment.objects.get(status=Comment.Status.DELETED)

    assert placeholder.author is None
    assert placeholder.shown_author_name() == "[deleted]"
    assert placeholder.reply_count >= 2
    assert placeholder.descendant_count >= 3


@pytest.mark.usefixtures("seeded")
def test_it_seeds_helpful_marks_and_an_edit():
    assert CommentHelpful.objects.count() >= 10
    assert Comment.objects.filter(helpful_count__gte=3).exists()
    assert Comment.objects.filter(edited_at__isnull=False).count() == 1


@pytest.mark.usefixtures("seeded")
def test_it_spreads_comments_over_the_days_after_publishing():
    now = timezone.now()
    for comment in Comment.objects.select_related("article", "parent"):
        assert comment.article.published_at < comment.created_at <= now
        if comment.parent is not None:
            assert comment.created_at > comment.parent.created_at
    days = {c.created_at.date() for c in Comment.objects.all()}
    assert len(days) >= 10


@pytest.mark.usefixtures("seeded")
def test_it_backdates_notifications():
    # News about meetings (one is called off) is as fresh as the meetings.
    about_comments = Notification.objects.exclude(kind__startswith="meeting_")
    assert about_comments.exists()
    assert not about_comments.filter(
        created_at__gte=timezone.now() - timedelta(hours=1)
    ).exists()


@pytest.mark.usefixtures("seeded")
def test_it_is_idempotent():
    before = list(Comment.objects.values_list("pk", "body", "created_at"))

    assert seed_discussions(demo_users()) == 0
    assert list(Comment.objects.values_list("pk", "body", "created_at")) == before


@pytest.mark.usefixtures("seeded")
def test_it_leaves_an_article_that_has_comments_alone():
    article = Article.objects.get(slug="grief-in-the-first-year")
    article.comments.all().delete()
    Comment.objects.create(
        article=article,
        author=User.objects.get(username="maya"),
        body="Mine.",
        path="0000999999/",
    )

    seed_discussions(demo_users())

    assert article.comments.count() == 1


# The big thread ------------------------------------------------------------------


@pytest.mark.usefixtures("seeded")
def test_it_adds_a_big_thread_with_a_valid_tree():
    article, authors = big_thread_article()

    added = add_big_thread(article, 2000, authors)

    comments = list(article.comments.all())
    assert added == len(comments) == 2000
    assert tree_problems(comments) == []
    depths = Counter(comment.depth for comment in comments)
    assert max(depths) == 8
    assert 0.18 < depths[0] / 2000 < 0.32
    assert all(comment.body in content.big_thread_lines() for comment in comments)
    assert all(comment.created_at <= timezone.now() for comment in comments)
    assert len({comment.created_at for comment in comments}) == 2000
    assert CommentHelpful.objects.filter(comment__article=article).exists()


@pytest.mark.usefixtures("seeded")
def test_it_tops_a_big_thread_up_to_its_size():
    article, authors = big_thread_article()
    add_big_thread(article, 150, authors)

    assert add_big_thread(article, 150, authors) == 0
    assert add_big_thread(article, 400, authors) == 250
    assert article.comments.count() == 400
    assert tree_problems(list(article.comments.all())) == []


@pytest.mark.usefixtures("seeded")
def test_it_refuses_a_big_thread_with_one_author():
    article, authors = big_thread_article()

    with pytest.raises(ValueError):
        add_big_thread(article, 10, authors[:1])


@pytest.mark.usefixtures("seeded")
def test_it_seeds_a_big_thread_from_the_command():
    out, _ = seed("--big-thread", "300")
    seed("--big-thread", "300")

    featured = Article.objects.get(
        slug="how-self-help-groups-help-women-find-confidence"
    )
    lines = content.big_thread_lines()
    assert "Added 300 generated comments" in out
    assert featured.comments.filter(body__in=lines).count() == 300
    assert featured.comments.exclude(body__in=lines).count() >= 4
    assert tree_problems(list(featured.comments.all())) == []
    assert User.objects.filter(username="maya").count() == 1


@pytest.mark.usefixtures("empty_database")
def test_it_squeezes_a_discussion_into_a_recent_article():
    article = make_article(published_at=timezone.now() - timedelta(hours=3))
    remarks = content.discussions()["how-self-help-groups-help-women-find-confidence"]
    flat = [remark for remark, _ in walk(remarks)]

    when = _timestamps(article, flat)

    times = [when[id(remark)] for remark in sorted(flat, key=lambda r: r.at)]
    assert times == sorted(times)
    assert article.published_at < times[0]
    assert times[-1] <= timezone.now() - timedelta(minutes=29)

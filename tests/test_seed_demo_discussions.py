import re
import time
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import Notification, User
from articles.models import Article, Comment, CommentHelpful
from groups_site import demo_articles, demo_discussions
from groups_site.demo_discussions import (
    BIG_THREAD_LINES,
    DISCUSSIONS,
    add_big_thread,
    seed_discussions,
    walk,
)
from groups_site.management.commands import seed_demo
from tests.conftest import make_place, make_user

DEMO_USERNAMES = [
    "maya",
    "rosa",
    "sam",
    "wren",
    "marigold",
    "juniper",
    "heron",
    "tala",
    "clover",
    "fern",
    "sunny",
]
CLOSED_SLUG = "recognising-coercive-control-and-making-a-safety-plan"
MENTION = re.compile(r"(?<![\w/@])@([a-z]+)")


@pytest.fixture
def users(db):
    return {
        name: make_user(name, is_staff=name == "sam", display_name=name.title())
        for name in DEMO_USERNAMES
    }


@pytest.fixture
def articles(users, monkeypatch):
    """The demo articles without their pictures (these tests are about talk)."""
    monkeypatch.setattr(demo_articles, "_draw_hero", lambda article, spec: None)
    return demo_articles.seed_articles(demo_articles.seed_authors(users))


@pytest.fixture
def seeded(users, articles):
    seed_discussions(users)
    return users


def tree_problems(comments) -> list[str]:
    """Everything wrong with a set of comments as a tree: paths, roots, depths
    and counters recomputed from scratch."""
    by_id = {comment.pk: comment for comment in comments}
    replies, descendants = Counter(), Counter()
    problems = []
    for comment in comments:
        parent = by_id.get(comment.parent_id)
        if parent is None:
            expected = (f"{comment.pk:010d}/", None, 0)
        else:
            root = parent.root_id or parent.pk
            expected = (f"{parent.path}{comment.pk:010d}/", root, parent.depth + 1)
            replies[parent.pk] += 1
        if (comment.path, comment.root_id, comment.depth) != expected:
            problems.append(f"{comment.pk}: path, root or depth")
        ids = [int(part) for part in comment.path.split("/") if part][:-1]
        for ancestor_id in ids:
            descendants[ancestor_id] += 1
    for comment in comments:
        if comment.reply_count != replies[comment.pk]:
            problems.append(f"{comment.pk}: reply_count")
        if comment.descendant_count != descendants[comment.pk]:
            problems.append(f"{comment.pk}: descendant_count")
        marks = comment.helpful_marks.count()
        if comment.helpful_count != marks:
            problems.append(f"{comment.pk}: helpful_count")
    return problems


# The written discussions, as data ------------------------------------------------


def test_it_writes_discussions_for_most_demo_articles():
    slugs = {spec["slug"] for spec in demo_articles.demo_articles()}

    assert set(DISCUSSIONS) <= slugs
    assert len(DISCUSSIONS) >= 8
    assert CLOSED_SLUG not in DISCUSSIONS
    for slug, remarks in DISCUSSIONS.items():
        assert 4 <= len(list(walk(remarks))) <= 15, slug


def test_it_has_replies_come_after_what_they_answer():
    for remarks in DISCUSSIONS.values():
        for remark, parent in walk(remarks):
            assert remark.at > 0
            if parent is not None:
                assert remark.at > parent.at, remark.body


def test_it_only_names_demo_members():
    for remarks in DISCUSSIONS.values():
        for remark, _ in walk(remarks):
            assert remark.by in DEMO_USERNAMES
            assert set(remark.helpful) <= set(DEMO_USERNAMES)
            assert remark.by not in remark.helpful
            for name in MENTION.findall(remark.body):
                assert name in DEMO_USERNAMES, remark.body
            assert len(remark.body) <= 1000


def test_it_keeps_the_talk_gentle():
    # Kind by design: no instructions beyond seeing a doctor, nothing graphic.
    words = re.compile(r"\b(mg|dose|kg|calorie|pills?|blood|kill|stupid)\b", re.I)
    for remarks in DISCUSSIONS.values():
        for remark, _ in walk(remarks):
            assert not words.search(remark.body), remark.body


# Seeding ---------------------------------------------------------------------------


def test_it_seeds_discussions_with_nesting(seeded):
    counts = Counter(Comment.objects.values_list("article__slug", flat=True))

    assert len(counts) >= 8
    assert all(4 <= count <= 15 for count in counts.values())
    assert CLOSED_SLUG not in counts
    assert Comment.objects.filter(depth__gte=3).exists()
    assert Comment.objects.filter(depth=4).exists()
    assert tree_problems(list(Comment.objects.all())) == []


def test_it_links_and_notifies_mentions(seeded):
    mention = Comment.objects.filter(body__contains="@maya").first()

    assert 'class="mention"' in mention.body_html
    assert 'href="/u/maya/"' in mention.body_html
    assert Notification.objects.filter(
        recipient=seeded["maya"], kind="comment_mention"
    ).exists()


def test_it_seeds_an_anonymous_comment(seeded):
    anonymous = Comment.objects.filter(is_anonymous=True, status="visible")

    assert anonymous.exists()
    assert anonymous.first().shown_author_name() == "Anonymous member"


def test_it_seeds_a_deleted_comment_that_keeps_its_replies(seeded):
    placeholder = Comment.objects.get(status=Comment.Status.DELETED)

    assert placeholder.author is None
    assert placeholder.shown_author_name() == "[deleted]"
    assert placeholder.reply_count >= 2
    assert placeholder.descendant_count >= 3


def test_it_seeds_helpful_marks_and_an_edit(seeded):
    assert CommentHelpful.objects.count() >= 10
    assert Comment.objects.filter(helpful_count__gte=3).exists()
    assert Comment.objects.filter(edited_at__isnull=False).count() == 1


def test_it_spreads_comments_over_the_days_after_publishing(seeded):
    now = timezone.now()
    for comment in Comment.objects.select_related("article", "parent"):
        assert comment.article.published_at < comment.created_at <= now
        if comment.parent is not None:
            assert comment.created_at > comment.parent.created_at
    days = {c.created_at.date() for c in Comment.objects.all()}
    assert len(days) >= 10


def test_it_backdates_notifications(seeded):
    assert not Notification.objects.filter(
        created_at__gte=timezone.now() - timezone.timedelta(hours=1)
    ).exists()


def test_it_is_idempotent(seeded):
    before = list(Comment.objects.values_list("pk", "body", "created_at"))

    assert seed_discussions(seeded) == 0
    assert list(Comment.objects.values_list("pk", "body", "created_at")) == before


def test_it_leaves_an_article_that_has_comments_alone(users, articles):
    article = Article.objects.get(slug="grief-in-the-first-year")
    Comment.objects.create(
        article=article, author=users["maya"], body="Mine.", path="0000999999/"
    )

    seed_discussions(users)

    assert article.comments.count() == 1


# The big thread ------------------------------------------------------------------


def big_thread_article(users):
    from tests.articles.factory import make_article

    article = make_article("Big thread")
    return article, [user for user in users.values() if not user.is_staff]


def test_it_adds_a_big_thread_fast_with_a_valid_tree(users):
    article, authors = big_thread_article(users)

    started = time.monotonic()
    added = add_big_thread(article, 2000, authors)
    elapsed = time.monotonic() - started

    comments = list(article.comments.all())
    assert added == len(comments) == 2000
    assert elapsed < 5
    assert tree_problems(comments) == []
    depths = Counter(comment.depth for comment in comments)
    assert max(depths) == 8
    assert 0.18 < depths[0] / 2000 < 0.32
    assert all(comment.body in BIG_THREAD_LINES for comment in comments)
    assert all(comment.created_at <= timezone.now() for comment in comments)
    assert len({comment.created_at for comment in comments}) == 2000


def test_it_tops_a_big_thread_up_to_its_size(users):
    article, authors = big_thread_article(users)
    add_big_thread(article, 150, authors)

    assert add_big_thread(article, 150, authors) == 0
    assert add_big_thread(article, 400, authors) == 250
    assert article.comments.count() == 400
    assert tree_problems(list(article.comments.all())) == []


def test_it_seeds_a_big_thread_from_the_command(db, monkeypatch):
    monkeypatch.setattr(demo_articles, "_draw_hero", lambda article, spec: None)
    monkeypatch.setattr(seed_demo, "seed_groups", lambda users, warn: [])
    make_place()  # so seed_demo doesn't load the gazetteer
    out = StringIO()

    call_command("seed_demo", "--force", "--big-thread", "300", stdout=out)
    call_command("seed_demo", "--force", "--big-thread", "300", stdout=StringIO())

    featured = Article.objects.get(
        slug="how-self-help-groups-help-women-find-confidence"
    )
    assert "Added 300 generated comments" in out.getvalue()
    assert featured.comments.filter(body__in=BIG_THREAD_LINES).count() == 300
    assert featured.comments.exclude(body__in=BIG_THREAD_LINES).count() >= 4
    assert tree_problems(list(featured.comments.all())) == []
    assert User.objects.filter(username="maya").count() == 1


def test_it_refuses_a_big_thread_with_one_author(users):
    article, authors = big_thread_article(users)

    with pytest.raises(ValueError):
        demo_discussions.add_big_thread(article, 10, authors[:1])


def test_it_squeezes_a_discussion_into_a_recent_article(db):
    from datetime import timedelta

    from tests.articles.factory import make_article

    article = make_article(published_at=timezone.now() - timedelta(hours=3))
    remarks = DISCUSSIONS["how-self-help-groups-help-women-find-confidence"]
    flat = [remark for remark, _ in walk(remarks)]

    when = demo_discussions._timestamps(article, flat)

    times = [when[id(remark)] for remark in sorted(flat, key=lambda r: r.at)]
    assert times == sorted(times)
    assert article.published_at < times[0]
    assert times[-1] <= timezone.now() - timedelta(minutes=29)

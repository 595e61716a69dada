"""The discussion under an article page (/articles/<slug>/): the tree, pages,
sorts, who sees what, blocks, the count, the cache and the query count."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Block
from articles.comments import posting, reading, tree
from articles.models import Article, Comment
from tests.articles.comment_factory import make_comment, make_thread
from tests.articles.factory import make_article
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

URL = "/articles/finding-your-voice/"

ROW_RE = re.compile(
    r'<li class="comment-row comment--depth-(\d)[^"]*">\s*'
    r'<article class="comment[^"]*" id="comment-(\d+)"'
)


def page(client, url: str = URL) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return unescape(response.content.decode())


def discussion(html: str) -> str:
    match = re.search(r'<section class="article-discussion".*?</section>', html, re.S)
    assert match
    return match.group(0)


def rows(html: str) -> list[tuple[int, int]]:
    """(comment id, depth) in the order the page shows them."""
    return [(int(pk), int(depth)) for depth, pk in ROW_RE.findall(html)]


def shown_ids(html: str) -> list[int]:
    return [pk for pk, _ in rows(html)]


# The tree -------------------------------------------------------------------------


def test_it_shows_replies_under_their_parents_in_order(
    client, article, alice, bob, charlie
):
    first = make_comment(article, alice)
    second = make_comment(article, bob)
    reply = make_comment(article, bob, first)
    reply_to_reply = make_comment(article, alice, reply)
    later_reply = make_comment(article, charlie, first)
    reply_to_second = make_comment(article, alice, second)

    html = page(client)

    assert rows(html) == [
        (first.pk, 0),
        (reply.pk, 1),
        (reply_to_reply.pk, 2),
        (later_reply.pk, 1),
        (second.pk, 0),
        (reply_to_second.pk, 1),
    ]


def test_it_stops_at_depth_six_and_continues_on_a_thread_page(client, article, alice):
    top, line = make_thread(article, alice, replies=8, branching=1)  # depths 1..8

    html = page(client)

    assert rows(html) == [(top.pk, 0)] + [(c.pk, c.depth) for c in line[:6]]
    depth_six, depth_seven = line[5], line[6]
    assert depth_six.depth == 6
    assert f'id="comment-{depth_seven.pk}"' not in html
    assert (
        f'<a href="/articles/finding-your-voice/comments/{depth_six.pk}/">'
        "Continue this thread" in html
    )
    assert "(2 more replies)" in html
    assert html.count("Continue this thread") == 1


def test_it_shows_everything_a_comment_says(client, article, alice):
    comment = make_comment(article, alice, body="It *helped* me.")
    Comment.objects.filter(pk=comment.pk).update(edited_at=comment.created_at)

    html = discussion(page(client))

    assert f'id="comment-{comment.pk}"' in html
    assert '<a class="comment__author" id=' in html
    assert 'href="/u/alice/">Alice</a>' in html
    assert re.search(
        r'<time class="comment__time" datetime="[^"]+"[^>]*>1\sday ago</time>', html
    )
    assert "<p>It <em>helped</em> me.</p>" in html
    assert '<span class="comment__edited">edited</span>' in html
    assert f'href="/articles/finding-your-voice/c/{comment.pk}/">Link' in html


def test_it_shows_the_helpful_count(client, article, alice):
    make_comment(article, alice, helpful_count=3)

    assert "3 people found this helpful" in page(client)


def test_an_empty_discussion_says_so(client, article):
    html = discussion(page(client))

    assert '<h2 id="discussion-title">Discussion</h2>' in html
    assert "No comments yet." in html
    assert "comment-list" not in html


def test_closed_comments_still_show_the_discussion(client, article, alice):
    make_comment(article, alice)
    Article.objects.filter(pk=article.pk).update(comments_open=False)

    html = discussion(page(client))

    assert "Comments are closed" in html
    assert len(rows(html)) == 1
    assert "Sign in to reply" not in html


# Pages and sorts ------------------------------------------------------------------


def make_tops(article, count: int, author, **fields) -> list[Comment]:
    return [make_comment(article, author, **fields) for _ in range(count)]


def test_it_shows_twenty_threads_a_page(client, article, alice):
    tops = make_tops(article, 45, alice)

    first, second, third = (
        shown_ids(page(client, f"{URL}?page={n}")) for n in (1, 2, 3)
    )

    assert first == [c.pk for c in tops[:20]]
    assert second == [c.pk for c in tops[20:40]]
    assert third == [c.pk for c in tops[40:]]
    html = page(client, f"{URL}?page=2")
    assert "Page 2 of 3" in html
    assert 'href="?page=1#discussion"' in html
    assert 'href="?page=3#discussion"' in html


def test_a_page_out_of_range_shows_the_last_one(client, article, alice):
    tops = make_tops(article, 25, alice)

    assert shown_ids(page(client, f"{URL}?page=99")) == [c.pk for c in tops[20:]]
    assert shown_ids(page(client, f"{URL}?page=x")) == [c.pk for c in tops[:20]]


def test_it_sorts_newest_first(client, article, alice):
    tops = make_tops(article, 3, alice)

    html = page(client, f"{URL}?sort=newest")

    assert shown_ids(html) == [c.pk for c in reversed(tops)]
    assert (
        '<a class="discussion-sort__link" href="?sort=newest#discussion" '
        'aria-current="true">Newest first</a>' in html
    )


def test_it_sorts_most_helpful_first_then_oldest(client, article, alice):
    quiet, loved, liked, also_liked = make_tops(article, 4, alice)
    Comment.objects.filter(pk=loved.pk).update(helpful_count=9)
    Comment.objects.filter(pk__in=[liked.pk, also_liked.pk]).update(helpful_count=2)

    html = page(client, f"{URL}?sort=helpful")

    assert shown_ids(html) == [loved.pk, liked.pk, also_liked.pk, quiet.pk]


def test_an_unknown_sort_is_the_oldest_first(client, article, alice):
    tops = make_tops(article, 3, alice)

    html = page(client, f"{URL}?sort=<script>")

    assert shown_ids(html) == [c.pk for c in tops]
    assert "<script>" not in discussion(html)


def test_pages_keep_the_sort(client, article, alice):
    make_tops(article, 25, alice)

    html = page(client, f"{URL}?sort=newest")

    assert 'href="?sort=newest&page=2#discussion"' in html


def test_it_cuts_a_long_thread_with_n_more_replies(client, article, alice, bob):
    small = make_comment(article, bob)
    make_comment(article, alice, small)
    big, replies = make_thread(article, alice, replies=300)

    html = page(client)

    shown = shown_ids(html)
    assert len(shown) <= reading.COMMENTS_PER_PAGE
    big_replies = [pk for pk in shown if pk in {r.pk for r in replies}]
    # The small thread shows whole; the big one takes the rest of the page.
    assert shown[:3] == [small.pk, small.pk + 1, big.pk]
    assert len(big_replies) == reading.COMMENTS_PER_PAGE - 3
    assert big_replies == [r.pk for r in replies[: len(big_replies)]]
    more = 300 - len(big_replies)
    assert (
        f'<a class="comment-more" href="/articles/finding-your-voice/comments/'
        f'{big.pk}/">{more} more replies</a>' in html
    )


def test_big_threads_share_the_page(client, article, alice):
    one, _ = make_thread(article, alice, replies=150)
    two, _ = make_thread(article, alice, replies=150)

    html = page(client)

    shown = shown_ids(html)
    assert len(shown) == 2 + 2 * 99
    assert html.count("51 more replies") == 2


def test_a_thread_that_fits_has_no_more_link(client, article, alice):
    make_thread(article, alice, replies=30)

    html = page(client)

    assert len(rows(html)) == 31
    assert "more replies" not in html


# Placeholders, held and hidden comments -------------------------------------------


def test_a_deleted_comment_keeps_its_replies(client, article, alice, bob):
    gone = make_comment(
        article, alice, body="Words by Alice", status=Comment.Status.DELETED
    )
    reply = make_comment(article, bob, gone, body="A reply that stays")

    html = discussion(page(client))

    assert rows(html) == [(gone.pk, 0), (reply.pk, 1)]
    assert "[deleted]" in html
    assert "Words by Alice" not in html
    assert "/u/alice/" not in html
    assert "A reply that stays" in html


def test_a_forgotten_account_shows_deleted(client, article, alice, bob):
    comment = make_comment(article, None, status=Comment.Status.DELETED)
    make_comment(article, bob, comment)

    html = discussion(page(client))

    assert (
        '<span class="comment__author comment__author--none" '
        f'id="comment-{comment.pk}-by">[deleted]</span>' in html
    )


def test_a_held_comment_is_shown_only_to_its_author(
    client, article, alice, bob, moderator
):
    make_comment(article, bob, body="Visible words")
    held = make_comment(
        article, alice, body="Waiting words", status=Comment.Status.HELD
    )

    for viewer in (None, bob, moderator):
        client.logout()
        if viewer:
            client.force_login(viewer)
        html = discussion(page(client))
        assert "Waiting words" not in html
        assert f"comment-{held.pk}" not in html
        assert "Visible words" in html

    client.force_login(alice)
    html = discussion(page(client))
    assert "Waiting words" in html
    assert "Waiting for review" in html


def test_a_hidden_comment_and_its_replies_are_shown_only_to_staff(
    client, article, alice, bob, moderator
):
    hidden = make_comment(
        article, alice, body="Hidden words", status=Comment.Status.HIDDEN
    )
    nested_top = make_comment(article, bob)
    hidden_reply = make_comment(
        article, alice, nested_top, body="Hidden reply", status=Comment.Status.HIDDEN
    )
    under_hidden = make_comment(article, bob, hidden_reply, body="Under it")

    for viewer in (None, bob, alice):
        client.logout()
        if viewer:
            client.force_login(viewer)
        html = discussion(page(client))
        assert shown_ids(html) == [nested_top.pk]
        assert "Hidden words" not in html and "Under it" not in html

    client.force_login(moderator)
    html = discussion(page(client))
    assert shown_ids(html) == [
        hidden.pk,
        nested_top.pk,
        hidden_reply.pk,
        under_hidden.pk,
    ]
    assert "Hidden by a moderator" in html


def test_the_count_counts_visible_comments(client, article, alice, bob):
    top = make_comment(article, alice)
    make_comment(article, bob, top)
    make_comment(article, bob, status=Comment.Status.HELD)
    make_comment(article, bob, status=Comment.Status.HIDDEN)
    make_comment(article, bob, top, status=Comment.Status.DELETED)

    html = page(client)

    assert '<h2 id="discussion-title">Discussion (2)</h2>' in html


# Anonymity ------------------------------------------------------------------------


@pytest.fixture
def writer(db):
    return make_user("quillwriter", display_name="Rosalind Quill")


def assert_anonymous(html: str):
    lowered = html.lower()
    assert "quillwriter" not in lowered
    assert "rosalind" not in lowered
    assert "quill" not in lowered


def test_an_anonymous_comment_names_nobody(
    client, article, writer, alice, bob, charlie
):
    top = make_comment(article, writer, is_anonymous=True, body="My story")
    make_comment(article, alice, top)
    reply = make_comment(article, writer, top, is_anonymous=True)
    Block.objects.create(blocker=charlie, blocked=writer)

    for viewer in (None, alice, bob, charlie):
        client.logout()
        if viewer:
            client.force_login(viewer)
        for url in (URL, f"/articles/finding-your-voice/comments/{top.pk}/"):
            html = page(client, url)
            assert "My story" in html
            assert "Anonymous member" in html
            assert_anonymous(html)
            # A block would say who wrote it, so anonymous comments never fold.
            assert "You blocked this person" not in html
        response = client.get(f"/articles/finding-your-voice/c/{reply.pk}/")
        assert "quillwriter" not in response["Location"]


def test_staff_see_who_wrote_an_anonymous_comment(client, article, writer, moderator):
    make_comment(article, writer, is_anonymous=True)
    client.force_login(moderator)

    html = page(client)

    assert "Anonymous member (quillwriter)" in html
    assert "/u/quillwriter/" not in html


def test_she_sees_her_own_anonymous_comment_marked(client, article, writer):
    make_comment(article, writer, is_anonymous=True)
    client.force_login(writer)

    html = discussion(page(client))

    assert "Anonymous member" in html
    assert "(you, posted anonymously)" in html
    assert "/u/quillwriter/" not in html


# Marks a display name cannot produce ------------------------------------------------


def comment_html(html: str, comment: Comment) -> str:
    match = re.search(
        rf'<article class="comment[^"]*" id="comment-{comment.pk}".*?</article>',
        html,
        re.S,
    )
    assert match
    return match.group(0)


def badges(html: str) -> list[str]:
    return re.findall(r'<span class="comment__badge comment__badge--(\w+)">', html)


def raw_page(client) -> str:
    """The page as sent (page() unescapes it)."""
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("viewer", [None, "bob"], ids=["signed-out", "member"])
def test_real_anonymous_and_moderators_comments_carry_a_mark(
    client, article, writer, moderator, bob, viewer
):
    anonymous = make_comment(article, writer, is_anonymous=True)
    by_moderator = make_comment(article, moderator)
    # Staff posting anonymously stay anonymous: no moderator mark.
    anonymous_moderator = make_comment(article, moderator, is_anonymous=True)
    pretending = [
        make_comment(article, make_user(username, display_name=name))
        for username, name in [
            ("pretender", "Anonymous member"),
            ("sam", "Sam (moderator)"),
            ("markup", '<span class="comment__badge comment__badge--moderator">'),
        ]
    ]
    if viewer:
        client.force_login(bob)

    for _ in range(2):  # the second signed-out read comes from the cache
        html = raw_page(client)
        assert badges(comment_html(html, anonymous)) == ["anonymous"]
        assert badges(comment_html(html, anonymous_moderator)) == ["anonymous"]
        assert badges(comment_html(html, by_moderator)) == ["moderator"]
        for comment in pretending:
            assert badges(comment_html(html, comment)) == []


def test_the_marks_are_an_icon_and_words_for_screen_readers(client, article, writer):
    make_comment(article, writer, is_anonymous=True)
    make_comment(article, make_user("staffer", is_staff=True))

    html = raw_page(client)

    marks = re.findall(
        r'<span class="comment__badge comment__badge--(\w+)">'
        r"(<svg .*?</svg>)(.*?)</span>",
        html,
        re.S,
    )
    assert [(kind, words) for kind, _, words in marks] == [
        ("anonymous", '<span class="visually-hidden">Posted anonymously'),
        ("moderator", "Moderator"),
    ]
    for _, icon, _ in marks:
        assert icon.startswith('<svg class="comment__badge-icon" aria-hidden="true"')


def test_a_deleted_comment_carries_no_mark(client, article, moderator, bob):

    top = make_comment(article, moderator)
    make_comment(article, bob, top)
    posting.delete_comment(comment=top, user=moderator)

    assert badges(comment_html(raw_page(client), top)) == []


# Blocks ---------------------------------------------------------------------------


def test_comments_by_someone_she_blocked_fold_away(client, article, alice, bob):
    comment = make_comment(article, bob, body="Words by Bob")
    Block.objects.create(blocker=alice, blocked=bob)
    client.force_login(alice)

    html = discussion(page(client))

    folded = re.search(
        rf'id="comment-{comment.pk}".*?<details class="comment__blocked">\s*'
        r"<summary>.*?You blocked this person\..*?Show</span></summary>"
        r"(.*?)</details>",
        html,
        re.S,
    )
    assert folded
    assert "Words by Bob" in folded.group(1)


def test_blocks_are_hers_alone(client, article, alice, bob, charlie):
    make_comment(article, bob)
    Block.objects.create(blocker=alice, blocked=bob)

    client.force_login(charlie)
    assert "You blocked this person" not in page(client)
    client.logout()
    assert "You blocked this person" not in page(client)


# The cache and the query count ----------------------------------------------------


def grow(article, alice, bob, to: int):
    """Three threads with nested replies, then more until about ``to`` comments."""
    first = make_comment(article, alice)
    reply = make_comment(article, bob, first)
    make_comment(article, alice, reply)
    second = make_comment(article, bob, is_anonymous=True)
    make_comment(article, alice, second, status=Comment.Status.DELETED)
    third = make_comment(article, alice)
    make_comment(article, bob, third, helpful_count=2)
    if to > 10:
        make_thread(article, bob, replies=to // 2, parent=reply)
        make_thread(article, alice, replies=10, parent=third, branching=1)
        for _ in range(25):
            make_comment(article, bob)
        make_thread(article, alice, replies=to // 2 - 40)


def count_queries(client, url=URL) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "member"])
def test_the_query_count_does_not_grow_with_the_discussion(
    client, django_assert_num_queries, article, alice, bob, charlie, signed_in
):
    if signed_in:
        Block.objects.create(blocker=charlie, blocked=bob)
        client.force_login(charlie)
        client.get(URL)  # the first request after signing in writes
    grow(article, alice, bob, to=10)
    assert Comment.objects.count() <= 10
    tree.bump_discussion_version(article.pk)
    small = count_queries(client)

    grow(article, alice, bob, to=2000)
    assert Comment.objects.count() >= 2000
    tree.bump_discussion_version(article.pk)

    with django_assert_num_queries(small):
        html = page(client)
    assert 150 <= len(rows(html)) <= reading.COMMENTS_PER_PAGE
    with django_assert_num_queries(small):
        page(client, f"{URL}?page=2&sort=helpful")


def test_signed_out_readers_get_a_cached_discussion(client, article, alice, bob):
    make_comment(article, alice, body="First words")
    cold = count_queries(client)
    warm = count_queries(client)
    assert warm < cold

    make_comment(article, bob, body="Second words")
    assert "Second words" not in page(client)  # the write side bumps the version

    tree.bump_discussion_version(article.pk)
    assert "Second words" in page(client)


def test_members_get_a_fresh_discussion(client, article, alice, bob):
    make_comment(article, alice, body="First words")
    client.force_login(bob)
    page(client)

    make_comment(article, alice, body="Second words")

    assert "Second words" in page(client)


def test_the_cache_is_kept_per_sort_and_page(client, article, alice):
    tops = make_tops(article, 25, alice)

    page(client)
    assert shown_ids(page(client, f"{URL}?page=2")) == [c.pk for c in tops[20:]]
    assert shown_ids(page(client, f"{URL}?sort=newest"))[0] == tops[-1].pk


def test_the_version_survives_being_evicted(article):
    from django.core.cache import cache

    before = tree.discussion_version(article.pk)
    tree.bump_discussion_version(article.pk)
    assert tree.discussion_version(article.pk) == before + 1

    cache.delete(f"discussion-version:{article.pk}")
    tree.bump_discussion_version(article.pk)
    assert tree.discussion_version(article.pk) > before + 1


def test_a_new_display_name_reaches_signed_out_readers_at_once(
    client, article, alice, django_capture_on_commit_callbacks
):
    make_comment(article, alice, body="First words")
    assert "Alice" in discussion(page(client))  # now in the cache
    client.force_login(alice)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/profile/", {"display_name": "Rosa Marie", "bio": ""}
        )

    assert response.status_code == 302
    client.logout()
    html = discussion(page(client))
    assert "Rosa Marie" in html
    assert "Alice" not in html


def test_a_profile_change_refreshes_only_where_her_name_shows(
    article, alice, bob, django_capture_on_commit_callbacks
):

    where_anonymous = make_article("Only anonymous", slug="only-anonymous")
    elsewhere = make_article("Not hers", slug="not-hers")
    make_comment(article, alice)
    make_comment(where_anonymous, alice, is_anonymous=True)
    make_comment(elsewhere, bob)
    articles = (article, where_anonymous, elsewhere)
    before = [tree.discussion_version(a.pk) for a in articles]

    with django_capture_on_commit_callbacks(execute=True):
        posting.profile_changed(alice)

    after = [tree.discussion_version(a.pk) for a in articles]
    assert [b != a for b, a in zip(before, after, strict=True)] == [
        True,
        False,
        False,
    ]


# The comment count on cards -------------------------------------------------------


def test_article_cards_show_the_comment_count(client, article, alice, bob):
    top = make_comment(article, alice)
    make_comment(article, bob, top)
    make_comment(article, bob, status=Comment.Status.HIDDEN)
    quiet = make_article("Quiet one", slug="quiet-one")

    html = page(client, "/articles/")

    card = re.search(
        r'<article class="article-card.*?Finding your voice.*?</article>',
        html,
        re.S,
    )
    assert card and "2 comments" in card.group(0)
    quiet_card = re.search(
        r'<article class="article-card[^>]*>(?:(?!</article>).)*Quiet one.*?</article>',
        html,
        re.S,
    )
    assert quiet_card and "comment" not in quiet_card.group(0).lower().replace(
        quiet.title.lower(), ""
    )


def test_the_card_count_costs_no_query_per_card(
    client, django_assert_num_queries, alice
):
    for number in range(3):
        make_comment(make_article(f"Counted {number}"), alice)
    with CaptureQueriesContext(connection) as three:
        page(client, "/articles/")

    for number in range(3, 15):
        article = make_article(f"Counted {number}")
        for _ in range(number):
            make_comment(article, alice)

    with django_assert_num_queries(len(three)):
        html = page(client, "/articles/")
    assert "14 comments" in html


# Posting hooks --------------------------------------------------------------------


def test_reply_opens_the_reply_form_under_that_comment(client, article, alice, bob):
    comment = make_comment(article, alice)
    other = make_comment(article, alice)
    client.force_login(bob)

    html = discussion(page(client, f"{URL}?reply={comment.pk}"))

    assert html.count('id="reply-') == 1
    inside = re.search(
        rf'<article class="comment" id="comment-{comment.pk}".*?</article>', html, re.S
    )
    assert f'id="reply-{comment.pk}"' in inside.group(0)
    assert f'name="parent" value="{comment.pk}"' in inside.group(0)
    assert f'id="reply-{other.pk}"' not in html
    assert "Join the discussion" in html  # the main form at the foot


def test_reply_needs_a_signed_in_reader_and_open_comments(client, article, alice, bob):
    comment = make_comment(article, alice)

    assert 'id="reply-' not in page(client, f"{URL}?reply={comment.pk}")
    client.force_login(bob)
    Article.objects.filter(pk=article.pk).update(comments_open=False)
    assert 'id="reply-' not in page(client, f"{URL}?reply={comment.pk}")

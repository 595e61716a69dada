"""The thread page, /articles/<slug>/comments/<id>/: a comment as the root of its
own discussion, for replies past the indentation cap or cut to fit a page."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.comments import reading
from articles.models import Comment
from tests.articles.comment_factory import make_comment, make_thread
from tests.articles.factory import make_article, make_draft

pytestmark = pytest.mark.django_db

ROW_RE = re.compile(
    r'<li class="comment-row comment--depth-(\d)[^"]*">\s*'
    r'<article class="comment[^"]*" id="comment-(\d+)"'
)


def url(comment) -> str:
    return f"/articles/finding-your-voice/comments/{comment.pk}/"


def page(client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200
    return unescape(response.content.decode())


def rows(html: str) -> list[tuple[int, int]]:
    return [(int(pk), int(depth)) for depth, pk in ROW_RE.findall(html)]


def test_it_shows_the_comment_and_its_replies_from_depth_zero(
    client, article, alice, bob
):
    top = make_comment(article, alice)
    reply = make_comment(article, bob, top)
    answer = make_comment(article, alice, reply)
    second_reply = make_comment(article, bob, top)
    make_comment(article, bob)  # another thread: not on this page

    html = page(client, url(reply))

    assert rows(html) == [(reply.pk, 0), (answer.pk, 1)]
    assert rows(page(client, url(top))) == [
        (top.pk, 0),
        (reply.pk, 1),
        (answer.pk, 2),
        (second_reply.pk, 1),
    ]


def test_it_has_one_h1_and_a_way_back(client, article, alice, bob):
    top = make_comment(article, alice)
    reply = make_comment(article, bob, top)

    html = page(client, url(reply))

    assert html.count("<h1") == 1
    assert '<h1 class="comment-thread__title">Continuing a conversation</h1>' in html
    assert "<title>A conversation under “Finding your voice”" in html
    assert (
        f'href="/articles/finding-your-voice/c/{reply.pk}/">Back to the discussion'
        in html
    )
    assert (
        f'href="/articles/finding-your-voice/comments/{top.pk}/">'
        "Show the comment it answers" in html
    )
    assert '<meta name="robots" content="noindex">' in html


def test_it_continues_a_deep_thread_six_levels_at_a_time(client, article, alice):
    top, line = make_thread(article, alice, replies=14, branching=1)  # depths 1..14
    depth_six, depth_twelve = line[5], line[11]

    html = page(client, url(depth_six))

    assert rows(html) == [(c.pk, c.depth - 6) for c in line[5:12]]
    assert f'id="comment-{line[12].pk}"' not in html
    assert f'<a href="{url(depth_twelve)}">Continue this thread' in html
    assert rows(page(client, url(depth_twelve))) == [
        (c.pk, c.depth - 12) for c in line[11:]
    ]


def test_it_shows_what_the_article_page_cut(client, article, alice):
    big, replies = make_thread(article, alice, replies=300)

    html = page(client, url(big))

    # 20 direct replies a page, like top-level comments.
    assert rows(html) == [(big.pk, 0)] + [(r.pk, 1) for r in replies[:20]]
    assert "Page 1 of 15" in html
    second = page(client, url(big) + "?page=2")
    assert rows(second) == [(big.pk, 0)] + [(r.pk, 1) for r in replies[20:40]]


def test_it_shares_the_page_between_long_replies(client, article, alice, bob):
    top = make_comment(article, alice)
    one, _ = make_thread(
        article, bob, replies=150, parent=make_comment(article, bob, top)
    )
    two, _ = make_thread(
        article, bob, replies=150, parent=make_comment(article, bob, top)
    )

    html = page(client, url(top))

    assert len(rows(html)) <= reading.COMMENTS_PER_PAGE
    assert f'href="{url(one)}">' in html and f'href="{url(two)}">' in html
    assert html.count("more replies") == 2


def test_it_404s_for_a_comment_on_another_article(client, article, alice):
    other = make_article("Other", slug="other")
    comment = make_comment(other, alice)

    assert client.get(url(comment)).status_code == 404
    assert (
        client.get("/articles/finding-your-voice/comments/999999/").status_code == 404
    )


def test_it_404s_for_a_held_comment_to_others(client, article, alice, bob, moderator):
    held = make_comment(article, alice, status=Comment.Status.HELD)
    under_held = make_comment(article, bob, held)

    for comment in (held, under_held):
        assert client.get(url(comment)).status_code == 404
    client.force_login(bob)
    assert client.get(url(held)).status_code == 404

    client.force_login(alice)
    assert client.get(url(held)).status_code == 200
    client.force_login(moderator)
    assert client.get(url(held)).status_code == 404


def test_it_keeps_the_thread_of_a_hidden_comment(client, article, alice, bob):
    hidden = make_comment(
        article, alice, status=Comment.Status.HIDDEN, body="Unkind words"
    )
    under_hidden = make_comment(article, bob, hidden, body="A kind answer")

    page = client.get(url(hidden)).content.decode()

    assert "Removed by a moderator." in page
    assert "Unkind words" not in page
    assert "A kind answer" in page
    assert client.get(url(under_hidden)).status_code == 200


def test_it_404s_under_an_unpublished_article(client, alice, moderator):
    draft = make_draft("Draft", slug="a-draft")
    comment = make_comment(draft, alice)

    assert client.get(f"/articles/a-draft/comments/{comment.pk}/").status_code == 404
    client.force_login(moderator)
    assert client.get(f"/articles/a-draft/comments/{comment.pk}/").status_code == 200


def test_it_roots_a_thread_page_at_a_deleted_comment(client, article, alice, bob):
    gone = make_comment(article, alice, status=Comment.Status.DELETED, body="Alice's")
    reply = make_comment(article, bob, gone)

    html = page(client, url(gone))

    assert rows(html) == [(gone.pk, 0), (reply.pk, 1)]
    assert "Alice's" not in html and "/u/alice/" not in html


def test_it_rejects_post(client, article, alice):
    comment = make_comment(article, alice)

    assert client.post(url(comment)).status_code == 405


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "member"])
def test_it_keeps_the_query_count_whatever_the_thread(
    client, django_assert_num_queries, article, alice, bob, signed_in
):
    if signed_in:
        client.force_login(bob)
        client.get("/articles/")
    top = make_comment(article, alice)
    make_thread(article, bob, replies=5, parent=top, branching=1)
    make_thread(article, bob, replies=4, parent=top)
    page(client, url(top))  # her blocks are cached from here on
    with CaptureQueriesContext(connection) as small:
        page(client, url(top))

    make_thread(article, bob, replies=10, parent=top, branching=1)
    for _ in range(10):
        make_thread(article, alice, replies=200, parent=make_comment(article, bob, top))
    assert Comment.objects.count() > 2000

    with django_assert_num_queries(len(small)):
        html = page(client, url(top))
    assert 150 <= len(rows(html)) <= reading.COMMENTS_PER_PAGE

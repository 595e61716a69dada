"""The discussion's cost and cache: the query count, the signed-out cache and
what refreshes it, the comment count on cards, the reply hooks."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Block
from articles.comments import posting, reading, tree
from articles.models import Article, Comment
from tests.articles.comment_factory import make_comment, make_thread
from tests.articles.discussion_pages import (
    URL,
    discussion,
    make_tops,
    page,
    rows,
    shown_ids,
)
from tests.articles.factory import make_article

pytestmark = pytest.mark.django_db


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
def test_it_keeps_the_query_count_whatever_the_discussion(
    client, django_assert_num_queries, article, alice, bob, charlie, signed_in
):
    if signed_in:
        Block.objects.create(blocker=charlie, blocked=bob)
        client.force_login(charlie)
        client.get(URL)  # the first request after signing in writes
    grow(article, alice, bob, to=10)
    assert Comment.objects.count() <= 10
    page(client)  # the article's related articles and groups are cached
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


def test_it_gives_signed_out_readers_a_cached_discussion(client, article, alice, bob):
    make_comment(article, alice, body="First words")
    cold = count_queries(client)
    warm = count_queries(client)
    assert warm < cold

    # The write side bumps the version at once (and again when it commits).
    make_comment(article, bob, body="Second words")
    assert "Second words" in page(client)


def test_it_gives_members_a_fresh_discussion(client, article, alice, bob):
    make_comment(article, alice, body="First words")
    client.force_login(bob)
    page(client)

    make_comment(article, alice, body="Second words")

    assert "Second words" in page(client)


def test_it_keeps_the_cache_per_sort_and_page(client, article, alice):
    tops = make_tops(article, 25, alice)

    page(client)
    assert shown_ids(page(client, f"{URL}?page=2")) == [c.pk for c in tops[20:]]
    assert shown_ids(page(client, f"{URL}?sort=newest"))[0] == tops[-1].pk


def test_it_keeps_the_version_after_an_eviction(article):
    from django.core.cache import cache

    before = tree.discussion_version(article.pk)
    tree.bump_discussion_version(article.pk)
    assert tree.discussion_version(article.pk) == before + 1

    cache.delete(f"discussion-version:{article.pk}")
    tree.bump_discussion_version(article.pk)
    assert tree.discussion_version(article.pk) > before + 1


def test_it_shows_a_new_display_name_to_signed_out_readers_at_once(
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


def test_it_refreshes_only_where_her_name_shows_after_a_profile_change(
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


def test_it_shows_the_comment_count_on_article_cards(client, article, alice, bob):
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


def test_it_costs_no_query_per_card_for_the_count(
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


def test_it_opens_the_reply_form_under_that_comment(client, article, alice, bob):
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


def test_it_needs_a_signed_in_reader_and_open_comments_for_reply(
    client, article, alice, bob
):
    comment = make_comment(article, alice)

    assert 'id="reply-' not in page(client, f"{URL}?reply={comment.pk}")
    client.force_login(bob)
    Article.objects.filter(pk=article.pk).update(comments_open=False)
    assert 'id="reply-' not in page(client, f"{URL}?reply={comment.pk}")

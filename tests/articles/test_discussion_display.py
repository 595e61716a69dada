"""The discussion under an article page (/articles/<slug>/): the tree, pages,
sorts, placeholders, held and hidden comments."""

import re

import pytest

from articles.comments import reading
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

pytestmark = pytest.mark.django_db


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


def test_it_says_so_when_the_discussion_is_empty(client, article):
    html = discussion(page(client))

    assert '<h2 id="discussion-title">Discussion</h2>' in html
    assert "No comments yet." in html
    assert "comment-list" not in html


def test_it_still_shows_the_discussion_when_comments_are_closed(client, article, alice):
    make_comment(article, alice)
    Article.objects.filter(pk=article.pk).update(comments_open=False)

    html = discussion(page(client))

    assert "Comments are closed" in html
    assert len(rows(html)) == 1
    assert "Sign in to reply" not in html


# Pages and sorts ------------------------------------------------------------------


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


def test_it_shows_the_last_page_for_a_page_out_of_range(client, article, alice):
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


def test_it_sorts_oldest_first_for_an_unknown_sort(client, article, alice):
    tops = make_tops(article, 3, alice)

    html = page(client, f"{URL}?sort=<script>")

    assert shown_ids(html) == [c.pk for c in tops]
    assert "<script>" not in discussion(html)


def test_it_keeps_the_sort_across_pages(client, article, alice):
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


def test_it_shares_the_page_between_big_threads(client, article, alice):
    one, _ = make_thread(article, alice, replies=150)
    two, _ = make_thread(article, alice, replies=150)

    html = page(client)

    shown = shown_ids(html)
    assert len(shown) == 2 + 2 * 99
    assert html.count("51 more replies") == 2


def test_it_gives_a_thread_that_fits_no_more_link(client, article, alice):
    make_thread(article, alice, replies=30)

    html = page(client)

    assert len(rows(html)) == 31
    assert "more replies" not in html


# Placeholders, held and hidden comments -------------------------------------------


def test_it_keeps_the_replies_of_a_deleted_comment(client, article, alice, bob):
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


def test_it_shows_a_forgotten_account_as_deleted(client, article, alice, bob):
    comment = make_comment(article, None, status=Comment.Status.DELETED)
    make_comment(article, bob, comment)

    html = discussion(page(client))

    assert (
        '<span class="comment__author comment__author--none" '
        f'id="comment-{comment.pk}-by">[deleted]</span>' in html
    )


def test_it_shows_a_held_comment_only_to_its_author(
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


def test_it_shows_a_hidden_comment_as_removed_with_its_replies(
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
    everything = [hidden.pk, nested_top.pk, hidden_reply.pk, under_hidden.pk]

    for viewer in (None, bob, alice):
        client.logout()
        if viewer:
            client.force_login(viewer)
        html = discussion(page(client))
        assert shown_ids(html) == everything
        assert html.count("Removed by a moderator.") == 2
        assert "Under it" in html
        assert "Hidden words" not in html and "Hidden reply" not in html
        assert "Alice" not in html

    client.force_login(moderator)
    html = discussion(page(client))
    assert shown_ids(html) == everything
    assert "Hidden words" in html
    assert "Hidden by a moderator" in html
    assert "Removed by a moderator." not in html


def test_it_counts_visible_comments(client, article, alice, bob):
    top = make_comment(article, alice)
    make_comment(article, bob, top)
    make_comment(article, bob, status=Comment.Status.HELD)
    make_comment(article, bob, status=Comment.Status.HIDDEN)
    make_comment(article, bob, top, status=Comment.Status.DELETED)

    html = page(client)

    assert '<h2 id="discussion-title">Discussion (2)</h2>' in html

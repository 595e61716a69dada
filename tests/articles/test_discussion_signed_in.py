"""The discussion for signed-in readers, put together from each comment's shared
HTML and the few rows that are hers (articles.comments.rendering): whatever
changes through the services shows on her next page at once (no version bump
needed: in these tests the on-commit bumps never run), one reader's controls
never reach another, and the page costs the same queries whatever its size."""

import re
from datetime import timedelta
from html import unescape

import pytest
import time_machine
from django.test import Client

from accounts import services as account_services
from accounts.forms import ProfileForm
from articles.comments import moderation, posting
from articles.comments.rendering import CSRF_PLACEHOLDER
from articles.models import Comment
from tests.articles.comment_factory import make_comment, make_thread
from tests.articles.discussion_pages import URL, discussion, page, shown_ids

pytestmark = pytest.mark.django_db

TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def comment_html(html: str, comment) -> str:
    """The <article> of one comment in a page."""
    match = re.search(
        rf'<article class="comment[^"]*" id="comment-{comment.pk}".*?</article>',
        html,
        re.S,
    )
    assert match, f"comment {comment.pk} is not on the page"
    return match.group(0)


def is_pressed(html: str, comment) -> bool:
    button = re.search(rf'id="helpful-button-{comment.pk}"[^>]*>', html).group(0)
    return 'aria-pressed="true"' in button


# Changes through the services show on her next page -------------------------------


def test_it_shows_an_edit_at_once(article, alice, bob):
    comment = make_comment(article, alice, body="First words", created_at=None)
    reader = signed_in(bob)
    assert "First words" in page(reader)

    posting.edit_comment(comment=comment, user=alice, body="Better words")

    html = comment_html(page(reader), comment)
    assert "Better words" in html
    assert "First words" not in html
    assert "edited" in html


def test_it_shows_a_hidden_and_a_restored_comment_at_once(
    article, alice, bob, moderator
):
    comment = make_comment(article, alice, body="Something unkind")
    make_comment(article, bob, comment, body="A reply that stays")
    reader = signed_in(bob)
    assert "Something unkind" in page(reader)
    mod_client = signed_in(moderator)
    assert "Something unkind" in page(mod_client)

    moderation.hide_comment(comment=comment, moderator=moderator)

    html = comment_html(page(reader), comment)
    assert "Removed by a moderator" in html
    assert "Something unkind" not in html
    # Moderators still read what it said; members never get their fragment.
    mod_html = comment_html(page(mod_client), comment)
    assert "Something unkind" in mod_html
    assert "Hidden by a moderator" in mod_html
    assert "Something unkind" not in page(reader)

    moderation.restore_comment(comment=comment, moderator=moderator)

    assert "Something unkind" in comment_html(page(reader), comment)


def test_it_shows_a_deleted_comment_at_once(article, alice, bob):
    comment = make_comment(article, alice, body="Words I regret")
    make_comment(article, bob, comment, body="A reply that stays")
    reader = signed_in(bob)
    assert "Words I regret" in page(reader)

    posting.delete_comment(comment=comment, user=alice)

    html = comment_html(page(reader), comment)
    assert "This comment was deleted." in html
    assert "Words I regret" not in html
    assert "A reply that stays" in page(reader)


def test_it_shows_her_new_name_at_once(article, alice, bob):
    comment = make_comment(article, alice)
    reader = signed_in(bob)
    assert "Alice" in comment_html(page(reader), comment)

    form = ProfileForm({"display_name": "Alys Wren", "bio": ""}, instance=alice)
    assert form.is_valid(), form.errors
    account_services.save_profile(form=form)

    html = comment_html(page(reader), comment)
    assert "Alys Wren" in html
    assert ">Alice<" not in html


def test_it_folds_and_unfolds_a_blocked_author_at_once(article, alice, bob):
    comment = make_comment(article, alice, body="Hello from Alice")
    reader = signed_in(bob)
    assert "You blocked this person" not in page(reader)

    account_services.block_user(blocker=bob, blocked=alice)

    html = comment_html(page(reader), comment)
    assert "You blocked this person" in html
    assert "<details" in html

    account_services.unblock_user(blocker=bob, blocked=alice)

    assert "You blocked this person" not in comment_html(page(reader), comment)


def test_it_shows_a_helpful_mark_at_once(article, alice, bob, charlie):
    comment = make_comment(article, alice)
    reader, other = signed_in(bob), signed_in(charlie)
    assert not is_pressed(page(reader), comment)
    page(other)

    posting.toggle_helpful(comment=comment, user=bob, mark=True)

    html = comment_html(page(reader), comment)
    assert is_pressed(html, comment)
    assert "comment-helpful__count" in html
    other_html = comment_html(page(other), comment)
    assert not is_pressed(other_html, comment)
    assert re.search(r'comment-helpful__count">.*?1</span>', other_html, re.S)

    posting.toggle_helpful(comment=comment, user=bob, mark=False)

    assert not is_pressed(page(reader), comment)


def test_it_shows_a_new_reply_and_its_count_at_once(article, alice, bob):
    top = make_comment(article, alice, body="A question")
    reader = signed_in(bob)
    page(reader)

    reply = make_comment(article, alice, top, body="An answer")

    html = page(reader)
    assert shown_ids(html) == [top.pk, reply.pk]
    assert "An answer" in html


# One reader's controls never reach another --------------------------------------


def test_it_never_gives_one_reader_another_readers_controls(
    article, alice, bob, charlie
):
    alices = make_comment(article, alice, body="By Alice", created_at=None)
    bobs = make_comment(article, bob, body="By Bob", created_at=None)
    charlies = make_comment(article, charlie, body="By Charlie")
    posting.toggle_helpful(comment=charlies, user=alice, mark=True)
    account_services.block_user(blocker=alice, blocked=charlie)
    alice_client, bob_client = signed_in(alice), signed_in(bob)

    for _ in range(2):  # cold, then from the shared fragments
        alice_html = discussion(page(alice_client))
        bob_html = discussion(page(bob_client))

        # Alice: her own comment has Edit/Delete, Charlie's is folded and marked.
        assert "(you)" in comment_html(alice_html, alices)
        assert f"/comments/{alices.pk}/edit/" in alice_html
        assert f"/comments/{bobs.pk}/edit/" not in alice_html
        assert "You blocked this person" in comment_html(alice_html, charlies)
        assert is_pressed(alice_html, charlies)
        # Bob: none of that, and his own controls only.
        assert "(you)" in comment_html(bob_html, bobs)
        assert "(you)" not in comment_html(bob_html, alices)
        assert f"/comments/{alices.pk}/edit/" not in bob_html
        assert f"/comments/{alices.pk}/delete/" not in bob_html
        assert f"/comments/{bobs.pk}/edit/" in bob_html
        assert "You blocked this person" not in bob_html
        assert not is_pressed(bob_html, charlies)
        assert f"/comments/{alices.pk}/report/" in bob_html


def test_it_gives_each_reader_her_own_csrf_token(article, alice, bob, charlie):
    comment = make_comment(article, alice)
    make_comment(article, charlie)
    html_by_reader = {}
    for user in (bob, charlie, bob):
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        html = page(client)
        tokens = set(TOKEN_RE.findall(html))
        assert str(CSRF_PLACEHOLDER) not in html
        html_by_reader[user.username] = html
        # Every form on her page carries a token her session accepts.
        form = comment_html(html, comment)
        token = TOKEN_RE.search(form).group(1)
        action = re.search(r'<form method="post" action="([^"]+)"', form).group(1)
        assert tokens
        response = client.post(action, {"csrfmiddlewaretoken": token, "mark": "1"})
        assert response.status_code == 302
        posting.toggle_helpful(comment=comment, user=user, mark=False)
    assert str(CSRF_PLACEHOLDER) not in html_by_reader["charlie"]


def test_it_keeps_a_moderators_fragments_from_members(article, alice, bob, moderator):
    comment = make_comment(article, alice, body="Who wrote this", is_anonymous=True)
    mod_html = comment_html(page(signed_in(moderator)), comment)
    assert "Anonymous member (alice)" in mod_html

    member_html = comment_html(page(signed_in(bob)), comment)
    assert "alice" not in member_html.lower()
    anonymous_html = comment_html(page(Client()), comment)
    assert "alice" not in anonymous_html.lower()


def test_it_shows_her_held_comment_only_to_her(article, alice, bob):
    make_comment(article, bob, body="Visible words")
    held = make_comment(
        article, alice, body="Waiting words", status=Comment.Status.HELD
    )
    bob_client, alice_client = signed_in(bob), signed_in(alice)
    page(bob_client)

    assert "Waiting words" in comment_html(page(alice_client), held)
    assert "Waiting words" not in page(bob_client)


def test_it_renders_the_reply_form_under_the_comment_she_answers(article, alice, bob):
    first = make_comment(article, alice)
    second = make_comment(article, alice)
    reader = signed_in(bob)
    page(reader)

    html = page(reader, f"{URL}?reply={second.pk}")

    assert f'id="reply-{second.pk}"' in comment_html(html, second)
    assert 'id="reply-' not in comment_html(html, first)
    # Other Reply links keep the query and set their own ?reply=.
    assert f"?reply={first.pk}#reply-{first.pk}" in unescape(comment_html(html, first))


# Queries ----------------------------------------------------------------------------


@pytest.mark.parametrize("size", [10, 200])
def test_it_costs_the_same_queries_whatever_the_size(
    settings, client, django_assert_max_num_queries, article, alice, bob, charlie, size
):
    settings.PAGE_CACHE_SECONDS = 600
    account_services.block_user(blocker=charlie, blocked=bob)
    make_thread(article, [alice, bob], replies=size - 2)
    own = make_comment(article, charlie)
    posting.toggle_helpful(comment=Comment.objects.first(), user=charlie, mark=True)
    client.force_login(charlie)
    page(client)  # the first request after signing in writes; fragments are made

    # The session and her user; the article (with whether she may post); the
    # discussion's count, page and replies (her own comment is on the page, so
    # the members' shared page is not hers). Her blocks, the article's parts and
    # the comments' shared fragments come from the cache.
    with django_assert_max_num_queries(6):
        html = page(client)
    assert own.pk in shown_ids(html)
    assert len(shown_ids(html)) == size


# The page every member who is not in it shares -----------------------------------


@pytest.fixture
def dana(db):
    from tests.conftest import make_user

    return make_user("dana")


def shared_first(charlie):
    """Charlie, who has nothing on the page, reads it first: from then on it is
    the members' shared page."""
    html = page(signed_in(charlie))
    return discussion(html)


def without_keys(html: str) -> str:
    """The page without what every page gets afresh (its token and form key)."""
    return re.sub(
        r'name="(csrfmiddlewaretoken|submission_key)" value="[^"]+"', "", html
    )


def test_it_serves_the_members_page_with_a_query_of_her_own(
    settings, article, alice, bob, charlie, django_assert_max_num_queries
):
    # The article's own parts come from the page cache too.
    settings.PAGE_CACHE_SECONDS = 600
    make_thread(article, [alice, bob], replies=8)
    first = shared_first(charlie)
    reader = signed_in(charlie)
    page(reader)

    # The session and her user, and the article (with whether she has a comment
    # waiting for review or a helpful mark on it).
    with django_assert_max_num_queries(3):
        html = page(reader)
    assert without_keys(discussion(html)) == without_keys(first)
    assert str(CSRF_PLACEHOLDER) not in html


def test_it_gives_her_own_comments_their_controls_on_the_shared_page(
    article, alice, bob, charlie
):
    bobs = make_comment(article, bob, body="By Bob", created_at=None)
    anonymous = make_comment(article, bob, body="Second words", is_anonymous=True)
    shared = shared_first(charlie)
    assert "(you" not in shared
    assert "bob" not in comment_html(shared, anonymous).lower()

    html = page(signed_in(bob))

    assert "(you)" in comment_html(html, bobs)
    assert f"/comments/{bobs.pk}/edit/" in html
    assert "(you, posted anonymously)" in comment_html(html, anonymous)
    again = discussion(page(signed_in(alice)))
    assert "(you" not in again
    assert f"/comments/{bobs.pk}/edit/" not in again


def test_it_folds_a_blocked_authors_comment_on_the_shared_page(
    article, alice, bob, charlie, dana
):
    bobs = make_comment(article, bob, body="By Bob")
    make_comment(article, alice, body="By Alice")
    shared_first(charlie)
    account_services.block_user(blocker=dana, blocked=bob)

    html = page(signed_in(dana))

    assert "You blocked this person" in comment_html(html, bobs)
    assert "You blocked this person" not in page(signed_in(charlie))


def test_it_folds_a_hidden_anonymous_author_on_the_shared_page(
    article, alice, bob, charlie, dana
):
    anonymous = make_comment(article, bob, body="Quiet words", is_anonymous=True)
    shared_first(charlie)
    account_services.block_user(blocker=dana, blocked=bob, via_anonymous_comment=True)

    html = comment_html(page(signed_in(dana)), anonymous)

    assert "You hid this person's comments." in html
    assert "bob" not in html.lower()
    assert "You hid" not in page(signed_in(charlie))


def test_it_presses_her_helpful_mark_on_the_shared_page(
    article, alice, bob, charlie, dana
):
    alices = make_comment(article, alice, body="By Alice")
    make_comment(article, bob, body="By Bob")
    shared_first(charlie)
    # Marking it changes the count (a new version); her mark alone must show too.
    posting.toggle_helpful(comment=alices, user=dana, mark=True)
    shared_first(charlie)

    assert is_pressed(page(signed_in(dana)), alices)
    assert not is_pressed(page(signed_in(charlie)), alices)


def test_it_shows_her_held_comment_though_others_share_the_page(
    article, alice, bob, charlie, dana
):
    top = make_comment(article, alice, body="A question")
    held = make_comment(
        article, dana, top, body="Waiting words", status=Comment.Status.HELD
    )
    shared_first(charlie)

    assert "Waiting words" in comment_html(page(signed_in(dana)), held)
    assert "Waiting words" not in page(signed_in(bob))


def test_it_never_serves_the_members_page_to_a_moderator(
    article, alice, bob, charlie, moderator
):
    anonymous = make_comment(article, alice, body="Who wrote this", is_anonymous=True)
    shared_first(charlie)

    html = comment_html(page(signed_in(moderator)), anonymous)

    assert "Anonymous member (alice)" in html
    assert "alice" not in comment_html(page(signed_in(bob)), anonymous).lower()


def test_it_shows_a_new_comment_on_the_shared_page_at_once(
    article, alice, bob, charlie
):
    make_comment(article, alice, body="First words")
    reader = signed_in(charlie)
    page(reader)
    page(reader)

    make_comment(article, bob, body="Newer words")

    assert "Newer words" in page(reader)


def test_her_own_comments_come_with_the_members_threads_without_a_query(
    settings, article, alice, bob, charlie, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 600
    make_thread(article, [alice, charlie], replies=6)
    bobs = make_comment(article, bob, body="By Bob", created_at=None)
    shared_first(charlie)
    reader = signed_in(bob)
    page(reader)

    # The session and her user, and the article: the threads come from the
    # cache, and her own rows are rendered for her.
    with django_assert_max_num_queries(3):
        html = page(reader)
    assert "(you)" in comment_html(html, bobs)
    assert f"/comments/{bobs.pk}/edit/" in html
    assert html.count("(you") == 1


def test_her_helpful_marks_go_on_the_members_threads(
    article, alice, bob, charlie, dana
):
    alices = make_comment(article, alice, body="By Alice")
    bobs = make_comment(article, bob, body="By Bob")
    posting.toggle_helpful(comment=alices, user=dana, mark=True)
    posting.toggle_helpful(comment=bobs, user=charlie, mark=True)
    make_comment(article, dana, body="By Dana")  # so the whole page isn't hers
    shared_first(charlie)

    html = page(signed_in(dana))

    assert is_pressed(html, alices)
    assert not is_pressed(html, bobs)
    assert not is_pressed(page(signed_in(alice)), bobs)


def test_her_own_comments_edit_link_goes_when_its_time_is_up(settings, article, bob):
    bobs = make_comment(article, bob, body="By Bob", created_at=None)
    reader = signed_in(bob)
    deadline = bobs.created_at + timedelta(minutes=settings.COMMENT_EDIT_WINDOW_MINUTES)

    with time_machine.travel(deadline - timedelta(minutes=1)):
        page(reader)
        assert f"/comments/{bobs.pk}/edit/" in page(reader)  # from her fragments
    # A minute later her fragment is still fresh, but not its Edit link.
    with time_machine.travel(deadline + timedelta(minutes=1)):
        html = page(reader)
    assert f"/comments/{bobs.pk}/edit/" not in html
    assert f"/comments/{bobs.pk}/delete/" in html
    assert "(you)" in comment_html(html, bobs)

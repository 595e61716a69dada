"""Screening as she meets it when she posts or edits: a watched word that blocks
refuses her comment (nothing saved), personal data and held words wait for a
moderator and she is told why, flagged words post with a flag for moderators,
and crisis language never silences her: it posts as the rules say, moderators
get a priority flag and she sees the crisis panel at once."""

from html import unescape

import pytest

from articles.comments import posting, watched
from articles.models import Comment, CommentFlag, WatchedWord
from tests.articles.comment_factory import post_data, post_form
from tests.conftest import messages_of, submit_form

URL = "/articles/finding-your-voice/"
ACTION = "/articles/finding-your-voice/comments/"
PHONE_HOLD = (
    "Your comment is waiting for a moderator because it seems to contain a phone "
    "number. We hold these to protect you and others."
)
CRISIS_TEXT = "Some days I don't want to be alive any more."
PANEL = 'id="crisis-panel"'


@pytest.fixture
def words(moderator):
    for word, action in [("idiot", "block"), ("gaslighter", "hold"), ("loser", "flag")]:
        watched.add_watched_word(moderator=moderator, word=word, action=action)


# Blocked words ------------------------------------------------------------------


def test_it_refuses_a_blocked_word_and_saves_nothing(client, alice, article, words):
    client.force_login(alice)

    response = post_form(client, post_data("You are an IDIOT."))

    html = unescape(response.content.decode())
    assert response.status_code == 400
    assert "“idiot” isn't allowed here" in html
    assert "You are an IDIOT." in html  # her text comes back
    assert not Comment.objects.exists()
    assert not CommentFlag.objects.exists()


def test_it_refuses_a_blocked_word_in_place_with_htmx(client, alice, article, words):
    client.force_login(alice)

    response = post_form(client, post_data("an 1d10t"), HTTP_HX_REQUEST="true")

    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "<html" not in html
    assert "“idiot” isn't allowed here" in html
    assert PANEL not in html
    assert not Comment.objects.exists()


def test_it_still_shows_the_crisis_panel_when_a_blocked_word_refuses_it(
    client, alice, article, words
):
    client.force_login(alice)

    response = post_form(client, post_data("idiot. I want to kill myself."))

    assert response.status_code == 400
    assert PANEL in response.content.decode()
    assert not Comment.objects.exists()


def test_it_refuses_a_blocked_word_in_an_edit(client, alice, article, words):
    comment = posting.post_comment(article=article, author=alice, body="Kind words.")
    client.force_login(alice)

    response = client.post(f"/comments/{comment.pk}/edit/", {"body": "idiot"})

    comment.refresh_from_db()
    assert response.status_code == 200
    assert "“idiot” isn't allowed here" in unescape(response.content.decode())
    assert comment.body == "Kind words."


# Held for review ------------------------------------------------------------------


def test_it_holds_a_phone_number_and_tells_her_why(client, alice, article):
    response = submit_form(
        alice, URL, ACTION, post_data("Call me on 07700 900123 if you need to.")
    )

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert comment.is_held
    assert messages_of(response) == [PHONE_HOLD]
    article.refresh_from_db()
    assert not Comment.objects.shown().exists()


def test_it_tells_her_why_in_the_htmx_answer(client, alice, article):
    client.force_login(alice)

    response = post_form(
        client, post_data("write to me: sue@example.org"), HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert Comment.objects.get().is_held
    assert "seems to contain an e-mail address" in html
    assert "sue@example.org" not in html


def test_it_holds_a_held_word_and_flags_it(client, alice, article, words):
    client.force_login(alice)

    post_form(client, post_data("He is a Gaslighter."))

    comment = Comment.objects.get()
    assert comment.is_held
    flag = CommentFlag.objects.get()
    assert (flag.comment, flag.reason, flag.is_priority) == (
        comment,
        "watched word: gaslighter",
        False,
    )


def test_it_holds_an_edit_that_adds_an_address_and_keeps_the_counts(
    client, alice, bob, article
):
    parent = posting.post_comment(article=article, author=bob, body="Welcome.")
    reply = posting.post_comment(
        article=article, author=alice, body="Thank you.", parent=parent
    )
    client.force_login(alice)

    response = client.post(
        f"/comments/{reply.pk}/edit/", {"body": "Come by, I'm at 12 Oak Street."}
    )

    reply.refresh_from_db()
    parent.refresh_from_db()
    assert response.status_code == 302
    assert reply.is_held
    assert (parent.reply_count, parent.descendant_count) == (0, 0)
    assert messages_of(response) == [
        "Your comment is waiting for a moderator because it seems to contain a "
        "street address. We hold these to protect you and others."
    ]


def test_it_lets_dates_prices_and_times_through(client, alice, article):
    client.force_login(alice)

    post_form(
        client,
        post_data("On 12/03/2025 at 7:30 pm it cost £12.50. Call me Sue, I'm 34."),
    )

    assert Comment.objects.get().is_visible


# Flags ------------------------------------------------------------------------------


def test_it_posts_a_flagged_word_and_flags_it_for_moderators(
    client, alice, article, words
):
    client.force_login(alice)

    response = post_form(client, post_data("I felt like a loser."))

    comment = Comment.objects.get()
    assert comment.is_visible
    assert messages_of(response) == ["Thanks. Your comment is posted."]
    assert CommentFlag.objects.get().reason == "watched word: loser"


# Crisis language --------------------------------------------------------------------


def test_it_posts_crisis_language_with_a_priority_flag(client, alice, article):
    response = submit_form(alice, URL, ACTION, post_data(CRISIS_TEXT))

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert comment.is_visible
    flag = CommentFlag.objects.get()
    assert (flag.comment, flag.reason, flag.is_priority) == (
        comment,
        "crisis language",
        True,
    )
    assert messages_of(response) == [
        "Thanks. Your comment is posted.",
        "Crisis resources",
    ]


def test_it_shows_the_panel_on_the_page_she_lands_on(client, alice, article):
    client.force_login(alice)

    response = post_form(client, post_data(CRISIS_TEXT), follow=True)

    html = response.content.decode()
    assert html.count(PANEL) == 1
    assert "Find A Helpline" in html
    assert 'href="https://findahelpline.com/"' in html
    assert 'href="/support/"' in html
    assert "Thanks. Your comment is posted." in html
    # Only once: the next page has no panel.
    assert PANEL not in client.get(URL).content.decode()


def test_it_shows_the_panel_in_the_htmx_answer(client, alice, article):
    client.force_login(alice)

    response = post_form(
        client, post_data("quiero quitarme la vida"), HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert PANEL in html
    assert "Find A Helpline" in html
    assert Comment.objects.get().is_visible
    assert CommentFlag.objects.get().is_priority
    # Nothing is left queued for the next page: she saw it here.
    assert PANEL not in client.get(URL).content.decode()


def test_it_holds_crisis_language_only_as_the_rules_say(
    client, alice, article, settings
):
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    client.force_login(alice)

    response = post_form(client, post_data(CRISIS_TEXT), follow=True)

    assert Comment.objects.get().is_held  # her first comment, as anyone's
    assert PANEL in response.content.decode()


def test_it_never_shows_the_panel_for_ordinary_words(client, alice, article):
    client.force_login(alice)

    response = post_form(client, post_data("This helped me so much."), follow=True)

    assert PANEL not in response.content.decode()
    assert not CommentFlag.objects.exists()


def test_it_shows_the_panel_after_an_edit_and_flags_it_once(client, alice, article):
    comment = posting.post_comment(article=article, author=alice, body="Hello.")
    client.force_login(alice)

    response = client.post(
        f"/comments/{comment.pk}/edit/", {"body": CRISIS_TEXT}, follow=True
    )
    client.post(f"/comments/{comment.pk}/edit/", {"body": CRISIS_TEXT + " Really."})

    assert PANEL in response.content.decode()
    assert CommentFlag.objects.filter(comment=comment, is_priority=True).count() == 1


# The list is cached ------------------------------------------------------------------


def test_it_reads_a_new_word_at_once(alice, article, moderator):
    posting.post_comment(article=article, author=alice, body="A plonker, that one.")

    watched.add_watched_word(moderator=moderator, word="plonker", action="hold")
    comment = posting.post_comment(article=article, author=alice, body="Plonker!")

    assert comment.is_held
    assert WatchedWord.objects.count() == 1


def test_it_reads_the_cached_list_without_a_query(
    alice, article, words, django_assert_num_queries
):
    watched.watched_words()

    with django_assert_num_queries(0):
        assert ("idiot", "block") in watched.watched_words()


def test_it_forgets_a_removed_word_at_once(alice, article, moderator, words):
    watched.watched_words()
    idiot = WatchedWord.objects.get(word="idiot")

    watched.remove_watched_word(moderator=moderator, watched=idiot)

    comment = posting.post_comment(article=article, author=alice, body="idiot")
    assert comment.is_visible

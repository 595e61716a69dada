"""/moderation/words/: moderators add and remove watched words; every change
writes an audit entry and reaches posting at once. Everyone else is refused."""

import pytest

from accounts.models import AuditEntry
from articles.comments import posting, watched
from articles.models import WatchedWord
from tests.conftest import submit_form


@pytest.fixture
def word(moderator):
    return watched.add_watched_word(moderator=moderator, word="idiot", action="block")


def test_it_sends_visitors_to_sign_in(client):
    response = client.get("/moderation/words/")

    assert response["Location"] == "/accounts/login/?next=/moderation/words/"


@pytest.mark.parametrize(
    "persona", ["bob", "alice", "plain_staff", "staff_without_mfa"]
)
def test_it_refuses_everyone_but_moderators(client, request, word, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get("/moderation/words/").status_code == 403
    assert client.get(f"/moderation/words/{word.pk}/remove/").status_code == 403
    response = client.post("/moderation/words/", {"word": "x", "action": "flag"})
    assert response.status_code == 403
    assert client.post(f"/moderation/words/{word.pk}/remove/").status_code == 403
    assert list(WatchedWord.objects.values_list("word", flat=True)) == ["idiot"]
    assert AuditEntry.objects.count() == 1  # adding the fixture's word


def test_it_adds_a_word_with_an_audit_entry(moderator, article, alice):
    response = submit_form(
        moderator,
        "/moderation/words/",
        "/moderation/words/",
        {"word": "  Sick   Puppy ", "action": "hold"},
    )

    assert response.status_code == 302
    added = WatchedWord.objects.get()
    assert (added.word, added.action, added.created_by) == (
        "Sick Puppy",
        "hold",
        moderator,
    )
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.target_label) == ("word_add", "Sick Puppy (hold)")
    comment = posting.post_comment(article=article, author=alice, body="sick puppy")
    assert comment.is_held


def test_it_refuses_a_word_already_on_the_list(client, moderator, word):
    client.force_login(moderator)

    response = client.post("/moderation/words/", {"word": "IDIOT", "action": "flag"})

    assert response.status_code == 400
    assert WatchedWord.objects.count() == 1
    assert AuditEntry.objects.count() == 1


def test_it_refuses_an_empty_word(client, moderator):
    client.force_login(moderator)

    response = client.post("/moderation/words/", {"word": " ?! ", "action": "flag"})

    assert response.status_code == 400
    assert "Please enter a word or phrase." in response.content.decode()
    assert not WatchedWord.objects.exists()


def test_it_asks_before_removing_then_removes_with_an_audit_entry(
    client, moderator, word, article, alice
):
    client.force_login(moderator)
    page = client.get(f"/moderation/words/{word.pk}/remove/").content.decode()
    assert "Stop watching “idiot”?" in page
    assert WatchedWord.objects.exists()

    response = submit_form(
        moderator,
        f"/moderation/words/{word.pk}/remove/",
        f"/moderation/words/{word.pk}/remove/",
    )

    assert response.status_code == 302
    assert not WatchedWord.objects.exists()
    assert AuditEntry.objects.latest("pk").action == "word_remove"
    assert posting.post_comment(article=article, author=alice, body="idiot")


def test_it_lists_words_in_the_same_queries_whatever_their_number(
    client, moderator, word, django_assert_max_num_queries
):
    client.force_login(moderator)
    watched.add_watched_word(moderator=moderator, word="loser", action="flag")
    watched.add_watched_word(moderator=moderator, word="creep", action="hold")

    with django_assert_max_num_queries(12):
        html = client.get("/moderation/words/").content.decode()

    assert "loser" in html
    assert "creep" in html

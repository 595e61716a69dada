"""/email/unsubscribe/<token>/: the link in every e-mail (and its RFC 8058
List-Unsubscribe header) works without signing in."""

import pytest
from django.core import mail, signing
from django.test import Client

from accounts import emails, services
from accounts.models import User
from tests.conftest import run_queued_tasks


def url_for(user, category: str) -> str:
    return f"/email/unsubscribe/{emails.unsubscribe_token(user, category)}/"


def test_it_asks_before_unsubscribing(client, bob):
    response = client.get(url_for(bob, "meetings"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Stop these e-mails?" in page
    assert "meeting changes and reminders" in page
    assert "bob@example.org" not in page
    bob.refresh_from_db()
    assert bob.email_meetings == "each"


def test_it_unsubscribes_with_one_click_and_no_csrf_token(bob):
    # Her mail provider POSTs "List-Unsubscribe=One-Click", with no cookie.
    client = Client(enforce_csrf_checks=True)

    response = client.post(url_for(bob, "meetings"), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    bob.refresh_from_db()
    assert bob.email_meetings == "off"
    assert (bob.email_notifications, bob.email_replies) == (True, "each")


def test_it_turns_off_all_email_from_a_moderation_notice(bob):
    response = Client(enforce_csrf_checks=True).post(url_for(bob, "all"))

    assert response.status_code == 200
    assert "all e-mail" in response.content.decode()
    bob.refresh_from_db()
    assert bob.email_notifications is False


def test_it_works_from_the_link_in_the_email(bob, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(recipient=bob, kind="comment_reply", message="A reply.")
    run_queued_tasks()
    link = mail.outbox[0].extra_headers["List-Unsubscribe"][1:-1]
    path = link.removeprefix("http://localhost:8000")

    response = Client(enforce_csrf_checks=True).post(path)

    assert response.status_code == 200
    bob.refresh_from_db()
    assert bob.email_replies == "off"


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "eyJ1IjoxLCJjIjoibWVldGluZ3MifQ:1abc:tampered",
    ],
)
def test_it_refuses_a_bad_token(client, bob, token):
    assert client.get(f"/email/unsubscribe/{token}/").status_code == 404
    assert client.post(f"/email/unsubscribe/{token}/").status_code == 404


def test_it_refuses_a_token_changed_to_name_someone_else(client, alice, bob):
    payload, signature = emails.unsubscribe_token(bob, "meetings").rsplit(":", 1)
    forged_payload = signing.b64_encode(
        f'{{"u":{alice.pk},"c":"meetings"}}'.encode()
    ).decode()
    forged = f"{forged_payload}:{signature}"

    response = client.post(f"/email/unsubscribe/{forged}/")

    assert response.status_code == 404
    alice.refresh_from_db()
    assert alice.email_meetings == "each"


def test_it_refuses_a_token_for_a_deleted_account(client, bob):
    url = url_for(bob, "meetings")
    User.objects.filter(pk=bob.pk).delete()

    assert client.get(url).status_code == 404


def test_it_refuses_a_token_signed_for_something_else(client, bob):
    token = signing.dumps({"u": bob.pk, "c": "meetings"})

    assert client.get(f"/email/unsubscribe/{token}/").status_code == 404

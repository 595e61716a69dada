import json

from allauth.account.models import EmailAddress
from django.test import Client

from tests.conftest import log_in


def download(client):
    response = client.post("/accounts/export/download/")
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_it_requires_login(client, db):
    response = client.post("/accounts/export/download/")

    assert response.status_code == 302
    assert response["Location"] == ("/accounts/login/?next=/accounts/export/download/")


def test_it_rejects_get(client, alice):
    client.force_login(alice)

    response = client.get("/accounts/export/download/")

    assert response.status_code == 405


def test_it_downloads_her_data_as_a_json_attachment(client, alice):
    alice.bio = "Gardener."
    alice.discreet_emails = False
    alice.save()
    EmailAddress.objects.create(user=alice, email="ali@example.net", verified=False)
    client.force_login(alice)

    response, data = download(client)

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="kindred-data-'
    )
    assert response["Content-Disposition"].endswith('.json"')
    assert response["Cache-Control"] == "private, no-store"
    assert data["site"] == "Kindred"
    assert data["account"]["username"] == "alice"
    assert data["account"]["display_name"] == "Alice"
    assert data["account"]["bio"] == "Gardener."
    assert data["account"]["guidelines_accepted_at"]
    assert data["settings"] == {
        "email_notifications": True,
        "mention_notifications": True,
        "discreet_emails": False,
        "email_replies": "each",
        "email_membership": "each",
        "email_meetings": "each",
    }
    assert data["email_addresses"] == [
        {"email": "ali@example.net", "verified": False, "primary": False},
        {"email": "alice@example.org", "verified": True, "primary": True},
    ]
    assert data["two_factor_methods"] == []


def test_it_lists_her_sessions_but_no_secrets(client, alice):
    other = Client(headers={"user-agent": "Her phone"})
    log_in(other, "alice")
    log_in(client, "alice")

    _, data = download(client)

    assert {s["user_agent"] for s in data["sessions"]} == {"Her phone", ""}
    text = json.dumps(data)
    assert "password" not in text
    assert alice.password not in text
    assert client.session.session_key not in text


def test_it_contains_only_her_data(client, alice, bob):
    client.force_login(alice)

    _, data = download(client)

    text = json.dumps(data)
    assert "bob" not in text.lower()


def test_it_includes_moderators_warnings_but_not_who_gave_them(
    client, alice, moderator
):
    from accounts import moderation

    moderation.warn_user(moderator=moderator, user=alice, reason="Be gentle.")
    client.force_login(alice)

    _, data = download(client)

    warnings = data["moderation"]["warnings"]
    assert [w["reason"] for w in warnings] == ["Be gentle."]
    assert warnings[0]["acknowledged_at"] is None
    assert data["moderation"]["is_banned"] is False
    assert "mod" not in json.dumps(data["moderation"])

import re

from django.conf import settings
from django.core import mail

from tests.conftest import PASSWORD

NEW_PASSWORD = "a-brand-new-passphrase"


def reset_link(message) -> str:
    match = re.search(
        r"https?://[^/\s]+(/accounts/password/reset/key/[^/\s]+/)", message.body
    )
    assert match, message.body
    return match.group(1)


def test_it_shows_the_form(client, db):
    response = client.get("/accounts/password/reset/")

    assert response.status_code == 200
    assert 'name="email"' in response.content.decode()


def test_it_emails_a_reset_link(client, alice):
    response = client.post("/accounts/password/reset/", {"email": "alice@example.org"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.org"]
    assert "Kindred" in message.subject
    assert "Kindred" in message.body
    assert settings.SITE_DOMAIN in message.body
    assert "example.com" not in message.subject + message.body
    assert "/accounts/password/reset/key/" in message.body


def test_it_sets_a_new_password_through_the_link(client, alice):
    client.post("/accounts/password/reset/", {"email": "alice@example.org"})
    link = reset_link(mail.outbox[0])

    # allauth moves the key out of the URL into the session, then shows the form.
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    assert form_url.endswith("-set-password/")
    assert 'name="password1"' in response.content.decode()

    response = client.post(
        form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/key/done/"

    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    assert not alice.check_password(PASSWORD)
    response = client.post(
        "/accounts/login/", {"login": "alice", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_it_refuses_a_tampered_link(client, alice):
    client.post("/accounts/password/reset/", {"email": "alice@example.org"})
    link = reset_link(mail.outbox[0])
    bad_link = link[:-3] + ("x" if link[-3] != "x" else "y") + link[-2:]

    response = client.get(bad_link, follow=True)

    assert response.status_code == 200
    assert 'name="password1"' not in response.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_it_does_not_reveal_whether_an_account_exists(client, alice):
    known = client.post(
        "/accounts/password/reset/", {"email": "alice@example.org"}, follow=True
    )
    unknown = client.post(
        "/accounts/password/reset/", {"email": "nobody@example.org"}, follow=True
    )

    assert known.redirect_chain == unknown.redirect_chain
    assert known.status_code == unknown.status_code == 200
    assert "nobody@example.org" not in unknown.content.decode()
    assert "alice@example.org" not in known.content.decode()
    # Only the inbox owner learns the answer: the unknown address is told there
    # is no account, and no reset link is sent to it.
    assert [m.to for m in mail.outbox] == [
        ["alice@example.org"],
        ["nobody@example.org"],
    ]
    assert "/accounts/password/reset/key/" not in mail.outbox[1].body


def test_it_refuses_mismatched_new_passwords(client, alice):
    client.post("/accounts/password/reset/", {"email": "alice@example.org"})
    response = client.get(reset_link(mail.outbox[0]), follow=True)
    form_url = response.redirect_chain[-1][0]

    response = client.post(
        form_url, {"password1": NEW_PASSWORD, "password2": "something-different"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)

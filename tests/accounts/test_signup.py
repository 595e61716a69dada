import re
from datetime import UTC, datetime

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail

from accounts.models import User
from tests.conftest import make_user

NEW_PASSWORD = "a-long-and-unusual-passphrase"


def sign_up(client, **overrides):
    data = {
        "email": "dana@example.org",
        "username": "dana",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "agree_to_guidelines": "on",
        **overrides,
    }
    return client.post("/accounts/signup/", data)


def confirmation_link(message) -> str:
    match = re.search(
        r"https?://[^/\s]+(/accounts/confirm-email/[^/\s]+/)", message.body
    )
    assert match, message.body
    return match.group(1)


def test_it_shows_the_form(client, db):
    response = client.get("/accounts/signup/")

    assert response.status_code == 200
    assert 'name="agree_to_guidelines"' in response.content.decode()
    assert 'name="username"' in response.content.decode()


def test_it_creates_an_unverified_account_and_sends_a_verification_email(client, db):
    response = sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(username="dana")
    assert user.email == "dana@example.org"
    address = EmailAddress.objects.get(user=user)
    assert address.email == "dana@example.org"
    assert not address.verified
    # Mandatory verification: she is not signed in yet.
    assert "_auth_user_id" not in client.session

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dana@example.org"]
    assert "Kindred" in message.subject
    assert "Kindred" in message.body
    assert settings.SITE_DOMAIN in message.body
    assert "example.com" not in message.subject + message.body
    assert "example.com" not in message.from_email
    assert "/accounts/confirm-email/" in message.body


def test_it_records_when_she_accepted_the_guidelines(client, db):
    with time_machine.travel(datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC), tick=False):
        sign_up(client)

    user = User.objects.get(username="dana")
    assert user.guidelines_accepted_at == datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)


def test_it_lets_her_confirm_and_sign_in_with_email_or_username(client, db):
    sign_up(client)
    link = confirmation_link(mail.outbox[0])

    response = client.get(link)
    assert response.status_code == 200
    assert "dana@example.org" in response.content.decode()
    assert not EmailAddress.objects.get(email="dana@example.org").verified

    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert EmailAddress.objects.get(email="dana@example.org").verified

    response = client.post(
        "/accounts/login/", {"login": "dana@example.org", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(User.objects.get().pk)

    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "dana", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(User.objects.get().pk)


def test_it_refuses_signup_without_agreeing_to_the_guidelines(client, db):
    response = sign_up(client, agree_to_guidelines="")

    assert response.status_code == 200
    assert response.context["form"].errors["agree_to_guidelines"] == [
        "Please read and agree to the community guidelines to join."
    ]
    assert "Please read and agree to the community guidelines to join." in (
        response.content.decode()
    )
    assert not User.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("username", ["dana smith", "dana@home", "dana.smith"])
def test_it_refuses_usernames_with_spaces_or_symbols(client, db, username):
    response = sign_up(client, username=username)

    assert response.status_code == 200
    assert response.context["form"].errors["username"] == [
        "Use only letters, digits, underscores (_) and hyphens (-)."
    ]
    assert not User.objects.exists()


def test_it_refuses_a_reserved_username(client, db):
    response = sign_up(client, username="Moderator")

    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert not User.objects.exists()


def test_it_refuses_a_username_taken_in_another_case(client, alice):
    response = sign_up(client, username="Alice")

    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert User.objects.count() == 1


def test_it_refuses_a_lowercase_username_when_a_capitalised_one_exists(client, db):
    make_user("Zoe")

    response = sign_up(client, username="zoe")

    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert User.objects.count() == 1


def test_it_does_not_create_a_second_account_for_an_email_in_another_case(
    client, alice
):
    response = sign_up(client, email="ALICE@Example.org")

    # Enumeration prevention: the page looks like success, but no account is made
    # and the owner of the address is told instead.
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert list(User.objects.values_list("username", flat=True)) == ["alice"]
    assert EmailAddress.objects.count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alice@example.org"]
    assert "already exists" in mail.outbox[0].body


def test_it_refuses_mismatched_passwords(client, db):
    response = sign_up(client, password2="something-else-entirely")

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not User.objects.exists()


def test_it_refuses_a_common_password(client, db):
    response = sign_up(client, password1="password123", password2="password123")

    assert response.status_code == 200
    assert "password1" in response.context["form"].errors
    assert not User.objects.exists()


def test_it_does_the_same_password_work_for_a_new_and_an_existing_address(
    client, hash_counter
):
    make_user("alice")

    hash_counter.calls = 0
    sign_up(client, email="alice@example.org", username="dana")
    existing = hash_counter.calls
    hash_counter.calls = 0
    sign_up(client, email="dana@example.org", username="dana")
    new = hash_counter.calls

    assert User.objects.filter(username="dana").exists()
    assert existing == new == 1


def test_it_refuses_a_username_that_impersonates_the_site(client, db):
    response = sign_up(client, username="kindred_m0derator")

    assert response.status_code == 200
    assert "That name is kept for the site" in response.content.decode()
    assert not User.objects.exists()

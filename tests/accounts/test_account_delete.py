import pytest
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client

from accounts.models import User
from tests.conftest import log_in, reauthenticate

deletion_steps_run = []


def record_deletion_step(user):
    deletion_steps_run.append(user.username)


def failing_deletion_step(user):
    raise RuntimeError("groups app could not remove her memberships")


@pytest.fixture
def signed_in(client, alice):
    """Alice, signed in for real and having just confirmed her password."""
    log_in(client, "alice")
    reauthenticate(client)
    return client


def sessions_of(user_pk) -> list:
    return [
        s
        for s in Session.objects.all()
        if s.get_decoded().get("_auth_user_id") == str(user_pk)
    ]


def test_it_requires_login(client, db):
    response = client.get("/accounts/delete/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/delete/"


def test_it_asks_for_her_password_again_even_just_after_signing_in(client, alice):
    log_in(client, "alice")

    response = client.get("/accounts/delete/")

    assert response.status_code == 302
    assert (
        response["Location"] == "/accounts/reauthenticate/?next=%2Faccounts%2Fdelete%2F"
    )
    response = reauthenticate(client, next_url="/accounts/delete/")
    assert response["Location"] == "/accounts/delete/"
    assert client.get("/accounts/delete/").status_code == 200


def test_it_does_not_delete_on_a_post_without_recent_authentication(client, alice):
    client.force_login(alice)

    response = client.post("/accounts/delete/", {"confirm": "delete my account"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert User.objects.filter(pk=alice.pk).exists()


def test_it_refuses_a_wrong_password_when_reauthenticating(client, alice):
    log_in(client, "alice")

    response = client.post(
        "/accounts/reauthenticate/?next=/accounts/delete/",
        {"password": "not-her-password"},
    )

    assert response.status_code == 200
    assert client.get("/accounts/delete/").status_code == 302


def test_it_shows_the_confirmation_page(signed_in):
    response = signed_in.get("/accounts/delete/")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="confirm"' in page
    assert 'href="/accounts/export/"' in page


@pytest.mark.parametrize("text", ["", "delete", "yes", "delete my acount"])
def test_it_refuses_the_wrong_confirmation_text(signed_in, alice, text):
    response = signed_in.post("/accounts/delete/", {"confirm": text})

    assert response.status_code == 200
    assert "confirm" in response.context["form"].errors
    assert User.objects.filter(pk=alice.pk).exists()
    assert EmailAddress.objects.filter(user=alice).exists()
    assert "_auth_user_id" in signed_in.session


def test_it_explains_the_confirmation_text_it_needs(signed_in):
    response = signed_in.post("/accounts/delete/", {"confirm": "yes"})

    assert response.context["form"].errors["confirm"] == [
        'Please type "delete my account" exactly to confirm.'
    ]
    assert "exactly to confirm." in response.content.decode()


def test_it_deletes_her_account_and_everything_that_identifies_her(
    signed_in, alice, bob, django_capture_on_commit_callbacks
):
    alice.avatar.save("alice.webp", ContentFile(b"fake webp"), save=True)
    avatar = alice.avatar.name
    assert default_storage.exists(avatar)
    phone = Client(headers={"user-agent": "Her phone"})
    log_in(phone, "alice")
    bobs = Client()
    log_in(bobs, "bob")
    assert UserSession.objects.filter(user=alice).count() == 2
    alice_pk = alice.pk

    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            "/accounts/delete/", {"confirm": " Delete My Account "}
        )

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not User.objects.filter(pk=alice_pk).exists()
    assert not EmailAddress.objects.filter(user_id=alice_pk).exists()
    assert not EmailAddress.objects.filter(email="alice@example.org").exists()
    assert not UserSession.objects.filter(user_id=alice_pk).exists()
    assert sessions_of(alice_pk) == []
    assert not default_storage.exists(avatar)

    # Signed out here, told so, and signed out on her phone too.
    assert "_auth_user_id" not in signed_in.session
    home = signed_in.get("/")
    assert "Your account and personal data are deleted." in home.content.decode()
    assert phone.get("/accounts/profile/").status_code == 302
    assert "_auth_user_id" not in phone.session

    # Bob is untouched.
    assert User.objects.filter(pk=bob.pk).exists()
    assert bobs.get("/accounts/profile/").status_code == 200


def test_it_frees_her_username_and_email_for_a_new_account(signed_in, client):
    signed_in.post("/accounts/delete/", {"confirm": "delete my account"})

    response = client.post(
        "/accounts/signup/",
        {
            "email": "alice@example.org",
            "username": "alice",
            "password1": "a-long-and-unusual-passphrase",
            "password2": "a-long-and-unusual-passphrase",
            "agree_to_guidelines": "on",
        },
    )

    assert response.status_code == 302
    assert User.objects.filter(username="alice").exists()


def test_it_runs_the_deletion_steps_of_other_apps(signed_in, alice, settings):
    settings.ACCOUNT_DELETION_STEPS = [f"{__name__}.record_deletion_step"]
    deletion_steps_run.clear()

    signed_in.post("/accounts/delete/", {"confirm": "delete my account"})

    assert deletion_steps_run == ["alice"]
    assert not User.objects.filter(username="alice").exists()


def test_it_deletes_nothing_if_a_step_fails(signed_in, alice, settings):
    settings.ACCOUNT_DELETION_STEPS = [f"{__name__}.failing_deletion_step"]
    signed_in.raise_request_exception = True

    with pytest.raises(RuntimeError):
        signed_in.post("/accounts/delete/", {"confirm": "delete my account"})

    assert User.objects.filter(pk=alice.pk).exists()
    assert EmailAddress.objects.filter(user=alice).exists()
    assert UserSession.objects.filter(user=alice).exists()
    assert sessions_of(alice.pk)

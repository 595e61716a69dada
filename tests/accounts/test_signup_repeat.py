"""Signing up twice: a double click, a second tab, a Back-and-resubmit. The
repeat shows the same "check your e-mail" page as the first (allauth's answer
for an address that already has an account), and sign-ups racing for one
username or address never give a server error."""

from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache
from django.test import Client

from accounts.models import User
from tests.accounts.test_signup import NEW_PASSWORD, sign_up
from tests.conftest import concurrent, make_user, run_at_once


def test_it_answers_a_repeated_sign_up_with_check_your_email(client, db):
    first = sign_up(client)
    second = sign_up(Client())

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == "/accounts/confirm-email/"
    assert User.objects.filter(username="dana").count() == 1


def test_it_still_says_the_username_is_taken_to_someone_else(client, db):
    make_user("dana", email="dana@example.org")

    # Her username and address, without her password: the page must not tell
    # whether that address belongs to that username.
    response = sign_up(
        client,
        password1="another-long-passphrase-1",
        password2="another-long-passphrase-1",
    )

    assert response.status_code == 200
    assert "username" in response.context["form"].errors


def test_it_says_the_username_is_taken_with_another_address(client, db):
    sign_up(client)

    response = sign_up(Client(), email="someone-else@example.org")

    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert not User.objects.filter(email="someone-else@example.org").exists()


def test_it_costs_one_password_hash_whoever_holds_the_username(
    client, db, hash_counter
):
    make_user("dana", email="dana@example.org")

    hash_counter.calls = 0
    sign_up(client, email="dana@example.org")
    holder = hash_counter.calls
    hash_counter.calls = 0
    sign_up(client, email="nobody@example.org")
    stranger = hash_counter.calls

    assert holder == stranger == 1


def post_sign_up(data):
    client = Client(raise_request_exception=False)
    return lambda: client.post("/accounts/signup/", data)


def form(**overrides):
    return {
        "email": "dana@example.org",
        "username": "dana",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "agree_to_guidelines": "on",
        **overrides,
    }


@concurrent
def test_it_never_fails_when_identical_sign_ups_race():
    for round_ in range(3):
        cache.clear()  # allauth's sign-up rate limit counts per address
        data = form(email=f"dana{round_}@example.org", username=f"dana{round_}")
        results = run_at_once(*[post_sign_up(data) for _ in range(8)])

        statuses = [getattr(result, "status_code", result) for result in results]
        assert statuses == [302] * 8, statuses
        assert {result["Location"] for result in results} == {
            "/accounts/confirm-email/"
        }
        assert User.objects.filter(username=f"dana{round_}").count() == 1
        assert (
            EmailAddress.objects.filter(email=f"dana{round_}@example.org").count() == 1
        )


@concurrent
def test_it_never_fails_when_different_people_race_for_one_username():
    results = run_at_once(
        *[
            post_sign_up(form(email=f"person{number}@example.org"))
            for number in range(8)
        ]
    )

    statuses = sorted(getattr(result, "status_code", result) for result in results)
    assert statuses == [200] * 7 + [302], statuses
    assert User.objects.filter(username="dana").count() == 1
    assert len(mail.outbox) == 1

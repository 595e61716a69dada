import pytest
from allauth.usersessions.models import UserSession
from django.test import Client

from tests.conftest import log_in


@pytest.fixture
def laptop(alice):
    client = Client(headers={"user-agent": "Firefox on her laptop"})
    log_in(client, "alice")
    return client


@pytest.fixture
def phone(alice):
    client = Client(headers={"user-agent": "Safari on her phone"})
    log_in(client, "alice")
    return client


def is_signed_in(client) -> bool:
    return client.get("/accounts/profile/").status_code == 200


def test_it_requires_login(client, db):
    response = client.get("/accounts/sessions/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_it_lists_her_sessions(laptop, phone, bob):
    bobs = Client(headers={"user-agent": "Bob's browser"})
    log_in(bobs, "bob")

    response = laptop.get("/accounts/sessions/")

    assert response.status_code == 200
    assert response.context["session_count"] == 2
    page = response.content.decode()
    assert "Firefox on her laptop" in page
    assert "Safari on her phone" in page
    assert "Bob" not in page


def test_it_signs_out_everywhere_else(alice, laptop, phone, bob):
    bobs = Client()
    log_in(bobs, "bob")

    response = laptop.post("/accounts/sessions/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/sessions/"
    assert is_signed_in(laptop)
    assert not is_signed_in(phone)
    assert phone.get("/accounts/profile/")["Location"].startswith("/accounts/login/")
    assert UserSession.objects.filter(user=alice).count() == 1
    # Nobody else is signed out.
    assert is_signed_in(bobs)


def test_it_lists_two_sessions_in_a_fixed_number_of_queries(
    laptop, phone, django_assert_num_queries
):
    # allauth checks each listed session against the session store (two queries
    # a session); pinned so that any further growth is noticed.
    with django_assert_num_queries(13):
        response = laptop.get("/accounts/sessions/")

    assert response.context["session_count"] == 2

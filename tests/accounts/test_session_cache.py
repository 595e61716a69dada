"""Sessions kept in the shared cache as well as in PostgreSQL (cached_db, when
REDIS_URL is set): whatever ends a session ends it in both, so no copy lives on.
The suite runs these again against the real Redis (test_resilience.py)."""

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client

from accounts import services
from tests.conftest import log_in
from tests.test_settings import run_settings

CACHED_DB = "django.contrib.sessions.backends.cached_db"


@pytest.fixture
def cached_sessions(settings):
    settings.SESSION_ENGINE = CACHED_DB
    cache.clear()


def two_browsers_signed_in_as(user):
    """Her browser, and a copy of its session cookie (say, a second tab)."""
    first = Client()
    log_in(first, user.username)
    second = Client()
    second.cookies = first.cookies
    return first, second


def is_signed_in(client) -> bool:
    return client.get("/groups/mine/").status_code == 200


def test_sessions_are_kept_in_the_cache_only_when_it_is_shared():
    show = "print(s.SESSION_ENGINE)"
    shared = run_settings({"REDIS_URL": "redis://127.0.0.1:1/0"}, show)
    local = run_settings({"REDIS_URL": ""}, show)
    assert shared.stdout.split() == [CACHED_DB], shared.stderr
    assert local.stdout.split() == ["django.contrib.sessions.backends.db"]


def test_a_cached_session_is_read_without_a_query(
    cached_sessions, alice, django_assert_max_num_queries
):
    client = Client()
    log_in(client, "alice")
    client.get("/groups/mine/")
    key = client.session.session_key

    # The row and the cached copy are the same session.
    assert Session.objects.filter(session_key=key).exists()
    assert cache.get(f"django.contrib.sessions.cached_db{key}") is not None
    with django_assert_max_num_queries(50) as queries:
        assert is_signed_in(client)
    assert not [q for q in queries.captured_queries if "django_session" in q["sql"]]


def test_signing_out_ends_the_cached_session(cached_sessions, alice):
    first, second = two_browsers_signed_in_as(alice)
    assert is_signed_in(second)
    key = first.session.session_key

    first.post("/accounts/logout/")

    assert not is_signed_in(second)
    assert not Session.objects.filter(session_key=key).exists()
    assert cache.get(f"django.contrib.sessions.cached_db{key}") is None


def test_exit_ends_the_cached_session(cached_sessions, alice):
    first, second = two_browsers_signed_in_as(alice)

    first.get("/exit/")

    assert not is_signed_in(second)


def test_signing_out_everywhere_ends_cached_sessions(cached_sessions, alice):
    first, second = two_browsers_signed_in_as(alice)
    assert is_signed_in(first)

    services.end_sessions(user=alice)

    assert not is_signed_in(first)
    assert not is_signed_in(second)

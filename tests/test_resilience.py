"""PostgreSQL or Redis failing: pages still render with Redis gone, a 503 page (no
traceback) with the database gone, /healthz says which. `make resilience` does the
same against real servers being stopped and frozen; these are the fast checks."""

import glob
import logging
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import OperationalError, connection
from django.test import Client

from groups_site import outages
from tests.test_settings import run_settings

BASE_DIR = Path(__file__).resolve().parent.parent
LIVE_REDIS = ("127.0.0.1", 6379)
# Our own database number on the shared Redis, so no one else's data is flushed.
LIVE_REDIS_URL = "redis://127.0.0.1:6379/14"


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_cache(location: str) -> dict:
    return {
        "default": {
            "BACKEND": "groups_site.lib.cache.DegradingRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "kindred-test",
            "OPTIONS": {
                "socket_connect_timeout": 0.25,
                "socket_timeout": 0.5,
                "RETRY_AFTER": 5,
                "FALLBACK": "rate_limits",
                "FALLBACK_KEY_PREFIXES": ["allauth:rl:", "comments:rate:"],
            },
        },
        "rate_limits": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kindred_rate_limit_cache",
        },
    }


@pytest.fixture
def redis_gone(settings):
    """The cache is Redis on a port where nothing listens."""
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{unused_port()}/0")


@contextmanager
def database_gone():
    """Every query fails as it does when PostgreSQL is unreachable."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("connection failed: Connection refused")

    with connection.execute_wrapper(refuse):
        yield


def sign_in(client, username, password):
    return client.post(
        "/accounts/login/", {"login": username, "password": password}, follow=False
    )


# Redis gone -----------------------------------------------------------------------


def test_it_renders_pages_with_redis_gone(redis_gone, client, article, caplog):
    for path in ["/", "/groups/", "/articles/", f"/articles/{article.slug}/"]:
        assert client.get(path).status_code == 200, path
    # One line per failure and a few seconds' rest, not an error per call.
    records = caplog.get_records("setup") + caplog.get_records("call")
    lines = [r for r in records if r.name == "kindred.cache"]
    assert len(lines) <= 1
    assert all(line.exc_info is None for line in lines)


def test_it_answers_as_an_empty_cache_with_redis_gone(redis_gone, db, caplog):
    from django.core.cache import cache

    assert cache.get("a", "default") == "default"
    assert cache.add("a", 1) is True
    assert cache.get_many(["a", "b"]) == {}
    assert cache.get_or_set("a", 2) == 2
    with pytest.raises(ValueError):
        cache.incr("a")
    cache.set("a", 1)
    cache.delete("a")
    # Rate-limit keys are counted in the database meanwhile.
    assert cache.add("comments:rate:1:minute:1", 0) is True
    assert cache.incr("comments:rate:1:minute:1") == 1
    # One line, then Redis is left alone for a few seconds.
    lines = [r for r in caplog.records if r.name == "kindred.cache"]
    assert len(lines) == 1


def test_it_reuses_one_redis_client_per_server(redis_gone, db):
    """Building a redis.Redis costs more than a GET: one per connection pool,
    however many calls (still degrading when the server is gone)."""
    from django.core.cache import cache

    client = cache._cache.get_client(write=True)

    assert cache._cache.get_client(write=True) is client
    assert cache._cache.get_client() is client  # one server: reads go there too
    assert cache.get("a", "default") == "default"


def test_it_signs_in_and_posts_with_redis_gone(redis_gone, alice, article):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/accounts/login/")
    token = page.cookies["csrftoken"].value
    response = client.post(
        "/accounts/login/",
        {"login": "alice", "password": "correct-horse-battery-staple"},
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 302
    page = client.get(f"/articles/{article.slug}/")
    assert page.status_code == 200
    response = client.post(
        f"/articles/{article.slug}/comments/",
        {"body": "Still here.", "submission_key": "k" * 20},
        HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
    )
    assert response.status_code == 302
    assert article.comments.filter(body__contains="Still here").exists()


def test_it_counts_failed_sign_ins_in_the_database_with_redis_gone(
    redis_gone, client, alice
):
    for _ in range(5):
        response = sign_in(client, "alice", "wrong password")
        assert "Too many failed login attempts" not in response.content.decode()
    response = sign_in(client, "alice", "wrong password")
    assert "Too many failed login attempts" in response.content.decode()


def test_it_keeps_comment_limits_with_redis_gone(redis_gone, settings, bob, article):
    from articles.comments import posting

    settings.COMMENT_RATE_LIMITS = {
        "account": {"minute": 2, "day": 50},
        "new_account": {"minute": 2, "day": 50},
    }
    for number in range(2):
        posting.post_comment(article=article, author=bob, body=f"Note {number}")
    with pytest.raises(posting.ValidationError):
        posting.post_comment(article=article, author=bob, body="One too many")


def test_it_writes_nothing_for_signed_out_pages_with_redis_gone(
    redis_gone, client, article
):
    for path in ["/", "/groups/", f"/articles/{article.slug}/", "/accounts/login/"]:
        client.get(path)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM kindred_rate_limit_cache")
        assert cursor.fetchone()[0] == 0


def test_it_reports_the_cache_down_at_healthz(redis_gone, client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "down"}
    assert response["Cache-Control"] == "no-store"


# PostgreSQL gone --------------------------------------------------------------------


def test_it_answers_503_without_a_traceback_with_the_database_gone(client, db, caplog):
    with database_gone(), caplog.at_level(logging.INFO):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "back in a moment" in html
    assert html.count("<h1") == 1
    assert "Exit this page" in html
    assert "csrfmiddlewaretoken" not in html
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.name for r in errors] == ["kindred.outages"]
    assert errors[0].exc_info is None
    assert "GET /" in errors[0].getMessage()


def test_it_answers_503_when_a_middleware_finds_the_database_gone(alice, caplog):
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    # Her session is read by the middleware, before any view runs.
    with database_gone(), caplog.at_level(logging.INFO):
        response = client.get("/about/")
    assert response.status_code == 503
    assert "back in a moment" in response.content.decode()
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(errors) == 1
    assert errors[0].exc_info is None
    assert "database unavailable" in errors[0].getMessage().lower()


def test_it_reports_the_database_down_at_healthz(client, db):
    with database_gone():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() | {"cache": "-"} == {
        "status": "down",
        "database": "down",
        "cache": "-",
    }


def test_it_reports_all_well_at_healthz_naming_no_host(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    # "local" with the local-memory cache, "ok" with a Redis that answers.
    assert response.json() in [
        {"status": "ok", "database": "ok", "cache": "local"},
        {"status": "ok", "database": "ok", "cache": "ok"},
    ]
    assert "127.0.0.1" not in response.content.decode()


def test_it_leaves_the_database_alone_for_a_moment_after_it_failed(
    client, db, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(outages, "_retry_at", time.monotonic() + 60)
    with django_assert_num_queries(0):
        assert client.get("/about/").status_code == 503
    # /healthz still asks.
    assert client.get("/healthz").json()["database"] == "ok"


def test_it_gives_up_on_a_query_that_hangs(db):
    with pytest.raises(outages.DatabaseHung), outages.time_limit(0.05):
        while True:
            pass


def test_it_sets_connection_and_statement_timeouts():
    show = (
        "o = s.DATABASES['default']['OPTIONS']\n"
        "c = s.CACHES['default']\n"
        "print(o['connect_timeout'], o.get('options'), c['BACKEND'],"
        " c['OPTIONS']['socket_timeout'])"
    )
    env = {"DB_STATEMENT_TIMEOUT": "15", "REDIS_URL": "redis://127.0.0.1:1/0"}
    result = run_settings(env, show)
    assert result.stdout.split() == [
        "3",
        "-c",
        "statement_timeout=15000",
        "groups_site.lib.cache.DegradingRedisCache",
        "0.5",
    ], result.stderr


# The real Redis -------------------------------------------------------------------


def redis_answers() -> bool:
    try:
        with socket.create_connection(LIVE_REDIS, timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379")
def test_it_runs_the_cache_tests_against_redis():
    """The suite's cache tests, with the cache in Redis (database 14) as in
    production. Its own test database, so it never meets this run's."""
    files = sorted(glob.glob("tests/**/test_*cache*.py", recursive=True))
    files += ["tests/accounts/test_notification_read.py", "tests/test_resilience.py"]
    db = connection.settings_dict
    host = quote(db["HOST"], safe="")
    env = {
        **os.environ,
        "REDIS_URL": LIVE_REDIS_URL,
        "DATABASE_URL": f"postgres://{db['USER']}@{host}:{db['PORT'] or 5432}"
        "/kindred_redis_cache_tests",
    }
    env.pop("PYTEST_XDIST_WORKER", None)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:warnings", "-k", "not redis"]
        + files,
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


# The kept connection's health check (groups_site.db) ------------------------------


def test_the_site_uses_the_backend_with_a_bounded_health_check(db):
    from django.db import connections

    from groups_site.db.base import DatabaseWrapper

    assert isinstance(connections["default"], DatabaseWrapper)


def test_the_health_check_gives_up_on_a_server_that_hangs(db, monkeypatch):
    from django.db.backends.postgresql.base import DatabaseWrapper as Django

    def hangs(self):
        time.sleep(5)
        return True

    from groups_site.db.base import DatabaseWrapper

    hung = []
    # Another connection object than the test's own (whose transaction holds
    # the test's data), with the same settings.
    other = DatabaseWrapper(connection.settings_dict, alias="hang-test")
    with monkeypatch.context() as patch:
        patch.setattr(Django, "is_usable", hangs)
        patch.setattr(outages, "HEALTH_CHECK_SECONDS", 0.05)
        patch.setattr(outages, "database_hung", lambda: hung.append(True))
        with pytest.raises(outages.DatabaseHung):
            other.is_usable()

    # It raised instead of returning the check's answer (the check sleeps 5 s
    # and then says the connection is fine), and the outage was recorded.
    assert hung == [True]


def test_a_usable_connection_passes_its_health_check(db):
    connection.ensure_connection()

    assert connection.is_usable()

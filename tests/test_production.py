"""The site as production serves it: production settings (DEBUG off) loaded in a
separate process, which collects the static files and makes a few requests over
HTTPS against the test database; the tests read what it saw. Development and the
rest of the suite run with DEBUG on, so only this shows the production headers,
cookie names and static files."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

BASE_DIR = Path(__file__).resolve().parent.parent
# The production process uses the test database (so it must be set up).
pytestmark = pytest.mark.django_db

# Runs in the production process. Whatever it writes to the database is rolled back.
REQUESTS = """
import json
import django

django.setup()

from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.db import transaction
from django.templatetags.static import static
from django.test import Client

from accounts.models import User

call_command("collectstatic", interactive=False, verbosity=0)


def seen(response):
    return {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": {
            name: {
                "secure": bool(morsel["secure"]),
                "httponly": bool(morsel["httponly"]),
                "path": morsel["path"],
                "domain": morsel["domain"],
                "max_age": morsel["max-age"],
            }
            for name, morsel in response.cookies.items()
        },
    }


class RollBack(Exception):
    pass


client = Client(HTTP_HOST="kindred.example")
out = {
    "plain_http": seen(client.get("/about/")),
    "healthz_plain_http": seen(client.get("/healthz")),
    "static": seen(client.get(static("css/base.css"), secure=True)),
    "static_url": static("css/base.css"),
    "login_form": seen(client.get("/accounts/login/", secure=True)),
    "privacy_page": client.get("/privacy/", secure=True).content.decode(),
}
try:
    with transaction.atomic():
        user = User.objects.create_user(
            "prodcheck", email="prodcheck@example.org", password="a-long-password-9"
        )
        EmailAddress.objects.create(
            user=user, email=user.email, verified=True, primary=True
        )
        out["sign_in"] = seen(
            client.post(
                "/accounts/login/",
                {"login": "prodcheck", "password": "a-long-password-9"},
                secure=True,
            )
        )
        out["signed_in_page"] = seen(client.get("/accounts/profile/", secure=True))
        raise RollBack
except RollBack:
    pass
print("RESULT " + json.dumps(out))
"""


def production_environment(**extra) -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak in here.
        if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL"}
        and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environment.update(
        DEBUG="false",
        SECRET_KEY="k" * 20 + "-production-like-secret-key-for-the-check-0123",
        ALLOWED_HOSTS="kindred.example",
        **extra,
    )
    return environment


def database_url_of_tests() -> str:
    db = connection.settings_dict
    host = quote(db["HOST"] or "127.0.0.1", safe="")
    return f"postgres://{db['USER']}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="module")
def production(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        database_url = database_url_of_tests()
    result = subprocess.run(
        [sys.executable, "-c", REQUESTS],
        cwd=BASE_DIR,
        env=production_environment(
            DATABASE_URL=database_url,
            STATIC_ROOT=str(tmp_path_factory.mktemp("static")),
            LOG_LEVEL="WARNING",
        ),
        capture_output=True,
        text=True,
        timeout=180,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, result.stdout[-3000:] + result.stderr[-3000:]
    return json.loads(lines[-1].removeprefix("RESULT "))


def test_it_sends_plain_http_visitors_to_https(production):
    response = production["plain_http"]
    assert response["status"] == 301
    assert response["headers"]["Location"] == "https://kindred.example/about/"


def test_it_answers_the_load_balancers_health_probe_over_plain_http(production):
    assert production["healthz_plain_http"]["status"] != 301


def test_it_sends_the_security_headers_in_production(production):
    headers = production["login_form"]["headers"]
    assert production["login_form"]["status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=(self)" in headers["Permissions-Policy"]
    assert len(headers["X-Request-ID"]) == 32


def test_it_sends_a_strict_content_security_policy_in_production(production):
    policy = {
        directive.split()[0]: directive.split()[1:]
        for directive in production["login_form"]["headers"][
            "Content-Security-Policy"
        ].split("; ")
    }
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    # No template reads the nonce, so no page carries one (cached pages stay shared).
    assert "nonce" not in " ".join(sum(policy.values(), []))


def test_it_names_the_cookies_with_the_host_prefix_in_production(production):
    csrf = production["login_form"]["cookies"]["__Host-csrftoken"]
    assert csrf["secure"] and csrf["httponly"]
    assert csrf["path"] == "/"
    assert csrf["domain"] == ""
    session = production["sign_in"]["cookies"]["__Host-sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["path"] == "/"
    assert session["domain"] == ""
    assert "sessionid" not in production["sign_in"]["cookies"]


def test_it_names_the_production_cookies_on_the_privacy_page(production):
    assert "<code>__Host-sessionid</code>" in production["privacy_page"]
    assert "<code>__Host-csrftoken</code>" in production["privacy_page"]


def test_it_signs_in_and_reads_the_host_prefixed_session_cookie(production):
    assert production["sign_in"]["status"] == 302
    page = production["signed_in_page"]
    assert page["status"] == 200
    assert page["headers"]["Cache-Control"] == "private, no-store"


def test_it_serves_hashed_static_files_for_a_year(production):
    assert production["static_url"] != "/static/css/base.css"
    response = production["static"]
    assert response["status"] == 200
    assert response["headers"]["Content-Type"].startswith("text/css")
    assert response["headers"]["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["headers"]["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "Access-Control-Allow-Origin" not in response["headers"]

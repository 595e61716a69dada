"""Settings come from the environment and fail loudly when production is not
configured on purpose."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.sites.models import Site

from groups_site import settings as project_settings

BASE_DIR = Path(__file__).resolve().parent.parent


def test_it_takes_site_name_and_domain_from_settings(db):
    site = Site.objects.get_current()
    assert site.domain == settings.SITE_DOMAIN
    assert site.name == settings.SITE_NAME
    assert "example.com" not in site.domain


def test_it_hashes_passwords_with_argon2_in_production():
    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_it_reuses_database_connections():
    assert project_settings.DATABASES["default"]["CONN_MAX_AGE"] >= 60
    assert project_settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def test_it_uses_a_real_local_cache_so_rate_limits_count():
    backend = project_settings.CACHES["default"]["BACKEND"]
    assert "DummyCache" not in backend
    assert project_settings.ACCOUNT_RATE_LIMITS is not False


def run_settings(env: dict, code: str = "") -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", f"import groups_site.settings as s\n{code}"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_settings({"DEBUG": "false", "ALLOWED_HOSTS": "kindred.example"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_it_refuses_to_start_without_allowed_hosts_when_debug_is_off():
    result = run_settings({"DEBUG": "false", "SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_it_rejects_a_malformed_boolean():
    result = run_settings({"DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_it_reads_the_proxy_that_tells_client_addresses_from_the_environment():
    show = "print(s.ALLAUTH_TRUSTED_PROXY_COUNT, s.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)"

    assert run_settings({}, show).stdout.split() == ["0", "None"]
    assert run_settings({"TRUSTED_PROXY_COUNT": "1"}, show).stdout.split() == [
        "1",
        "None",
    ]
    result = run_settings({"TRUSTED_CLIENT_IP_HEADER": "X-Real-IP"}, show)
    assert result.stdout.split() == ["0", "X-Real-IP"]
    both = {"TRUSTED_PROXY_COUNT": "1", "TRUSTED_CLIENT_IP_HEADER": "X-Real-IP"}
    assert "not both" in run_settings(both).stderr


def test_it_gives_a_working_cache_client_for_redis_url():
    # REDIS_URL as the README documents it: the client library must be installed.
    code = (
        "import django; django.setup()\n"
        "from django.core.cache import cache\n"
        "print(type(cache._cache).__name__)"
    )
    result = run_settings({"REDIS_URL": "redis://127.0.0.1:6379/15"}, code)
    assert result.stdout.strip() == "RedisCacheClient", result.stderr[-2000:]


def test_it_passes_deploy_checks_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env={
            # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak in here.
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DEBUG": "false",
            "SECRET_KEY": "k" * 20 + "-production-like-secret-key-for-the-check-0123",
            "ALLOWED_HOSTS": "kindred.example",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr

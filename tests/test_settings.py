"""Settings come from the environment and fail loudly when production is not
configured on purpose."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.sites.models import Site

from groups_site import checks
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
        "from django.core.cache.backends.redis import RedisCacheClient\n"
        "print(isinstance(cache._cache, RedisCacheClient), cache._cache.get_client())"
    )
    result = run_settings({"REDIS_URL": "redis://127.0.0.1:6379/15"}, code)
    assert result.stdout.startswith("True <redis.client.Redis("), result.stderr[-2000:]


def deploy_check(**env) -> subprocess.CompletedProcess:
    """`manage.py check --deploy` with production settings (DEBUG off)."""
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env={
            # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak in here.
            **{
                k: v
                for k, v in os.environ.items()
                if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL"}
            },
            "DEBUG": "false",
            "SECRET_KEY": "k" * 20 + "-production-like-secret-key-for-the-check-0123",
            "ALLOWED_HOSTS": "kindred.example",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_passes_deploy_checks_with_production_settings():
    # The check only reads settings: no Redis server is needed for it.
    result = deploy_check(REDIS_URL="redis://127.0.0.1:6379/13")

    assert result.returncode == 0, result.stdout + result.stderr


def test_it_warns_at_deploy_when_rate_limits_are_not_shared_between_processes():
    result = deploy_check()

    assert result.returncode != 0
    assert "groups_site.W001" in result.stderr


def test_it_writes_logs_to_stdout_as_json_in_production():
    show = "print(s.LOGGING['handlers']['console']['formatter'], s.LOG_FORMAT)"
    production = {"DEBUG": "false", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "a.b"}

    assert run_settings(production, show).stdout.split() == ["json", "json"]
    assert run_settings({}, show).stdout.split() == ["text", "text"]
    assert run_settings({"LOG_FORMAT": "json"}, show).stdout.split() == [
        "json",
        "json",
    ]
    assert "LOG_FORMAT must be" in run_settings({"LOG_FORMAT": "xml"}).stderr
    assert project_settings.LOGGING["handlers"]["console"]["stream"] == (
        "ext://sys.stdout"
    )


def test_it_refuses_host_prefixed_cookies_a_browser_would_drop(settings):
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    settings.CSRF_COOKIE_SECURE = True
    assert checks.check_host_prefixed_cookies(None) == []

    settings.SESSION_COOKIE_DOMAIN = ".kindred.example"
    settings.CSRF_COOKIE_SECURE = False

    errors = checks.check_host_prefixed_cookies(None)
    assert [error.id for error in errors] == ["groups_site.E002"] * 2


def gunicorn_settings(**env) -> dict:
    code = (
        "import json, runpy\n"
        "c = runpy.run_path('gunicorn.conf.py')\n"
        "names = ['workers', 'timeout', 'graceful_timeout', 'bind', 'accesslog']\n"
        "print(json.dumps({name: c[name] for name in names}))"
    )
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"WEB_CONCURRENCY", "GUNICORN_ACCESS_LOG", "GUNICORN_BIND"}
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return json.loads(result.stdout)


def test_it_runs_gunicorn_with_workers_from_the_cores_and_timeouts():
    config = gunicorn_settings()

    assert config["workers"] == 2 * len(os.sched_getaffinity(0)) + 1
    assert config["timeout"] == 30
    assert config["graceful_timeout"] == 30
    assert config["bind"] == "127.0.0.1:8000"
    # Kindred's own request line is the access log (no addresses, no queries).
    assert config["accesslog"] is None


def test_it_takes_gunicorns_workers_and_access_log_from_the_environment():
    config = gunicorn_settings(WEB_CONCURRENCY="3", GUNICORN_ACCESS_LOG="-")

    assert config["workers"] == 3
    assert config["accesslog"] == "-"


def test_gunicorn_accepts_its_configuration_and_loads_the_site():
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--check-config", "groups_site.wsgi"],
        cwd=BASE_DIR,
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DEBUG": "false",
            "SECRET_KEY": "k" * 20 + "-production-like-secret-key-for-the-check-0123",
            "ALLOWED_HOSTS": "kindred.example",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    assert "Error" not in result.stderr


def test_gunicorns_own_messages_are_json_lines():
    code = (
        "import runpy\n"
        "from gunicorn.config import Config\n"
        "c = runpy.run_path('gunicorn.conf.py')\n"
        "c['logger_class'](Config()).error_log.warning('Worker timed out')"
    )
    environment = {k: v for k, v in os.environ.items() if k != "LOG_FORMAT"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )

    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["logger"] == "gunicorn.error"
    assert line["level"] == "WARNING"
    assert line["message"] == "Worker timed out"

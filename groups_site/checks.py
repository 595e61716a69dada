"""Deployment checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """Rate limits (sign-in, sign-up, comments, joining...) and cached pages live in
    the cache; a per-process cache counts each limit once per gunicorn worker and
    forgets it on every restart."""
    if settings.CACHES["default"]["BACKEND"] in PER_PROCESS_CACHES:
        return [
            Warning(
                "The cache is not shared between processes, so each worker counts "
                "rate limits on its own and a restart resets them.",
                hint="Set REDIS_URL.",
                id="groups_site.W001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_host_prefixed_cookies(app_configs, **kwargs):
    """Browsers drop a __Host- cookie set without Secure, with a Domain or for
    less than the whole site: nobody could sign in or send a form."""
    errors = []
    for kind in ("SESSION", "CSRF"):
        name = getattr(settings, f"{kind}_COOKIE_NAME")
        if not name.startswith("__Host-"):
            continue
        if (
            not getattr(settings, f"{kind}_COOKIE_SECURE")
            or getattr(settings, f"{kind}_COOKIE_DOMAIN") is not None
            or getattr(settings, f"{kind}_COOKIE_PATH") != "/"
        ):
            errors.append(
                Error(
                    f"{kind}_COOKIE_NAME starts with __Host- but the cookie is not "
                    "Secure, has a Domain or a Path other than /.",
                    id="groups_site.E002",
                )
            )
    return errors

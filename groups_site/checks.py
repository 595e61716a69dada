"""System checks of our own. `manage.py check --deploy` warns when production
would keep state inside one process (README "Deploying": nothing local)."""

from django.conf import settings
from django.core import checks

# Caches that each process keeps for itself: rate limits counted in them hold in
# one gunicorn worker only, and a change seen by one worker is not seen by others.
PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if backend not in PROCESS_LOCAL_CACHES:
        return []
    return [
        checks.Warning(
            "The cache is kept inside each process, so rate limits (wrong "
            "passwords, posting) and cached pages are not shared between gunicorn "
            "workers or servers.",
            hint="Set REDIS_URL (README: Configuration, Deploying).",
            id="kindred.W001",
        )
    ]

"""Whole pages for signed-out visitors, from the shared cache (Redis in production).

A public GET view wrapped in ``shared_when_signed_out`` answers a visitor who has
no session cookie from the cache when it can. A page is stored only when nothing
in it belongs to one visitor: a 200 that used no CSRF token, set no cookie, wrote
nothing to the session and read no CSP nonce. Signed-in members (and anyone with
a session, such as a visitor who has just signed out and has a message waiting)
always get a page rendered for them.

Freshness comes from versions, one per *tag* (``"site"``, ``"groups"``,
``"group:<slug>"``, ``"articles"``, ``"article:<slug>"``, ``"discussion:<id>"``).
A page names its tags: the ones known from its URL (``tags=``), read in the same
cache round trip as the page itself, and any found while it renders
(``depends_on``). The page is stored with the versions its tags had *before* it
read any data; the services that change data call ``changed(tag, ...)``, which
bumps the versions now and again once the transaction commits, so a page stored
from data read in between is not served either. This module is the one owner of
those versions; the apps name their tags in their own ``caching`` modules.

The time limit (``PAGE_CACHE_SECONDS``) only bounds memory, and a key also holds
a digest of the code and templates, so a new release never serves an older
release's pages."""

import contextvars
import functools
import hashlib
import math
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone, translation
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from groups_site.lib.web import query_digest

# Every page shows the site's own things (topics in menus, the crisis resources).
SITE = "site"
VERSION_PREFIX = "pagever:"
PAGE_PREFIX = "page:"
FRAGMENT_PREFIX = "fragment:"
HEADER = "X-Page-Cache"
# Headers a stored page keeps (the rest are set afresh by the middleware).
KEPT_HEADERS = ("Content-Type", "Content-Language", "X-Robots-Tag", "Link")

_collecting: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "pagecache_collecting", default=None
)


# Versions -------------------------------------------------------------------------


def version_key(tag: str) -> str:
    return VERSION_PREFIX + tag


def _read_versions(tags: Iterable[str], found: dict | None = None) -> dict | None:
    """{version key: version} for ``tags``, creating the missing ones. Starting
    from the clock, a version lost from the cache never comes back as one that an
    older page was stored under. None when the cache can't keep them."""
    keys = [version_key(tag) for tag in tags]
    if found is None:
        found = cache.get_many(keys)
    versions = {key: found[key] for key in keys if key in found}
    missing = [key for key in keys if key not in versions]
    if missing:
        for key in missing:
            cache.add(key, time.time_ns(), timeout=None)
        versions |= cache.get_many(missing)
    if len(versions) < len(keys):
        return None
    return versions


def _bump(tags: tuple[str, ...]) -> None:
    for tag in tags:
        try:
            cache.incr(version_key(tag))
        except ValueError:  # not set yet, or evicted: any new value will do
            cache.set(version_key(tag), time.time_ns(), timeout=None)


def changed(*tags: str) -> None:
    """Pages showing any of ``tags`` are no longer served: now, and again once the
    current transaction (if any) commits."""
    tags = tuple(tag for tag in tags if tag)
    if not tags:
        return
    _bump(tags)
    transaction.on_commit(lambda: _bump(tags))


def version(tag: str) -> int:
    """The current version of ``tag``, for other caches keyed on it (0 when the
    cache can't keep it)."""
    versions = _read_versions([tag])
    return versions[version_key(tag)] if versions else 0


def depends_on(*tags: str) -> None:
    """The page being rendered shows data under ``tags`` (found only while
    rendering, such as an article's discussion, known by the article's id). Call
    it before reading that data. Does nothing outside a shared page."""
    collected = _collecting.get()
    if collected is None:
        return
    versions = _read_versions(tags)
    if versions is None:
        collected["broken"] = True
    else:
        collected["versions"] |= versions


def is_collecting() -> bool:
    """Whether a page to be shared is being rendered (so what it depends on is
    worth a query to find out)."""
    return _collecting.get() is not None


def valid_until(moment) -> None:
    """The page being rendered changes by itself at ``moment`` (a datetime; say,
    when the next meeting it lists starts): it is not served after then."""
    collected = _collecting.get()
    if collected is not None and moment is not None:
        seconds = math.ceil((moment - timezone.now()).total_seconds())
        collected["seconds"] = min(collected["seconds"], max(seconds, 0))


# The page -------------------------------------------------------------------------


@functools.cache
def release() -> str:
    """A digest of the code and templates: pages stored by another release (with
    other markup) are never served by this one."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder in ("accounts", "articles", "groups", "groups_site", "templates"):
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in {".py", ".html", ".txt"} and path.is_file():
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _shareable_request(request, params: frozenset[str], when) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and all(name in params for name in request.GET)
        and (when is None or when(request))
    )


def _page_key(request, variant: str) -> str:
    query = query_digest(request.GET.lists())
    parts = [
        request.scheme,
        request.get_host(),
        request.path,
        query,
        "exit-note" if getattr(request, "show_exit_notice", False) else "",
        "htmx" if request.headers.get("HX-Request") else "",
        request.headers.get("HX-Target", ""),
        variant,
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"{PAGE_PREFIX}{release()}:{digest}"


def _storable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(getattr(request, "session", None), "modified", False)
        and not getattr(request, "_csp_nonce", None)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _mark(response, state: str):
    response[HEADER] = state
    vary = response.get("Vary")
    if not vary:
        response["Vary"] = "Cookie"
    elif "cookie" not in vary.lower():
        response["Vary"] = f"{vary}, Cookie"
    return response


def _from_entry(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"]:
        response[name] = value
    return _mark(response, "hit")


def shared_when_signed_out(
    *,
    tags: Callable[..., Iterable[str]] | Iterable[str] = (),
    params: Iterable[str] = (),
    variant: Callable | None = None,
    when: Callable | None = None,
):
    """Serve the view to visitors without a session from the shared cache.

    ``tags``: the tags the page shows, or a function of the view's URL arguments
    returning them ("site" is always added). ``params``: the query parameters the
    page understands; a request with any other is rendered, not shared (so made-up
    query strings can't fill the cache). ``variant``: a function of the request
    returning what else changes the page for a signed-out visitor (say, the place
    she last searched near), as a string. ``when``: a function of the request
    saying whether this one may be shared at all."""
    params = frozenset(params)

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not _shareable_request(request, params, when):
                return view(request, *args, **kwargs)
            page_tags = [SITE, *(tags(**kwargs) if callable(tags) else tags)]
            key = _page_key(request, variant(request) if variant else "")
            entry, found = _look_up(key, page_tags)
            if entry is not None:
                return _from_entry(entry)
            response, collected = _collect(
                page_tags, found, lambda: view(request, *args, **kwargs)
            )
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if (
                not collected["broken"]
                and collected["seconds"] > 0
                and _storable(request, response)
            ):
                _store(key, response, collected["versions"], collected["seconds"])
                return _mark(response, "miss")
            return _mark(response, "skip")

        return wrapped

    return decorator


def _look_up(key: str, tags: list[str]) -> tuple[dict | None, dict]:
    """The entry stored at ``key`` while still current (else None), and the
    versions of ``tags`` read in the same round trip."""
    found = cache.get_many([key, *(version_key(tag) for tag in tags)])
    entry = found.pop(key, None)
    if entry is not None and _fresh(entry, found):
        return entry, found
    return None, found


def _collect(tags: list[str], found: dict, produce: Callable):
    """``produce()``, and what was gathered while it ran (the versions of
    ``tags`` read before it, those of what it depends on, its time limit)."""
    versions = _read_versions(tags, found)
    collected = {
        "versions": dict(versions or {}),
        "broken": versions is None,
        "seconds": settings.PAGE_CACHE_SECONDS,
    }
    token = _collecting.set(collected)
    try:
        return produce(), collected
    finally:
        _collecting.reset(token)


def _fresh(entry: dict, found: dict) -> bool:
    # The cache drops it then too; this holds whatever the cache's clock says.
    if time.time() >= entry["expires"]:
        return False
    stored = entry["versions"]
    extra = [key for key in stored if key not in found]
    if extra:
        found = found | cache.get_many(extra)
    return all(found.get(key) == value for key, value in stored.items())


def _store(key: str, response, versions: dict, seconds: int) -> None:
    headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
    entry = {
        "content": response.content,
        "headers": headers,
        "versions": versions,
        "expires": time.time() + seconds,
    }
    cache.set(key, entry, seconds)


# Fragments ------------------------------------------------------------------------


def shared_fragment(name: str, tags: Iterable[str], render: Callable[[], object]):
    """What ``render()`` returns (a piece of HTML, or any value that pickles),
    shared from the cache by every page that shows it, signed in or not. For the
    viewer-independent parts of signed-in pages (an article's text, the home page's
    cards): they are kept fresh exactly as whole pages are.

    ``name`` says what it is and everything it varies on besides its ``tags``
    (the language and release are added). While ``render`` runs, what it finds
    (``depends_on``, ``valid_until``) is gathered for the fragment as for a page;
    the fragment passes its versions and its time limit on to the page around
    it, if that page is to be shared, whether it was rendered now or came from
    the cache. Renders every time when the page cache is off."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return render()
    tags = [SITE, *tags]
    key = (
        f"{FRAGMENT_PREFIX}{release()}:{translation.get_language()}:"
        + hashlib.sha256(name.encode()).hexdigest()
    )
    entry, found = _look_up(key, tags)
    if entry is not None:
        _pass_on(entry["versions"], entry["expires"])
        return entry["content"]
    content, collected = _collect(tags, found, render)
    expires = time.time() + collected["seconds"]
    _pass_on(collected["versions"], expires, broken=collected["broken"])
    if not collected["broken"] and collected["seconds"] > 0:
        entry = {
            "content": content,
            "versions": collected["versions"],
            "expires": expires,
        }
        cache.set(key, entry, collected["seconds"])
    return content


def _pass_on(versions: dict, expires: float, *, broken: bool = False) -> None:
    """A fragment's versions and time limit become the enclosing page's. A tag
    the page read at another version means its data changed meanwhile: the page
    is not stored."""
    collected = _collecting.get()
    if collected is None:
        return
    page_versions = collected["versions"]
    if broken or any(
        page_versions.get(key, value) != value for key, value in versions.items()
    ):
        collected["broken"] = True
    page_versions |= versions
    seconds = math.floor(expires - time.time())
    collected["seconds"] = min(collected["seconds"], max(seconds, 0))


def shared_page(template_name: str, extra_context: dict | None = None):
    """A static page (a TemplateView) shared with signed-out visitors."""
    view = TemplateView.as_view(
        template_name=template_name, extra_context=extra_context
    )
    return require_safe(shared_when_signed_out()(view))

import logging
import re
import time
import uuid

from django.conf import settings
from django.http import Http404
from django.utils.cache import patch_vary_headers

from groups_site import logs

# An id from the proxy is kept only if it is plainly an id: nothing a visitor
# sends can put other text into the logs or the response's headers.
REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9-]{8,64}")
request_logger = logging.getLogger("kindred.request")


EXIT_NOTICE_COOKIE = "kindred_exit_notice_seen"


class RequestIdMiddleware:
    """Give each request an id: the proxy's X-Request-ID when it looks like one,
    otherwise a new one. Every log line written while the request runs carries it
    (groups_site/logs.py), the response returns it in X-Request-ID, and one line
    per request records its method, URL pattern, status and duration.

    The line names the URL pattern (``/groups/<slug:slug>/``), never the address
    itself, and no query string, cookie or visitor's IP address: an unlisted
    group's private link, a password-reset key, a username or the town she
    searched near must not end up in the logs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request.request_id = (
            incoming if REQUEST_ID_PATTERN.fullmatch(incoming) else uuid.uuid4().hex
        )
        token = logs.request_id.set(request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.request_id
            if request_logger.isEnabledFor(logging.INFO):
                duration_ms = round((time.perf_counter() - started) * 1000, 1)
                path = logged_path(request)
                request_logger.info(
                    "%s %s %s %sms",
                    request.method,
                    path,
                    response.status_code,
                    duration_ms,
                    extra={
                        "request_id": request.request_id,
                        "method": request.method,
                        "path": path,
                        "status": response.status_code,
                        "duration_ms": duration_ms,
                    },
                )
            return response
        finally:
            logs.request_id.reset(token)


def logged_path(request) -> str:
    """The URL pattern the request matched; static files by their own path (they
    hold nothing private); anything else unmatched as "-"."""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.route:
        return "/" + match.route
    if request.path.startswith(settings.STATIC_URL):
        return request.path
    return "-"


class CrossOriginResourcePolicyMiddleware:
    """Cross-Origin-Resource-Policy: same-origin on every response (pages, static
    files, feeds): another site cannot embed our images, scripts or JSON, even
    with the visitor's cookies, to learn anything about her. Django has no setting
    for this header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class ExitNoticeMiddleware:
    """Show the short note about the "Exit this page" control on her first page only.

    GOV.UK's pattern explains the control once before she relies on it; a cookie
    records that she has seen it (it says nothing about her)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.show_exit_notice = EXIT_NOTICE_COOKIE not in request.COOKIES
        response = self.get_response(request)
        is_html = response.get("Content-Type", "").startswith("text/html")
        if request.show_exit_notice and is_html and response.status_code == 200:
            response.set_cookie(
                EXIT_NOTICE_COOKIE,
                "1",
                max_age=365 * 24 * 3600,
                samesite="Lax",
                secure=not settings.DEBUG,
                httponly=True,
            )
        return response


class UnstorableInputMiddleware:
    """404 for a URL holding a NUL character: PostgreSQL cannot store or compare
    one in text, so looking it up raised an error page (a 500) instead of "not
    found". Such a URL names nothing on this site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            raise Http404("No such page.")
        return self.get_response(request)


class PrivateResponseMiddleware:
    """Nothing shown to a signed-in member is kept by her browser or any cache on
    the way: pages such as "My groups", her notifications or a group page showing
    her request reveal what she belongs to, and a shared device or the Back button
    must not bring them back after she has left."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
            patch_vary_headers(response, ["Cookie"])
        return response

from django.conf import settings
from django.http import Http404
from django.utils.cache import patch_vary_headers

# Only our own origin, no inline script or style: a page cannot be made to load or
# send anything elsewhere, and injected markup cannot run.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)

EXIT_NOTICE_COOKIE = "kindred_exit_notice_seen"


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), payment=()"
        )
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

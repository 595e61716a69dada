from django.conf import settings

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

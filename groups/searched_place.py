"""The last place she searched near, so an article can offer "groups near you on
this topic". Kept in a signed cookie in her browser, never on the server (a
signed-out visitor gets no session row) and never her coordinates: only the
place name as she typed it. It ends with the browser, and signing out or "Exit
this page" forgets it."""

from django.conf import settings
from django.core import signing

from groups.models import Place
from groups.search import names_a_place, resolve_place

COOKIE = "kindred_place"
SALT = "groups.searched_place"
MAX_LENGTH = 120


def text(request) -> str:
    """The place name she last searched near ("" if none, or if the cookie was
    changed by anyone but us)."""
    value = request.COOKIES.get(COOKIE)
    if not value:
        return ""
    try:
        return str(signing.loads(value, salt=SALT))[:MAX_LENGTH]
    except signing.BadSignature:
        return ""


def place(request) -> Place | None:
    name = text(request)
    if not name:
        return None
    # Resolved here, when (rarely) a page needs it, not on every search.
    found, _ = resolve_place(name, alternatives=0)
    return found


def remember(request, response) -> None:
    """After a search near a place name: keep the name for her next pages."""
    name = request.GET.get("near", "")[:MAX_LENGTH].replace("\x00", "").strip()
    if names_a_place(name) and text(request) != name:
        response.set_cookie(
            COOKIE,
            signing.dumps(name, salt=SALT, compress=True),
            samesite="Lax",
            secure=not settings.DEBUG,
            httponly=True,
        )


class ForgetOnSignOutMiddleware:
    """Signing out (and "Exit this page", which signs out) forgets the place."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            getattr(request, "forget_searched_place", False)
            and COOKIE in request.COOKIES
        ):
            response.delete_cookie(COOKIE, samesite="Lax")
        return response


def forget_on_sign_out(sender, request, **kwargs):
    """django.contrib.auth's user_logged_out (a third-party event)."""
    if request is not None:
        request.forget_searched_place = True

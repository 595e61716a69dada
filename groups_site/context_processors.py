from django.conf import settings
from django.utils.functional import SimpleLazyObject

from accounts.services import unread_notification_count


def site(request):
    user = getattr(request, "user", None)

    def unread_count():
        # Cached per user (accounts.services owns it): no query once known, and
        # only on pages that render the header.
        if user is None or not user.is_authenticated:
            return 0
        return unread_notification_count(user)

    return {
        "SITE_NAME": settings.SITE_NAME,
        "show_exit_notice": getattr(request, "show_exit_notice", False),
        "unread_notification_count": SimpleLazyObject(unread_count),
    }

from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    user = getattr(request, "user", None)

    def unread_count():
        # One small indexed query, and only on pages that render the header.
        if user is None or not user.is_authenticated:
            return 0
        return user.notifications.unread().count()

    return {
        "SITE_NAME": settings.SITE_NAME,
        "show_exit_notice": getattr(request, "show_exit_notice", False),
        "unread_notification_count": SimpleLazyObject(unread_count),
    }

from django.conf import settings


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "show_exit_notice": getattr(request, "show_exit_notice", False),
    }

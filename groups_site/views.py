from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import logout
from django.db import connection
from django.http import (
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.forms import DeleteAccountForm, PrivacySettingsForm
from groups.models import Group, Topic

FEATURED_GROUP_COUNT = 3


def home(request):
    # Featured groups meet online: anyone, anywhere can join them, and the home
    # page does not know (or ask) where she is.
    featured_groups = (
        Group.objects.listed()
        .filter(status=Group.Status.ACTIVE, format=Group.Format.ONLINE)
        .prefetch_related("topics")
        .order_by("-created_at", "pk")[:FEATURED_GROUP_COUNT]
    )
    context = {"topics": Topic.objects.all(), "featured_groups": featured_groups}
    return render(request, "home.html", context)


@never_cache
def exit_page(request):
    """The "Exit this page" target. It must work as a plain link without JavaScript,
    so this GET ends the session (the one deliberate exception to "GET never
    writes") and sends her to a neutral site. Referrer-Policy: no-referrer keeps our
    address out of the next site's logs."""
    logout(request)
    response = HttpResponseRedirect(settings.EXIT_URL)
    response["Referrer-Policy"] = "no-referrer"
    response["Clear-Site-Data"] = '"cache"'
    return response


@require_GET
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /accounts/",
        "Disallow: /exit/",
        "Disallow: /admin/",
        "Disallow: /styleguide/",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def bench_bare(request):
    """The benchmark's baseline: Django's full middleware stack, no work."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def favicon(request):
    # Browsers ask for /favicon.ico whatever the page says; point them at ours.
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@staff_member_required
def styleguide(request):
    context = {
        "sample_form": PrivacySettingsForm(instance=request.user),
        "error_form": DeleteAccountForm(data={"confirm": "no"}),
    }
    return render(request, "styleguide.html", context)

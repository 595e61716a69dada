import json

from allauth.account.decorators import reauthentication_required
from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from accounts import emails, moderation, services
from accounts.access import is_moderator
from accounts.forms import (
    DeleteAccountForm,
    GuidelinesAcceptForm,
    PrivacySettingsForm,
    ProfileForm,
)
from accounts.models import CrisisResource, User
from groups_site import pagecache
from groups_site.lib.web import local_url


def profile_detail(request, username):
    profile = get_object_or_404(User, username__iexact=username, is_active=True)
    return render(request, "accounts/profile_detail.html", {"profile": profile})


@login_required
def profile_edit(request):
    status = 200
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=request.user)
        # Counted before the picture is decoded: decoding is the expensive part.
        if "avatar" in request.FILES and not ratelimit.consume(
            request, action="avatar_upload", user=request.user
        ):
            form.add_error(
                "avatar",
                "You have changed your picture several times in the last hour. "
                "Please try again later.",
            )
            status = 429
        elif form.is_valid():
            services.save_profile(form=form)
            messages.success(request, "Your profile is saved.")
            return redirect("accounts:profile_edit")
    else:
        form = ProfileForm(instance=request.user)
    return render(request, "accounts/profile_edit.html", {"form": form}, status=status)


@login_required
def privacy_settings(request):
    if request.method == "POST":
        form = PrivacySettingsForm(request.POST, instance=request.user)
        if form.is_valid():
            form.save()
            messages.success(
                request, "Your privacy and notification settings are saved."
            )
            return redirect("accounts:privacy_settings")
    else:
        form = PrivacySettingsForm(instance=request.user)
    context = {
        "form": form,
        "panels": _settings_panels(request),
        "discreet_from_name": settings.DISCREET_FROM_NAME,
    }
    return render(request, "accounts/privacy_settings.html", context)


def _settings_panels(request) -> list[str]:
    """Panels the apps further up the chain add to the page (her private
    calendar...), rendered: settings.ACCOUNT_SETTINGS_PANELS lists functions
    ``f(user) -> (template name, context)``."""
    panels = []
    for path in settings.ACCOUNT_SETTINGS_PANELS:
        template_name, context = import_string(path)(request.user)
        panels.append(render_to_string(template_name, context, request=request))
    return panels


@login_required
def notification_list(request):
    notifications = request.user.notifications.select_related("actor")[:100]
    return render(
        request,
        "accounts/notification_list.html",
        {
            "notifications": notifications,
            "unread_count": sum(n.is_unread for n in notifications),
        },
    )


@login_required
@require_POST
def notification_open(request, notification_id):
    """Mark one notification read and go where it points (its own link, when
    that is on this site), so opening it from the list reads it."""
    notification = services.mark_notification_read(
        user=request.user, notification_id=notification_id
    )
    if notification is None:
        raise Http404
    target = local_url(
        notification.url, host=request.get_host(), https=request.is_secure()
    )
    return redirect(target or "accounts:notification_list")


@csrf_exempt
def email_unsubscribe(request, token):
    """One-click unsubscribe from an e-mail, no sign-in needed: the signed token
    is the credential. GET asks to confirm (a link preview or scanner must not
    unsubscribe her); POST, from the page's button or from her mail provider
    (RFC 8058, which sends no CSRF token), turns that e-mail off."""
    found = emails.read_unsubscribe_token(token)
    if found is None:
        raise Http404
    user, category = found
    done = request.method == "POST"
    if done:
        emails.unsubscribe(user=user, category=category)
    context = {"category_name": emails.CATEGORY_NAMES[category], "done": done}
    return render(request, "accounts/email_unsubscribe.html", context)


@login_required
@require_POST
def notifications_mark_read(request):
    services.mark_notifications_read(user=request.user)
    messages.success(request, "All notifications are marked as read.")
    return redirect("accounts:notification_list")


@login_required
def data_export(request):
    return render(request, "accounts/data_export.html")


@login_required
@require_POST
def data_export_download(request):
    # POST, not GET: a download link must not be triggerable by another site or a
    # prefetching browser, and the file holds everything about her.
    data = services.export_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"kindred-data-{timezone.now():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@reauthentication_required
def account_delete(request):
    if request.method == "POST":
        form = DeleteAccountForm(request.POST)
        if form.is_valid():
            services.delete_account(user=request.user)
            logout(request)
            messages.success(request, "Your account and personal data are deleted.")
            return redirect("home")
    else:
        form = DeleteAccountForm()
    return render(request, "accounts/account_delete.html", {"form": form})


def _back(request, default):
    """Where a block or unblock button asked to return to, if it is ours."""
    next_url = request.POST.get("next", "")
    host, https = request.get_host(), request.is_secure()
    return local_url(next_url, host=host, https=https) or default


@login_required
@require_POST
def user_block(request, username):
    person = get_object_or_404(User, username__iexact=username, is_active=True)
    try:
        services.block_user(blocker=request.user, blocked=person)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            f"You blocked {person.public_name}. They are not told. Their comments "
            "are folded away for you, and their replies and @mentions don't notify "
            "you.",
        )
    return redirect(_back(request, person.get_absolute_url()))


@login_required
@require_POST
def user_unblock(request, username):
    person = get_object_or_404(User, username__iexact=username)
    services.unblock_user(blocker=request.user, blocked=person)
    messages.success(request, f"You unblocked {person.public_name}.")
    return redirect(_back(request, reverse("accounts:blocked_list")))


@login_required
@require_POST
def block_remove(request, block_id):
    """Undo one of her blocks from her list (the only way to undo a block made
    from an anonymous comment: she never knew whose it was)."""
    if not services.remove_block(blocker=request.user, block_id=block_id):
        raise Http404("No such block.")
    messages.success(request, "Done. Their comments show for you again.")
    return redirect("accounts:blocked_list")


@login_required
def blocked_list(request):
    blocks = request.user.blocks_made.select_related("blocked").order_by("-created_at")
    return render(request, "accounts/blocked_list.html", {"blocks": blocks})


@login_required
def warning_list(request):
    """A moderator's warnings to her, with the reasons."""
    warnings = request.user.warnings.all()
    return render(request, "accounts/warning_list.html", {"warnings": warnings})


@login_required
@require_POST
def warnings_acknowledge(request):
    moderation.acknowledge_warnings(user=request.user)
    messages.success(request, "Thank you. The warning is marked as read.")
    return redirect("accounts:warning_list")


@login_required
def guidelines_accept(request):
    """Accounts made without the sign-up form (createsuperuser, the admin) agree
    to the guidelines here before they post, then go back where they were."""
    next_url = local_url(
        request.POST.get("next") or request.GET.get("next", ""),
        host=request.get_host(),
        https=request.is_secure(),
    )
    if request.method == "POST":
        form = GuidelinesAcceptForm(request.POST)
        if form.is_valid():
            request.user.accept_guidelines()
            messages.success(request, "Thank you for agreeing to the guidelines.")
            return redirect(next_url or "home")
    else:
        form = GuidelinesAcceptForm()
    context = {"form": form, "next_url": next_url}
    return render(request, "accounts/guidelines_accept.html", context)


@require_safe
@pagecache.shared_when_signed_out()
def crisis_support(request):
    """Crisis lines and services by region, international ones first. Moderators
    also see which entries came with the site and still need checking."""
    resources = CrisisResource.objects.all()
    by_region = {}
    for resource in resources:
        by_region.setdefault(resource.region, []).append(resource)
    regions = sorted(
        by_region,
        key=lambda code: (
            code != CrisisResource.Region.INTERNATIONAL,
            CrisisResource.Region(code).label,
        ),
    )
    context = {
        "regions": [
            {"name": CrisisResource.Region(code).label, "resources": by_region[code]}
            for code in regions
        ],
        "is_moderator": is_moderator(request.user),
    }
    return render(request, "accounts/crisis_support.html", context)

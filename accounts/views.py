import json

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts import services
from accounts.forms import DeleteAccountForm, PrivacySettingsForm, ProfileForm
from accounts.models import User


def profile_detail(request, username):
    profile = get_object_or_404(User, username__iexact=username, is_active=True)
    return render(request, "accounts/profile_detail.html", {"profile": profile})


@login_required
def profile_edit(request):
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=request.user)
        if form.is_valid():
            services.save_profile(form=form)
            messages.success(request, "Your profile is saved.")
            return redirect("accounts:profile_edit")
    else:
        form = ProfileForm(instance=request.user)
    return render(request, "accounts/profile_edit.html", {"form": form})


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
    return render(request, "accounts/privacy_settings.html", {"form": form})


@login_required
def notification_list(request):
    notifications = request.user.notifications.all()[:100]
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
    response["Cache-Control"] = "no-store"
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


def user_block(request, username):
    return HttpResponse("TODO")


def user_unblock(request, username):
    return HttpResponse("TODO")


def blocked_list(request):
    return HttpResponse("TODO")

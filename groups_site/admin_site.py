from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.shortcuts import render

from accounts.access import can_use_admin, needs_mfa_setup


class AdminSite(admin.AdminSite):
    """The Django admin, opened only through the site's own sign-in (so its rate
    limits and two-step sign-in apply) and only to staff with two-step sign-in.
    Its own password form is never shown: it checked passwords without limits and
    let a staff account in with the password alone."""

    site_header = f"{settings.SITE_NAME} administration"
    site_title = settings.SITE_NAME

    def has_permission(self, request):
        return super().has_permission(request) and can_use_admin(request.user)

    def login(self, request, extra_context=None):
        if needs_mfa_setup(request.user):
            return render(request, "admin/mfa_required.html", status=403)
        # Signed out: to the site's sign-in and back. Signed in without staff
        # rights: 403. Staff: on to the admin.
        return secure_admin_login(super().login)(request, extra_context)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Staff may look; nothing is added, changed or deleted here. Moderators act
    from the queue at /moderation/, through the services that keep derived
    values right (the comment tree, seats) and write the audit log."""

    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

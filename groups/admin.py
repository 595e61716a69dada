from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models

from groups import caching, moderation
from groups.meetings.generation import sync_group
from groups.meetings.rsvp import apply_group_capacity
from groups.models import (
    AccessFlag,
    Group,
    GroupReport,
    Meeting,
    Membership,
    Place,
    PrivateDetailView,
    Topic,
)
from groups_site import pagecache
from groups_site.admin_site import ReadOnlyAdmin


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    # Topics show on most pages (menus, cards, articles): all of them are due.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        pagecache.changed(pagecache.SITE)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        pagecache.changed(pagecache.SITE)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        pagecache.changed(pagecache.SITE)


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "country", "population", "timezone"]
    search_fields = ["search_name", "name"]
    list_filter = ["country_code"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]
    fields = ["user", "role", "state", "created_at"]
    readonly_fields = ["created_at"]

    # Read-only: memberships change through groups.services (joining, approving,
    # removing, assigning an organizer from the moderation queue), which keep
    # the counts, notifications and audit log right.
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ["user", "group", "role", "state", "created_at"]
    list_filter = ["role", "state"]


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    # A link typed without a scheme is https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "status", "visibility", "format", "place", "created_at"]
    list_filter = ["status", "visibility", "format", "facilitation", "topics"]
    search_fields = ["name", "tagline"]
    raw_id_fields = ["place", "created_by"]
    filter_horizontal = ["topics"]
    inlines = [MembershipInline]
    actions = ["approve"]
    # The address follows the visibility (Group.assign_slug): readable when listed,
    # unguessable when unlisted. Staff change the visibility, not the slug.
    readonly_fields = ["slug"]

    def save_model(self, request, obj, form, change):
        old_slug = obj.slug if change else ""
        if not change or "visibility" in form.changed_data:
            obj.assign_slug()
        super().save_model(request, obj, form, change)
        # Meetings follow the group's zone, status and seats (groups.meetings).
        if change and {"timezone", "status"} & set(form.changed_data):
            sync_group(obj)
        if change and "capacity" in form.changed_data:
            apply_group_capacity(obj, form.initial.get("capacity"))
        caching.group_changed(obj, old_slug=old_slug)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        caching.group_changed(obj)

    def delete_queryset(self, request, queryset):
        groups = list(queryset)
        super().delete_queryset(request, queryset)
        caching.groups_changed(groups)

    @admin.action(description="Approve selected groups (list them)")
    def approve(self, request, queryset):
        approved = 0
        for group in queryset:
            try:
                moderation.approve_group(group=group, moderator=request.user)
                approved += 1
            except ValidationError:
                pass
        self.message_user(request, f"{approved} group(s) approved.", messages.SUCCESS)


@admin.register(AccessFlag)
class AccessFlagAdmin(ReadOnlyAdmin):
    list_display = ["user", "day", "group_count", "reviewed"]
    list_filter = ["reviewed", "day"]


@admin.register(GroupReport)
class GroupReportAdmin(ReadOnlyAdmin):
    list_display = ["group", "reason", "created_at", "resolved_at"]
    list_filter = ["reason"]


@admin.register(PrivateDetailView)
class PrivateDetailViewAdmin(admin.ModelAdmin):
    list_display = ["user", "group", "viewed_at"]
    raw_id_fields = ["user", "group"]
    date_hierarchy = "viewed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    """Read only: meetings change through the organizer tools (groups.meetings),
    which keep the seats, the waitlist and the people going informed. Who is going
    is not shown here."""

    list_display = [
        "group",
        "starts_at",
        "status",
        "capacity",
        "going_count",
        "waitlist_count",
    ]
    list_filter = ["status"]
    raw_id_fields = ["group", "schedule"]
    date_hierarchy = "starts_at"
    exclude = ["street_address", "online_link"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

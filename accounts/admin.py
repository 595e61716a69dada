from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from accounts.models import Notification, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "display_name", "is_active", "is_staff", "date_joined"]
    search_fields = ["username", "display_name", "email"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (
            "Kindred",
            {
                "fields": [
                    "display_name",
                    "bio",
                    "avatar",
                    "guidelines_accepted_at",
                    "email_notifications",
                    "discreet_emails",
                ]
            },
        ),
    ]
    readonly_fields = ["guidelines_accepted_at"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "kind", "text", "created_at", "read_at"]
    list_filter = ["kind"]
    list_select_related = ["recipient", "actor"]
    raw_id_fields = ["recipient"]
    # The message is a template ("{actor} joined ..."): staff read it filled in,
    # and only notify() writes it.
    fields = ["recipient", "kind", "actor", "text", "url", "created_at", "read_at"]
    readonly_fields = ["actor", "text", "created_at"]

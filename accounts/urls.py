from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("accounts/profile/", views.profile_edit, name="profile_edit"),
    path("accounts/privacy/", views.privacy_settings, name="privacy_settings"),
    path("accounts/export/", views.data_export, name="data_export"),
    path(
        "accounts/export/download/",
        views.data_export_download,
        name="data_export_download",
    ),
    path("accounts/delete/", views.account_delete, name="account_delete"),
    path("u/<str:username>/", views.profile_detail, name="profile_detail"),
    path("u/<str:username>/block/", views.user_block, name="user_block"),
    path("u/<str:username>/unblock/", views.user_unblock, name="user_unblock"),
    path("accounts/blocked/", views.blocked_list, name="blocked_list"),
    path("accounts/warnings/", views.warning_list, name="warning_list"),
    path(
        "accounts/warnings/acknowledge/",
        views.warnings_acknowledge,
        name="warnings_acknowledge",
    ),
    path(
        "accounts/guidelines/accept/",
        views.guidelines_accept,
        name="guidelines_accept",
    ),
    path(
        "accounts/blocked/<int:block_id>/remove/",
        views.block_remove,
        name="block_remove",
    ),
    path("support/", views.crisis_support, name="crisis_support"),
    path("notifications/", views.notification_list, name="notification_list"),
    path(
        "notifications/<int:notification_id>/open/",
        views.notification_open,
        name="notification_open",
    ),
    path(
        "email/unsubscribe/<str:token>/",
        views.email_unsubscribe,
        name="email_unsubscribe",
    ),
    path(
        "notifications/read/",
        views.notifications_mark_read,
        name="notifications_mark_read",
    ),
]

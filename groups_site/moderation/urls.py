from django.urls import path

from groups_site.moderation import views

app_name = "moderation"

urlpatterns = [
    path("", views.moderation_queue, name="moderation_queue"),
    path("log/", views.audit_log, name="audit_log"),
]

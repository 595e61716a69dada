from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "groups"
    # Not to be confused with django.contrib.auth's permission groups.
    verbose_name = "Support groups"
    default_auto_field = "django.db.models.BigAutoField"

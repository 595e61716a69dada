from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "groups"
    # Not to be confused with django.contrib.auth's permission groups.
    verbose_name = "Support groups"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_out

        from groups.searched_place import forget_on_sign_out

        user_logged_out.connect(
            forget_on_sign_out, dispatch_uid="groups.searched_place"
        )

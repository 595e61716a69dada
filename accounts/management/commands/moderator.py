"""Make someone a site moderator, or stop her being one.

    manage.py moderator add <username>
    manage.py moderator remove <username>
    manage.py moderator list

A moderator is staff holding the accounts.moderate_community permission; her
powers open once she has set up two-step sign-in (accounts.access.is_moderator).
Removing a moderator takes the permission and leaves her staff status alone."""

from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User


def moderation_permission() -> Permission:
    return Permission.objects.get(
        content_type__app_label="accounts", codename="moderate_community"
    )


class Command(BaseCommand):
    help = "Add, remove or list site moderators."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["add", "remove", "list"])
        parser.add_argument("username", nargs="?")

    def handle(self, *args, action, username=None, **options):
        permission = moderation_permission()
        if action == "list":
            for user in permission.user_set.order_by("username"):
                self.stdout.write(user.username)
            return
        if not username:
            raise CommandError("Give the username.")
        try:
            user = User.objects.get(username__iexact=username)
        except User.DoesNotExist:
            raise CommandError(f"No account called {username}.") from None
        if action == "add":
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            user.user_permissions.add(permission)
            self.stdout.write(
                f"{user.username} is a moderator (once two-step sign-in is on)."
            )
        else:
            user.user_permissions.remove(permission)
            self.stdout.write(f"{user.username} is no longer a moderator.")

"""Until now every staff account with two-step sign-in moderated. Moderators now
hold a permission; the staff of the day keep their powers by getting it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def give_staff_the_permission(apps, schema_editor):
    # Permissions are made after migrations run; make this one now (the
    # historical app config needs models_module set to be looked at).
    app_config = apps.get_app_config("accounts")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    User = apps.get_model("accounts", "User")
    permission = Permission.objects.get(
        content_type__app_label="accounts", codename="moderate_community"
    )
    for user in User.objects.filter(is_staff=True, is_active=True):
        user.user_permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_add_moderate_community_permission"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(give_staff_the_permission, migrations.RunPython.noop),
    ]

from django.db import migrations

from groups.models import unlisted_slug


def give_private_links(apps, schema_editor):
    """Unlisted groups' slugs were their slugified names, so anyone could guess
    them: give each an unguessable one (the old link stops working)."""
    Group = apps.get_model("groups", "Group")
    for group in Group.objects.filter(visibility="unlisted").only("pk", "name"):
        group.slug = unlisted_slug(group.name)
        group.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0003_add_listed_by_name_index"),
    ]

    operations = [
        # Going back keeps the new addresses: they work as well as the old ones,
        # and the old ones must not come back.
        migrations.RunPython(give_private_links, migrations.RunPython.noop),
    ]

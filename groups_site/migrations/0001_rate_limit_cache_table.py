"""The table holding rate-limit counters while Redis is unavailable (the
"rate_limits" cache in settings.py; see groups_site/lib/cache.py). Made here so
every `migrate` provides it; Django's createcachetable makes the same table."""

from django.core.management import call_command
from django.db import migrations

TABLE = "kindred_rate_limit_cache"


def create_table(apps, schema_editor):
    call_command(
        "createcachetable",
        TABLE,
        database=schema_editor.connection.alias,
        verbosity=0,
    )


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_table, drop_table)]

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0007_turn_meeting_slots_into_schedules"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="group",
            name="groups_group_meeting_day_range",
        ),
        migrations.RemoveConstraint(
            model_name="group",
            name="groups_group_ends_after_start",
        ),
        migrations.RemoveField(
            model_name="group",
            name="end_time",
        ),
        migrations.RemoveField(
            model_name="group",
            name="meeting_day",
        ),
        migrations.RemoveField(
            model_name="group",
            name="start_time",
        ),
    ]

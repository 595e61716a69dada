"""The data migration that turns each group's old single weekly slot into a
schedule (groups 0007): nothing is lost, and it can be undone."""

from datetime import time

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.conftest import concurrent

BEFORE = [("groups", "0006_add_meetings")]
AFTER = [("groups", "0007_turn_meeting_slots_into_schedules")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def old_group(apps, name, **fields):
    Group = apps.get_model("groups", "Group")
    return Group.objects.create(
        name=name,
        slug=name.lower().replace(" ", "-"),
        tagline="A group",
        description="About it.",
        facilitation="peer",
        format="online",
        venue_type="online",
        timezone="Europe/London",
        **fields,
    )


@concurrent
def test_it_turns_each_slot_into_a_weekly_schedule_and_back():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("groups")
    try:
        apps = migrate(BEFORE)
        full = old_group(
            apps,
            "Full Slot",
            meeting_day=2,
            start_time=time(19),
            end_time=time(20, 30),
            schedule_note="Not in August",
        )
        no_end = old_group(apps, "No End", meeting_day=5, start_time=time(23))
        day_only = old_group(apps, "Day Only", meeting_day=1)
        time_only = old_group(apps, "Time Only", start_time=time(9, 30))
        nothing = old_group(apps, "Nothing")

        apps = migrate(AFTER)
        Group = apps.get_model("groups", "Group")
        Schedule = apps.get_model("groups", "Schedule")

        schedule = Schedule.objects.get(group_id=full.pk)
        assert (schedule.kind, schedule.weekdays, schedule.weeks) == ("weekly", [2], [])
        assert (schedule.start_time, schedule.end_time) == (time(19), time(20, 30))
        assert Group.objects.get(pk=full.pk).schedule_note == "Not in August"
        # A slot without an end lasted an hour and a half, never past midnight.
        assert Schedule.objects.get(group_id=no_end.pk).end_time == time(23, 59)
        # What can't repeat is kept in words.
        assert Group.objects.get(pk=day_only.pk).schedule_note == "Mondays"
        assert Group.objects.get(pk=time_only.pk).schedule_note == "Starts at 09:30"
        assert not Schedule.objects.filter(group_id__in=[day_only.pk, nothing.pk])

        apps = migrate(BEFORE)
        Group = apps.get_model("groups", "Group")
        back = Group.objects.get(pk=full.pk)
        assert (back.meeting_day, back.start_time, back.end_time) == (
            2,
            time(19),
            time(20, 30),
        )
    finally:
        migrate(latest)

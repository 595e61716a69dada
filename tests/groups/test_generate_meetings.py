"""`manage.py generate_meetings` (generation.sync_all): every schedule's meetings
for the next weeks, added in bulk, with anything that must move or drop going
through sync_schedule."""

from datetime import UTC, date, datetime, time

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groups.meetings.changes import MeetingChange, cancel_meeting, change_meeting
from groups.meetings.generation import sync_all, sync_schedule
from groups.models import Group, Meeting, Schedule
from tests.conftest import make_group, make_place

TUESDAY, FRIDAY, WEDNESDAY = (
    Group.Weekday.TUESDAY,
    Group.Weekday.FRIDAY,
    Group.Weekday.WEDNESDAY,
)
RULES = [
    {"kind": Schedule.Kind.WEEKLY, "weekdays": [TUESDAY, FRIDAY]},
    {"kind": Schedule.Kind.FORTNIGHTLY, "weekdays": [WEDNESDAY]},
    {"kind": Schedule.Kind.MONTHLY, "weekdays": [TUESDAY], "weeks": [1, -1]},
    {"kind": Schedule.Kind.ONCE, "weekdays": [], "starts_on": date(2026, 3, 20)},
]


@pytest.fixture(autouse=True)
def monday_morning():
    """Monday 2 March 2026, 9 am UTC (the clocks change on 29 March in Europe)."""
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False):
        yield


def unsynced(group, **fields) -> Schedule:
    """A schedule saved without its meetings, as if the command had not run."""
    rule = {
        "starts_on": date(2026, 2, 23),
        "start_time": time(19),
        "end_time": time(20, 30),
        **fields,
    }
    return Schedule.objects.create(group=group, **rule)


def meetings_of(schedule) -> list[tuple]:
    return list(
        schedule.meetings.order_by("local_date").values_list(
            "local_date", "starts_at", "ends_at", "status", "capacity"
        )
    )


def berlin_group(name: str, **fields) -> Group:
    berlin = make_place(
        "Berlin", latitude=52.52, longitude=13.41, timezone="Europe/Berlin"
    )
    return make_group(
        name=name, place=berlin, timezone="Europe/Berlin", schedule=False, **fields
    )


def test_it_makes_the_same_meetings_as_one_schedule_at_a_time(db):
    bulk, careful = berlin_group("Bulk", capacity=8), berlin_group("One", capacity=8)
    pairs = [(unsynced(bulk, **rule), unsynced(careful, **rule)) for rule in RULES]

    added = sync_all()
    assert added == Meeting.objects.count() > 2 * 12
    for _, one in pairs:
        one.meetings.all().delete()  # sync_all made them too: make them the old way
        sync_schedule(one)

    for many, one in pairs:
        assert meetings_of(many) == meetings_of(one)
        assert meetings_of(many)
    # Local wall-clock time across the change to summer time.
    weekly = pairs[0][0].meetings.order_by("starts_at")
    assert {meeting.local_start.time() for meeting in weekly} == {time(19)}
    assert {m.starts_at.hour for m in weekly} == {17, 18}


def test_it_adds_nothing_the_second_time(db):
    group = berlin_group("Again")
    for rule in RULES:
        unsynced(group, **rule)
    sync_all()
    before = list(Meeting.objects.values_list("pk", "starts_at", "updated_at"))

    assert sync_all() == 0
    assert list(Meeting.objects.values_list("pk", "starts_at", "updated_at")) == before


def test_it_moves_and_drops_meetings_when_a_rule_changed(db):
    group = berlin_group("Changed")
    moved = unsynced(group, weekdays=[TUESDAY])
    dropped = unsynced(group, weekdays=[FRIDAY])
    sync_all()
    Schedule.objects.filter(pk=moved.pk).update(start_time=time(18))
    Schedule.objects.filter(pk=dropped.pk).update(weekdays=[WEDNESDAY])

    sync_all()

    assert {m.local_start.time() for m in moved.meetings.all()} == {time(18)}
    days = {m.local_date.weekday() for m in dropped.meetings.all()}
    assert days == {2}  # Wednesdays only (Python counts from Monday)


def test_it_keeps_what_an_organizer_changed(db, alice):
    group = berlin_group("Kept")
    schedule = unsynced(group, weekdays=[TUESDAY])
    sync_all()
    first, second = schedule.meetings.order_by("starts_at")[:2]
    cancel_meeting(organizer=alice, meeting=first, reason="Room double-booked.")
    change_meeting(
        organizer=alice,
        meeting=second,
        change=MeetingChange(
            day=second.local_date,
            start_time=time(17),
            end_time=time(18),
            format=group.format,
        ),
    )

    assert sync_all() == 0

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.is_cancelled
    assert second.local_start.time() == time(17)
    assert schedule.meetings.count() == 12


def test_it_makes_none_for_paused_or_closed_groups(db):
    for status in (Group.Status.PAUSED, Group.Status.ARCHIVED):
        unsynced(berlin_group(f"Group {status}", status=status), weekdays=[TUESDAY])

    assert sync_all() == 0
    assert not Meeting.objects.exists()


def test_it_runs_as_many_queries_for_30_schedules_as_for_3(
    db, django_assert_num_queries
):
    group = berlin_group("Many")
    for _ in range(3):
        unsynced(group, weekdays=[TUESDAY], starts_on=date(2026, 3, 2))
    with CaptureQueriesContext(connection) as for_three:
        sync_all()

    Meeting.objects.all().delete()
    for number in range(27):
        unsynced(group, weekdays=[number % 7], starts_on=date(2026, 3, 2))
    # The schedules, their future meetings, one insert (and a savepoint).
    with django_assert_num_queries(len(for_three)):
        sync_all()
    assert Meeting.objects.count() >= 30 * 12


def test_the_command_says_how_many_it_added(db, capsys):
    unsynced(berlin_group("Command"), weekdays=[TUESDAY])

    call_command("generate_meetings")

    assert capsys.readouterr().out == "Added 12 meetings.\n"

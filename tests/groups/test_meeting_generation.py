"""Schedules expanded into meetings (groups.meetings.generation): idempotent,
following schedule changes for future meetings only, paused with the group."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import IntegrityError

from accounts.models import Notification
from groups import services
from groups.meetings import generation, rsvp
from groups.meetings.generation import HORIZON_WEEKS, sync_all, sync_schedule
from groups.models import RSVP, Group, Meeting, Schedule
from tests.conftest import concurrent, make_group, make_schedule, make_user, run_at_once

TUE, THU = 2, 4
# A Monday; Britain is on GMT until 28 March 2027.
MONDAY = datetime(2027, 3, 1, 9, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def weekly(db, alice, bob):
    with time_machine.travel(MONDAY, tick=False):
        group = make_group(
            organizer=alice, members=[bob], schedule=False, timezone="Europe/London"
        )
        return make_schedule(group, starts_on=MONDAY.date())


def test_it_makes_twelve_weeks_of_meetings(weekly):
    meetings = list(weekly.meetings.order_by("starts_at"))

    assert len(meetings) == HORIZON_WEEKS
    assert meetings[0].local_date == date(2027, 3, 2)
    assert meetings[-1].local_date == date(2027, 3, 2) + timedelta(weeks=11)
    assert all(m.local_start.time() == time(19) for m in meetings)
    assert all(m.local_end.time() == time(20, 30) for m in meetings)


def test_it_keeps_seven_pm_when_the_clocks_change(weekly):
    before = weekly.meetings.get(local_date=date(2027, 3, 23))
    after = weekly.meetings.get(local_date=date(2027, 3, 30))

    assert before.starts_at.astimezone(UTC).hour == 19
    assert after.starts_at.astimezone(UTC).hour == 18
    assert before.local_start.time() == after.local_start.time() == time(19)


def test_it_adds_nothing_when_run_again(weekly):
    with time_machine.travel(MONDAY, tick=False):
        ids = set(Meeting.objects.values_list("pk", flat=True))

        assert sync_schedule(weekly) == 0
        assert sync_all() == 0
        call_command("generate_meetings", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert set(Meeting.objects.values_list("pk", flat=True)) == ids


def test_it_refuses_a_second_meeting_on_the_same_day(weekly):
    meeting = weekly.meetings.first()

    with pytest.raises(IntegrityError):
        Meeting.objects.create(
            group=meeting.group,
            schedule=weekly,
            local_date=meeting.local_date,
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
        )


def test_it_adds_the_next_week_as_time_passes(weekly):
    with time_machine.travel(MONDAY + timedelta(weeks=1), tick=False):
        assert sync_all() == 1

    assert weekly.meetings.count() == HORIZON_WEEKS + 1


def test_it_moves_future_meetings_to_a_new_time_and_keeps_past_ones(weekly, bob):
    first, second = weekly.meetings.order_by("starts_at")[:2]
    with time_machine.travel(MONDAY, tick=False):
        rsvp.respond(user=bob, meeting=first, going=True)
        rsvp.respond(user=bob, meeting=second, going=True)

    with time_machine.travel(MONDAY + timedelta(days=3), tick=False):
        weekly.start_time, weekly.end_time = time(18), time(19)
        generation.save_schedule(weekly)

    first.refresh_from_db()
    second.refresh_from_db()
    # The meeting that took place stays as it was, and so does her answer.
    assert first.local_start.time() == time(19)
    assert RSVP.objects.get(meeting=first, user=bob).is_going
    # The next one moves, keeps its RSVP, and she hears about it.
    assert second.local_start.time() == time(18)
    assert RSVP.objects.get(meeting=second, user=bob).is_going
    assert (
        Notification.objects.filter(recipient=bob, kind="meeting_time_changed").count()
        == 1
    )


def test_it_follows_a_new_weekday_and_cancels_answered_dates(weekly, bob):
    kept_answer = weekly.meetings.order_by("starts_at")[3]
    with time_machine.travel(MONDAY, tick=False):
        rsvp.respond(user=bob, meeting=kept_answer, going=True)
        weekly.weekdays = [THU]
        generation.save_schedule(weekly)

    kept_answer.refresh_from_db()
    assert kept_answer.is_cancelled
    assert "no longer" in kept_answer.status_note
    upcoming = weekly.meetings.exclude(status=Meeting.Status.CANCELLED)
    assert {m.local_date.weekday() for m in upcoming} == {3}  # Thursday
    # Unanswered Tuesdays simply go.
    assert weekly.meetings.filter(status=Meeting.Status.CANCELLED).count() == 1
    assert Notification.objects.filter(recipient=bob, kind="meeting_cancelled").exists()


def test_it_keeps_what_an_organizer_changed_on_one_meeting(weekly, alice):
    from groups.meetings.changes import MeetingChange, change_meeting

    meeting = weekly.meetings.order_by("starts_at")[2]
    with time_machine.travel(MONDAY, tick=False):
        change_meeting(
            organizer=alice,
            meeting=meeting,
            change=MeetingChange(
                day=meeting.local_date,
                start_time=time(17),
                end_time=time(18),
                format=Group.Format.IN_PERSON,
            ),
        )
        weekly.end_time = time(21)
        generation.save_schedule(weekly)

    meeting.refresh_from_db()
    assert meeting.is_moved
    assert meeting.local_start.time() == time(17)
    assert meeting.local_end.time() == time(18)


def test_it_follows_a_new_time_zone_at_the_same_wall_clock_time(weekly, alice):
    group = weekly.group
    group.timezone = "America/Chicago"
    with time_machine.travel(MONDAY, tick=False):
        generation.sync_group(group)

    chicago = ZoneInfo("America/Chicago")
    for meeting in weekly.meetings.all():
        assert meeting.starts_at.astimezone(chicago).time() == time(19)


def test_it_stops_meetings_while_the_group_pauses_and_brings_them_back(
    weekly, alice, bob
):
    answered = weekly.meetings.order_by("starts_at")[1]
    with time_machine.travel(MONDAY, tick=False):
        rsvp.respond(user=bob, meeting=answered, going=True)
        services.set_group_status(
            organizer=alice, group=weekly.group, status=Group.Status.PAUSED
        )

        answered.refresh_from_db()
        assert answered.is_cancelled
        assert "taking a break" in answered.status_note
        assert list(weekly.meetings.all()) == [answered]

        services.set_group_status(
            organizer=alice, group=weekly.group, status=Group.Status.ACTIVE
        )

    # Back to twelve weeks; the date she had been told was off stays off.
    assert weekly.meetings.count() == HORIZON_WEEKS
    answered.refresh_from_db()
    assert answered.is_cancelled


def test_it_removes_a_schedule_and_only_its_future_meetings(weekly, bob):
    with time_machine.travel(MONDAY, tick=False):
        first = weekly.meetings.order_by("starts_at").first()
        rsvp.respond(user=bob, meeting=first, going=True)
    with time_machine.travel(MONDAY + timedelta(days=3), tick=False):
        generation.remove_schedule(weekly)

    assert not Schedule.objects.filter(pk=weekly.pk).exists()
    first.refresh_from_db()
    assert first.schedule is None
    assert RSVP.objects.get(meeting=first, user=bob).is_going
    assert Meeting.objects.filter(group=weekly.group).count() == 1


def test_it_makes_no_meetings_for_archived_groups(db, alice):
    group = make_group(organizer=alice, schedule=False, status=Group.Status.ARCHIVED)
    schedule = Schedule.objects.create(
        group=group,
        kind=Schedule.Kind.WEEKLY,
        weekdays=[TUE],
        starts_on=date.today(),
        start_time=time(10),
        end_time=time(11),
    )

    assert sync_schedule(schedule) == 0
    assert not group.meetings.exists()


@concurrent
def test_it_adds_each_meeting_once_when_two_runs_overlap():
    organizer = make_user("overlap")
    group = make_group(organizer=organizer, schedule=False)
    schedule = Schedule.objects.create(
        group=group,
        kind=Schedule.Kind.WEEKLY,
        weekdays=[TUE, THU],
        starts_on=date.today(),
        start_time=time(10),
        end_time=time(11),
    )

    results = run_at_once(
        *[lambda: sync_schedule(Schedule.objects.get(pk=schedule.pk))] * 4
    )

    assert not [r for r in results if isinstance(r, Exception)]
    # Two days a week for twelve weeks (today's may already have started).
    assert group.meetings.count() in (23, 24)
    assert group.meetings.values("local_date").distinct().count() == (
        group.meetings.count()
    )

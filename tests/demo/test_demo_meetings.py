"""The demo groups' schedules, meetings and answers, as the shared demo site has
them."""

import re

import pytest
from django.utils import timezone

from accounts.models import Notification
from groups.models import RSVP, Group, Meeting, Schedule
from groups_site.demo import content
from tests.demo.conftest import seed

pytestmark = pytest.mark.usefixtures("seeded")

DAY_NAMES = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"


def snapshot():
    """Everything seed_demo writes about meetings, to compare one run with the next."""
    schedules = list(
        Schedule.objects.order_by("group__slug", "pk").values_list(
            "group__slug", "kind", "weekdays", "weeks", "starts_on", "start_time"
        )
    )
    meetings = list(
        Meeting.objects.order_by("pk").values_list(
            "pk",
            "status",
            "status_note",
            "capacity",
            "going_count",
            "waitlist_count",
            "updated_at",
        )
    )
    rsvps = list(
        RSVP.objects.order_by("pk").values_list(
            "meeting_id", "user__username", "state", "position", "updated_at"
        )
    )
    notifications = Notification.objects.count()
    return schedules, meetings, rsvps, notifications


def upcoming():
    return Meeting.objects.filter(starts_at__gt=timezone.now())


def test_it_keeps_times_in_schedules_only():
    for spec in content.groups():
        assert {"meeting_day", "start_time", "end_time"}.isdisjoint(spec), spec["slug"]
        assert spec["schedules"], spec["slug"]
        # A note adds to the schedule; it never says the rule again.
        note = spec.get("schedule_note", "")
        assert not re.search(rf"\b({DAY_NAMES}|every|month)", note, re.I), note


def test_it_mixes_every_kind_of_schedule():
    schedules = Schedule.objects.all()
    kinds = {schedule.kind for schedule in schedules}
    days = {day for schedule in schedules for day in schedule.weekdays}
    weeks = {tuple(schedule.weeks) for schedule in schedules if schedule.is_monthly}

    assert kinds == set(Schedule.Kind.values)
    assert days == set(Group.Weekday.values)
    assert {(1, 3), (-1,)} <= weeks
    assert schedules.filter(kind=Schedule.Kind.ONCE).count() >= 2
    assert any(len(s.weekdays) > 1 for s in schedules if s.is_weekly)
    assert Group.objects.filter(schedules=None).count() == 0
    for schedule in schedules:
        schedule.full_clean()


def test_it_makes_meetings_for_live_groups_only():
    for group in Group.objects.all():
        has_meetings = upcoming().filter(group=group).exists()
        assert has_meetings == (group.is_active or group.is_pending), group.slug


def test_it_fills_one_meeting_and_queues_two():
    full = upcoming().get(capacity__isnull=False, waitlist_count__gt=0)
    rsvps = full.rsvps.order_by("position")

    assert full.going_count == full.capacity == 5
    assert full.is_full
    assert full.group.slug == "leeds-thursday-circle"
    waiting = rsvps.filter(state=RSVP.State.WAITLISTED)
    assert [(r.user.username, r.position) for r in waiting] == [
        ("maya", 1),
        ("sunny", 2),
    ]


def test_it_calls_one_meeting_off_and_tells_the_people_going():
    cancelled = upcoming().get(status=Meeting.Status.CANCELLED)
    told = Notification.objects.filter(kind="meeting_cancelled")

    assert cancelled.group.slug == "leeds-walk-and-talk-for-grief"
    assert cancelled.status_note.startswith("The park is closed")
    assert set(told.values_list("recipient__username", flat=True)) == {
        "maya",
        "heron",
    }


def test_it_gives_maya_answers_of_every_kind():
    states = set(
        RSVP.objects.filter(user__username="maya", meeting__in=upcoming()).values_list(
            "state", flat=True
        )
    )

    assert states == set(RSVP.State.values)


def test_it_keeps_every_count_true_to_the_answers():
    for meeting in Meeting.objects.all():
        rsvps = meeting.rsvps
        assert meeting.going_count == rsvps.filter(state=RSVP.State.GOING).count()
        assert meeting.waitlist_count == (
            rsvps.filter(state=RSVP.State.WAITLISTED).count()
        )


def test_it_changes_nothing_the_second_time():
    first = snapshot()

    seed()

    assert snapshot() == first

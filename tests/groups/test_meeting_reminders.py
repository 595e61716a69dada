"""Reminders the day before (groups.meetings.reminders, `manage.py
send_meeting_reminders`): once per meeting, to everyone going and nobody else."""

from datetime import time, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from accounts.models import Notification
from groups.meetings import rsvp
from groups.meetings.changes import cancel_meeting
from groups.meetings.reminders import send_reminders
from groups.models import Meeting
from tests.conftest import (
    concurrent,
    make_group,
    make_meeting,
    make_user,
    run_at_once,
)

KIND = "meeting_reminder"


def reminders():
    return Notification.objects.filter(kind=KIND)


@pytest.fixture
def circle(alice, bob):
    return make_group(
        organizer=alice, members=[bob], schedule=False, timezone="Europe/London"
    )


@pytest.fixture
def tomorrow(circle, alice, bob):
    """A meeting tomorrow at 7 pm London time: Alice and Bob are going."""
    meeting = make_meeting(circle, days_ahead=1)
    for user in (alice, bob):
        rsvp.respond(user=user, meeting=meeting, going=True)
    return meeting


def the_day_before(meeting):
    """An hour into the day before the meeting's reminder is due."""
    return time_machine.travel(meeting.starts_at - timedelta(hours=23), tick=False)


def test_it_reminds_everyone_going_once(tomorrow, alice, bob):
    with the_day_before(tomorrow):
        assert send_reminders() == 2
        assert send_reminders() == 0

    assert sorted(r.recipient.username for r in reminders()) == ["alice", "bob"]
    tomorrow.refresh_from_db()
    assert tomorrow.reminded_at is not None
    assert {r.url for r in reminders()} == {tomorrow.get_absolute_url()}


def test_it_reminds_nobody_waiting_or_not_going(circle, alice, bob):
    meeting = make_meeting(circle, days_ahead=1, capacity=1)
    rsvp.respond(user=alice, meeting=meeting, going=True)
    assert rsvp.respond(user=bob, meeting=meeting, going=True).is_waitlisted
    carol = make_user("carol")
    circle.memberships.create(user=carol, state="active")
    rsvp.respond(user=carol, meeting=meeting, going=False)

    with the_day_before(meeting):
        send_reminders()

    assert [r.recipient for r in reminders()] == [alice]


def test_it_keeps_a_discreet_reminder_free_of_the_group(tomorrow, bob):
    assert bob.discreet_emails

    with the_day_before(tomorrow):
        send_reminders()

    assert reminders().get(recipient=bob).message == (
        "Reminder: you have a meeting tomorrow at 7:00 pm (London time)."
    )


def test_it_names_the_group_when_she_is_not_discreet(tomorrow, alice):
    alice.discreet_emails = False
    alice.save(update_fields=["discreet_emails"])

    with the_day_before(tomorrow):
        send_reminders()

    assert reminders().get(recipient=alice).message == (
        "Reminder: Tuesday Evening Circle meets tomorrow at 7:00 pm (London time)."
    )


def test_it_says_today_on_the_day(tomorrow, bob):
    with time_machine.travel(tomorrow.starts_at - timedelta(hours=2), tick=False):
        send_reminders()

    assert (
        "you have a meeting today at 7:00 pm" in reminders().get(recipient=bob).message
    )


def test_it_waits_until_the_day_before(tomorrow):
    with time_machine.travel(tomorrow.starts_at - timedelta(hours=25), tick=False):
        assert send_reminders() == 0

    tomorrow.refresh_from_db()
    assert tomorrow.reminded_at is None


def test_it_skips_a_meeting_that_has_started(tomorrow):
    with time_machine.travel(tomorrow.starts_at + timedelta(minutes=1), tick=False):
        assert send_reminders() == 0


def test_it_skips_a_cancelled_meeting(tomorrow, alice):
    cancel_meeting(organizer=alice, meeting=tomorrow, reason="The hall is closed.")

    with the_day_before(tomorrow):
        assert send_reminders() == 0

    assert not reminders().exists()


def test_it_runs_from_the_command(tomorrow):
    out = StringIO()

    with the_day_before(tomorrow):
        call_command("send_meeting_reminders", stdout=out)

    assert out.getvalue() == "Sent 2 reminders.\n"


def test_it_reminds_each_meeting_of_the_day(circle, bob):
    meetings = [
        make_meeting(circle, days_ahead=1, at=time(hour)) for hour in (9, 13, 19)
    ]
    for meeting in meetings:
        rsvp.respond(user=bob, meeting=meeting, going=True)

    with time_machine.travel(meetings[0].starts_at - timedelta(hours=1), tick=False):
        assert send_reminders() == 3

    assert reminders().filter(recipient=bob).count() == 3


@concurrent
def test_it_reminds_once_when_two_runs_overlap():
    alice, bob = make_user("alice"), make_user("bob")
    group = make_group(organizer=alice, members=[bob], schedule=False)
    meetings = [make_meeting(group, days_ahead=1, at=time(h)) for h in (10, 19)]
    for meeting in meetings:
        for user in (alice, bob):
            rsvp.respond(user=user, meeting=meeting, going=True)
    now = meetings[0].starts_at - timedelta(hours=1)

    results = run_at_once(*[lambda: send_reminders(now=now)] * 4)

    assert not [r for r in results if isinstance(r, Exception)]
    assert sum(results) == 4
    assert reminders().count() == 4
    assert Meeting.objects.filter(reminded_at__isnull=True).count() == 0


def test_it_reminds_again_when_a_reminded_meeting_moves(tomorrow, alice):
    from groups.meetings.changes import MeetingChange, change_meeting

    with the_day_before(tomorrow):
        send_reminders()
        change_meeting(
            organizer=alice,
            meeting=tomorrow,
            change=MeetingChange(
                day=tomorrow.local_date,
                start_time=time(20),
                end_time=time(21),
                format=tomorrow.group.format,
            ),
        )
        assert send_reminders() == 2

    assert reminders().count() == 4

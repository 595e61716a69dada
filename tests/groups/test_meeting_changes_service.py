"""Organizers cancelling or changing one meeting (groups.meetings.changes): who
is told, and what can't be changed."""

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Notification
from groups.meetings import rsvp
from groups.meetings.changes import MeetingChange, cancel_meeting, change_meeting
from groups.models import Group, Meeting
from tests.conftest import make_group, make_meeting, make_user


@pytest.fixture
def meeting(db, alice):
    going, waiting, declined, silent = (
        make_user(name) for name in ("going", "waiting", "declined", "silent")
    )
    group = make_group(
        organizer=alice, members=[going, waiting, declined, silent], schedule=False
    )
    meeting = make_meeting(group, capacity=1)
    rsvp.respond(user=going, meeting=meeting, going=True)
    rsvp.respond(user=waiting, meeting=meeting, going=True)
    rsvp.respond(user=declined, meeting=meeting, going=False)
    return meeting


def told(kind: str) -> set[str]:
    return set(
        Notification.objects.filter(kind=kind).values_list(
            "recipient__username", flat=True
        )
    )


def test_it_tells_exactly_the_people_going_and_waiting_of_a_cancellation(
    meeting, alice
):
    cancel_meeting(organizer=alice, meeting=meeting, reason="The hall is closed.")

    meeting.refresh_from_db()
    assert meeting.is_cancelled
    assert meeting.status_note == "The hall is closed."
    assert told("meeting_cancelled") == {"going", "waiting"}
    message = Notification.objects.filter(kind="meeting_cancelled").first().message
    assert "The hall is closed." in message


def test_it_needs_a_reason_to_cancel(meeting, alice):
    with pytest.raises(ValidationError, match="say why"):
        cancel_meeting(organizer=alice, meeting=meeting, reason="   ")

    meeting.refresh_from_db()
    assert not meeting.is_cancelled
    assert not told("meeting_cancelled")


def test_it_cancels_only_once(meeting, alice):
    cancel_meeting(organizer=alice, meeting=meeting, reason="Ill")

    with pytest.raises(ValidationError, match="already cancelled"):
        cancel_meeting(organizer=alice, meeting=meeting, reason="Ill")


def change(meeting, **fields) -> MeetingChange:
    values = {
        "day": meeting.local_date + timedelta(days=1),
        "start_time": time(18),
        "end_time": time(19, 30),
        "format": Group.Format.ONLINE,
        "online_link": "https://meet.example.org/just-this-once",
        "capacity": 1,
        "note": "Online this week.",
    }
    values.update(fields)
    return MeetingChange(**values)


def test_it_moves_a_meeting_and_tells_exactly_the_people_going_and_waiting(
    meeting, alice
):
    change_meeting(organizer=alice, meeting=meeting, change=change(meeting))

    meeting.refresh_from_db()
    assert meeting.is_moved
    assert meeting.local_start.time() == time(18)
    assert meeting.meets_online and not meeting.meets_in_person
    assert meeting.link == "https://meet.example.org/just-this-once"
    assert meeting.address == ""
    assert told("meeting_changed") == {"going", "waiting"}


def test_it_gives_added_seats_to_the_waitlist_when_it_moves(meeting, alice):
    change_meeting(organizer=alice, meeting=meeting, change=change(meeting, capacity=5))

    meeting.refresh_from_db()
    assert (meeting.going_count, meeting.waitlist_count) == (2, 0)
    assert told("meeting_seat_freed") == {"waiting"}


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"end_time": time(17)}, "end after it starts"),
        ({"days_back": 7}, "still to come"),
        ({"format": "teleport"}, "in person, online or hybrid"),
    ],
)
def test_it_refuses_an_impossible_change_and_changes_nothing(
    meeting, alice, fields, error
):
    if "days_back" in fields:
        fields = {"day": meeting.local_date - timedelta(days=fields["days_back"])}
    before = Meeting.objects.get(pk=meeting.pk)

    with pytest.raises(ValidationError, match=error):
        change_meeting(
            organizer=alice, meeting=meeting, change=change(meeting, **fields)
        )

    after = Meeting.objects.get(pk=meeting.pk)
    assert (after.starts_at, after.status, after.format) == (
        before.starts_at,
        before.status,
        before.format,
    )
    assert not told("meeting_changed")

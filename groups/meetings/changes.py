"""Organizers' changes to one meeting: cancel it (with a reason) or change it
(time, format, place, link, seats). Everyone going or waiting is told."""

from dataclasses import dataclass
from datetime import date, time
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from groups import caching
from groups.meetings import notices
from groups.meetings.rsvp import fill_seats, lock_meeting
from groups.models import Group, Meeting, local_datetime


def _check_changeable(meeting: Meeting) -> None:
    if meeting.is_cancelled:
        raise ValidationError("This meeting is already cancelled.")
    if meeting.has_started:
        raise ValidationError("This meeting has already started, so it can't change.")


@transaction.atomic
def cancel_meeting(*, organizer, meeting: Meeting, reason: str) -> Meeting:
    """Call one meeting off. The people going keep their answer (so they see it is
    off under My meetings) and are told, with the reason."""
    meeting = lock_meeting(meeting)
    _check_changeable(meeting)
    reason = reason.strip()
    if not reason:
        raise ValidationError("Please say why, in a few words: people will see it.")
    meeting.status = Meeting.Status.CANCELLED
    meeting.status_note = reason
    meeting.save(update_fields=["status", "status_note", "updated_at"])
    notices.tell_attendees(meeting, notices.CANCELLED)
    # Search cards show each group's next meeting.
    caching.group_changed(meeting.group)
    return meeting


@dataclass
class MeetingChange:
    """What an organizer sets for one meeting. Blank address or link: the
    group's own."""

    day: date
    start_time: time
    end_time: time
    format: str
    street_address: str = ""
    online_link: str = ""
    capacity: int | None = None
    note: str = ""


@transaction.atomic
def change_meeting(*, organizer, meeting: Meeting, change: MeetingChange) -> Meeting:
    """Move one meeting. It stays the same occurrence of its schedule (the schedule
    will not put it back), and the people going are told; seats added go to the
    waitlist at once."""
    meeting = lock_meeting(meeting)
    _check_changeable(meeting)
    if change.format not in Group.Format.values:
        raise ValidationError("Choose in person, online or hybrid.")
    zone = ZoneInfo(meeting.group.timezone)
    starts_at = local_datetime(change.day, change.start_time, zone)
    ends_at = local_datetime(change.day, change.end_time, zone)
    if ends_at <= starts_at:
        raise ValidationError("The meeting must end after it starts.")
    if starts_at <= timezone.now():
        raise ValidationError("Please choose a time that is still to come.")
    old_start = meeting.starts_at
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    meeting.format = "" if change.format == meeting.group.format else change.format
    meeting.street_address = change.street_address.strip()
    meeting.online_link = change.online_link.strip()
    meeting.capacity = change.capacity
    meeting.status = Meeting.Status.MOVED
    meeting.status_note = change.note.strip()
    if starts_at != old_start:
        meeting.reminded_at = None  # a reminder names the time: send it again
    meeting.save()
    fill_seats(meeting)
    notices.tell_attendees(meeting, notices.CHANGED, at=old_start)
    caching.group_changed(meeting.group)
    return meeting

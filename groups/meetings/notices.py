"""What the people going to a meeting are told when it changes, through the one
notification seam (accounts.services.notify)."""

from datetime import datetime

from accounts.services import notify
from groups.models import RSVP, Meeting

CANCELLED = "meeting_cancelled"
CHANGED = "meeting_changed"
TIME_CHANGED = "meeting_time_changed"
PROMOTED = "meeting_seat_freed"

MESSAGES = {
    CANCELLED: "{group} on {when} is cancelled.{reason}",
    CHANGED: "{group} on {when} has changed. Please check the details.{reason}",
    TIME_CHANGED: "{group} now meets at a new time: {when}.",
    PROMOTED: "A seat opened up: you're going to {group} on {when}.",
}


def clock(moment: datetime) -> str:
    """7:00 pm; 10:30 am."""
    half = "am" if moment.hour < 12 else "pm"
    return f"{moment.hour % 12 or 12}:{moment.minute:02d} {half}"


def when(meeting: Meeting, moment: datetime | None = None) -> str:
    """ "Tuesday 3 March, 7:00 pm" in the group's time zone."""
    local = (moment or meeting.starts_at).astimezone(meeting.zone)
    return f"{local:%A} {local.day} {local:%B}, {clock(local)}"


def message(kind: str, meeting: Meeting, *, at: datetime | None = None) -> str:
    reason = f" {meeting.status_note}" if meeting.status_note else ""
    return MESSAGES[kind].format(
        group=meeting.group.name, when=when(meeting, at), reason=reason
    )


def tell(user, kind: str, meeting: Meeting, *, at: datetime | None = None) -> None:
    notify(
        recipient=user,
        kind=kind,
        message=message(kind, meeting, at=at),
        url=meeting.get_absolute_url(),
    )


def tell_attendees(meeting: Meeting, kind: str, *, at: datetime | None = None) -> int:
    """Everyone going or on the waitlist (never those who said no). ``at``: the
    time the message names, if not the meeting's (its old time, when it moved)."""
    answers = meeting.rsvps.filter(
        state__in=[RSVP.State.GOING, RSVP.State.WAITLISTED]
    ).select_related("user")
    count = 0
    for rsvp in answers:
        tell(rsvp.user, kind, meeting, at=at)
        count += 1
    return count

"""Reminders the day before: everyone going to a meeting that starts within the
next REMINDER_WINDOW is told once (`manage.py send_meeting_reminders`, run every
few minutes by a timer).

Exactly once, however often and however many copies of the command run: each
meeting is claimed by setting its reminded_at in the same transaction as the
notifications. A second run waiting on the row finds it claimed and moves on;
a run that fails rolls its claim back, so the next run tries again."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from accounts.services import notify
from groups.meetings.notices import clock
from groups.models import RSVP, Meeting
from groups.templatetags.groups_tags import timezone_label

KIND = "meeting_reminder"
REMINDER_WINDOW = timedelta(hours=24)


def due_meetings(now: datetime):
    """Meetings starting within the window, not started, not cancelled, not yet
    reminded (the partial index groups_meeting_to_remind)."""
    return (
        Meeting.objects.taking_place()
        .filter(
            reminded_at__isnull=True,
            starts_at__gt=now,
            starts_at__lte=now + REMINDER_WINDOW,
        )
        .order_by("starts_at", "pk")
    )


def reminder_text(meeting: Meeting, *, discreet: bool, now: datetime) -> str:
    """ "Reminder: Tuesday Evening Circle meets tomorrow at 7:00 pm (London
    time)." Discreet: "Reminder: you have a meeting tomorrow at ...", no group,
    no topic."""
    local = meeting.local_start
    today = now.astimezone(meeting.zone).date()
    day = "today" if local.date() == today else "tomorrow"
    at = f"{day} at {clock(local)} ({timezone_label(meeting.group.timezone)})"
    if discreet:
        return f"Reminder: you have a meeting {at}."
    return f"Reminder: {meeting.group.name} meets {at}."


def _claim(meeting_id: int, now: datetime) -> Meeting | None:
    """Take the meeting for this run, or None if another run has it (or it was
    cancelled meanwhile). The UPDATE waits for a run holding the row to finish,
    and PostgreSQL checks the conditions again on the row as that run left it."""
    claimed = due_meetings(now).filter(pk=meeting_id).update(reminded_at=now)
    if not claimed:
        return None
    return Meeting.objects.select_related("group").get(pk=meeting_id)


@transaction.atomic
def remind(meeting_id: int, *, now: datetime) -> int:
    """Remind everyone going to one meeting (not the waitlist, not those who said
    no), if no run has yet. Returns how many were told."""
    meeting = _claim(meeting_id, now)
    if meeting is None:
        return 0
    going = meeting.rsvps.filter(state=RSVP.State.GOING).select_related("user")
    url = meeting.get_absolute_url()
    count = 0
    for answer in going.order_by("pk"):
        user = answer.user
        notify(
            recipient=user,
            kind=KIND,
            message=reminder_text(meeting, discreet=user.discreet_emails, now=now),
            url=url,
        )
        count += 1
    return count


def send_reminders(*, now: datetime | None = None) -> int:
    """Every reminder now due. Returns how many people were told."""
    now = now or timezone.now()
    meeting_ids = list(due_meetings(now).values_list("pk", flat=True))
    return sum(remind(meeting_id, now=now) for meeting_id in meeting_ids)

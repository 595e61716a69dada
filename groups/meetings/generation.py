"""Schedules become Meeting rows for the next HORIZON_WEEKS weeks.

Safe to run again and again, from the command (`manage.py generate_meetings`) and
after every schedule change: a meeting is the same occurrence while its
(schedule, local date) stays, which a unique constraint guards, so a second run or
two runs at once add nothing. Future meetings follow the rule as it is now; past
ones (and their RSVPs) are never touched. Times are computed from the local date
and wall-clock time in the group's zone each time, so a daylight-saving change
never moves a meeting's local time."""

from collections import defaultdict
from datetime import date, datetime, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from groups import caching
from groups.meetings import notices
from groups.meetings.recurrence import occurrence_dates
from groups.models import Group, Meeting, Schedule, local_datetime

HORIZON_WEEKS = 12
# Told to the people going when a meeting drops out of the group's schedule.
NO_LONGER_SCHEDULED = "The group's schedule changed and this date is no longer on it."
# Groups whose meetings are generated: live ones, and ones waiting for review (so
# their page is complete the moment it goes live).
GENERATED_STATUSES = (Group.Status.ACTIVE, Group.Status.PENDING)


def _window(group: Group, now):
    today = now.astimezone(ZoneInfo(group.timezone)).date()
    return today, today + timedelta(weeks=HORIZON_WEEKS)


def _wanted(schedule: Schedule, now) -> dict[date, tuple[datetime, datetime]]:
    """The meetings the rule makes from now to the horizon: local date -> (start,
    end) in UTC; none while the group is paused or closed."""
    group = schedule.group
    if group.status not in GENERATED_STATUSES:
        return {}
    zone = ZoneInfo(group.timezone)
    first, last = _window(group, now)
    wanted = {}
    for day in occurrence_dates(schedule, first, last):
        starts_at = local_datetime(day, schedule.start_time, zone)
        if starts_at > now:
            wanted[day] = (starts_at, local_datetime(day, schedule.end_time, zone))
    return wanted


def _new_meetings(schedule: Schedule, wanted: dict) -> list[Meeting]:
    return [
        Meeting(
            group=schedule.group,
            schedule=schedule,
            local_date=day,
            starts_at=starts_at,
            ends_at=ends_at,
            capacity=schedule.group.capacity,
        )
        for day, (starts_at, ends_at) in sorted(wanted.items())
    ]


@transaction.atomic
def sync_schedule(
    schedule: Schedule, *, now=None, reason: str = NO_LONGER_SCHEDULED
) -> int:
    """Bring one schedule's future meetings in line with its rule (none while the
    group is paused or closed). A meeting that drops out is cancelled with
    ``reason`` if anyone answered it. Returns how many meetings it added (as
    seen from this transaction)."""
    now = now or timezone.now()
    wanted = _wanted(schedule, now)
    future = (
        Meeting.objects.select_for_update()
        .filter(schedule=schedule, starts_at__gt=now)
        .order_by("pk")
    )
    for meeting in future:
        times = wanted.pop(meeting.local_date, None)
        if times is None:
            _drop(meeting, reason)
        elif meeting.status == Meeting.Status.SCHEDULED and times != (
            meeting.starts_at,
            meeting.ends_at,
        ):
            # Changed or cancelled meetings keep what the organizer chose for them.
            meeting.starts_at, meeting.ends_at = times
            meeting.save(update_fields=["starts_at", "ends_at", "updated_at"])
            notices.tell_attendees(meeting, notices.TIME_CHANGED)
    # A meeting already on a date (it started, or a concurrent run made it) wins.
    before = Meeting.objects.filter(schedule=schedule).count()
    Meeting.objects.bulk_create(_new_meetings(schedule, wanted), ignore_conflicts=True)
    # Its page lists the next meetings.
    caching.group_changed(schedule.group, listing=False)
    return Meeting.objects.filter(schedule=schedule).count() - before


def _must_change(meeting: tuple, wanted: dict) -> bool:
    """Whether sync_schedule would move or drop this future meeting (local_date,
    starts_at, ends_at, status)."""
    day, starts_at, ends_at, status = meeting
    if day not in wanted:
        return status != Meeting.Status.CANCELLED
    return status == Meeting.Status.SCHEDULED and wanted[day] != (starts_at, ends_at)


def _drop(meeting: Meeting, reason: str) -> None:
    """A future meeting the rule no longer makes: gone if nobody said anything about
    it, otherwise cancelled, so the people going hear that it is off."""
    if meeting.is_cancelled:
        return
    if not meeting.rsvps.exists():
        meeting.delete()
        return
    meeting.status = Meeting.Status.CANCELLED
    meeting.status_note = reason
    meeting.save(update_fields=["status", "status_note", "updated_at"])
    notices.tell_attendees(meeting, notices.CANCELLED)


@transaction.atomic
def remove_schedule(schedule: Schedule, *, now=None) -> None:
    """Delete a schedule: its future meetings go (or are cancelled, if people said
    they are coming); past ones stay, without their schedule."""
    now = now or timezone.now()
    future = (
        Meeting.objects.select_for_update()
        .filter(schedule=schedule, starts_at__gt=now)
        .order_by("pk")
    )
    for meeting in future:
        _drop(meeting, NO_LONGER_SCHEDULED)
    schedule.delete()
    # The search filters by schedule; group cards and the Meeting Guide feed
    # show the schedules.
    caching.group_changed(schedule.group)


def sync_group(group: Group, *, now=None, reason: str = NO_LONGER_SCHEDULED) -> int:
    """Every schedule of one group (after a change of time zone or status)."""
    total = 0
    for schedule in group.schedules.order_by("pk"):
        schedule.group = group  # as the caller has it, new status or zone included
        total += sync_schedule(schedule, now=now, reason=reason)
    return total


def sync_all(*, now=None, batch_size: int = 1000) -> int:
    """Every schedule of every group whose meetings are generated: the command
    (and the benchmark's 10,000 groups). Schedules are read a batch at a time
    with their future meetings; the rare one that must move or drop a meeting
    goes through sync_schedule (row locks, notices), and what the others lack is
    added in one insert per batch. Returns how many meetings it added."""
    now = now or timezone.now()
    schedules = (
        Schedule.objects.filter(group__status__in=GENERATED_STATUSES)
        .select_related("group")
        .order_by("pk")
    )
    added = 0
    rows = schedules.iterator(chunk_size=batch_size)
    while batch := list(islice(rows, batch_size)):
        added += _sync_batch(batch, now)
        # New meetings lie weeks ahead, past the few a page lists; the cards and
        # the Meeting Guide feed show them by date.
        caching.listing_changed()
    return added


@transaction.atomic
def _sync_batch(schedules, now) -> int:
    future = defaultdict(dict)
    rows = Meeting.objects.filter(
        schedule__in=[schedule.pk for schedule in schedules], starts_at__gt=now
    ).values_list("schedule_id", "local_date", "starts_at", "ends_at", "status")
    for schedule_id, *meeting in rows:
        future[schedule_id][meeting[0]] = tuple(meeting)
    added, missing = 0, []
    for schedule in schedules:
        wanted = _wanted(schedule, now)
        meetings = future[schedule.pk].values()
        if any(_must_change(meeting, wanted) for meeting in meetings):
            added += sync_schedule(schedule, now=now)
            continue
        lacking = {
            day: times
            for day, times in wanted.items()
            if day not in future[schedule.pk]
        }
        missing += _new_meetings(schedule, lacking)
    if not missing:
        return added
    ids = [schedule.pk for schedule in schedules]
    before = Meeting.objects.filter(schedule__in=ids).count()
    Meeting.objects.bulk_create(missing, batch_size=5000, ignore_conflicts=True)
    return added + Meeting.objects.filter(schedule__in=ids).count() - before


@transaction.atomic
def save_schedule(schedule: Schedule, *, now=None) -> Schedule:
    """Save a new or edited schedule and bring its meetings in line at once."""
    schedule.full_clean(exclude=["group"])
    schedule.save()
    sync_schedule(schedule, now=now)
    caching.group_changed(schedule.group)
    return schedule

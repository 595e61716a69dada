"""When a group meets: Schedule (the rule, in the group's local time), Meeting (one
occurrence, stored in UTC), RSVP (her answer for one meeting) and CalendarFeed (her
private calendar address).

Meeting rows are made and changed only by groups.meetings (generation, changes,
RSVPs): that package owns the seat counts and the waitlist order."""

import functools
import secrets
import uuid
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from groups.models.group import Group
from groups_site.lib.text import refuse_hidden_characters


@functools.cache
def zone_named(name: str) -> ZoneInfo:
    """The IANA zone ``name``, kept for the life of the process. ZoneInfo() keeps
    only a few zones and reread the others from disk for every meeting of a list
    spanning many groups' zones. Zones never change while the process runs, and
    there are a few hundred names."""
    return ZoneInfo(name)


# Weekdays are numbered as in Group.Weekday and the Meeting Guide feed: 0 = Sunday.
Weekday = Group.Weekday


class Schedule(models.Model):
    class Kind(models.TextChoices):
        WEEKLY = "weekly", "Every week"
        FORTNIGHTLY = "fortnightly", "Every two weeks"
        MONTHLY = "monthly", "Monthly, on chosen weeks"
        ONCE = "once", "Once"

    class Week(models.IntegerChoices):
        FIRST = 1, "First"
        SECOND = 2, "Second"
        THIRD = 3, "Third"
        FOURTH = 4, "Fourth"
        LAST = -1, "Last"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="schedules")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.WEEKLY)
    weekdays = ArrayField(
        models.PositiveSmallIntegerField(choices=Weekday.choices),
        default=list,
        blank=True,
        help_text="The days it meets on (weekly, fortnightly and monthly).",
    )
    # Monthly: which of the month's weekdays ("first and third", "last").
    weeks = ArrayField(
        models.SmallIntegerField(choices=Week.choices), default=list, blank=True
    )
    # The first day it may meet: the date of a one-off meeting; for a fortnightly
    # schedule also the week it counts from.
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    start_time = models.TimeField()
    end_time = models.TimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_on", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")),
                name="groups_schedule_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(kind="once") | ~Q(weekdays=[]),
                name="groups_schedule_repeats_on_weekdays",
            ),
            models.CheckConstraint(
                condition=Q(kind="monthly", weeks__len__gt=0)
                | (~Q(kind="monthly") & Q(weeks=[])),
                name="groups_schedule_weeks_for_monthly",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="groups_schedule_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(weekdays__contained_by=[0, 1, 2, 3, 4, 5, 6]),
                name="groups_schedule_weekday_range",
            ),
        ]

    def __str__(self):
        return f"{self.group}: {self.kind} from {self.starts_on}"

    @property
    def is_once(self) -> bool:
        return self.kind == self.Kind.ONCE

    @property
    def is_weekly(self) -> bool:
        return self.kind == self.Kind.WEEKLY

    @property
    def is_fortnightly(self) -> bool:
        return self.kind == self.Kind.FORTNIGHTLY

    @property
    def is_monthly(self) -> bool:
        return self.kind == self.Kind.MONTHLY


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, now: datetime | None = None):
        """Meetings that have not ended yet, cancelled ones included (so people see
        that they are off), soonest first."""
        now = now or timezone.now()
        return self.filter(ends_at__gt=now).order_by("starts_at", "pk")

    def taking_place(self):
        return self.exclude(status=Meeting.Status.CANCELLED)

    def of_listed_groups(self):
        return self.filter(
            group__visibility=Group.Visibility.LISTED,
            group__status__in=Group.LISTED_STATUSES,
        )


class Meeting(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        MOVED = "moved", "Changed"
        CANCELLED = "cancelled", "Cancelled"

    # Meetings are addressed by this in URLs (private per-meeting pages, .ics).
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    schedule = models.ForeignKey(
        Schedule,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
    )
    # The day the schedule put it on, in the group's time zone: with the schedule,
    # what makes an occurrence the same one each time the schedule is expanded.
    local_date = models.DateField()
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    # Why it was cancelled or changed: shown to everyone who sees the meeting.
    status_note = models.CharField(
        max_length=200, blank=True, validators=[refuse_hidden_characters]
    )
    # A changed meeting's own format and private place; blank: the group's.
    format = models.CharField(max_length=12, choices=Group.Format.choices, blank=True)
    street_address = models.TextField(blank=True, max_length=500)
    online_link = models.URLField(blank=True, max_length=500)
    capacity = models.PositiveSmallIntegerField(null=True, blank=True)
    # Kept by groups.meetings.rsvp under the meeting's row lock.
    going_count = models.PositiveIntegerField(default=0)
    waitlist_count = models.PositiveIntegerField(default=0)
    waitlist_sequence = models.PositiveIntegerField(default=0)
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "local_date"],
                name="groups_meeting_one_per_schedule_day",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="groups_meeting_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="groups_meeting_capacity_positive",
            ),
        ]
        indexes = [
            models.Index(fields=["group", "starts_at"], name="groups_meeting_upcoming"),
            models.Index(
                fields=["starts_at"],
                condition=Q(
                    reminded_at__isnull=True, status__in=["scheduled", "moved"]
                ),
                name="groups_meeting_to_remind",
            ),
        ]

    def __str__(self):
        return f"{self.group} on {self.local_date}"

    def get_absolute_url(self):
        # groups:meeting_detail, under the group's own address.
        return f"{self.group.get_absolute_url()}meetings/{self.code}/"

    @property
    def zone(self) -> ZoneInfo:
        return zone_named(self.group.timezone)

    @property
    def local_start(self) -> datetime:
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self) -> datetime:
        return self.ends_at.astimezone(self.zone)

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_moved(self) -> bool:
        return self.status == self.Status.MOVED

    @property
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def effective_format(self) -> str:
        return self.format or self.group.format

    @property
    def meets_online(self) -> bool:
        return self.effective_format in (Group.Format.ONLINE, Group.Format.HYBRID)

    @property
    def meets_in_person(self) -> bool:
        return self.effective_format in (Group.Format.IN_PERSON, Group.Format.HYBRID)

    @property
    def address(self) -> str:
        """The private street address for this meeting (members only)."""
        if not self.meets_in_person:
            return ""
        return self.street_address or self.group.street_address

    @property
    def link(self) -> str:
        """The private meeting link for this meeting (members only)."""
        if not self.meets_online:
            return ""
        return self.online_link or self.group.online_link

    @property
    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.going_count, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.going_count >= self.capacity

    @property
    def takes_rsvps(self) -> bool:
        return not self.is_cancelled and not self.has_started


class RSVP(models.Model):
    class State(models.TextChoices):
        GOING = "going", "Going"
        WAITLISTED = "waitlisted", "On the waitlist"
        NOT_GOING = "not_going", "Not going"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rsvps")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rsvps"
    )
    state = models.CharField(max_length=12, choices=State.choices)
    # Her place in the queue (from the meeting's waitlist_sequence); set only while
    # she is waitlisted. The position shown is her rank among those still waiting.
    position = models.PositiveIntegerField(null=True, blank=True)
    # She is not a member: the group takes drop-ins.
    is_drop_in = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"], name="groups_rsvp_one_per_user"
            ),
            models.CheckConstraint(
                condition=Q(state="waitlisted", position__isnull=False)
                | (~Q(state="waitlisted") & Q(position__isnull=True)),
                name="groups_rsvp_position_only_when_waitlisted",
            ),
            models.UniqueConstraint(
                fields=["meeting", "position"], name="groups_rsvp_one_per_position"
            ),
        ]
        indexes = [
            models.Index(fields=["user", "state"], name="groups_rsvp_user_state"),
        ]

    def __str__(self):
        return f"{self.user} {self.state} for {self.meeting}"

    @property
    def is_going(self) -> bool:
        return self.state == self.State.GOING

    @property
    def is_waitlisted(self) -> bool:
        return self.state == self.State.WAITLISTED

    @property
    def is_not_going(self) -> bool:
        return self.state == self.State.NOT_GOING


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """Her private calendar address: /meetings/calendar.ics?token=... A new token
    replaces the old one, which stops working at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Calendar feed of {self.user}"


def next_meeting_start(group_id, now: datetime) -> models.Subquery:
    """The start (UTC) of the next meeting still on of the group ``group_id``
    names (an OuterRef), for annotating lists of groups or memberships."""
    meetings = Meeting.objects.filter(group_id=group_id, starts_at__gt=now)
    meetings = meetings.exclude(status=Meeting.Status.CANCELLED)
    return models.Subquery(meetings.order_by("starts_at").values("starts_at")[:1])


def local_datetime(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The moment a clock on the wall in ``zone`` shows ``at`` on ``day``. A time
    skipped by a daylight-saving change (02:30 on the spring-forward night) becomes
    the same wall time after the change (03:30); a time that happens twice (the
    autumn night) is the first."""
    moment = datetime.combine(day, at, tzinfo=zone)
    round_trip = moment.astimezone(ZoneInfo("UTC")).astimezone(zone)
    if round_trip.replace(tzinfo=None) != moment.replace(tzinfo=None):
        # Skipped: zoneinfo resolves it with the offset from before the change,
        # which lands after the gap on the wall clock.
        return round_trip
    return moment

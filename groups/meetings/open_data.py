"""Meetings as open data, for other sites and apps: the Meeting Guide feed
(/meeting-guide.json, the code4recovery spec) and schema.org Event JSON-LD on
public group pages.

Both carry only what the public group page shows: the group's name, when it
meets, the city or "Online", its public types. Never a street address (every
venue is members-only here, so each in-person listing is approximate: the city),
never a meeting link, venue notes or anyone's name."""

from datetime import UTC, date

from django.conf import settings
from django.db.models import Prefetch, Q

from groups.models import Group, Meeting, Schedule
from groups.search import CARD_DEFERRED_FIELDS
from groups.templatetags.groups_tags import schedule_days
from groups_site.lib.web import absolute_url

# The spec asks for slugs of 64 characters at most; the schedule id and weekday
# at the end keep a shortened one unique.
SLUG_GROUP_PART = 48
# Members learn where to go on the group page; the feed says so instead.
WHERE_NOTES = {
    Group.Format.IN_PERSON: "Members see the address on the group page.",
    Group.Format.ONLINE: "Members get the meeting link on the group page.",
    Group.Format.HYBRID: "Members see the address and the meeting link on the "
    "group page.",
}

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    Meeting.Status.SCHEDULED: f"{SCHEMA}EventScheduled",
    Meeting.Status.MOVED: f"{SCHEMA}EventRescheduled",
    Meeting.Status.CANCELLED: f"{SCHEMA}EventCancelled",
}
ATTENDANCE_MODE = {
    Group.Format.IN_PERSON: f"{SCHEMA}OfflineEventAttendanceMode",
    Group.Format.ONLINE: f"{SCHEMA}OnlineEventAttendanceMode",
    Group.Format.HYBRID: f"{SCHEMA}MixedEventAttendanceMode",
}


def meeting_guide_groups(today: date):
    """Listed, active groups with their repeating schedules that have not ended
    (two queries). One-off meetings are not in the feed: the spec is for weekly
    meetings."""
    schedules = (
        Schedule.objects.exclude(kind=Schedule.Kind.ONCE)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .order_by("pk")
    )
    return (
        Group.objects.listed()
        .filter(status=Group.Status.ACTIVE)
        .select_related("place")
        .defer(*CARD_DEFERRED_FIELDS)
        .prefetch_related(Prefetch("schedules", queryset=schedules))
        .order_by("pk")
    )


def _long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _notes(group: Group, schedule: Schedule, today: date) -> str:
    lines = []
    if not schedule.is_weekly:
        # The feed models weekly meetings only; the rest say how often here.
        lines.append(schedule_days(schedule))
    if schedule.starts_on > today:
        lines.append(f"From {_long_date(schedule.starts_on)}")
    if schedule.ends_on:
        lines.append(f"Until {_long_date(schedule.ends_on)}")
    if group.schedule_note:
        lines.append(group.schedule_note)
    lines.append(WHERE_NOTES[group.format])
    return "\n".join(lines)


def _geography(group: Group) -> dict:
    """The city only, marked approximate (the spec's way of saying "not the
    venue"); an online group without a home town gets the region Online."""
    place = group.place
    if place is None:
        return {"location": "Online", "region": "Online"}
    return {
        "location": "Online" if group.is_online else place.name,
        "formatted_address": place.label,
        "city": place.name,
        "region": place.name,
        "country": place.country_code,
        "approximate": "yes",
    }


def _slug(group: Group, schedule: Schedule, day: int) -> str:
    return f"{group.slug[:SLUG_GROUP_PART].rstrip('-')}-{schedule.pk}-{day}"


def meeting_guide_entry(
    group: Group, schedule: Schedule, day: int, *, today: date, scheme=None
) -> dict:
    """One weekly slot: a group, one of its schedules, one of its weekdays."""
    updated = max(group.updated_at, schedule.updated_at).astimezone(UTC)
    return {
        "name": group.name,
        "slug": _slug(group, schedule, day),
        "day": day,
        "time": f"{schedule.start_time:%H:%M}",
        "end_time": f"{schedule.end_time:%H:%M}",
        "timezone": group.timezone,
        "types": group.meeting_guide_types,
        "attendance_option": group.format,
        "group": group.name,
        "notes": _notes(group, schedule, today),
        "updated": f"{updated:%Y-%m-%d %H:%M:%S}",
        "url": absolute_url(group.get_absolute_url(), scheme),
        **_geography(group),
    }


def meeting_guide_entries(groups, *, today: date, scheme=None) -> list[dict]:
    """The feed: an entry per weekday of each schedule of ``groups`` (from
    meeting_guide_groups, schedules prefetched)."""
    return [
        meeting_guide_entry(group, schedule, day, today=today, scheme=scheme)
        for group in groups
        for schedule in group.schedules.all()
        for day in sorted(set(schedule.weekdays))
    ]


def _event_location(meeting: Meeting, group_url: str):
    place = meeting.group.place
    where = []
    if meeting.meets_in_person and place is not None:
        address = {
            "@type": "PostalAddress",
            "addressLocality": place.name,
            "addressRegion": place.region,
            "addressCountry": place.country_code,
        }
        where.append(
            {
                "@type": "Place",
                "name": place.name,
                "address": {key: value for key, value in address.items() if value},
            }
        )
    if meeting.meets_online:
        # The group page, never the meeting link (members only).
        where.append({"@type": "VirtualLocation", "url": group_url})
    return where[0] if len(where) == 1 else where


def event_schema(group: Group, meetings, *, scheme=None) -> list[dict]:
    """schema.org Events for a listed group's next meetings (the view passes a
    few): times with their offset, status, format and the city; organized by
    the site, never by a person."""
    group_url = absolute_url(group.get_absolute_url(), scheme)
    organizer = {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": absolute_url("/", scheme),
    }
    return [
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": group.name,
            "description": group.tagline,
            "startDate": meeting.local_start.isoformat(timespec="seconds"),
            "endDate": meeting.local_end.isoformat(timespec="seconds"),
            "eventStatus": EVENT_STATUS[meeting.status],
            "eventAttendanceMode": ATTENDANCE_MODE[meeting.effective_format],
            "location": _event_location(meeting, group_url),
            "organizer": organizer,
            "url": group_url,
        }
        for meeting in meetings
    ]

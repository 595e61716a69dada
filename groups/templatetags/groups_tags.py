"""Formatting for group pages and cards: schedules, costs, audience tags and the
Markdown-lite description. Formatting only; rules live in the models."""

from datetime import UTC, datetime, time

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from groups.models import Group, Meeting, Schedule
from groups.models.meeting import zone_named
from groups_site.lib.text import render_markdown_lite
from groups_site.lib.web import script_json

register = template.Library()


def _clock(value: time) -> str:
    return f"{value.hour % 12 or 12}:{value.minute:02d}"


def _half(value: time) -> str:
    return "am" if value.hour < 12 else "pm"


def _time_range(start: time | None, end: time | None) -> str:
    """7:00–8:30 pm; 10:30 am–12:00 pm; 7:00 pm when there is no end."""
    if start is None:
        return ""
    if end is None:
        return f"{_clock(start)} {_half(start)}"
    if _half(start) == _half(end):
        return f"{_clock(start)}–{_clock(end)} {_half(end)}"
    return f"{_clock(start)} {_half(start)}–{_clock(end)} {_half(end)}"


def _and(words: list[str]) -> str:
    """ "Tuesday", "Tuesday and Thursday", "Monday, Wednesday and Friday"."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def _day_names(schedule: Schedule, plural: bool) -> str:
    names = [Group.Weekday(day).label for day in sorted(schedule.weekdays)]
    return _and([f"{name}s" for name in names] if plural else names)


def schedule_days(schedule: Schedule) -> str:
    """ "Tuesdays"; "Every other Monday"; "First and third Tuesday of the month";
    "Once, Saturday 7 March". Also the Meeting Guide feed's notes."""
    if schedule.is_once:
        day = schedule.starts_on
        return f"Once, {day:%A} {day.day} {day:%B}"
    if schedule.is_fortnightly:
        return f"Every other {_day_names(schedule, plural=False)}"
    if schedule.is_monthly:
        weeks = [
            Schedule.Week(week).label
            for week in sorted(schedule.weeks, key=lambda week: week if week > 0 else 9)
        ]
        weeks = [weeks[0]] + [week.lower() for week in weeks[1:]]
        return f"{_and(weeks)} {_day_names(schedule, plural=False)} of the month"
    return _day_names(schedule, plural=True)


@register.filter
def schedule_label(schedule: Schedule) -> str:
    """ "Tuesdays, 7:00–8:30 pm"; "Every other Monday, ..."; "First and third
    Tuesday of the month, ..."; "Once, Saturday 7 March, ..." (local times)."""
    times = _time_range(schedule.start_time, schedule.end_time)
    return f"{schedule_days(schedule)}, {times}"


@register.filter
def meeting_schedule(group: Group) -> str:
    """Every schedule of the group, "; " between them, or "". Reads
    group.schedules.all(): prefetch it on lists."""
    return "; ".join(schedule_label(s) for s in group.schedules.all())


@register.filter
def seats_label(meeting: Meeting) -> str:
    """ "3 going of 12 seats, 2 on the waitlist"; "3 going, no limit"."""
    going = f"{meeting.going_count} going"
    if meeting.capacity is None:
        label = f"{going}, no limit"
    else:
        seats = "seat" if meeting.capacity == 1 else "seats"
        label = f"{going} of {meeting.capacity} {seats}"
    if meeting.waitlist_count:
        label += f", {meeting.waitlist_count} on the waitlist"
    return label


@register.filter
def error_count(form, other_form=None) -> int:
    """How many fields (and the form as a whole) need fixing, over one form or
    two shown as one (the group form and its first schedule)."""
    return len(form.errors) + (len(other_form.errors) if other_form else 0)


@register.filter
def timezone_label(name: str) -> str:
    """ "America/New_York" -> "New York time"; "UTC" stays "UTC"."""
    if "/" not in (name or ""):
        return name or "UTC"
    return f"{name.rsplit('/', 1)[1].replace('_', ' ')} time"


# Meetings ------------------------------------------------------------------------


@register.filter
def meeting_day(meeting: Meeting) -> str:
    """ "Tuesday 3 March", in the group's time zone."""
    start = meeting.local_start
    return f"{start:%A} {start.day} {start:%B}"


@register.filter
def meeting_hours(meeting: Meeting) -> str:
    """ "7:00–8:30 pm", in the group's time zone."""
    return _time_range(meeting.local_start.time(), meeting.local_end.time())


@register.filter
def meeting_when(meeting: Meeting) -> str:
    """ "Tuesday 3 March, 7:00–8:30 pm", in the group's time zone."""
    return f"{meeting_day(meeting)}, {meeting_hours(meeting)}"


@register.filter
def short_when(moment: datetime | None, zone: str) -> str:
    """ "Tue 3 March, 7:00 pm" in ``zone`` (a group card's next meeting)."""
    if moment is None:
        return ""
    local = moment.astimezone(zone_named(zone or "UTC"))
    return f"{local:%a} {local.day} {local:%B}, {_time_range(local.time(), None)}"


@register.filter
def utc_iso(moment: datetime) -> str:
    """2026-03-03T19:00:00Z: a <time datetime> value, without microseconds."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@register.filter
def cost_label(group: Group) -> str:
    """ "Free", "Donation welcome (suggested £3)", "Fee: £5 a session"."""
    label = group.get_cost_display()
    if not group.cost_details:
        return label
    if group.cost == Group.Cost.FEE:
        return f"{label}: {group.cost_details}"
    return f"{label} ({group.cost_details})"


@register.filter
def capacity_label(group: Group) -> str:
    return f"Up to {group.capacity} people" if group.capacity else ""


@register.filter
def language_name(code: str) -> str:
    """ "es" -> "Spanish"; an unknown code is shown as it is."""
    try:
        return get_language_info(code.lower())["name"]
    except KeyError:
        return code.upper()


@register.filter
def language_names(codes) -> str:
    return ", ".join(language_name(code) for code in codes or [])


@register.filter
def audience_labels(group: Group) -> list[str]:
    """Short labels for who the group suits, in a fixed order."""
    labels = []
    if group.women_only:
        labels.append("Women only")
    if group.childcare:
        labels.append("Childcare available")
    if group.child_friendly:
        labels.append("Children welcome")
    if group.wheelchair_accessible:
        labels.append("Wheelchair accessible")
    if group.languages:
        labels.append(f"In {language_names(group.languages)}")
    return labels


FACILITATION_NOTES = {
    Group.Facilitation.PEER: "Led by a woman who has lived through something "
    "similar. She holds the space; she isn't a therapist.",
    Group.Facilitation.SOCIAL_WORKER: "Led by a qualified social worker.",
    Group.Facilitation.THERAPIST: "Led by a qualified therapist.",
    Group.Facilitation.COUNSELLOR: "Led by a qualified counsellor.",
    Group.Facilitation.LIFE_COACH: "Led by a life coach.",
    Group.Facilitation.ORGANIZATION_STAFF: "Led by staff of a support organization.",
}


@register.filter
def facilitation_note(group: Group) -> str:
    return FACILITATION_NOTES.get(group.facilitation, "")


@register.filter
def markdown_lite(text: str) -> str:
    # render_markdown_lite escapes raw HTML and nh3 sanitizes the result.
    return mark_safe(render_markdown_lite(text))


@register.filter
def json_ld(data) -> str:
    """``data`` as JSON safe inside <script type="application/ld+json">."""
    return mark_safe(script_json(data))

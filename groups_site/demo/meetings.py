"""When the demo groups meet, and what the demo people answered: each group
spec's [[group.schedules]] tables become Schedules (and, through the meetings
service, their Meetings), and its [[group.meetings]] tables become RSVPs, a
meeting's own number of seats, or a cancellation, all through
groups.meetings.

A schedule table::

    kind = "weekly" | "fortnightly" | "monthly" | "once"
    weekdays = ["tuesday", "friday"]   # not for "once"
    weeks = [1, 3]                     # monthly: first and third; [-1] the last
    start_time = "19:00", end_time = "20:30"
    days_ahead = 10                    # once: its date, this many days after seeding

A meeting table (the group's n-th meeting still to come when first seeded)::

    occurrence = 1
    capacity = 5                       # its own seats, fewer than the group's
    going = ["wren", "maya"]           # in this order; past the seats, the waitlist
    not_going = ["tala"]
    cancelled = "The reason people are told"

Answers are seeded once: while any of a group's meetings still to come has an
answer or is cancelled, a later run leaves its meetings alone (a run days later
would otherwise answer other occurrences again)."""

from datetime import time, timedelta

from django.utils import timezone
from django.utils.timezone import localdate

from groups.meetings import changes, rsvp
from groups.meetings.generation import remove_schedule, save_schedule, sync_schedule
from groups.models import RSVP, Group, Meeting, Schedule


def schedule_specs(spec: dict) -> list[dict]:
    """The Schedule fields a group spec's [[schedules]] tables ask for."""
    return [
        {
            "kind": table["kind"],
            "weekdays": sorted(
                Group.Weekday[day.upper()] for day in table.get("weekdays", [])
            ),
            "weeks": sorted(table.get("weeks", [])),
            "start_time": time.fromisoformat(table["start_time"]),
            "end_time": time.fromisoformat(table["end_time"]),
            "days_ahead": table.get("days_ahead"),
        }
        for table in spec["schedules"]
    ]


def save_schedules(group: Group, wanted: list[dict]) -> None:
    """Keep the group's schedules that match a spec, remove the others and add
    what is missing, through the meetings service (which makes the meetings). A
    fortnightly schedule counts from the start of the demo, so its weeks stay
    put on a second run."""
    today = localdate()
    remaining = list(wanted)
    for schedule in group.schedules.all():
        match = next((w for w in remaining if _matches(schedule, w)), None)
        if match is None:
            remove_schedule(schedule)
        else:
            remaining.remove(match)
            sync_schedule(schedule)
    for fields in remaining:
        fields = dict(fields)
        days_ahead = fields.pop("days_ahead")
        starts_on = today + timedelta(days=days_ahead or 0)
        if fields["kind"] == Schedule.Kind.ONCE:
            fields["weekdays"] = []
        save_schedule(Schedule(group=group, starts_on=starts_on, **fields))


def _matches(schedule: Schedule, wanted: dict) -> bool:
    return all(
        getattr(schedule, name) == value
        for name, value in wanted.items()
        if name != "days_ahead"
    ) and (wanted["days_ahead"] is None or schedule.is_once)


def save_answers(group: Group, spec: dict, users: dict, *, warn=print) -> int:
    """The group spec's meeting tables, through the RSVP and changes services,
    unless they were seeded already (see the module's docstring). Returns how
    many answers it gave."""
    tables = spec.get("meetings", [])
    if not tables or not group.is_active:
        return 0
    upcoming = list(
        Meeting.objects.filter(group=group, starts_at__gt=timezone.now()).order_by(
            "starts_at", "pk"
        )
    )
    seeded = any(meeting.is_cancelled for meeting in upcoming) or (
        RSVP.objects.filter(meeting__in=upcoming).exists()
    )
    if seeded:
        return 0
    organizer = users[spec["organizers"][0]]
    answered = 0
    for table in tables:
        number = table["occurrence"]
        if number > len(upcoming):
            warn(f"{group.name} has no meeting number {number} to answer.")
            continue
        meeting = upcoming[number - 1]
        if "capacity" in table:
            meeting = rsvp.set_capacity(meeting, table["capacity"])
        answers = [(name, True) for name in table.get("going", [])]
        answers += [(name, False) for name in table.get("not_going", [])]
        for username, going in answers:
            rsvp.respond(user=users[username], meeting=meeting, going=going)
            answered += 1
        if table.get("cancelled"):
            changes.cancel_meeting(
                organizer=organizer, meeting=meeting, reason=table["cancelled"]
            )
    return answered

"""Each group's single weekly slot (meeting_day, start_time, end_time) becomes a
weekly Schedule. A slot without a day or a time can't repeat, so what it held goes
into the group's schedule note instead: nothing is lost. Meetings are made from
the schedules by `manage.py generate_meetings`."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import migrations

DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
# A slot without an end time lasted this long.
DEFAULT_LENGTH = timedelta(minutes=90)


def _today_in(zone_name: str) -> date:
    try:
        return datetime.now(ZoneInfo(zone_name)).date()
    except Exception:  # an unknown zone name: the date in UTC is close enough
        return datetime.now(ZoneInfo("UTC")).date()


def _end_time(start, end):
    if end is not None and end > start:
        return end
    moment = datetime.combine(date(2000, 1, 1), start) + DEFAULT_LENGTH
    if moment.date() != date(2000, 1, 1):
        return start.replace(hour=23, minute=59)
    return moment.time()


def _with_note(group, text: str) -> str:
    note = f"{text}; {group.schedule_note}" if group.schedule_note else text
    return note[:150]


def slots_to_schedules(apps, schema_editor):
    Group = apps.get_model("groups", "Group")
    Schedule = apps.get_model("groups", "Schedule")
    groups = Group.objects.exclude(meeting_day__isnull=True, start_time__isnull=True)
    for group in groups.iterator():
        if group.meeting_day is not None and group.start_time is not None:
            Schedule.objects.create(
                group=group,
                kind="weekly",
                weekdays=[group.meeting_day],
                weeks=[],
                starts_on=_today_in(group.timezone),
                start_time=group.start_time,
                end_time=_end_time(group.start_time, group.end_time),
            )
            continue
        if group.meeting_day is not None:
            group.schedule_note = _with_note(group, f"{DAYS[group.meeting_day]}s")
        else:
            group.schedule_note = _with_note(
                group, f"Starts at {group.start_time:%H:%M}"
            )
        group.save(update_fields=["schedule_note"])


def schedules_to_slots(apps, schema_editor):
    Group = apps.get_model("groups", "Group")
    Schedule = apps.get_model("groups", "Schedule")
    weekly = Schedule.objects.exclude(kind="once").order_by("group_id", "pk")
    seen = set()
    for schedule in weekly.iterator():
        if schedule.group_id in seen:
            continue
        seen.add(schedule.group_id)
        Group.objects.filter(pk=schedule.group_id).update(
            meeting_day=schedule.weekdays[0],
            start_time=schedule.start_time,
            end_time=schedule.end_time,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0006_add_meetings"),
    ]

    operations = [
        migrations.RunPython(slots_to_schedules, schedules_to_slots),
    ]

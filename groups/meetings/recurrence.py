"""Which days a schedule meets on, with dateutil's rrule. Pure: dates in, dates
out; times and time zones are generation's business."""

from datetime import date, datetime, time

from dateutil import rrule

from groups.models import Schedule

# Our weekdays count from Sunday = 0 (as the Meeting Guide feed does); dateutil's
# from Monday = 0.
_RRULE_DAYS = [rrule.SU, rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA]


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def occurrence_dates(schedule: Schedule, first: date, last: date) -> list[date]:
    """The local dates from ``first`` to ``last`` (both included) on which the
    schedule meets."""
    first = max(first, schedule.starts_on)
    if schedule.ends_on:
        last = min(last, schedule.ends_on)
    if last < first:
        return []
    if schedule.is_once:
        return [schedule.starts_on] if first <= schedule.starts_on <= last else []
    days = [_RRULE_DAYS[day] for day in sorted(set(schedule.weekdays))]
    if schedule.is_monthly:
        rule = rrule.rrule(
            rrule.MONTHLY,
            byweekday=[day(week) for day in days for week in sorted(schedule.weeks)],
            dtstart=_midnight(schedule.starts_on),
            until=_midnight(last),
        )
    else:
        rule = rrule.rrule(
            rrule.WEEKLY,
            interval=2 if schedule.is_fortnightly else 1,
            byweekday=days,
            # Fortnights count from the week it started in.
            dtstart=_midnight(schedule.starts_on),
            until=_midnight(last),
        )
    return [
        moment.date()
        for moment in rule.between(_midnight(first), _midnight(last), inc=True)
    ]

"""Which days a schedule meets on (groups.meetings.recurrence) and at which UTC
moments (groups.models.local_datetime), across daylight-saving changes."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from groups.meetings.recurrence import occurrence_dates
from groups.models import Group, Schedule, local_datetime

SUN, MON, TUE, WED, THU, FRI, SAT = range(7)
LONDON = ZoneInfo("Europe/London")
CHICAGO = ZoneInfo("America/Chicago")


def schedule(kind=Schedule.Kind.WEEKLY, **fields):
    """An unsaved schedule: recurrence needs no database."""
    defaults = {
        "weekdays": [TUE],
        "weeks": [],
        "starts_on": date(2027, 3, 1),
        "start_time": time(19),
        "end_time": time(20, 30),
    }
    defaults.update(fields)
    return Schedule(group=Group(timezone="Europe/London"), kind=kind, **defaults)


def test_it_repeats_weekly_on_each_chosen_day():
    dates = occurrence_dates(
        schedule(weekdays=[MON, THU]), date(2027, 3, 1), date(2027, 3, 14)
    )

    assert dates == [
        date(2027, 3, 1),
        date(2027, 3, 4),
        date(2027, 3, 8),
        date(2027, 3, 11),
    ]
    assert {day.weekday() for day in dates} == {0, 3}  # Monday, Thursday


def test_it_counts_fortnights_from_the_week_it_started():
    rule = schedule(Schedule.Kind.FORTNIGHTLY, starts_on=date(2027, 3, 2))

    assert occurrence_dates(rule, date(2027, 3, 1), date(2027, 4, 30)) == [
        date(2027, 3, 2),
        date(2027, 3, 16),
        date(2027, 3, 30),
        date(2027, 4, 13),
        date(2027, 4, 27),
    ]
    # Asked from a later day, the fortnights stay where they were.
    assert occurrence_dates(rule, date(2027, 3, 20), date(2027, 4, 14)) == [
        date(2027, 3, 30),
        date(2027, 4, 13),
    ]


def test_it_meets_on_the_first_and_third_tuesday():
    rule = schedule(Schedule.Kind.MONTHLY, weekdays=[TUE], weeks=[1, 3])

    assert occurrence_dates(rule, date(2027, 3, 1), date(2027, 5, 31)) == [
        date(2027, 3, 2),
        date(2027, 3, 16),
        date(2027, 4, 6),
        date(2027, 4, 20),
        date(2027, 5, 4),
        date(2027, 5, 18),
    ]


def test_it_meets_on_the_last_friday_even_in_a_five_friday_month():
    rule = schedule(Schedule.Kind.MONTHLY, weekdays=[FRI], weeks=[-1])

    # April 2027 has four Fridays, July 2027 five.
    assert occurrence_dates(rule, date(2027, 4, 1), date(2027, 7, 31)) == [
        date(2027, 4, 30),
        date(2027, 5, 28),
        date(2027, 6, 25),
        date(2027, 7, 30),
    ]


def test_it_meets_on_the_second_and_fourth_saturday():
    rule = schedule(Schedule.Kind.MONTHLY, weekdays=[SAT], weeks=[2, 4])

    assert occurrence_dates(rule, date(2027, 5, 1), date(2027, 5, 31)) == [
        date(2027, 5, 8),
        date(2027, 5, 22),
    ]


def test_it_meets_once_only_inside_the_window():
    rule = schedule(Schedule.Kind.ONCE, weekdays=[], starts_on=date(2027, 3, 20))

    assert occurrence_dates(rule, date(2027, 3, 1), date(2027, 3, 31)) == [
        date(2027, 3, 20)
    ]
    assert occurrence_dates(rule, date(2027, 3, 21), date(2027, 4, 30)) == []


def test_it_never_meets_before_it_starts_or_after_it_ends():
    rule = schedule(starts_on=date(2027, 3, 9), ends_on=date(2027, 3, 23))

    assert occurrence_dates(rule, date(2027, 3, 1), date(2027, 4, 30)) == [
        date(2027, 3, 9),
        date(2027, 3, 16),
        date(2027, 3, 23),
    ]


@pytest.mark.parametrize(
    ("zone", "before", "after", "utc_before", "utc_after"),
    [
        # Britain: clocks go forward on 28 March 2027, back on 31 October 2027.
        (LONDON, date(2027, 3, 23), date(2027, 3, 30), 19, 18),
        (LONDON, date(2027, 10, 26), date(2027, 11, 2), 18, 19),
        # Chicago: forward on 14 March 2027, back on 7 November 2027.
        (CHICAGO, date(2027, 3, 9), date(2027, 3, 16), 1, 0),
        (CHICAGO, date(2027, 11, 2), date(2027, 11, 9), 0, 1),
    ],
)
def test_it_keeps_the_local_time_across_daylight_saving_changes(
    zone, before, after, utc_before, utc_after
):
    seven_pm = time(19)

    first = local_datetime(before, seven_pm, zone)
    second = local_datetime(after, seven_pm, zone)

    assert first.astimezone(zone).time() == second.astimezone(zone).time() == seven_pm
    assert first.astimezone(UTC).hour == utc_before
    assert second.astimezone(UTC).hour == utc_after


def test_it_moves_a_time_the_clocks_skip_to_just_after_the_change():
    # 02:30 does not exist in Chicago on 14 March 2027.
    moment = local_datetime(date(2027, 3, 14), time(2, 30), CHICAGO)

    assert moment.astimezone(CHICAGO).time() == time(3, 30)
    assert moment.astimezone(UTC) == datetime(2027, 3, 14, 8, 30, tzinfo=UTC)


def test_it_takes_the_first_of_a_time_that_happens_twice():
    # 01:30 happens twice in London on 31 October 2027; the first is still BST.
    moment = local_datetime(date(2027, 10, 31), time(1, 30), LONDON)

    assert moment.astimezone(UTC) == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)

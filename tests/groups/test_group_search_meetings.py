"""/groups/ by when groups meet: "Meets on" (weekdays), "Time of day" and the
"Next meeting" order."""

import re
from datetime import UTC, date, datetime, time

import pytest
import time_machine
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from groups.meetings.changes import cancel_meeting
from groups.meetings.generation import remove_schedule
from groups.models import Group, Schedule, Topic
from groups.search import listing_cache_key
from tests.conftest import make_group, make_meeting, make_place, make_schedule
from tests.groups.conftest import card_names, page

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = (
    Group.Weekday.MONDAY,
    Group.Weekday.TUESDAY,
    Group.Weekday.WEDNESDAY,
    Group.Weekday.THURSDAY,
    Group.Weekday.FRIDAY,
    Group.Weekday.SATURDAY,
    Group.Weekday.SUNDAY,
)


@pytest.fixture(autouse=True)
def monday_morning():
    """Monday 2 March 2026, 9 am in Leeds (GMT, so UTC too)."""
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False):
        yield


def meets(name: str, *weekdays, at=time(19), place=None, **fields):
    """A group in Leeds meeting weekly on ``weekdays`` at ``at`` (for an hour)."""
    group = make_group(name=name, schedule=False, place=place or make_place(), **fields)
    if weekdays:
        make_schedule(
            group,
            weekdays=list(weekdays),
            start_time=at,
            end_time=time(at.hour + 1, at.minute),
        )
    return group


@pytest.fixture
def week(db):
    """Groups across the week and the day: Tuesday evening, Saturday morning,
    Wednesday lunchtime, and Monday and Thursday at 5 pm."""
    return [
        meets("Tuesday Evening", TUESDAY, at=time(19)),
        meets("Saturday Morning", SATURDAY, at=time(10)),
        meets("Wednesday Lunch", WEDNESDAY, at=time(12, 30)),
        meets("Monday and Thursday", MONDAY, THURSDAY, at=time(17)),
    ]


# Meets on ----------------------------------------------------------------------


@pytest.mark.usefixtures("week")
@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("day=6", ["Saturday Morning"]),
        ("day=2&day=6", ["Saturday Morning", "Tuesday Evening"]),
        ("day=4", ["Monday and Thursday"]),
        ("day=1&day=4", ["Monday and Thursday"]),
        ("day=0", []),
    ],
)
def test_it_lists_groups_meeting_on_any_of_the_days(client, query, names):
    html = page(client, f"/groups/?{query}")

    assert card_names(html) == names
    assert f"{len(names)} group" in html


def test_it_ticks_the_chosen_days_and_opens_more_filters(client, week):
    html = page(client, "/groups/?day=2&day=6&time=evening")

    assert re.search(r'<input type="checkbox" name="day" value="2"[^>]* checked', html)
    assert re.search(r'<input type="checkbox" name="day" value="6"[^>]* checked', html)
    assert not re.search(r'name="day" value="3"[^>]* checked', html)
    assert re.search(r'name="time" value="evening"[^>]* checked', html)
    assert '<details class="details group-search__more" open>' in html
    assert "<legend>Meets on</legend>" in html
    assert "<legend>Time of day</legend>" in html


def test_it_lists_a_group_with_two_matching_schedules_once(client, db):
    group = meets("Twice a Week", TUESDAY, at=time(10))
    make_schedule(group, weekdays=[TUESDAY], start_time=time(19), end_time=time(20))

    html = page(client, "/groups/?day=2&time=morning&time=evening")

    assert card_names(html) == ["Twice a Week"]
    assert "1 group found" in html


def test_it_counts_a_one_off_meeting_on_its_own_day(client, db):
    friday = make_group(name="Friday Workshop", schedule=False)
    make_meeting(friday, days_ahead=4, at=time(10))  # Friday 6 March

    assert card_names(page(client, "/groups/?day=5")) == ["Friday Workshop"]
    assert card_names(page(client, "/groups/?day=5&time=morning")) == [
        "Friday Workshop"
    ]
    assert card_names(page(client, "/groups/?day=4")) == []


def test_it_leaves_out_schedules_that_are_over(client, db):
    ended = make_group(name="Ended Sundays", schedule=False)
    make_schedule(
        ended,
        weekdays=[SUNDAY],
        starts_on=date(2026, 1, 4),
        ends_on=date(2026, 2, 22),
    )
    past = make_group(name="Past Workshop", schedule=False)
    make_schedule(
        past,
        kind=Schedule.Kind.ONCE,
        weekdays=[],
        starts_on=date(2026, 2, 27),  # a Friday
    )

    assert card_names(page(client, "/groups/?day=0")) == []
    assert card_names(page(client, "/groups/?day=5")) == []


# Time of day -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("time=morning", ["At 11:59"]),
        ("time=afternoon", ["At 12:00", "At 16:59"]),
        ("time=evening", ["At 17:00"]),
        ("time=morning&time=evening", ["At 11:59", "At 17:00"]),
    ],
)
def test_it_splits_the_day_at_noon_and_five(client, db, query, names):
    for at in (time(11, 59), time(12), time(16, 59), time(17)):
        meets(f"At {at:%H:%M}", MONDAY, at=at)

    assert card_names(page(client, f"/groups/?{query}")) == names


def test_it_reads_times_in_the_groups_own_zone(client, db):
    auckland = make_place(
        "Auckland", latitude=-36.84853, longitude=174.76349, timezone="Pacific/Auckland"
    )
    meets(
        "Auckland Breakfast",
        TUESDAY,
        at=time(7),
        place=auckland,
        timezone="Pacific/Auckland",
    )

    assert card_names(page(client, "/groups/?time=morning&day=2")) == [
        "Auckland Breakfast"
    ]
    assert card_names(page(client, "/groups/?time=evening")) == []


@pytest.mark.usefixtures("week")
@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("day=2&time=evening", ["Tuesday Evening"]),
        ("day=2&time=morning", []),
        (
            "day=6&day=3&time=morning&time=afternoon",
            ["Saturday Morning", "Wednesday Lunch"],
        ),
    ],
)
def test_it_combines_days_and_times(client, query, names):
    assert card_names(page(client, f"/groups/?{query}")) == names


# With the other searches -------------------------------------------------------


def test_it_combines_with_a_place_a_topic_and_words(client, db):
    leeds = make_place("Leeds", population=900_000)
    london = make_place(
        "London", latitude=51.50853, longitude=-0.12574, population=8_961_989
    )
    grief = Topic.objects.get(slug="grief-and-loss")
    meets("Grief Circle Leeds", TUESDAY, place=leeds, topics=[grief])
    meets("Grief Circle London", TUESDAY, place=london, topics=[grief])
    meets("Confidence Leeds", TUESDAY, place=leeds)
    meets("Grief Saturdays Leeds", SATURDAY, place=leeds, topics=[grief])

    near = page(client, "/groups/?near=Leeds&radius=25&day=2")
    topic = page(client, "/groups/?topic=grief-and-loss&day=2&time=evening")
    words = page(client, "/groups/?q=grief&near=Leeds&day=2&day=6&sort=next")

    assert card_names(near) == ["Confidence Leeds", "Grief Circle Leeds"]
    assert card_names(topic) == ["Grief Circle Leeds", "Grief Circle London"]
    assert card_names(words) == ["Grief Circle Leeds", "Grief Saturdays Leeds"]
    assert "Showing groups near Leeds, United Kingdom, within 25 km, by next" in words


def test_it_offers_to_remove_the_day_and_time_filters(client, week):
    html = page(client, "/groups/?q=walk&day=0&time=morning")

    assert card_names(html) == []
    link = re.search(r'<a href="([^"]+)">Remove the filters</a>', html)
    assert link.group(1) == "?q=walk"


# Next meeting ------------------------------------------------------------------


def test_it_sorts_by_next_meeting_with_groups_without_one_last(client, alice, db):
    meets("Alpha Tuesdays", TUESDAY, at=time(19))  # Tuesday 3 March, 7 pm
    later_today = make_group(name="Bravo Tonight", schedule=False)
    make_meeting(later_today, days_ahead=0, at=time(18))  # Monday 2 March, 6 pm
    meets("Charlie Wednesdays", WEDNESDAY, at=time(10))
    meets("Delta Nothing Planned")
    # Its next meeting is called off, so it counts from the one after.
    echo = meets("Echo Thursdays", THURSDAY, at=time(18))
    called_off = make_meeting(echo, days_ahead=0, at=time(12))
    cancel_meeting(organizer=alice, meeting=called_off, reason="The hall flooded.")
    # Already started this morning; next week's is the one that counts.
    meets("Foxtrot Mondays", MONDAY, at=time(8))
    meets("Golf Paused", TUESDAY, status=Group.Status.PAUSED)

    html = page(client, "/groups/?sort=next")

    assert card_names(html) == [
        "Bravo Tonight",
        "Alpha Tuesdays",
        "Charlie Wednesdays",
        "Echo Thursdays",
        "Foxtrot Mondays",
        "Delta Nothing Planned",
        "Golf Paused",
    ]
    assert "Soonest meeting first; groups with no meeting planned come last." in html
    assert re.search(r'<option value="next" selected>Next meeting</option>', html)


def test_it_sorts_by_the_moment_not_the_local_clock(client, db):
    auckland = make_place(
        "Auckland", latitude=-36.84853, longitude=174.76349, timezone="Pacific/Auckland"
    )
    meets("Leeds Monday Night", MONDAY, at=time(20))  # 8 pm UTC
    # 7 am on Tuesday in Auckland (UTC+13) is 6 pm on Monday in Leeds.
    meets(
        "Auckland Tuesday Breakfast",
        TUESDAY,
        at=time(7),
        place=auckland,
        timezone="Pacific/Auckland",
    )

    assert card_names(page(client, "/groups/?sort=next")) == [
        "Auckland Tuesday Breakfast",
        "Leeds Monday Night",
    ]


def test_it_sorts_by_next_meeting_within_a_place(client, db):
    leeds = make_place("Leeds", population=900_000)
    manchester = make_place("Manchester", latitude=53.48095, longitude=-2.23743)
    meets("Manchester Monday", MONDAY, at=time(19), place=manchester)
    meets("Leeds Friday", FRIDAY, at=time(19), place=leeds)
    meets("Leeds Nothing Planned", place=leeds)

    nearest = page(client, "/groups/?near=Leeds&radius=100")
    soonest = page(client, "/groups/?near=Leeds&radius=100&sort=next")

    assert card_names(nearest)[-1] == "Manchester Monday"
    assert card_names(soonest) == [
        "Manchester Monday",
        "Leeds Friday",
        "Leeds Nothing Planned",
    ]


def test_it_keeps_the_filters_and_order_in_page_links(client, db):
    leeds = make_place("Leeds", population=900_000)
    for number in range(22):
        meets(f"Circle {number:02d}", TUESDAY, at=time(19), place=leeds)

    first = page(client, "/groups/?day=2&day=4&time=evening&sort=next")
    link = re.search(r'<a [^>]*rel="next" href="([^"]+)"', first).group(1)
    second = page(client, "/groups/" + link)

    assert link == "?day=2&day=4&time=evening&sort=next&page=2"
    assert len(card_names(first)) == 20
    assert card_names(second) == ["Circle 20", "Circle 21"]


# Bad input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("day=9", "Tick days from the list of weekdays."),
        ("day=%C2%B2", "Tick days from the list of weekdays."),
        ("day=-1", "Tick days from the list of weekdays."),
        ("day=monday", "Tick days from the list of weekdays."),
        ("day=2&day=9", "Tick days from the list of weekdays."),
        ("time=midnight", "Tick times from the list: morning, afternoon or evening."),
        ("sort=oldest", "Choose an order from the list."),
        ("day=2&time=%00", "Tick times from the list"),
    ],
)
def test_it_explains_bad_days_times_and_orders(client, week, query, message):
    html = page(client, f"/groups/?{query}")

    assert "Please check your search" in html
    assert message in html
    assert card_names(html) == []


def test_it_links_a_bad_day_to_the_first_box(client, db):
    html = page(client, "/groups/?day=9")

    assert '<a href="#id_day_0">Tick days from the list' in html
    assert 'id="id_day_0"' in html


# Caching -----------------------------------------------------------------------


def test_it_caches_each_day_and_time_apart(settings):
    settings.GROUP_LISTING_CACHE_SECONDS = 300
    plain = listing_cache_key(QueryDict("near=Leeds"))
    tuesday = listing_cache_key(QueryDict("near=Leeds&day=2"))
    evening = listing_cache_key(QueryDict("near=Leeds&day=2&time=evening"))

    assert len({plain, tuesday, evening}) == 3
    assert listing_cache_key(QueryDict("day=2&day=6")) == listing_cache_key(
        QueryDict("day=6&day=2")
    )


def test_it_never_caches_the_order_by_next_meeting(settings):
    settings.GROUP_LISTING_CACHE_SECONDS = 300

    assert listing_cache_key(QueryDict("near=Leeds&sort=next")) is None
    assert listing_cache_key(QueryDict("near=Leeds&sort=")) is not None


def test_it_shows_a_cancellation_in_the_order_at_once(client, alice, settings):
    settings.GROUP_LISTING_CACHE_SECONDS = 300
    soon = make_group(name="Soon", schedule=False)
    meeting = make_meeting(soon, days_ahead=1)
    meets("Later", WEDNESDAY)
    assert card_names(page(client, "/groups/?sort=next")) == ["Soon", "Later"]

    cancel_meeting(organizer=alice, meeting=meeting, reason="Snow.")

    assert card_names(page(client, "/groups/?sort=next")) == ["Later", "Soon"]


def test_it_shows_a_new_schedule_in_the_filters_at_once(
    client, db, settings, django_capture_on_commit_callbacks
):
    settings.GROUP_LISTING_CACHE_SECONDS = 300
    group = meets("Tuesday Evening", TUESDAY)
    assert card_names(page(client, "/groups/?day=6")) == []

    with django_capture_on_commit_callbacks(execute=True):
        make_schedule(group, weekdays=[SATURDAY])

    assert card_names(page(client, "/groups/?day=6")) == ["Tuesday Evening"]

    with django_capture_on_commit_callbacks(execute=True):
        remove_schedule(group.schedules.get(weekdays=[SATURDAY]))

    assert card_names(page(client, "/groups/?day=6")) == []


# Queries -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "day=2&day=4&time=evening",
        "sort=next",
        "near=Leeds&radius=50&day=2&time=evening&sort=next",
        "q=circle&day=2&sort=next",
    ],
)
def test_it_runs_as_many_queries_for_3_groups_as_for_30(
    client, db, query, django_assert_num_queries
):
    leeds = make_place("Leeds", population=900_000)

    def add(numbers):
        for number in numbers:
            group = meets(f"Circle {number:02d}", TUESDAY, THURSDAY, place=leeds)
            make_schedule(
                group, weekdays=[SATURDAY], start_time=time(10), end_time=time(11)
            )

    add(range(3))
    url = f"/groups/?{query}"
    page(client, url)  # A near-search starts her session (a write, once).
    with CaptureQueriesContext(connection) as with_three:
        assert len(card_names(page(client, url))) == 3

    add(range(3, 30))
    with django_assert_num_queries(len(with_three)):
        assert len(card_names(page(client, url))) == 20


def test_it_adds_no_query_to_a_search_near_a_place(client, db):
    leeds = make_place("Leeds", population=900_000)
    meets("Circle", TUESDAY, place=leeds)
    page(client, "/groups/?near=Leeds")

    with CaptureQueriesContext(connection) as plain:
        page(client, "/groups/?near=Leeds")
    with CaptureQueriesContext(connection) as filtered:
        page(client, "/groups/?near=Leeds&day=2&time=evening&sort=next")

    assert len(filtered) == len(plain)


def test_it_asks_the_database_in_one_query_with_subqueries(client, db):
    meets("Circle", TUESDAY)

    with CaptureQueriesContext(connection) as queries:
        page(client, "/groups/?day=2&time=evening&sort=next")

    listing = [q["sql"] for q in queries if 'FROM "groups_group"' in q["sql"]]
    assert any(
        "EXISTS" in sql and re.search(r"ORDER BY \S+ ASC NULLS LAST", sql)
        for sql in listing
    )

"""/meeting-guide.json: listed, active groups' repeating meetings in the open
Meeting Guide format (code4recovery spec), for meeting-finder apps. Public facts
only: never a street address, a meeting link or anyone's name."""

import json
import re
from datetime import date, time, timedelta
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.utils import timezone

from groups.meetings.generation import remove_schedule, save_schedule
from groups.models import Group, Schedule
from tests.conftest import make_group, make_schedule
from tests.groups.conftest import count_queries

URL = "/meeting-guide.json"

# The spec's fields and the JSON types it allows (code4recovery/spec README,
# "Field Definitions"), plus attendance_option, which TSML UI reads.
SPEC_FIELDS = {
    "name": str,
    "slug": str,
    "day": (int, list),
    "time": str,
    "end_time": str,
    "timezone": str,
    "formatted_address": str,
    "address": str,
    "city": str,
    "state": str,
    "postal_code": str,
    "country": str,
    "region": str,
    "sub_region": str,
    "regions": list,
    "conference_url": str,
    "conference_url_notes": str,
    "conference_phone": str,
    "conference_phone_notes": str,
    "types": list,
    "notes": str,
    "location": str,
    "location_notes": str,
    "latitude": (int, float),
    "longitude": (int, float),
    "approximate": str,
    "updated": str,
    "group": str,
    "group_notes": str,
    "url": str,
    "edit_url": str,
    "feedback_url": str,
    "attendance_option": str,
}
REQUIRED = {"name", "slug"}
# What Kindred's feed must never carry: venues and links are members-only.
NEVER = {"address", "postal_code", "latitude", "longitude"} | {
    field for field in SPEC_FIELDS if field.startswith("conference_")
}
HH_MM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
UPDATED = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
URL_SAFE = re.compile(r"^[a-z0-9-]+$")


def check_entry(entry: dict) -> None:
    """Raise AssertionError where ``entry`` breaks the spec or our privacy rules."""
    assert entry.keys() >= REQUIRED
    for field, value in entry.items():
        assert field in SPEC_FIELDS, f"{field} is not in the spec"
        assert isinstance(value, SPEC_FIELDS[field]), f"{field}: {value!r}"
        assert field not in NEVER, f"{field} must never be published"
    assert 0 < len(entry["name"]) <= 255
    assert URL_SAFE.match(entry["slug"]) and len(entry["slug"]) <= 64
    days = entry["day"] if isinstance(entry["day"], list) else [entry["day"]]
    assert all(isinstance(day, int) and 0 <= day <= 6 for day in days)
    assert HH_MM.match(entry["time"]) and HH_MM.match(entry["end_time"])
    ZoneInfo(entry["timezone"])
    assert all(isinstance(code, str) for code in entry["types"])
    assert UPDATED.match(entry["updated"])
    assert urlparse(entry["url"]).scheme in ("http", "https")
    assert entry["attendance_option"] in ("in_person", "online", "hybrid")
    if "approximate" in entry:
        assert entry["approximate"] in ("yes", "no")


def feed(client) -> list[dict]:
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    entries = json.loads(response.content)
    for entry in entries:
        check_entry(entry)
    assert len({entry["slug"] for entry in entries}) == len(entries)
    return entries


def test_it_lists_each_weekly_slot_by_the_spec(client, group):
    (entry,) = feed(client)

    schedule = group.schedules.get()
    assert entry == {
        "name": "Tuesday Evening Circle",
        "slug": f"tuesday-evening-circle-{schedule.pk}-2",
        "day": 2,
        "time": "19:00",
        "end_time": "20:30",
        "timezone": "UTC",
        "types": ["W"],
        "attendance_option": "in_person",
        "group": "Tuesday Evening Circle",
        "notes": "Members see the address on the group page.",
        "updated": entry["updated"],
        "url": "http://localhost:8000/groups/tuesday-evening-circle/",
        "location": "Leeds",
        "formatted_address": "Leeds, United Kingdom",
        "city": "Leeds",
        "region": "Leeds",
        "country": "GB",
        "approximate": "yes",
    }


def test_it_gives_each_weekday_of_a_schedule_its_own_entry(client, alice):
    group = make_group(organizer=alice, schedule=False, timezone="Europe/London")
    make_schedule(group, weekdays=[1, 3], start_time=time(10), end_time=time(11))

    entries = feed(client)

    assert [(e["day"], e["time"], e["timezone"]) for e in entries] == [
        (1, "10:00", "Europe/London"),
        (3, "10:00", "Europe/London"),
    ]


def test_it_says_how_often_a_fortnightly_or_monthly_group_meets(client, alice):
    group = make_group(organizer=alice, schedule=False, schedule_note="Not in August.")
    make_schedule(group, kind=Schedule.Kind.FORTNIGHTLY, weekdays=[1])
    make_schedule(group, kind=Schedule.Kind.MONTHLY, weekdays=[2], weeks=[1, 3])

    notes = [entry["notes"] for entry in feed(client)]

    assert notes[0].startswith("Every other Monday\nNot in August.\n")
    assert notes[1].startswith("First and third Tuesday of the month\n")


def test_it_leaves_out_one_off_and_ended_schedules(client, alice):
    group = make_group(organizer=alice, schedule=False)
    today = timezone.localdate()
    make_schedule(group, kind=Schedule.Kind.ONCE, weekdays=[], starts_on=today)
    ended = make_schedule(group, starts_on=today - timedelta(days=30))
    Schedule.objects.filter(pk=ended.pk).update(ends_on=today - timedelta(days=1))

    assert feed(client) == []


def test_it_says_when_a_future_schedule_starts(client, alice):
    group = make_group(organizer=alice, schedule=False)
    make_schedule(group, starts_on=date(2099, 3, 3), ends_on=date(2099, 6, 30))

    (entry,) = feed(client)

    assert "From Tuesday 3 March 2099\nUntil Tuesday 30 June 2099" in entry["notes"]


def test_it_describes_an_online_group_without_a_place(client, alice):
    make_group(
        organizer=alice,
        format=Group.Format.ONLINE,
        languages=["es", "yo"],
        child_friendly=True,
    )

    (entry,) = feed(client)

    assert entry["attendance_option"] == "online"
    assert entry["location"] == entry["region"] == "Online"
    assert "city" not in entry and "formatted_address" not in entry
    # Spanish is "S" in the spec; a language it has no code for is left out.
    assert entry["types"] == ["W", "CF", "S"]
    assert entry["notes"] == "Members get the meeting link on the group page."


def test_it_never_carries_an_address_link_note_or_name(client, alice, bob):
    make_group(
        organizer=alice,
        members=[bob],
        format=Group.Format.HYBRID,
        online_link="https://meet.example.org/secret-room",
        online_notes="Passcode 4242",
        venue_type=Group.VenueType.MEMBERS_HOME,
        facilitator_credentials="Registered counsellor",
    )

    content = client.get(URL).content.decode()

    for private in [
        "Secret Lane",
        "Ring the bell",
        "meet.example.org",
        "4242",
        "Alice",
        "Bobbie",
        '"alice',
        "home",
    ]:
        assert private not in content
    assert json.loads(content)[0]["attendance_option"] == "hybrid"


@pytest.mark.parametrize(
    "fields",
    [
        {"visibility": Group.Visibility.UNLISTED},
        {"status": Group.Status.PENDING},
        {"status": Group.Status.PAUSED},
        {"status": Group.Status.ARCHIVED},
    ],
)
def test_it_leaves_out_groups_nobody_can_find_or_join(client, alice, fields):
    group = make_group(organizer=alice, schedule=False, **fields)
    # Schedules of a group that is not live make no meetings, but stay.
    Schedule.objects.create(
        group=group,
        weekdays=[2],
        starts_on=timezone.localdate(),
        start_time=time(19),
        end_time=time(20),
    )

    assert feed(client) == []


def test_it_is_open_to_other_sites_and_shared_caches(client, group):
    response = client.get(URL)

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]
    assert not response.cookies


def test_it_comes_from_the_cache_until_a_schedule_changes(
    client, group, django_capture_on_commit_callbacks
):
    schedule = group.schedules.get()
    assert feed(client)[0]["time"] == "19:00"
    # Written behind the services' back: the cached feed stays.
    Schedule.objects.filter(pk=schedule.pk).update(start_time=time(18))
    assert feed(client)[0]["time"] == "19:00"

    schedule.refresh_from_db()
    schedule.start_time = time(17)
    with django_capture_on_commit_callbacks(execute=True):
        save_schedule(schedule)
    assert feed(client)[0]["time"] == "17:00"

    with django_capture_on_commit_callbacks(execute=True):
        remove_schedule(schedule)
    assert feed(client) == []


def test_it_costs_the_same_queries_for_2_or_20_groups(client, alice):
    for n in range(2):
        make_group(organizer=alice, name=f"Circle {n}")
    cache.clear()
    few = count_queries(client, URL)
    for n in range(2, 20):
        make_group(organizer=alice, name=f"Circle {n}")
    cache.clear()

    assert count_queries(client, URL) == few


def test_it_is_advertised_on_every_page(client, db):
    page = client.get("/").content.decode()

    assert (
        '<link rel="alternate" type="application/json" title="Meetings Feed" '
        'href="/meeting-guide.json">'
    ) in page

"""schema.org Event JSON-LD on a listed group's page: its next meetings for
search engines, with the city only and the site as organizer."""

import json
import re
from datetime import time

from groups.meetings.changes import MeetingChange, cancel_meeting, change_meeting
from groups.models import Group
from tests.conftest import make_group

URL = "/groups/tuesday-evening-circle/"
SCHEMA = "https://schema.org/"


def events_on(response) -> list[dict]:
    assert response.status_code == 200
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert len(blocks) <= 1
    return json.loads(blocks[0]) if blocks else []


def test_it_describes_the_next_five_meetings(client, group):
    events = events_on(client.get(URL))

    meetings = list(group.meetings.order_by("starts_at")[:5])
    assert len(events) == 5
    first = events[0]
    assert first == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Tuesday Evening Circle",
        "description": group.tagline,
        "startDate": meetings[0].local_start.isoformat(timespec="seconds"),
        "endDate": meetings[0].local_end.isoformat(timespec="seconds"),
        "eventStatus": f"{SCHEMA}EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": "Leeds",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Leeds",
                "addressCountry": "GB",
            },
        },
        "organizer": {
            "@type": "Organization",
            "name": "Kindred",
            "url": "http://localhost:8000/",
        },
        "url": "http://localhost:8000/groups/tuesday-evening-circle/",
    }
    assert first["startDate"].endswith("+00:00")


def test_it_gives_times_with_the_groups_offset(client, alice):
    make_group(organizer=alice, timezone="America/New_York")

    start = events_on(client.get(URL))[0]["startDate"]

    assert start.endswith(("-05:00", "-04:00")) and "T19:00:00" in start


def test_it_marks_cancelled_and_changed_meetings(client, group, alice):
    first, second = group.meetings.order_by("starts_at")[:2]
    cancel_meeting(organizer=alice, meeting=first, reason="Closed.")
    change_meeting(
        organizer=alice,
        meeting=second,
        change=MeetingChange(
            day=second.local_date,
            start_time=time(18),
            end_time=time(19),
            format=Group.Format.IN_PERSON,
            street_address="7 Hidden Road",
        ),
    )

    response = client.get(URL)

    statuses = [event["eventStatus"] for event in events_on(response)[:2]]
    assert statuses == [f"{SCHEMA}EventCancelled", f"{SCHEMA}EventRescheduled"]
    assert "Hidden Road" not in response.content.decode()


def test_it_points_online_meetings_at_the_group_page(client, alice):
    make_group(
        organizer=alice,
        format=Group.Format.HYBRID,
        online_link="https://meet.example.org/secret-room",
    )

    event = events_on(client.get(URL))[0]

    assert event["eventAttendanceMode"] == f"{SCHEMA}MixedEventAttendanceMode"
    place, virtual = event["location"]
    assert place["name"] == "Leeds"
    assert virtual == {
        "@type": "VirtualLocation",
        "url": "http://localhost:8000/groups/tuesday-evening-circle/",
    }


def test_it_shows_members_the_same_public_facts(client, group, bob):
    signed_out = events_on(client.get(URL))
    client.force_login(bob)

    response = client.get(URL)

    assert events_on(response) == signed_out
    script = re.search(r"ld\+json\">(.*?)</script>", response.content.decode(), re.S)
    assert "Secret Lane" not in script.group(1)


def test_it_describes_no_meetings_of_an_unlisted_group(client, alice):
    group = make_group(organizer=alice, visibility=Group.Visibility.UNLISTED)

    response = client.get(group.get_absolute_url())

    assert events_on(response) == []
    assert 'type="text/calendar"' not in response.content.decode()


def test_it_escapes_a_name_that_would_end_the_script(client, alice):
    make_group(
        organizer=alice, name="</script><script>alert(1)</script>", slug="odd-name"
    )

    response = client.get("/groups/odd-name/")

    assert "<script>alert(1)" not in response.content.decode()
    assert events_on(response)[0]["name"] == "</script><script>alert(1)</script>"


def test_it_links_the_public_calendar(client, group):
    page = client.get(URL).content.decode()

    assert (
        '<link rel="alternate" type="text/calendar" title="Tuesday Evening Circle '
        'meetings" href="/groups/tuesday-evening-circle/calendar.ics">'
    ) in page

"""/groups/<slug>/calendar.ics: a listed group's meetings for anyone's calendar
app. Times and the public area only, the same for everyone."""

import re
from datetime import time, timedelta

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.utils import timezone

from groups.meetings.changes import MeetingChange, cancel_meeting, change_meeting
from groups.meetings.generation import save_schedule
from groups.models import Group, PrivateDetailView
from tests.conftest import make_group
from tests.groups.conftest import calendar_of, count_queries, fill_calendar

URL = "/groups/tuesday-evening-circle/calendar.ics"


def uids(calendar) -> list[str]:
    return [str(event["UID"]) for event in calendar.walk("VEVENT")]


def without_stamps(content: bytes) -> bytes:
    return re.sub(rb"DTSTAMP:\w+\r\n", b"", content)


def test_it_serves_a_valid_calendar_of_the_upcoming_meetings(client, group):
    calendar = calendar_of(client.get(URL))

    assert calendar["VERSION"] == "2.0"
    assert "PRODID" in calendar
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["X-WR-CALNAME"] == "Tuesday Evening Circle"
    events = calendar.walk("VEVENT")
    meetings = list(group.meetings.order_by("starts_at"))
    assert len(events) == len(meetings) == 12
    for event, meeting in zip(events, meetings, strict=True):
        assert event["UID"] == f"meeting-{meeting.code}@localhost"
        assert event["SUMMARY"] == "Tuesday Evening Circle"
        assert event["STATUS"] == "CONFIRMED"
        assert event.decoded("DTSTART") == meeting.starts_at
        assert event.decoded("DTEND") == meeting.ends_at
        assert "DTSTAMP" in event
    # Times in UTC, so every calendar app shows them in its own zone.
    assert re.search(rb"DTSTART:\d{8}T\d{6}Z\r\n", client.get(URL).content)


def test_it_keeps_each_meetings_uid_when_the_file_or_the_time_changes(client, group):
    first = uids(calendar_of(client.get(URL)))
    again = uids(calendar_of(client.get(URL)))
    schedule = group.schedules.get()
    schedule.start_time, schedule.end_time = time(18), time(19, 30)
    save_schedule(schedule)

    moved = calendar_of(client.get(URL))

    assert first == again == uids(moved)
    assert moved.walk("VEVENT")[0].decoded("DTSTART").hour == 18


def test_it_marks_a_cancelled_meeting_cancelled(client, group, alice):
    meeting = group.meetings.order_by("starts_at").first()
    cancel_meeting(organizer=alice, meeting=meeting, reason="The hall is closed.")

    event = calendar_of(client.get(URL)).walk("VEVENT")[0]

    assert event["UID"] == f"meeting-{meeting.code}@localhost"
    assert event["STATUS"] == "CANCELLED"
    assert event["SUMMARY"] == "Cancelled: Tuesday Evening Circle"
    assert event["SEQUENCE"] > 0


def test_it_gives_the_public_area_and_a_link_to_the_group_page(client, group):
    event = calendar_of(client.get(URL)).walk("VEVENT")[0]

    assert event["LOCATION"] == group.area_label
    assert (
        event["DESCRIPTION"] == "http://localhost:8000/groups/tuesday-evening-circle/"
    )
    assert "CLASS" not in event


def test_it_never_holds_an_address_link_note_or_name(client, alice, bob):
    group = make_group(
        organizer=alice,
        members=[bob],
        format=Group.Format.HYBRID,
        online_link="https://meet.example.org/secret-room",
        online_notes="Passcode 4242",
    )
    meeting = group.meetings.order_by("starts_at").last()
    change_meeting(
        organizer=alice,
        meeting=meeting,
        change=MeetingChange(
            day=meeting.local_date,
            start_time=time(18),
            end_time=time(19),
            format=Group.Format.HYBRID,
            street_address="7 Hidden Road",
            online_link="https://meet.example.org/other-room",
            note="Upstairs at 7 Hidden Road this week.",
        ),
    )

    content = client.get(URL).content.decode()

    for private in [
        "Secret Lane",
        "Hidden Road",
        "Ring the bell",
        "meet.example.org",
        "4242",
        "Alice",
        "Bobbie",
        "alice",
    ]:
        assert private not in content
    assert "Near the central library · Leeds\\, United Kingdom and online" in content


def test_it_shows_everyone_the_same_calendar(client, group, bob):
    signed_out = client.get(URL).content
    client.force_login(bob)

    signed_in = client.get(URL)

    assert without_stamps(signed_in.content) == without_stamps(signed_out)
    # Her own responses stay out of shared caches all the same.
    assert signed_in["Cache-Control"] == "private, no-store"


def test_it_lets_shared_caches_keep_it_and_writes_nothing(client, group):
    response = client.get(URL)

    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    assert Session.objects.count() == 0
    assert PrivateDetailView.objects.count() == 0


@pytest.mark.parametrize(
    "fields",
    [
        {"visibility": Group.Visibility.UNLISTED, "slug": "tuesday-evening-circle"},
        {"status": Group.Status.PENDING},
        {"status": Group.Status.ARCHIVED},
    ],
)
def test_it_404s_for_a_group_that_is_not_listed(client, alice, bob, fields):
    make_group(organizer=alice, members=[bob], **fields)

    response = client.get(URL)
    missing = client.get("/groups/no-such-group/calendar.ics")
    client.force_login(bob)  # members too: theirs is the private feed

    assert response.status_code == missing.status_code == 404
    assert response.content == missing.content
    assert client.get(URL).status_code == 404


def test_it_serves_a_paused_groups_calendar(client, alice):
    make_group(organizer=alice, status=Group.Status.PAUSED)

    assert calendar_of(client.get(URL)).walk("VEVENT") == []


def test_it_leaves_out_meetings_that_have_ended(client, group):
    later = timezone.now() + timedelta(days=8)

    with time_machine.travel(later, tick=False):
        events = calendar_of(client.get(URL)).walk("VEVENT")

    assert len(events) == group.meetings.filter(ends_at__gt=later).count() == 11


def test_it_costs_the_same_queries_for_12_or_264_meetings(client, group):
    few = count_queries(client, URL)
    fill_calendar(group)

    many = count_queries(client, URL)

    assert group.meetings.count() > 200
    assert many == few

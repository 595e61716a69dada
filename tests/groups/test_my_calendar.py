"""/meetings/calendar.ics?token=...: her private feed, fetched by calendar apps
with the token as the only key."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.utils import timezone

from groups import services
from groups.meetings import feeds, rsvp
from groups.meetings.changes import cancel_meeting
from groups.models import Group, Membership, PrivateDetailView
from tests.conftest import make_group, make_user
from tests.groups.conftest import calendar_of, count_queries, fill_calendar


def url(feed) -> str:
    return f"/meetings/calendar.ics?token={feed.token}"


@pytest.fixture
def outspoken(bob):
    """Bob, with discreet e-mails off: his calendar may name his groups."""
    bob.discreet_emails = False
    bob.save(update_fields=["discreet_emails"])
    return bob


@pytest.fixture
def drop_in_group(alice):
    return make_group(
        name="Open Door Evenings",
        organizer=alice,
        allows_drop_ins=True,
        street_address="3 Quiet Mews",
    )


def events(client, feed):
    return calendar_of(client.get(url(feed))).walk("VEVENT")


@pytest.mark.parametrize(
    "query", ["", "?token=", "?token=not-a-real-token", "?token=" + "x" * 200]
)
def test_it_404s_without_a_valid_token(client, bob_feed, query):
    response = client.get(f"/meetings/calendar.ics{query}")

    assert response.status_code == 404
    assert response.content == b"Not found."


def test_it_404s_for_a_closed_account(client, bob, bob_feed):
    bob.is_active = False
    bob.save(update_fields=["is_active"])

    assert client.get(url(bob_feed)).status_code == 404


def test_it_holds_her_groups_meetings_with_their_address(client, group, bob_feed):
    make_group(name="Someone Else's Group", slug="elsewhere")

    found = events(client, bob_feed)

    codes = {f"meeting-{m.code}@localhost" for m in group.meetings.all()}
    assert {str(event["UID"]) for event in found} == codes
    assert all(event["LOCATION"] == "12 Secret Lane, Room 4" for event in found)
    assert all(event["CLASS"] == "PRIVATE" for event in found)


def test_it_sends_no_cache_and_no_cookie(client, group, bob_feed):
    response = client.get(url(bob_feed))

    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert not response.cookies
    assert Session.objects.count() == 0


def test_it_keeps_discreet_titles_free_of_the_group(client, group, bob, bob_feed):
    assert bob.discreet_emails  # the default

    response = client.get(url(bob_feed))

    calendar = calendar_of(response)
    assert calendar["X-WR-CALNAME"] == "Meetings"
    assert {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")} == {"Meeting"}
    content = response.content.decode()
    for revealing in ["Tuesday Evening Circle", "tuesday-evening-circle", "Kindred m"]:
        assert revealing not in content
    # She still needs to know where to go.
    assert "12 Secret Lane" in content


def test_it_names_the_group_when_she_is_not_discreet(client, group, outspoken):
    feed = feeds.reset_feed(user=outspoken)

    event = events(client, feed)[0]

    assert event["SUMMARY"] == "Tuesday Evening Circle"
    meeting = group.meetings.order_by("starts_at").first()
    assert event["URL"] == (
        f"http://localhost:8000/groups/tuesday-evening-circle/meetings/{meeting.code}/"
    )


def test_it_gives_the_link_of_an_online_meeting(client, alice, bob, bob_feed):
    make_group(organizer=alice, members=[bob], format=Group.Format.ONLINE)

    event = events(client, bob_feed)[0]

    assert event["LOCATION"] == "https://meet.example.org/secret-room"


def test_it_marks_a_cancelled_meeting(client, group, alice, outspoken):
    feed = feeds.reset_feed(user=outspoken)
    meeting = group.meetings.order_by("starts_at").first()
    cancel_meeting(organizer=alice, meeting=meeting, reason="The hall flooded.")

    event = events(client, feed)[0]

    assert event["STATUS"] == "CANCELLED"
    assert event["SUMMARY"] == "Cancelled: Tuesday Evening Circle"
    assert "The hall flooded." in event["DESCRIPTION"]


def test_it_leaves_the_organizers_note_out_of_a_discreet_one(
    client, group, alice, bob_feed
):
    meeting = group.meetings.order_by("starts_at").first()
    cancel_meeting(organizer=alice, meeting=meeting, reason="Circle is off.")

    event = events(client, bob_feed)[0]

    assert event["STATUS"] == "CANCELLED"
    assert event["SUMMARY"] == "Cancelled: Meeting"
    assert "Circle" not in event.get("DESCRIPTION", "")


def test_it_holds_the_meeting_a_drop_in_is_going_to(client, drop_in_group, charlie):
    meeting = drop_in_group.meetings.order_by("starts_at")[1]
    rsvp.respond(user=charlie, meeting=meeting, going=True)
    feed = feeds.reset_feed(user=charlie)

    found = events(client, feed)

    assert [str(event["UID"]) for event in found] == [
        f"meeting-{meeting.code}@localhost"
    ]
    assert found[0]["LOCATION"] == "3 Quiet Mews"
    logged = PrivateDetailView.objects.get(user=charlie)
    assert logged.meeting == meeting


def test_it_keeps_the_address_from_a_drop_in_on_the_waitlist(
    client, drop_in_group, alice, charlie
):
    meeting = drop_in_group.meetings.order_by("starts_at").first()
    rsvp.set_capacity(meeting, 1)
    rsvp.respond(user=make_user("first"), meeting=meeting, going=True)
    assert rsvp.respond(user=charlie, meeting=meeting, going=True).is_waitlisted
    feed = feeds.reset_feed(user=charlie)

    response = client.get(url(feed))

    (event,) = calendar_of(response).walk("VEVENT")
    assert event["LOCATION"] == drop_in_group.area_label
    assert b"Quiet Mews" not in response.content
    assert not PrivateDetailView.objects.filter(user=charlie).exists()


def test_it_drops_a_group_she_left(client, group, bob, bob_feed):
    services.leave_group(user=bob, group=group)

    assert events(client, bob_feed) == []


def test_it_drops_a_group_she_was_removed_from(client, group, alice, bob, bob_feed):
    code = Membership.objects.get(group=group, user=bob).code
    services.remove_member(organizer=alice, group=group, code=code)

    assert events(client, bob_feed) == []


def test_it_logs_the_reveal_once_a_day_per_group(client, group, bob, bob_feed):
    client.get(url(bob_feed))
    client.get(url(bob_feed))

    assert PrivateDetailView.objects.filter(user=bob, group=group).count() == 1
    tomorrow = timezone.now() + timedelta(days=1)
    with time_machine.travel(tomorrow, tick=False):
        client.get(url(bob_feed))
    assert PrivateDetailView.objects.filter(user=bob, group=group).count() == 2


def test_it_stops_working_once_replaced(client, group, bob, bob_feed):
    new = feeds.reset_feed(user=bob)

    assert client.get(url(bob_feed)).status_code == 404
    assert len(events(client, new)) == 12


def test_it_stops_working_once_turned_off(client, group, bob, bob_feed):
    feeds.turn_off_feed(user=bob)

    assert client.get(url(bob_feed)).status_code == 404


def test_it_costs_the_same_queries_for_12_or_264_meetings(client, group, bob_feed):
    client.get(url(bob_feed))  # today's reveal is logged: later fetches only check
    few = count_queries(client, url(bob_feed))
    fill_calendar(group)

    many = count_queries(client, url(bob_feed))

    assert group.meetings.count() > 200
    assert many == few

"""/groups/<slug>/meetings/<code>/calendar.ics: "Add to calendar" for one
meeting. Whoever may see the group's page gets the times and the area; members,
and drop-ins going to it, get the address too."""

import uuid

import pytest
from django.contrib.sessions.models import Session

from groups.meetings import rsvp
from groups.models import Group, PrivateDetailView
from tests.conftest import make_group
from tests.groups.conftest import calendar_of


@pytest.fixture
def meeting(group):
    return group.meetings.order_by("starts_at").first()


def url(meeting) -> str:
    return f"/groups/{meeting.group.slug}/meetings/{meeting.code}/calendar.ics"


def the_event(response):
    (event,) = calendar_of(response).walk("VEVENT")
    return event


def test_it_downloads_one_meeting_for_anyone(client, meeting):
    response = client.get(url(meeting))

    event = the_event(response)
    assert response["Content-Disposition"] == 'attachment; filename="meeting.ics"'
    assert event["UID"] == f"meeting-{meeting.code}@localhost"
    assert event["SUMMARY"] == "Tuesday Evening Circle"
    assert event["LOCATION"] == meeting.group.area_label
    assert event.decoded("DTSTART") == meeting.starts_at
    assert b"Secret Lane" not in response.content
    assert b"Ring the bell" not in response.content


def test_it_writes_nothing_for_a_signed_out_visitor(client, meeting):
    response = client.get(url(meeting))

    assert response.status_code == 200
    assert not response.cookies
    assert Session.objects.count() == 0
    assert PrivateDetailView.objects.count() == 0


def test_it_gives_a_member_the_address_and_logs_it(client, meeting, bob):
    client.force_login(bob)

    event = the_event(client.get(url(meeting)))

    assert event["LOCATION"] == "12 Secret Lane, Room 4"
    assert event["SUMMARY"] == "Meeting"  # Bob's e-mails are discreet
    assert "URL" not in event
    logged = PrivateDetailView.objects.get(user=bob)
    assert (logged.group, logged.meeting) == (meeting.group, None)


def test_it_names_the_group_and_links_the_meeting_when_not_discreet(
    client, meeting, bob
):
    bob.discreet_emails = False
    bob.save(update_fields=["discreet_emails"])
    client.force_login(bob)

    event = the_event(client.get(url(meeting)))

    assert event["SUMMARY"] == "Tuesday Evening Circle"
    assert event["URL"] == f"http://localhost:8000{meeting.get_absolute_url()}"


def test_it_keeps_the_address_from_an_outsider(client, meeting, charlie):
    client.force_login(charlie)

    response = client.get(url(meeting))

    assert the_event(response)["LOCATION"] == meeting.group.area_label
    assert b"Secret Lane" not in response.content
    assert not PrivateDetailView.objects.exists()


def test_it_gives_a_drop_in_going_the_address_of_that_meeting_only(
    client, alice, charlie
):
    group = make_group(organizer=alice, allows_drop_ins=True)
    going, other = group.meetings.order_by("starts_at")[:2]
    rsvp.respond(user=charlie, meeting=going, going=True)
    client.force_login(charlie)

    assert the_event(client.get(url(going)))["LOCATION"] == "12 Secret Lane, Room 4"
    assert the_event(client.get(url(other)))["LOCATION"] == group.area_label
    assert PrivateDetailView.objects.get(user=charlie).meeting == going


def test_it_serves_an_unlisted_groups_meeting_by_its_secret_address(client, alice):
    group = make_group(organizer=alice, visibility=Group.Visibility.UNLISTED)
    meeting = group.meetings.first()

    assert the_event(client.get(url(meeting)))["SUMMARY"] == group.name


def test_it_404s_for_a_pending_group(client, alice, charlie):
    group = make_group(organizer=alice, status=Group.Status.PENDING)
    client.force_login(charlie)

    assert client.get(url(group.meetings.first())).status_code == 404


def test_it_404s_for_another_groups_meeting(client, meeting, alice):
    other = make_group(organizer=alice, name="Other Circle")
    path = f"/groups/{other.slug}/meetings/{meeting.code}/calendar.ics"

    assert client.get(path).status_code == 404


def test_it_404s_for_an_unknown_meeting(client, group):
    path = f"/groups/tuesday-evening-circle/meetings/{uuid.uuid4()}/calendar.ics"

    assert client.get(path).status_code == 404

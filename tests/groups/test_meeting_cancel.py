import uuid
from datetime import UTC, date, datetime

import pytest

from accounts.models import Notification
from groups.meetings import rsvp
from groups.models import Meeting, Membership
from tests.conftest import make_group, make_user, messages_of, submit_form
from tests.groups.conftest import going_to

MANAGE_URL = "/groups/tuesday-evening-circle/manage/"

pytestmark = pytest.mark.usefixtures("frozen_now")


@pytest.fixture
def meeting(group):
    """Tuesday 10 March, 7 pm (UTC)."""
    return group.meetings.get(local_date=date(2026, 3, 10))


def url(meeting) -> str:
    return f"{MANAGE_URL}meetings/{meeting.code}/cancel/"


def status_of(meeting) -> str:
    meeting.refresh_from_db()
    return meeting.status


def test_it_requires_login(client, meeting):
    response = client.post(url(meeting), {"reason": "No room"})

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url(meeting)}"
    assert status_of(meeting) == Meeting.Status.SCHEDULED


def test_it_404s_for_an_outsider(client, meeting, charlie):
    client.force_login(charlie)

    assert client.get(url(meeting)).status_code == 404
    assert client.post(url(meeting), {"reason": "No room"}).status_code == 404
    assert status_of(meeting) == Meeting.Status.SCHEDULED


def test_it_403s_for_a_member(client, meeting, bob):
    client.force_login(bob)

    assert client.get(url(meeting)).status_code == 403
    assert client.post(url(meeting), {"reason": "No room"}).status_code == 403
    assert status_of(meeting) == Meeting.Status.SCHEDULED


def test_it_404s_for_another_groups_meeting_or_a_made_up_one(
    client, meeting, alice, charlie
):
    other = make_group(name="Other Circle", organizer=charlie).meetings.first()
    client.force_login(alice)

    assert client.post(url(other), {"reason": "Mine now"}).status_code == 404
    made_up = f"{MANAGE_URL}meetings/{uuid.uuid4()}/cancel/"
    assert client.get(made_up).status_code == 404
    assert status_of(other) == Meeting.Status.SCHEDULED


def test_it_asks_for_a_reason_first(client, meeting, alice, bob):
    going_to(meeting, bob)
    client.force_login(alice)

    response = client.get(url(meeting))

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1") == 1
    assert "Tuesday 10 March, 7:00–8:30 pm" in page
    assert 'name="reason"' in page
    assert "1 going, no limit" in page
    assert status_of(meeting) == Meeting.Status.SCHEDULED


def test_it_cancels_and_tells_exactly_the_people_going_or_waiting(
    client, group, meeting, alice, bob
):
    dora, erin, fay = (make_user(name) for name in ["dora", "erin", "fay"])
    for person in (dora, erin, fay):
        Membership.objects.create(group=group, user=person, state="active")
    meeting = rsvp.set_capacity(meeting, 1)
    going_to(meeting, bob, dora)  # Bob takes the seat; Dora waits.
    rsvp.respond(user=erin, meeting=meeting, going=False)
    client.force_login(alice)

    response = client.post(url(meeting), {"reason": "  The hall is closed.  "})

    assert response.status_code == 302
    assert response["Location"] == MANAGE_URL
    meeting.refresh_from_db()
    assert meeting.is_cancelled
    assert meeting.status_note == "The hall is closed."
    told = Notification.objects.filter(kind="meeting_cancelled")
    assert sorted(told.values_list("recipient__username", flat=True)) == [
        "bob",
        "dora",
    ]
    assert "The hall is closed." in told.first().message
    assert "cancelled" in messages_of(response)[0]
    # Other meetings carry on.
    assert not group.meetings.exclude(pk=meeting.pk).filter(status="cancelled")


@pytest.mark.parametrize("reason", ["", "   ", "x" * 201])
def test_it_needs_a_short_reason(client, meeting, alice, bob, reason):
    going_to(meeting, bob)
    client.force_login(alice)

    response = client.post(url(meeting), {"reason": reason})

    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert "Please check one thing" in response.content.decode()
    assert status_of(meeting) == Meeting.Status.SCHEDULED
    assert not Notification.objects.exists()


def test_it_refuses_a_meeting_already_cancelled(client, meeting, alice, bob):
    going_to(meeting, bob)
    client.force_login(alice)
    client.post(url(meeting), {"reason": "The hall is closed."})
    Notification.objects.all().delete()

    page = client.get(url(meeting)).content.decode()
    response = client.post(url(meeting), {"reason": "Again"})

    assert "This meeting is already cancelled" in page
    assert 'name="reason"' not in page
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "This meeting is already cancelled."
    ]
    meeting.refresh_from_db()
    assert meeting.status_note == "The hall is closed."
    assert not Notification.objects.exists()


def test_it_refuses_a_meeting_that_has_started(client, frozen_now, meeting, alice):
    frozen_now.move_to(datetime(2026, 3, 10, 19, 30, tzinfo=UTC))
    client.force_login(alice)

    page = client.get(url(meeting)).content.decode()
    response = client.post(url(meeting), {"reason": "Too late"})

    assert "This meeting has already started" in page
    assert response.status_code == 200
    assert status_of(meeting) == Meeting.Status.SCHEDULED


def test_it_posts_with_a_csrf_token(meeting, alice):
    response = submit_form(alice, url(meeting), url(meeting), {"reason": "Snow"})

    assert response.status_code == 302
    assert status_of(meeting) == Meeting.Status.CANCELLED

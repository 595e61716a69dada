from datetime import UTC, date, datetime

import pytest

from accounts.models import Notification
from groups.meetings import rsvp
from groups.models import RSVP, Group, Meeting, Membership
from tests.conftest import make_group, make_user, messages_of, submit_form
from tests.groups.conftest import going_to

MANAGE_URL = "/groups/tuesday-evening-circle/manage/"

pytestmark = pytest.mark.usefixtures("frozen_now")


@pytest.fixture
def meeting(group):
    """Tuesday 10 March, 7-8:30 pm (UTC), in person at the group's address."""
    return group.meetings.get(local_date=date(2026, 3, 10))


def url(meeting) -> str:
    return f"{MANAGE_URL}meetings/{meeting.code}/change/"


def form_data(**overrides) -> dict:
    data = {
        "day": "2026-03-10",
        "start_time": "19:00",
        "end_time": "20:30",
        "format": "in_person",
        "street_address": "",
        "online_link": "",
        "capacity": "",
        "note": "",
    }
    data.update(overrides)
    return data


def unchanged(meeting) -> bool:
    meeting.refresh_from_db()
    return meeting.status == Meeting.Status.SCHEDULED and meeting.starts_at == (
        datetime(2026, 3, 10, 19, 0, tzinfo=UTC)
    )


def test_it_requires_login(client, meeting):
    response = client.post(url(meeting), form_data(start_time="18:00"))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url(meeting)}"
    assert unchanged(meeting)


def test_it_404s_for_an_outsider(client, meeting, charlie):
    client.force_login(charlie)

    assert client.get(url(meeting)).status_code == 404
    assert client.post(url(meeting), form_data(start_time="18:00")).status_code == 404
    assert unchanged(meeting)


def test_it_403s_for_a_member(client, meeting, bob):
    client.force_login(bob)

    assert client.get(url(meeting)).status_code == 403
    assert client.post(url(meeting), form_data(start_time="18:00")).status_code == 403
    assert unchanged(meeting)


def test_it_404s_for_another_groups_meeting(client, meeting, alice, charlie):
    other = make_group(name="Other Circle", organizer=charlie).meetings.first()
    client.force_login(alice)

    response = client.post(url(other), form_data(start_time="18:00"))

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == Meeting.Status.SCHEDULED


def test_it_shows_the_meeting_filled_in(client, meeting, alice):
    client.force_login(alice)

    response = client.get(url(meeting))

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1") == 1
    assert 'type="date" name="day" value="2026-03-10"' in page
    assert 'type="time" name="start_time" value="19:00"' in page
    assert 'type="time" name="end_time" value="20:30"' in page
    assert response.context["form"]["format"].value() == "in_person"


def test_it_changes_the_meeting_and_tells_exactly_the_people_going(
    client, group, meeting, alice, bob
):
    dora, erin, fay = (make_user(name) for name in ["dora", "erin", "fay"])
    for person in (dora, erin, fay):
        Membership.objects.create(group=group, user=person, state="active")
    meeting = rsvp.set_capacity(meeting, 1)
    going_to(meeting, bob, dora)  # Bob takes the seat; Dora waits.
    rsvp.respond(user=erin, meeting=meeting, going=False)
    client.force_login(alice)

    response = client.post(
        url(meeting),
        form_data(
            day="2026-03-11",
            start_time="18:00",
            end_time="19:30",
            street_address="The small hall, 14 Secret Lane",
            capacity="2",
            note="In the small hall this week.",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == MANAGE_URL
    meeting.refresh_from_db()
    assert meeting.is_moved
    assert meeting.starts_at == datetime(2026, 3, 11, 18, 0, tzinfo=UTC)
    assert meeting.ends_at == datetime(2026, 3, 11, 19, 30, tzinfo=UTC)
    assert meeting.street_address == "The small hall, 14 Secret Lane"
    assert meeting.status_note == "In the small hall this week."
    # The second seat went to Dora at once.
    assert meeting.capacity == 2
    assert RSVP.objects.get(meeting=meeting, user=dora).is_going
    told = Notification.objects.filter(kind="meeting_changed")
    assert sorted(told.values_list("recipient__username", flat=True)) == [
        "bob",
        "dora",
    ]
    # The note names the time they had planned for.
    assert "Tuesday 10 March, 7:00 pm" in told.first().message
    assert "changed" in messages_of(response)[0]


def test_it_moves_an_in_person_meeting_online(client, meeting, alice):
    client.force_login(alice)

    client.post(
        url(meeting),
        form_data(
            format="online",
            street_address="Stays out",
            online_link="meet.example.org/circle",
        ),
    )

    meeting.refresh_from_db()
    assert meeting.format == Group.Format.ONLINE
    assert meeting.online_link == "https://meet.example.org/circle"
    assert meeting.street_address == ""
    assert meeting.address == ""


def test_it_keeps_the_groups_address_when_left_empty(client, meeting, alice):
    client.force_login(alice)

    client.post(url(meeting), form_data(start_time="18:00"))

    meeting.refresh_from_db()
    assert meeting.street_address == ""
    assert meeting.address == "12 Secret Lane, Room 4"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"start_time": "21:00"}, "end_time"),
        ({"day": ""}, "day"),
        ({"format": "on_the_moon"}, "format"),
        ({"format": "hybrid", "online_link": "javascript:alert(1)"}, "online_link"),
        (
            {"format": "online", "online_link": "ftp://files.example.org/"},
            "online_link",
        ),
        # The group has no link of its own to fall back on.
        ({"format": "online"}, "online_link"),
        ({"capacity": "0"}, "capacity"),
        ({"note": "x" * 201}, "note"),
    ],
)
def test_it_rerenders_with_errors_and_changes_nothing(
    client, meeting, alice, bob, overrides, field
):
    going_to(meeting, bob)
    client.force_login(alice)

    response = client.post(url(meeting), form_data(**overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert unchanged(meeting)
    assert not Notification.objects.exists()


def test_it_needs_an_address_for_an_online_group_meeting_in_person(client, alice, db):
    group = make_group(
        organizer=alice, format=Group.Format.ONLINE, street_address="", venue_notes=""
    )
    meeting = group.meetings.get(local_date=date(2026, 3, 10))
    client.force_login(alice)

    response = client.post(url(meeting), form_data(format="in_person"))

    assert response.context["form"].errors["street_address"] == [
        "Please give the address it meets at."
    ]
    assert unchanged(meeting)


def test_it_refuses_a_time_that_has_passed(client, meeting, alice, bob):
    going_to(meeting, bob)
    client.force_login(alice)

    response = client.post(url(meeting), form_data(day="2026-03-01"))

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Please choose a time that is still to come."
    ]
    assert unchanged(meeting)
    assert not Notification.objects.exists()


def test_it_refuses_a_cancelled_meeting(client, meeting, alice):
    from groups.meetings import changes

    changes.cancel_meeting(organizer=alice, meeting=meeting, reason="Snow")
    client.force_login(alice)

    page = client.get(url(meeting)).content.decode()
    response = client.post(url(meeting), form_data(start_time="18:00"))

    assert "This meeting is already cancelled" in page
    assert 'name="start_time"' not in page
    assert response.context["form"].non_field_errors() == [
        "This meeting is already cancelled."
    ]
    meeting.refresh_from_db()
    assert meeting.is_cancelled


def test_it_posts_with_a_csrf_token(meeting, alice):
    response = submit_form(
        alice, url(meeting), url(meeting), form_data(start_time="18:00")
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.is_moved

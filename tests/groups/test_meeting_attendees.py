import uuid
from datetime import date

import pytest

from groups.meetings import rsvp
from groups.models import Membership
from tests.conftest import make_group, make_user
from tests.groups.conftest import going_to

MANAGE_URL = "/groups/tuesday-evening-circle/manage/"
NAMES = ["Dora Going", "Erin Going", "Fay Waiting", "Gwen Waiting"]

pytestmark = pytest.mark.usefixtures("frozen_now")


@pytest.fixture
def meeting(group):
    """Tuesday 10 March with two seats: Dora and Erin going, then Fay and Gwen on
    the waitlist in that order; Hana said no. None of them lets fellow members
    see her name."""
    people = {}
    for name in [*NAMES, "Hana Not Going"]:
        username = name.split()[0].lower()
        people[username] = make_user(username, display_name=name)
        Membership.objects.create(group=group, user=people[username], state="active")
    meeting = rsvp.set_capacity(group.meetings.get(local_date=date(2026, 3, 10)), 2)
    going_to(meeting, people["dora"], people["erin"], people["fay"], people["gwen"])
    rsvp.respond(user=people["hana"], meeting=meeting, going=False)
    return meeting


def url(meeting) -> str:
    return f"{MANAGE_URL}meetings/{meeting.code}/attendees/"


def assert_no_names(page: str) -> None:
    for name in [*NAMES, "Hana Not Going"]:
        assert name not in page


def test_it_requires_login(client, meeting):
    response = client.get(url(meeting))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url(meeting)}"


def test_it_404s_for_a_stranger(client, meeting, charlie):
    client.force_login(charlie)

    response = client.get(url(meeting))

    assert response.status_code == 404
    assert_no_names(response.content.decode())


def test_it_404s_for_someone_waiting_to_be_let_in(client, group, meeting, charlie):
    Membership.objects.create(group=group, user=charlie, state="pending")
    client.force_login(charlie)

    assert client.get(url(meeting)).status_code == 404


def test_it_403s_for_a_member(client, meeting, bob):
    client.force_login(bob)

    response = client.get(url(meeting))

    assert response.status_code == 403
    assert_no_names(response.content.decode())


def test_it_403s_for_a_member_who_is_going(client, meeting):
    dora = meeting.rsvps.get(user__username="dora").user
    client.force_login(dora)

    assert client.get(url(meeting)).status_code == 403


def test_it_403s_for_a_facilitator(client, meeting, bob):
    Membership.objects.filter(user=bob).update(role=Membership.Role.FACILITATOR)
    client.force_login(bob)

    assert client.get(url(meeting)).status_code == 403


def test_it_404s_for_another_groups_meeting(client, meeting, alice, charlie):
    other = make_group(name="Other Circle", organizer=charlie).meetings.first()
    client.force_login(alice)

    assert client.get(url(other)).status_code == 404
    made_up = f"{MANAGE_URL}meetings/{uuid.uuid4()}/attendees/"
    assert client.get(made_up).status_code == 404


def test_it_names_who_is_going_and_the_waitlist_in_order(client, meeting, alice):
    client.force_login(alice)

    response = client.get(url(meeting))

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1") == 1
    going = [answer.user.display_name for answer in response.context["going"]]
    waiting = [answer.user.display_name for answer in response.context["waiting"]]
    assert going == ["Dora Going", "Erin Going"]
    assert waiting == ["Fay Waiting", "Gwen Waiting"]
    assert page.index("Dora Going") < page.index("Fay Waiting")
    assert page.index("Fay Waiting") < page.index("Gwen Waiting")
    assert "Hana Not Going" not in page
    assert "@example.org" not in page
    assert 'id="going-title">Going <span class="badge badge--count-muted">2 of 2' in (
        page
    )


def test_it_lets_a_moderator_in_who_is_not_a_member(client, meeting, moderator):
    client.force_login(moderator)

    response = client.get(url(meeting))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Dora Going" in page
    # She has no organizer tools to go back to.
    assert f'href="{MANAGE_URL}"' not in page


def test_it_never_names_them_on_the_group_page_for_members(client, meeting, bob):
    client.force_login(bob)

    response = client.get("/groups/tuesday-evening-circle/")

    assert response.status_code == 200
    assert_no_names(response.content.decode())


def test_it_never_names_them_on_the_meeting_page_for_members(client, meeting, bob):
    client.force_login(bob)

    response = client.get(f"/groups/tuesday-evening-circle/meetings/{meeting.code}/")

    assert response.status_code == 200
    assert_no_names(response.content.decode())

import pytest

from groups.models import Group, Membership
from tests.conftest import make_group, make_user, messages_of

URL = "/groups/tuesday-evening-circle/leave/"


def test_it_requires_login(client, group):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}"


def test_it_404s_for_an_outsider(client, group, charlie):
    client.force_login(charlie)

    assert client.get(URL).status_code == 404
    assert client.post(URL).status_code == 404


def test_it_404s_for_someone_still_waiting_for_approval(client, group, charlie):
    Membership.objects.create(group=group, user=charlie, state=Membership.State.PENDING)
    client.force_login(charlie)

    assert client.post(URL).status_code == 404
    assert Membership.objects.get(user=charlie).state == Membership.State.PENDING


def test_it_asks_her_to_confirm_first(client, group, bob):
    client.force_login(bob)

    response = client.get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1" in page and "Leave Tuesday Evening Circle?" in page
    assert 'method="post"' in page
    assert "Leave the group" in page
    assert Membership.objects.get(user=bob).state == Membership.State.ACTIVE


def test_it_lets_a_member_leave(client, group, bob):
    membership = Membership.objects.get(user=bob)
    client.force_login(bob)

    response = client.post(URL)

    assert response.status_code == 302
    assert response["Location"] == "/groups/mine/"
    membership.refresh_from_db()
    assert membership.state == Membership.State.LEFT
    assert messages_of(response) == ["You have left Tuesday Evening Circle."]


def test_it_forgets_her_answer_when_she_leaves(client, group, bob):
    Membership.objects.filter(user=bob).update(answer="My story.")
    client.force_login(bob)

    client.post(URL)

    assert Membership.objects.get(user=bob).answer == ""


def test_it_explains_why_the_last_organizer_cannot_leave(client, group, alice):
    client.force_login(alice)

    response = client.get(URL)

    page = response.content.decode()
    assert "You are the group’s only organizer" in page
    assert 'href="/groups/tuesday-evening-circle/manage/"' in page
    assert "Leave the group" not in page


def test_it_refuses_to_let_the_last_organizer_leave(client, group, alice):
    client.force_login(alice)

    response = client.post(URL)

    assert response.status_code == 302
    assert response["Location"] == URL
    membership = Membership.objects.get(user=alice)
    assert membership.state == Membership.State.ACTIVE
    assert membership.role == Membership.Role.ORGANIZER
    assert messages_of(response) == [
        "You are this group's only organizer. Make another member an organizer "
        "first, or archive the group."
    ]


def test_it_lets_an_organizer_leave_when_another_one_stays(client, group, alice):
    dora = make_user("dora")
    Membership.objects.create(
        group=group,
        user=dora,
        role=Membership.Role.ORGANIZER,
        state=Membership.State.ACTIVE,
    )
    client.force_login(alice)

    client.post(URL)

    membership = Membership.objects.get(user=alice)
    assert membership.state == Membership.State.LEFT
    assert membership.role == Membership.Role.MEMBER


@pytest.mark.parametrize("status", [Group.Status.PAUSED, Group.Status.ARCHIVED])
def test_it_lets_her_leave_a_group_that_stopped_meeting(client, alice, bob, status):
    make_group(organizer=alice, members=[bob], status=status)
    client.force_login(bob)

    client.post(URL)

    assert Membership.objects.get(user=bob).state == Membership.State.LEFT

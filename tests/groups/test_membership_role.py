import pytest

from accounts.models import Notification
from groups.models import Membership
from tests.conftest import make_user, messages_of


def url_for(membership) -> str:
    return f"/groups/tuesday-evening-circle/manage/members/{membership.code}/role/"


def membership_of(user) -> Membership:
    return Membership.objects.get(user=user)


def test_it_requires_login(client, group, bob):
    response = client.post(url_for(membership_of(bob)), {"role": "organizer"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert membership_of(bob).role == Membership.Role.MEMBER


def test_it_rejects_get(client, group, alice, bob):
    client.force_login(alice)

    response = client.get(url_for(membership_of(bob)), {"role": "organizer"})

    assert response.status_code == 405
    assert membership_of(bob).role == Membership.Role.MEMBER


def test_it_404s_for_an_outsider(client, group, charlie, bob):
    client.force_login(charlie)

    response = client.post(url_for(membership_of(bob)), {"role": "organizer"})

    assert response.status_code == 404
    assert membership_of(bob).role == Membership.Role.MEMBER


def test_it_403s_for_a_member_promoting_herself(client, group, bob):
    client.force_login(bob)

    response = client.post(url_for(membership_of(bob)), {"role": "organizer"})

    assert response.status_code == 403
    assert membership_of(bob).role == Membership.Role.MEMBER


@pytest.mark.parametrize(
    ("role", "phrase"),
    [
        ("facilitator", "a facilitator"),
        ("organizer", "an organizer"),
    ],
)
def test_it_changes_a_role_and_tells_her(client, group, alice, bob, role, phrase):
    client.force_login(alice)

    response = client.post(url_for(membership_of(bob)), {"role": role})

    assert response.status_code == 302
    assert response["Location"] == "/groups/tuesday-evening-circle/manage/"
    assert membership_of(bob).role == role
    assert messages_of(response) == [
        f"Bobbie is now {phrase} of Tuesday Evening Circle."
    ]
    note = Notification.objects.get(recipient=bob)
    assert note.kind == "role_changed"
    assert note.message == f"You are now {phrase} of Tuesday Evening Circle."


def test_it_does_not_notify_when_nothing_changes(client, group, alice, bob):
    client.force_login(alice)

    client.post(url_for(membership_of(bob)), {"role": "member"})

    assert not Notification.objects.exists()


@pytest.mark.parametrize("role", ["", "owner", "superuser", "ORGANIZER"])
def test_it_refuses_a_role_that_does_not_exist(client, group, alice, bob, role):
    client.force_login(alice)

    response = client.post(url_for(membership_of(bob)), {"role": role})

    assert membership_of(bob).role == Membership.Role.MEMBER
    assert messages_of(response) == ["Choose organizer, facilitator or member."]


def test_it_never_demotes_the_last_organizer(client, group, alice):
    client.force_login(alice)

    response = client.post(url_for(membership_of(alice)), {"role": "member"})

    assert membership_of(alice).role == Membership.Role.ORGANIZER
    assert messages_of(response) == ["A group needs at least one organizer."]


def test_it_lets_an_organizer_step_down_when_another_remains(client, group, alice, bob):
    Membership.objects.filter(user=bob).update(role=Membership.Role.ORGANIZER)
    client.force_login(alice)

    client.post(url_for(membership_of(alice)), {"role": "facilitator"})

    assert membership_of(alice).role == Membership.Role.FACILITATOR


def test_it_gives_roles_only_to_active_members(client, group, alice):
    waiting = Membership.objects.create(
        group=group, user=make_user("dora"), state=Membership.State.PENDING
    )
    client.force_login(alice)

    response = client.post(url_for(waiting), {"role": "organizer"})

    waiting.refresh_from_db()
    assert waiting.role == Membership.Role.MEMBER
    assert waiting.state == Membership.State.PENDING
    assert messages_of(response) == ["Only active members can have a role."]

import pytest

from accounts.models import Notification
from groups.models import Group
from tests.conftest import make_group, make_user, messages_of

URL = "/groups/tuesday-evening-circle/review/"


@pytest.fixture
def pending_group(alice):
    return make_group(organizer=alice, status=Group.Status.PENDING)


def test_it_requires_login(client, pending_group):
    response = client.post(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    pending_group.refresh_from_db()
    assert pending_group.status == Group.Status.PENDING


def test_it_rejects_get(client, pending_group, moderator):
    client.force_login(moderator)

    response = client.get(URL)

    assert response.status_code == 405
    pending_group.refresh_from_db()
    assert pending_group.status == Group.Status.PENDING


@pytest.mark.parametrize("persona", ["alice", "charlie", "staff_without_mfa"])
def test_it_is_for_moderators_only(client, pending_group, persona, request):
    # Not even the person who listed the group can approve it.
    client.force_login(request.getfixturevalue(persona))

    response = client.post(URL)

    assert response.status_code == 403
    pending_group.refresh_from_db()
    assert pending_group.status == Group.Status.PENDING


def test_it_404s_for_a_group_that_does_not_exist(client, moderator):
    client.force_login(moderator)

    assert client.post(URL).status_code == 404


def test_it_lets_a_moderator_approve_a_new_group(
    client, pending_group, moderator, alice
):
    client.force_login(moderator)

    response = client.post(URL)

    assert response.status_code == 302
    assert response["Location"] == "/groups/tuesday-evening-circle/"
    pending_group.refresh_from_db()
    assert pending_group.status == Group.Status.ACTIVE
    assert pending_group in Group.objects.listed()
    assert messages_of(response) == ["Tuesday Evening Circle is approved and now live."]
    note = Notification.objects.get(recipient=alice)
    assert note.kind == "group_approved"
    assert note.message == "Tuesday Evening Circle is now live on Kindred."
    assert note.url == "/groups/tuesday-evening-circle/"


@pytest.mark.parametrize("status", [Group.Status.PAUSED, Group.Status.ARCHIVED])
def test_it_leaves_a_reviewed_group_alone(client, alice, moderator, status):
    group = make_group(organizer=alice, status=status)
    client.force_login(moderator)

    response = client.post(URL)

    group.refresh_from_db()
    assert group.status == status
    assert messages_of(response) == ["This group has already been reviewed."]
    assert not Notification.objects.exists()


def test_it_works_after_the_creator_deleted_her_account(client, moderator):
    creator = make_user("gone")
    group = make_group(organizer=creator, status=Group.Status.PENDING)
    creator.delete()
    client.force_login(moderator)

    client.post(URL)

    group.refresh_from_db()
    assert group.status == Group.Status.ACTIVE

import pytest

from accounts.models import Notification
from groups.models import Group, Membership
from tests.conftest import make_group, make_user, messages_of

URL = "/groups/tuesday-evening-circle/manage/status/"


def status_of(group) -> str:
    group.refresh_from_db()
    return group.status


def test_it_requires_login(client, group):
    response = client.post(URL, {"status": "paused"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert status_of(group) == Group.Status.ACTIVE


def test_it_rejects_get(client, group, alice):
    client.force_login(alice)

    assert client.get(URL, {"status": "paused"}).status_code == 405
    assert status_of(group) == Group.Status.ACTIVE


def test_it_404s_for_an_outsider(client, group, charlie):
    client.force_login(charlie)

    assert client.post(URL, {"status": "paused"}).status_code == 404
    assert status_of(group) == Group.Status.ACTIVE


def test_it_403s_for_a_member(client, group, bob):
    client.force_login(bob)

    assert client.post(URL, {"status": "archived", "confirm": "on"}).status_code == 403
    assert status_of(group) == Group.Status.ACTIVE


def test_it_pauses_the_group_and_tells_its_members(client, group, alice, bob):
    client.force_login(alice)

    response = client.post(URL, {"status": "paused"})

    assert response.status_code == 302
    assert response["Location"] == "/groups/tuesday-evening-circle/manage/"
    assert status_of(group) == Group.Status.PAUSED
    assert messages_of(response) == [
        "Tuesday Evening Circle is taking a break. Its members have been told."
    ]
    note = Notification.objects.get(recipient=bob)
    assert note.kind == "group_paused"
    assert note.message == (
        "Tuesday Evening Circle is taking a break. Its organizers will let you "
        "know when it meets again."
    )
    assert not Notification.objects.filter(recipient=alice).exists()


def test_it_resumes_a_paused_group(client, alice, bob):
    group = make_group(organizer=alice, members=[bob], status=Group.Status.PAUSED)
    client.force_login(alice)

    client.post(URL, {"status": "active"})

    assert status_of(group) == Group.Status.ACTIVE
    note = Notification.objects.get(recipient=bob)
    assert note.message == "Tuesday Evening Circle is meeting again."


def test_it_asks_before_archiving(client, group, alice):
    client.force_login(alice)

    response = client.post(URL, {"status": "archived"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Archive Tuesday Evening Circle?" in page
    assert 'name="confirm" value="on"' in page
    assert status_of(group) == Group.Status.ACTIVE
    assert not Notification.objects.exists()


def test_it_archives_and_answers_waiting_requests(client, group, alice, bob):
    waiting = make_user("dora")
    request = Membership.objects.create(
        group=group, user=waiting, state=Membership.State.PENDING, answer="Hi"
    )
    client.force_login(alice)

    response = client.post(URL, {"status": "archived", "confirm": "on"})

    assert response.status_code == 302
    assert status_of(group) == Group.Status.ARCHIVED
    assert group not in Group.objects.listed()
    request.refresh_from_db()
    assert request.state == Membership.State.DECLINED
    assert request.answer == ""
    assert Notification.objects.get(recipient=waiting).message == (
        "Tuesday Evening Circle has closed, so it is no longer taking new members."
    )
    assert Notification.objects.get(recipient=bob).message == (
        "Tuesday Evening Circle has closed. Thank you for being part of it."
    )
    # Members stay members of the closed group.
    assert Membership.objects.get(user=bob).state == Membership.State.ACTIVE


@pytest.mark.parametrize("status", ["", "pending", "deleted", "ARCHIVED"])
def test_it_refuses_a_status_it_does_not_offer(client, group, alice, status):
    client.force_login(alice)

    response = client.post(URL, {"status": status, "confirm": "on"})

    assert response.status_code == 302
    assert status_of(group) == Group.Status.ACTIVE
    assert messages_of(response) == ["Choose pause, resume or archive."]


def test_it_leaves_review_to_the_moderators(client, alice):
    group = make_group(organizer=alice, status=Group.Status.PENDING)
    client.force_login(alice)

    response = client.post(URL, {"status": "active"})

    assert status_of(group) == Group.Status.PENDING
    assert "waiting for a moderator's review" in messages_of(response)[0]


def test_it_keeps_an_archived_group_closed(client, alice):
    group = make_group(organizer=alice, status=Group.Status.ARCHIVED)
    client.force_login(alice)

    response = client.post(URL, {"status": "active"})

    assert status_of(group) == Group.Status.ARCHIVED
    assert messages_of(response) == [
        "This group is archived and can't be reopened here."
    ]


def test_it_says_so_when_nothing_changes(client, group, alice, bob):
    client.force_login(alice)

    response = client.post(URL, {"status": "active"})

    assert messages_of(response) == ["This group is already active."]
    assert not Notification.objects.exists()

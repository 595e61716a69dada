from accounts.models import Notification
from groups.models import Membership
from tests.conftest import make_user, messages_of


def url_for(membership) -> str:
    return f"/groups/tuesday-evening-circle/manage/members/{membership.code}/remove/"


def bobs_membership() -> Membership:
    return Membership.objects.get(user__username="bob")


def test_it_requires_login(client, group):
    url = url_for(bobs_membership())

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


def test_it_404s_for_an_outsider(client, group, charlie):
    client.force_login(charlie)

    assert client.get(url_for(bobs_membership())).status_code == 404
    assert client.post(url_for(bobs_membership())).status_code == 404
    assert bobs_membership().state == Membership.State.ACTIVE


def test_it_403s_for_a_member(client, group, alice, bob):
    client.force_login(bob)
    alices = Membership.objects.get(user=alice)

    assert client.post(url_for(alices)).status_code == 403
    alices.refresh_from_db()
    assert alices.state == Membership.State.ACTIVE


def test_it_asks_before_removing(client, group, alice):
    client.force_login(alice)

    response = client.get(url_for(bobs_membership()))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Remove Bobbie from Tuesday Evening Circle?" in page
    assert 'method="post"' in page
    assert bobs_membership().state == Membership.State.ACTIVE


def test_it_removes_a_member_and_tells_her(client, group, alice, bob):
    client.force_login(alice)

    response = client.post(url_for(bobs_membership()))

    assert response.status_code == 302
    assert response["Location"] == "/groups/tuesday-evening-circle/manage/"
    membership = bobs_membership()
    assert membership.state == Membership.State.REMOVED
    assert messages_of(response) == [
        "Bobbie is no longer a member of Tuesday Evening Circle."
    ]
    note = Notification.objects.get(recipient=bob)
    assert note.kind == "membership_removed"
    assert note.message == "You are no longer a member of Tuesday Evening Circle."
    assert "Alice" not in note.message


def test_it_keeps_a_removed_member_out(client, group, alice, bob):
    client.force_login(alice)
    client.post(url_for(bobs_membership()))
    client.force_login(bob)

    client.post("/groups/tuesday-evening-circle/join/")

    assert bobs_membership().state == Membership.State.REMOVED
    assert client.get("/groups/tuesday-evening-circle/leave/").status_code == 404


def test_it_404s_for_someone_who_is_not_an_active_member(client, group, alice):
    waiting = Membership.objects.create(
        group=group, user=make_user("dora"), state=Membership.State.PENDING
    )
    client.force_login(alice)

    assert client.get(url_for(waiting)).status_code == 404
    assert client.post(url_for(waiting)).status_code == 404
    waiting.refresh_from_db()
    assert waiting.state == Membership.State.PENDING


def test_it_sends_an_organizer_removing_herself_to_leave_instead(client, group, alice):
    alices = Membership.objects.get(user=alice)
    client.force_login(alice)

    response = client.post(url_for(alices))

    assert response.status_code == 302
    assert response["Location"] == "/groups/tuesday-evening-circle/leave/"
    alices.refresh_from_db()
    assert alices.state == Membership.State.ACTIVE


def test_it_never_removes_the_last_organizer(client, group, alice):
    # Only a superuser, who passes the organizer check without being one, could try.
    admin = make_user("root", is_staff=True, is_superuser=True)
    alices = Membership.objects.get(user=alice)
    client.force_login(admin)

    page = client.get(url_for(alices)).content.decode()
    response = client.post(url_for(alices))

    assert "Alice is the only organizer" in page
    alices.refresh_from_db()
    assert alices.state == Membership.State.ACTIVE
    assert alices.role == Membership.Role.ORGANIZER
    assert messages_of(response) == ["A group needs at least one organizer."]


def test_it_removes_a_second_organizer(client, group, alice):
    dora = make_user("dora")
    doras = Membership.objects.create(
        group=group, user=dora, role="organizer", state="active"
    )
    client.force_login(alice)

    client.post(url_for(doras))

    doras.refresh_from_db()
    assert doras.state == Membership.State.REMOVED
    assert doras.role == Membership.Role.MEMBER

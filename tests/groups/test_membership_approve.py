import uuid

from accounts.models import Notification
from groups.models import Group, Membership
from tests.conftest import make_group, make_place, make_user, messages_of
from tests.groups.conftest import state_of


def url_for(membership) -> str:
    return f"/groups/tuesday-evening-circle/manage/members/{membership.code}/approve/"


def test_it_requires_login(client, request_to_join):
    response = client.post(url_for(request_to_join))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert state_of(request_to_join) == Membership.State.PENDING


def test_it_rejects_get(client, request_to_join, alice):
    client.force_login(alice)

    assert client.get(url_for(request_to_join)).status_code == 405
    assert state_of(request_to_join) == Membership.State.PENDING


def test_it_404s_for_an_outsider(client, request_to_join, charlie):
    # Not even the person asking can let herself in.
    client.force_login(charlie)

    assert client.post(url_for(request_to_join)).status_code == 404
    assert state_of(request_to_join) == Membership.State.PENDING


def test_it_403s_for_a_member(client, request_to_join, bob):
    client.force_login(bob)

    assert client.post(url_for(request_to_join)).status_code == 403
    assert state_of(request_to_join) == Membership.State.PENDING


def test_it_approves_a_request_and_tells_her(client, request_to_join, alice, charlie):
    client.force_login(alice)

    response = client.post(url_for(request_to_join))

    assert response.status_code == 302
    assert response["Location"] == "/groups/tuesday-evening-circle/manage/"
    assert state_of(request_to_join) == Membership.State.ACTIVE
    assert messages_of(response) == [
        "Charlie is now a member of Tuesday Evening Circle."
    ]
    note = Notification.objects.get(recipient=charlie)
    assert note.kind == "membership_approved"
    assert note.message == (
        "You're in: your request to join Tuesday Evening Circle was accepted."
    )
    assert note.url == "/groups/tuesday-evening-circle/"


def test_it_answers_in_place_with_htmx(client, request_to_join, alice):
    client.force_login(alice)

    response = client.post(url_for(request_to_join), headers={"HX-Request": "true"})

    assert response.status_code == 200
    page = response.content.decode()
    assert f'id="request-{request_to_join.code}"' in page
    assert "Charlie is now a member of Tuesday Evening Circle." in page
    assert 'data-hx-swap-oob="innerHTML"' in page
    assert "<html" not in page
    assert state_of(request_to_join) == Membership.State.ACTIVE
    # The answer is on the page already: nothing left over for the next one.
    assert messages_of(response) == []


def test_it_refuses_a_request_already_answered(client, request_to_join, alice):
    Membership.objects.filter(pk=request_to_join.pk).update(state="declined")
    client.force_login(alice)

    response = client.post(url_for(request_to_join))

    assert state_of(request_to_join) == Membership.State.DECLINED
    assert messages_of(response) == ["That request has already been answered."]
    assert not Notification.objects.exists()


def test_it_shows_the_refusal_in_place_with_htmx(client, request_to_join, alice):
    Membership.objects.filter(pk=request_to_join.pk).update(state="declined")
    client.force_login(alice)

    response = client.post(url_for(request_to_join), headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "That request has already been answered." in response.content.decode()


def test_it_refuses_when_the_group_is_full(
    client, approval_group, request_to_join, alice
):
    Group.objects.filter(pk=approval_group.pk).update(capacity=2)
    client.force_login(alice)

    response = client.post(url_for(request_to_join))

    assert state_of(request_to_join) == Membership.State.PENDING
    assert messages_of(response) == ["The group is full: raise its capacity first."]


def test_it_only_answers_requests_to_this_group(client, approval_group, alice):
    # Alice organizes this group; a request to someone else's group is not hers.
    other = make_group(
        name="Other Circle",
        organizer=make_user("olga"),
        place=make_place("York", geonames_id=5),
    )
    stranger = make_user("sam")
    elsewhere = Membership.objects.create(
        group=other, user=stranger, state=Membership.State.PENDING
    )
    client.force_login(alice)

    response = client.post(url_for(elsewhere))

    assert state_of(elsewhere) == Membership.State.PENDING
    assert messages_of(response) == ["That person is not in this group's list."]


def test_it_refuses_a_code_that_does_not_exist(client, approval_group, alice):
    client.force_login(alice)

    response = client.post(
        f"/groups/tuesday-evening-circle/manage/members/{uuid.uuid4()}/approve/"
    )

    assert response.status_code == 302
    assert messages_of(response) == ["That person is not in this group's list."]


def test_it_404s_for_a_code_that_is_not_a_uuid(client, approval_group, alice):
    client.force_login(alice)

    response = client.post("/groups/tuesday-evening-circle/manage/members/3/approve/")

    assert response.status_code == 404

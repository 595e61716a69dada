from accounts.models import Notification
from groups.models import Membership
from tests.conftest import messages_of
from tests.groups.conftest import state_of


def url_for(membership) -> str:
    return f"/groups/tuesday-evening-circle/manage/members/{membership.code}/decline/"


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
    client.force_login(charlie)

    assert client.post(url_for(request_to_join)).status_code == 404
    assert state_of(request_to_join) == Membership.State.PENDING


def test_it_403s_for_a_member(client, request_to_join, bob):
    client.force_login(bob)

    assert client.post(url_for(request_to_join)).status_code == 403
    assert state_of(request_to_join) == Membership.State.PENDING


def test_it_declines_kindly_and_forgets_her_answer(
    client, request_to_join, alice, charlie
):
    client.force_login(alice)

    response = client.post(url_for(request_to_join))

    assert response.status_code == 302
    assert response["Location"] == "/groups/tuesday-evening-circle/manage/"
    assert state_of(request_to_join) == Membership.State.DECLINED
    assert request_to_join.answer == ""
    assert messages_of(response) == [
        "You declined Charlie’s request. We let them know, kindly."
    ]
    note = Notification.objects.get(recipient=charlie)
    assert note.kind == "membership_declined"
    assert note.message == (
        "Your request to join Tuesday Evening Circle was not accepted this time."
    )
    # Nothing says who declined her.
    assert "Alice" not in note.message


def test_it_answers_in_place_with_htmx(client, request_to_join, alice):
    client.force_login(alice)

    response = client.post(url_for(request_to_join), headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "You declined Charlie’s request." in response.content.decode()
    assert state_of(request_to_join) == Membership.State.DECLINED


def test_it_cannot_decline_an_active_member(client, request_to_join, alice, bob):
    bobs = Membership.objects.get(user=bob)
    client.force_login(alice)

    response = client.post(url_for(bobs))

    assert state_of(bobs) == Membership.State.ACTIVE
    assert messages_of(response) == ["That request has already been answered."]

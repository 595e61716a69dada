from groups.models import Group, Membership
from tests.conftest import make_group, messages_of

URL = "/groups/tuesday-evening-circle/withdraw/"


def test_it_requires_login(client, request_to_join):
    response = client.post(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert Membership.objects.filter(pk=request_to_join.pk).exists()


def test_it_rejects_get(client, request_to_join, charlie):
    client.force_login(charlie)

    response = client.get(URL)

    assert response.status_code == 405
    assert Membership.objects.filter(pk=request_to_join.pk).exists()


def test_it_404s_for_a_group_she_cannot_see(client, alice, charlie):
    make_group(organizer=alice, status=Group.Status.PENDING)
    client.force_login(charlie)

    response = client.post(URL)

    assert response.status_code == 404


def test_it_withdraws_her_request_and_forgets_her_answer(
    client, request_to_join, charlie
):
    client.force_login(charlie)

    response = client.post(URL)

    assert response.status_code == 302
    assert response["Location"] == "/groups/tuesday-evening-circle/"
    assert not Membership.objects.filter(user=charlie).exists()
    assert messages_of(response) == [
        "Your request to join Tuesday Evening Circle is withdrawn."
    ]


def test_it_never_ends_an_active_membership(client, group, bob):
    client.force_login(bob)

    response = client.post(URL)

    membership = Membership.objects.get(group=group, user=bob)
    assert membership.state == Membership.State.ACTIVE
    assert messages_of(response) == ["You have no request waiting for this group."]


def test_it_says_so_when_there_is_nothing_to_withdraw(client, group, charlie):
    client.force_login(charlie)

    response = client.post(URL)

    assert response.status_code == 302
    assert messages_of(response) == ["You have no request waiting for this group."]
    assert group.memberships.count() == 2

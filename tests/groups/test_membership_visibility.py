"""/groups/<slug>/membership/visibility/: she chooses whether fellow members see
her name in the member list."""

from html import unescape

from groups import services
from groups.models import Membership
from tests.conftest import make_user, messages_of, submit_form

URL = "/groups/tuesday-evening-circle/membership/visibility/"
GROUP_URL = "/groups/tuesday-evening-circle/"


def is_visible(user) -> bool:
    return Membership.objects.get(user=user).is_visible_to_members


def test_it_requires_login(client, group, bob):
    response = client.post(URL, {"is_visible_to_members": "on"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not is_visible(bob)


def test_it_rejects_get(client, group, bob):
    client.force_login(bob)

    assert client.get(URL, {"is_visible_to_members": "on"}).status_code == 405
    assert not is_visible(bob)


def test_it_404s_for_an_outsider(client, group, charlie):
    client.force_login(charlie)

    assert client.post(URL, {"is_visible_to_members": "on"}).status_code == 404


def test_it_404s_for_someone_still_asking_to_join(client, group, charlie):
    Membership.objects.create(group=group, user=charlie, state=Membership.State.PENDING)
    client.force_login(charlie)

    response = client.post(URL, {"is_visible_to_members": "on"})

    assert response.status_code == 404
    assert not is_visible(charlie)


def test_it_is_off_until_she_turns_it_on(client, group, bob):
    client.force_login(bob)

    page = unescape(client.get(GROUP_URL).content.decode())

    assert not is_visible(bob)
    assert "Your name is hidden from other members." in page
    assert "Show my name to other members" in page


def test_it_shows_her_name_to_fellow_members(client, group, alice, bob):
    client.force_login(bob)

    response = client.post(URL, {"is_visible_to_members": "on"})

    assert response.status_code == 302
    assert response["Location"] == f"{GROUP_URL}#members-title"
    assert messages_of(response) == ["Other members can now see your name."]
    assert is_visible(bob)
    assert not is_visible(alice)
    fellow = make_user("fay", display_name="Fay")
    Membership.objects.create(group=group, user=fellow, state=Membership.State.ACTIVE)
    client.force_login(fellow)
    page = unescape(client.get(GROUP_URL).content.decode())
    assert "Bobbie" in page
    assert "/u/bob/" not in page


def test_it_hides_her_name_again(client, group, bob):
    Membership.objects.filter(user=bob).update(is_visible_to_members=True)
    client.force_login(bob)

    response = client.post(URL)

    assert messages_of(response) == ["Your name is now hidden from other members."]
    assert not is_visible(bob)


def test_it_hides_her_name_again_when_she_rejoins(group, bob):
    Membership.objects.filter(user=bob).update(is_visible_to_members=True)

    services.leave_group(user=bob, group=group)
    services.join_group(user=bob, group=group)

    assert not is_visible(bob)


def test_it_works_through_the_real_form_with_csrf_checks(group, bob):
    response = submit_form(bob, GROUP_URL, URL, {"is_visible_to_members": "on"})

    assert response.status_code == 302
    assert is_visible(bob)

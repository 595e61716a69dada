"""/groups/<slug>/manage/link/: an organizer gives an unlisted group a new private
link, and the old one stops working."""

from html import unescape

import pytest

from groups.models import Group
from tests.conftest import make_group, messages_of, submit_form


@pytest.fixture
def unlisted_group(alice, bob):
    return make_group(
        organizer=alice, members=[bob], visibility=Group.Visibility.UNLISTED
    )


def slug_of(group) -> str:
    group.refresh_from_db()
    return group.slug


def test_it_requires_login(client, unlisted_group):
    url = f"/groups/{unlisted_group.slug}/manage/link/"

    response = client.post(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert slug_of(unlisted_group) == unlisted_group.slug


def test_it_404s_for_an_outsider(client, unlisted_group, charlie):
    client.force_login(charlie)
    url = f"/groups/{unlisted_group.slug}/manage/link/"

    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert slug_of(unlisted_group) == unlisted_group.slug


def test_it_403s_for_a_member(client, unlisted_group, bob):
    client.force_login(bob)
    url = f"/groups/{unlisted_group.slug}/manage/link/"

    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert slug_of(unlisted_group) == unlisted_group.slug


def test_it_asks_first_and_says_the_old_link_stops_working(
    client, unlisted_group, alice
):
    client.force_login(alice)

    response = client.get(f"/groups/{unlisted_group.slug}/manage/link/")

    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert "The old link stops working" in page
    assert 'method="post"' in page
    assert slug_of(unlisted_group) == unlisted_group.slug


def test_it_offers_a_new_link_on_the_manage_page(client, unlisted_group, alice):
    client.force_login(alice)

    response = client.get(f"/groups/{unlisted_group.slug}/manage/")

    page = response.content.decode()
    assert f"/groups/{unlisted_group.slug}/manage/link/" in page
    assert f"http://testserver/groups/{unlisted_group.slug}/" in page


def test_it_offers_no_private_link_for_a_listed_group(client, group, alice):
    client.force_login(alice)

    page = client.get("/groups/tuesday-evening-circle/manage/").content.decode()

    assert "/manage/link/" not in page


def test_it_gives_a_new_link_and_the_old_one_stops_working(
    client, unlisted_group, alice, bob
):
    old_slug = unlisted_group.slug
    old_url = f"/groups/{old_slug}/"
    client.force_login(alice)

    response = client.post(f"{old_url}manage/link/")

    new_slug = slug_of(unlisted_group)
    assert new_slug != old_slug
    assert new_slug.startswith("tuesday-evening-circle-")
    assert response.status_code == 302
    assert response["Location"] == f"/groups/{new_slug}/manage/"
    assert messages_of(response) == [
        "The group has a new private link. The old one no longer works."
    ]
    for user in [alice, bob, None]:
        client.logout()
        if user:
            client.force_login(user)
        assert client.get(old_url).status_code == 404
        assert client.get(f"/groups/{new_slug}/").status_code == 200


def test_it_refuses_a_listed_group(client, group, alice):
    client.force_login(alice)

    response = client.post("/groups/tuesday-evening-circle/manage/link/")

    assert response.status_code == 302
    assert response["Location"] == "/groups/tuesday-evening-circle/manage/"
    assert "Only an unlisted group has a private link" in messages_of(response)[0]
    assert slug_of(group) == "tuesday-evening-circle"


def test_it_works_through_the_real_form_with_csrf_checks(unlisted_group, alice):
    old = slug_of(unlisted_group)
    url = f"/groups/{old}/manage/link/"

    response = submit_form(alice, url, url)

    assert response.status_code == 302
    assert slug_of(unlisted_group) != old

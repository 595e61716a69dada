"""/notifications/: her notifications, with the people in them named as they are
now (a deleted account leaves no name behind)."""

from html import unescape

import pytest

from accounts import services
from groups import services as group_services
from tests.conftest import make_group, make_user

URL = "/notifications/"


@pytest.fixture
def morning_group(alice):
    return make_group(name="Morning Recovery Check-in", organizer=alice)


def page_of(response) -> str:
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_it_requires_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/notifications/"


def test_it_names_whoever_joined(client, alice, morning_group):
    delia = make_user("delia", display_name="Delia Realname")
    group_services.join_group(user=delia, group=morning_group)
    client.force_login(alice)

    page = page_of(client.get(URL))

    assert "Delia Realname joined Morning Recovery Check-in." in page


def test_it_forgets_the_name_of_a_deleted_account(client, alice, morning_group):
    delia = make_user("delia", display_name="Delia Realname")
    group_services.join_group(user=delia, group=morning_group)

    services.delete_account(user=delia)
    client.force_login(alice)
    page = page_of(client.get(URL))

    assert "A former member joined Morning Recovery Check-in." in page
    assert "Delia" not in page
    assert "Realname" not in page
    assert "delia" not in page


def test_it_shows_her_current_name(client, alice, morning_group):
    delia = make_user("delia", display_name="Delia Realname")
    group_services.join_group(user=delia, group=morning_group)
    delia.display_name = "D."
    delia.save()
    client.force_login(alice)

    page = page_of(client.get(URL))

    assert "D. joined Morning Recovery Check-in." in page
    assert "Realname" not in page


def test_it_escapes_names_and_leaves_braces_alone(client, alice):
    group = make_group(
        name="{actor} {0} {actor!r} Circle", slug="brace-circle", organizer=alice
    )
    mallory = make_user("mallory", display_name="<b>{actor}</b>")
    group_services.join_group(user=mallory, group=group)
    client.force_login(alice)

    response = client.get(URL)

    html = response.content.decode()
    assert "<b>" not in html
    assert "&lt;b&gt;{actor}&lt;/b&gt; joined {actor} {0} {actor!r} Circle." in html


def test_it_costs_the_same_queries_for_many_notifications(
    client, alice, django_assert_num_queries
):
    for n in range(2):
        joiner = make_user(f"joiner{n}")
        services.notify(
            recipient=alice,
            kind="member_joined",
            message="{actor} joined a group.",
            actor=joiner,
        )
    client.force_login(alice)
    client.get(URL)  # allauth records her session on the first request.

    # Session and user (2), the notifications with their actors; the unread
    # count in the header is cached since the first visit.
    with django_assert_num_queries(3):
        response = client.get(URL)

    assert response.status_code == 200
    assert unescape(response.content.decode()).count("joined a group.") == 2

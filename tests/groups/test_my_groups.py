from datetime import UTC, datetime

import time_machine

from groups.models import Group, Membership
from tests.conftest import make_group, make_place, make_user
from tests.groups.conftest import count_queries

URL = "/groups/mine/"


def test_it_requires_login(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}"


def test_it_welcomes_her_when_she_has_no_groups(client, charlie):
    client.force_login(charlie)

    response = client.get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "You haven’t joined a group yet" in page
    assert 'href="/groups/"' in page
    assert 'href="/groups/new/"' in page


def test_it_shows_her_groups_in_sections(client, alice, bob):
    place = make_place()
    make_group(name="Organized By Bob", organizer=bob, place=place)
    make_group(
        name="Tuesday Evening Circle", organizer=alice, members=[bob], place=place
    )
    waiting = make_group(
        name="Waiting Room",
        organizer=alice,
        join_policy=Group.JoinPolicy.APPROVAL,
        place=place,
    )
    Membership.objects.create(group=waiting, user=bob, state=Membership.State.PENDING)
    client.force_login(bob)

    response = client.get(URL)

    assert response.status_code == 200
    assert [m.group.name for m in response.context["organizing"]] == [
        "Organized By Bob"
    ]
    assert [m.group.name for m in response.context["member_of"]] == [
        "Tuesday Evening Circle"
    ]
    assert [m.group.name for m in response.context["waiting"]] == ["Waiting Room"]
    page = response.content.decode()
    assert 'href="/groups/organized-by-bob/manage/"' in page
    assert 'href="/groups/tuesday-evening-circle/leave/"' in page
    assert 'action="/groups/waiting-room/withdraw/"' in page
    assert page.count("<h1") == 1


def test_it_leaves_out_groups_she_left_or_was_declined_or_removed_from(
    client, alice, charlie
):
    place = make_place()
    for number, state in enumerate(
        [
            Membership.State.LEFT,
            Membership.State.DECLINED,
            Membership.State.REMOVED,
        ]
    ):
        group = make_group(name=f"Former {number}", organizer=alice, place=place)
        Membership.objects.create(group=group, user=charlie, state=state)
    client.force_login(charlie)

    response = client.get(URL)

    page = response.content.decode()
    assert "Former" not in page
    assert "You haven’t joined a group yet" in page


def test_it_shows_only_her_own_groups(client, alice, bob, charlie):
    make_group(name="Alice Only", organizer=alice, place=make_place("York"))
    make_group(name="Shared Circle", organizer=alice, members=[bob], place=make_place())
    client.force_login(bob)

    page = client.get(URL).content.decode()

    assert "Shared Circle" in page
    assert "Alice Only" not in page
    # Nothing in the URL can point it at someone else.
    page = client.get(URL + "?user=alice").content.decode()
    assert "Alice Only" not in page


def test_it_shows_when_each_group_meets_next(client, alice, bob):
    with time_machine.travel(datetime(2026, 3, 1, 10, tzinfo=UTC), tick=False):
        make_group(organizer=alice, members=[bob], timezone="Europe/London")
        make_group(name="Quiet Circle", organizer=bob, schedule=False)
        client.force_login(bob)

        page = client.get(URL).content.decode()

    assert (
        'Next: <time datetime="2026-03-03T19:00:00Z">Tue 3 March, 7:00 pm</time>'
    ) in page
    assert page.count("Next: ") == 1


def test_it_marks_groups_that_are_not_running(client, alice, bob):
    make_group(name="Paused Circle", organizer=alice, members=[bob], status="paused")
    client.force_login(bob)

    page = client.get(URL).content.decode()

    assert "Taking a break" in page


def test_it_runs_as_many_queries_whatever_the_number_of_her_groups(client, charlie):
    place = make_place()
    organizer = make_user("olive")

    def add_groups(start: int, count: int) -> None:
        for number in range(start, start + count):
            group = make_group(
                name=f"Circle {number}", organizer=organizer, place=place
            )
            Membership.objects.create(
                group=group,
                user=charlie,
                state=[Membership.State.ACTIVE, Membership.State.PENDING][number % 2],
                role=Membership.Role.MEMBER,
            )
            if number % 5 == 0:
                own = make_group(
                    name=f"Her Circle {number}", organizer=charlie, place=place
                )
                assert own.memberships.count() == 1

    client.force_login(charlie)
    client.get(URL)  # Warm up: the first request of a session loads a bit more.
    add_groups(0, 2)
    with_two = count_queries(client, URL)
    add_groups(2, 38)
    with_forty = count_queries(client, URL)

    assert with_two == with_forty
    # Session, user and notification count from the site chrome; one for her groups.
    assert with_forty <= 10

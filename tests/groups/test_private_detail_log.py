"""Every time the group page prints a street address or meeting link, who and when
is logged; an account that opens the private details of many different groups in a
day is flagged for the moderators."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groups.models import AccessFlag, Group, Membership, PrivateDetailView
from tests.conftest import make_group, make_place, make_user

URL = "/groups/tuesday-evening-circle/"


@pytest.fixture(autouse=True)
def _daily_limit(settings):
    settings.PRIVATE_DETAILS_DAILY_GROUP_LIMIT = 5


@pytest.fixture
def six_groups(alice, bob):
    """Six groups Bob belongs to: group-1 ... group-6."""
    place = make_place()
    return [
        make_group(name=f"Group {n}", organizer=alice, members=[bob], place=place)
        for n in range(1, 7)
    ]


def test_it_logs_each_reveal(client, group, bob):
    client.force_login(bob)

    client.get(URL)
    client.get(URL)

    views = PrivateDetailView.objects.filter(user=bob, group=group)
    assert views.count() == 2


def test_it_counts_the_days_groups_only_when_a_new_one_is_shown(client, group, bob):
    """A repeat view is logged (one INSERT) without counting the day's groups
    again: the same group can't change the count."""
    client.force_login(bob)
    client.get(URL)

    with CaptureQueriesContext(connection) as queries:
        client.get(URL)

    log_queries = [q["sql"] for q in queries if "groups_privatedetailview" in q["sql"]]
    assert len(log_queries) == 1 and log_queries[0].startswith("INSERT")
    assert not any("groups_accessflag" in q["sql"] for q in queries)
    assert PrivateDetailView.objects.filter(user=bob, group=group).count() == 2


def test_it_still_flags_when_the_cache_forgot_what_it_counted(client, bob, six_groups):
    client.force_login(bob)
    for group in six_groups[:4]:
        client.get(group.get_absolute_url())

    cache.clear()
    client.get(six_groups[0].get_absolute_url())
    assert not AccessFlag.objects.exists()
    client.get(six_groups[4].get_absolute_url())

    assert AccessFlag.objects.get().group_count == 5


def test_it_logs_an_organizer_too(client, group, alice):
    client.force_login(alice)

    client.get(URL)

    assert PrivateDetailView.objects.filter(user=alice, group=group).count() == 1


def test_it_logs_an_online_link_reveal(client, alice, bob):
    group = make_group(
        organizer=alice,
        members=[bob],
        format=Group.Format.ONLINE,
        online_link="https://meet.example.org/room",
    )
    client.force_login(bob)

    client.get(URL)

    assert PrivateDetailView.objects.filter(user=bob, group=group).count() == 1


def test_it_logs_nothing_when_there_is_nothing_to_reveal(client, alice, bob):
    make_group(organizer=alice, members=[bob], street_address="", venue_notes="")
    client.force_login(bob)

    client.get(URL)

    assert not PrivateDetailView.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "charlie", "pending", "moderator"])
def test_it_logs_nothing_for_people_who_do_not_see_the_details(
    who, client, group, charlie, moderator
):
    pending = make_user("dana", display_name="Dana")
    Membership.objects.create(group=group, user=pending, state="pending")
    users = {"charlie": charlie, "pending": pending, "moderator": moderator}
    if who != "anonymous":
        client.force_login(users[who])

    response = client.get(URL)

    assert response.status_code == 200
    assert not PrivateDetailView.objects.exists()
    assert not AccessFlag.objects.exists()


def test_it_does_not_flag_a_few_groups(client, bob, six_groups):
    client.force_login(bob)

    for group in six_groups[:4]:
        client.get(group.get_absolute_url())
        client.get(group.get_absolute_url())

    assert PrivateDetailView.objects.filter(user=bob).count() == 8
    assert not AccessFlag.objects.exists()


def test_it_flags_five_different_groups_in_a_day_once(client, bob, six_groups):
    client.force_login(bob)

    with time_machine.travel(datetime(2026, 3, 10, 9, 0, tzinfo=UTC), tick=False):
        for group in six_groups[:5]:
            client.get(group.get_absolute_url())

    flag = AccessFlag.objects.get()
    assert flag.user == bob
    assert flag.day.isoformat() == "2026-03-10"
    assert flag.group_count == 5
    assert not flag.reviewed

    with time_machine.travel(datetime(2026, 3, 10, 18, 0, tzinfo=UTC), tick=False):
        client.get(six_groups[5].get_absolute_url())
        client.get(six_groups[0].get_absolute_url())

    flag = AccessFlag.objects.get()
    assert flag.group_count == 6


def test_it_counts_each_day_on_its_own(client, bob, six_groups):
    client.force_login(bob)

    with time_machine.travel(datetime(2026, 3, 10, 22, 0, tzinfo=UTC), tick=False):
        for group in six_groups[:3]:
            client.get(group.get_absolute_url())
    with time_machine.travel(datetime(2026, 3, 11, 8, 0, tzinfo=UTC), tick=False):
        for group in six_groups[3:]:
            client.get(group.get_absolute_url())

    assert PrivateDetailView.objects.filter(user=bob).count() == 6
    assert not AccessFlag.objects.exists()


def test_it_does_not_count_strangers_visits_towards_a_flag(client, charlie, six_groups):
    client.force_login(charlie)

    for group in six_groups:
        client.get(group.get_absolute_url())

    assert not PrivateDetailView.objects.exists()
    assert not AccessFlag.objects.exists()


def test_it_sends_private_no_store_with_the_details(client, group, bob):
    client.force_login(bob)

    response = client.get(URL)

    assert response["Cache-Control"] == "private, no-store"

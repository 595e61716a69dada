""" "List a group" sent twice (a double click, Back and resubmit, two at once)
lands on the first group instead of listing a second one ("x-2")."""

import datetime

import pytest
import time_machine
from django.test import Client

from groups.models import Group, Membership
from tests.conftest import concurrent, make_place, make_user, messages_of, run_at_once
from tests.groups.test_group_create import URL, form_data


@pytest.fixture
def leeds(db):
    return make_place("Leeds")


def without_schedule(**overrides):
    data = form_data(**overrides)
    return {
        key: value for key, value in data.items() if not key.startswith("schedule-")
    }


def test_it_lands_a_repeat_on_the_first_group(client, alice, leeds):
    client.force_login(alice)

    first = client.post(URL, without_schedule())
    second = client.post(URL, without_schedule(name="  thursday grief circle "))

    group = Group.objects.get()
    assert first["Location"] == second["Location"] == group.get_absolute_url()
    assert "You have already listed Thursday Grief Circle" in " ".join(
        messages_of(second)
    )
    assert Membership.objects.filter(group=group).count() == 1


def test_it_lists_a_second_group_under_another_name(client, alice, leeds):
    client.force_login(alice)

    client.post(URL, without_schedule())
    client.post(URL, without_schedule(name="Friday Grief Circle"))

    assert Group.objects.count() == 2


def test_it_lists_the_same_name_again_after_a_while(client, alice, leeds):
    client.force_login(alice)
    client.post(URL, without_schedule())

    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(hours=1)
    with time_machine.travel(later):
        client.post(URL, without_schedule())

    assert Group.objects.count() == 2


def test_it_does_not_treat_another_persons_group_as_hers(client, alice, bob, leeds):
    client.force_login(alice)
    client.post(URL, without_schedule())
    client.force_login(bob)

    response = client.post(URL, without_schedule())

    assert Group.objects.count() == 2
    assert Group.objects.get(created_by=bob).get_absolute_url() == response["Location"]


@concurrent
def test_it_lists_one_group_when_the_same_form_arrives_at_once():
    make_place("Leeds")
    alice = make_user("alice")
    data = without_schedule()

    def post():
        client = Client(raise_request_exception=False)
        client.force_login(alice)
        return client.post(URL, data)

    # Three at once: a triple click (the listing rate limit allows three an hour).
    results = run_at_once(*[post for _ in range(3)])

    assert [getattr(result, "status_code", result) for result in results] == [302] * 3
    group = Group.objects.get()
    assert {result["Location"] for result in results} == {group.get_absolute_url()}
    assert Membership.objects.filter(group=group).count() == 1

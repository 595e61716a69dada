"""The membership rules in groups.services, including what happens when two
requests for the same group arrive at the same moment."""

import re

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Notification
from groups import services
from groups.models import Group, Membership
from tests.conftest import (
    concurrent,
    make_group,
    make_place,
    make_user,
    run_at_once,
)


def errors_in(results) -> list[str]:
    return [
        " ".join(result.messages)
        for result in results
        if isinstance(result, ValidationError)
    ]


@concurrent
def test_it_creates_one_membership_for_two_simultaneous_joins():
    alice, charlie = make_user("alice"), make_user("charlie")
    group = make_group(organizer=alice)

    results = run_at_once(
        lambda: services.join_group(user=charlie, group=group),
        lambda: services.join_group(user=charlie, group=group),
    )

    assert all(isinstance(result, Membership) for result in results), results
    assert Membership.objects.filter(group=group, user=charlie).count() == 1
    assert results[0].pk == results[1].pk
    assert Notification.objects.filter(recipient=alice).count() == 1


@concurrent
def test_it_never_overfills_a_group_on_simultaneous_joins():
    alice, bob = make_user("alice"), make_user("bob")
    group = make_group(organizer=alice, members=[bob], capacity=3)
    joiners = [make_user(f"joiner{number}") for number in range(6)]

    results = run_at_once(
        *[
            lambda user=user: services.join_group(user=user, group=group)
            for user in joiners
        ]
    )

    assert group.memberships.filter(state=Membership.State.ACTIVE).count() == 3
    assert errors_in(results) == ["This group is full. Please try again later."] * 5


@concurrent
def test_it_never_overfills_a_group_on_simultaneous_approvals():
    alice, bob = make_user("alice"), make_user("bob")
    group = make_group(
        organizer=alice,
        members=[bob],
        capacity=3,
        join_policy=Group.JoinPolicy.APPROVAL,
    )
    requests = [
        Membership.objects.create(
            group=group, user=make_user(f"asker{number}"), state="pending"
        )
        for number in range(2)
    ]

    results = run_at_once(
        *[
            lambda code=request.code: services.approve_request(
                organizer=alice, group=group, code=code
            )
            for request in requests
        ]
    )

    assert group.memberships.filter(state=Membership.State.ACTIVE).count() == 3
    assert errors_in(results) == ["The group is full: raise its capacity first."]


@concurrent
def test_it_keeps_one_of_two_organizers_leaving_at_once():
    alice, dora = make_user("alice"), make_user("dora")
    group = make_group(organizer=alice)
    Membership.objects.create(group=group, user=dora, role="organizer", state="active")

    results = run_at_once(
        lambda: services.leave_group(user=alice, group=group),
        lambda: services.leave_group(user=dora, group=group),
    )

    organizers = group.memberships.filter(state="active", role="organizer")
    assert organizers.count() == 1
    assert len(errors_in(results)) == 1


@concurrent
def test_it_keeps_one_organizer_when_two_demote_each_other_at_once():
    alice, dora = make_user("alice"), make_user("dora")
    group = make_group(organizer=alice)
    doras = Membership.objects.create(
        group=group, user=dora, role="organizer", state="active"
    )
    alices = Membership.objects.get(group=group, user=alice)

    run_at_once(
        lambda: services.change_role(
            organizer=alice, group=group, code=doras.code, role="member"
        ),
        lambda: services.change_role(
            organizer=dora, group=group, code=alices.code, role="member"
        ),
    )

    assert group.memberships.filter(state="active", role="organizer").count() == 1


# The last organizer --------------------------------------------------------------


def test_it_refuses_to_let_the_last_organizer_leave(group, alice):
    with pytest.raises(ValidationError):
        services.leave_group(user=alice, group=group)

    assert Membership.objects.get(user=alice).is_organizer


def test_it_refuses_to_demote_the_last_organizer(group, alice):
    code = Membership.objects.get(user=alice).code

    with pytest.raises(ValidationError, match="at least one organizer"):
        services.change_role(organizer=alice, group=group, code=code, role="member")

    assert Membership.objects.get(user=alice).is_organizer


def test_it_refuses_to_remove_the_last_organizer(group, alice, moderator):
    code = Membership.objects.get(user=alice).code

    with pytest.raises(ValidationError, match="at least one organizer"):
        services.remove_member(organizer=moderator, group=group, code=code)

    assert Membership.objects.get(user=alice).is_organizer


def test_it_knows_the_last_organizer(group, alice, bob):
    alices = Membership.objects.get(user=alice)
    assert services.is_last_organizer(alices)
    assert not services.is_last_organizer(Membership.objects.get(user=bob))
    assert not services.is_last_organizer(None)

    Membership.objects.filter(user=bob).update(role="organizer")

    assert not services.is_last_organizer(alices)


def test_it_does_not_count_a_pending_organizer(group, alice):
    Membership.objects.create(
        group=group, user=make_user("dora"), role="organizer", state="left"
    )

    assert services.is_last_organizer(Membership.objects.get(user=alice))


# Other rules ----------------------------------------------------------------------


def test_it_makes_a_member_of_an_open_group_active_at_once(group, charlie):
    membership = services.join_group(user=charlie, group=group)

    assert membership.state == Membership.State.ACTIVE


def test_it_ignores_an_answer_to_an_open_group(group, charlie):
    membership = services.join_group(user=charlie, group=group, answer="Hello")

    assert membership.answer == ""


def test_it_withdraws_only_a_pending_request(group, bob):
    with pytest.raises(ValidationError):
        services.withdraw_request(user=bob, group=group)

    assert Membership.objects.get(user=bob).is_active


def slug_for(name: str, visibility=Group.Visibility.LISTED) -> str:
    group = Group(name=name, visibility=visibility)
    group.assign_slug()
    return group.slug


def test_it_skips_taken_and_reserved_slugs_for_a_listed_group(group):
    assert slug_for("Tuesday Evening Circle") == "tuesday-evening-circle-2"
    assert slug_for("Mine") == "mine-2"
    assert slug_for("  ") == "group"
    assert slug_for("Zürich Frauen") == "zurich-frauen"
    assert len(slug_for("x" * 200)) == 120


def test_it_keeps_the_own_slug_of_a_listed_group(group):
    group.assign_slug()

    assert group.slug == "tuesday-evening-circle"


def test_it_gives_an_unlisted_group_80_random_bits():
    unlisted = Group.Visibility.UNLISTED

    slugs = {slug_for("Tuesday Evening Circle", unlisted) for _ in range(50)}

    assert len(slugs) == 50
    for slug in slugs:
        assert re.fullmatch(r"tuesday-evening-circle-[a-z2-7]{16}", slug)
    assert len(slug_for("x" * 200, unlisted)) == 120 + 1 + 16


def test_it_tells_members_but_not_the_organizer_of_a_status_change(group, alice, bob):
    services.set_group_status(organizer=alice, group=group, status="paused")

    group.refresh_from_db()
    assert group.status == Group.Status.PAUSED
    assert Notification.objects.filter(recipient=bob, kind="group_paused").exists()
    assert not Notification.objects.filter(recipient=alice).exists()


def test_it_never_publishes_a_group_waiting_for_review_by_status(alice):
    group = make_group(organizer=alice, status=Group.Status.PENDING)

    with pytest.raises(ValidationError):
        services.set_group_status(organizer=alice, group=group, status="active")

    group.refresh_from_db()
    assert group.status == Group.Status.PENDING


def test_it_names_others_only_by_display_name_in_notifications(group, alice):
    dora = make_user("dora", display_name="Dora", email="dora@secret.example")

    services.join_group(user=dora, group=group)

    message = Notification.objects.get(recipient=alice).text
    assert message == "Dora joined Tuesday Evening Circle."
    assert "secret.example" not in message
    assert "dora@" not in message


def test_it_forgets_her_memberships_but_keeps_her_groups(alice, bob):
    group = make_group(organizer=alice, members=[bob], place=make_place())

    services.forget_user(alice)

    assert not Membership.objects.filter(user=alice).exists()
    assert Group.objects.filter(pk=group.pk).exists()
    assert Membership.objects.filter(user=bob).exists()


def test_it_exports_her_memberships(group, bob):
    Membership.objects.filter(user=bob).update(answer="My answer")

    name, rows = services.export_user_data(bob)

    assert name == "group_memberships"
    assert rows == [
        {
            "group": "Tuesday Evening Circle",
            "url": "/groups/tuesday-evening-circle/",
            "role": "member",
            "state": "active",
            "answer": "My answer",
            "visible_to_members": False,
            "since": rows[0]["since"],
        }
    ]

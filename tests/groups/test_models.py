import pytest
from django.contrib.auth.models import AnonymousUser

from groups import access
from groups.models import Group, Membership
from tests.conftest import make_group, make_user


def test_it_finds_active_pending_and_organizing_memberships(request_to_join, alice):
    group = request_to_join.group
    left = make_user("lena", display_name="Lena")
    Membership.objects.create(
        group=group,
        user=left,
        role=Membership.Role.ORGANIZER,
        state=Membership.State.LEFT,
    )

    people = group.memberships
    assert {m.user.username for m in people.active()} == {"alice", "bob"}
    assert list(people.pending()) == [request_to_join]
    assert [m.user for m in people.organizers()] == [alice]


def test_it_lists_organizers_then_facilitators_then_members_by_name(alice):
    group = make_group(organizer=alice)
    for username, display_name, role in [
        ("zed", "zoe", Membership.Role.MEMBER),
        ("amy", "", Membership.Role.MEMBER),
        ("bea", "Bea", Membership.Role.MEMBER),
        ("fay", "Fay", Membership.Role.FACILITATOR),
    ]:
        user = make_user(username, display_name=display_name)
        Membership.objects.create(
            group=group, user=user, role=role, state=Membership.State.ACTIVE
        )

    roster = group.memberships.active().in_roster_order()

    # Her display name if she has one, else her username; case ignored.
    assert [m.user.public_name for m in roster] == ["Alice", "Fay", "amy", "Bea", "zoe"]


@pytest.mark.parametrize(
    ("visibility", "status", "indexable"),
    [
        (Group.Visibility.LISTED, Group.Status.ACTIVE, True),
        (Group.Visibility.LISTED, Group.Status.PAUSED, True),
        (Group.Visibility.LISTED, Group.Status.PENDING, False),
        (Group.Visibility.LISTED, Group.Status.ARCHIVED, False),
        (Group.Visibility.UNLISTED, Group.Status.ACTIVE, False),
    ],
)
def test_it_indexes_exactly_the_groups_anyone_may_find(
    visibility, status, indexable, alice
):
    group = make_group(organizer=alice, visibility=visibility, status=status)

    assert group.is_indexable is indexable
    assert Group.objects.listed().filter(pk=group.pk).exists() is indexable


def test_it_is_full_when_every_place_is_taken(group, charlie):
    assert not group.is_full()  # no capacity: never full
    group.capacity = 2
    assert group.is_full()
    assert not group.is_full(active_count=1)


def test_it_shows_a_full_group_as_full_to_everyone_but_its_members(group, bob):
    Group.objects.filter(pk=group.pk).update(capacity=2)
    group.refresh_from_db()

    assert access.group_page(AnonymousUser(), group).is_full
    assert not access.group_page(bob, group).is_full


def test_it_shows_the_join_panel_of_a_paused_group_only_to_those_in_it(
    group, bob, charlie
):
    Group.objects.filter(pk=group.pk).update(status=Group.Status.PAUSED)
    group.refresh_from_db()

    assert access.group_page(bob, group).shows_join_panel
    assert not access.group_page(charlie, group).shows_join_panel
    assert not access.group_page(AnonymousUser(), group).shows_join_panel


def test_it_lets_organizers_and_superusers_manage(group, alice, bob):
    root = make_user("root", is_staff=True, is_superuser=True)

    assert access.group_page(alice, group).can_manage
    assert access.group_page(root, group).can_manage
    assert not access.group_page(bob, group).can_manage
    assert not access.group_page(AnonymousUser(), group).can_manage

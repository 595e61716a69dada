import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.access import is_moderator
from groups import access
from groups.models import Group, Membership
from tests.conftest import make_group, make_user


@pytest.fixture
def superuser(db):
    return make_user("root", display_name="Root", is_staff=True, is_superuser=True)


@pytest.fixture
def dana(group):
    """Asked to join the group and is waiting."""
    user = make_user("dana", display_name="Dana")
    Membership.objects.create(group=group, user=user, state=Membership.State.PENDING)
    return user


SLUG = "tuesday-evening-circle"


# get_visible_group ------------------------------------------------------------


def test_it_shows_a_reviewed_group_to_anyone(group):
    assert access.get_visible_group(AnonymousUser(), SLUG) == group


@pytest.mark.parametrize(
    "status", [Group.Status.ACTIVE, Group.Status.PAUSED, Group.Status.ARCHIVED]
)
def test_it_opens_unlisted_groups_by_their_private_slug(status, alice):
    group = make_group(
        organizer=alice, visibility=Group.Visibility.UNLISTED, status=status
    )

    assert access.get_visible_group(AnonymousUser(), group.slug) == group
    with pytest.raises(Http404):
        access.get_visible_group(AnonymousUser(), SLUG)


def test_it_hides_a_pending_group_from_everyone_but_its_creator_and_staff(
    alice, bob, charlie, moderator
):
    group = make_group(organizer=alice, members=[bob], status=Group.Status.PENDING)

    for user in [AnonymousUser(), bob, charlie]:
        with pytest.raises(Http404):
            access.get_visible_group(user, SLUG)
    assert access.get_visible_group(alice, SLUG) == group
    assert access.get_visible_group(moderator, SLUG) == group


def test_it_raises_404_for_an_unknown_slug(db):
    with pytest.raises(Http404):
        access.get_visible_group(AnonymousUser(), "nothing-here")


# visible_group_page ---------------------------------------------------------------


def test_it_reads_the_group_page_with_her_own_membership_in_one_query(
    group, alice, bob, charlie, dana, moderator, django_assert_num_queries
):
    for user in [alice, bob, charlie, dana, moderator, AnonymousUser()]:
        is_moderator(user)  # her permissions are read once per request anyway
        with django_assert_num_queries(1):
            page = access.visible_group_page(user, SLUG)

        assert page.group == group
        assert page.membership == access.get_membership(user, group)
        if page.membership is not None:
            assert page.membership.user_id == user.pk


def test_it_hides_a_pending_group_page_as_get_visible_group_does(alice, bob, charlie):
    make_group(organizer=alice, members=[bob], status=Group.Status.PENDING)

    for user in [AnonymousUser(), bob, charlie]:
        with pytest.raises(Http404):
            access.visible_group_page(user, SLUG)
    assert access.visible_group_page(alice, SLUG).membership.is_organizer


# get_group_for_member -----------------------------------------------------------


def test_it_gives_members_their_group(group, bob):
    found, membership = access.get_group_for_member(bob, SLUG)

    assert found == group
    assert membership.user == bob


@pytest.mark.parametrize(
    "state",
    [
        Membership.State.PENDING,
        Membership.State.DECLINED,
        Membership.State.REMOVED,
        Membership.State.LEFT,
    ],
)
def test_it_refuses_anyone_not_active_with_404(state, group, charlie):
    Membership.objects.create(group=group, user=charlie, state=state)

    with pytest.raises(Http404):
        access.get_group_for_member(charlie, SLUG)


def test_it_refuses_non_members_with_404(group, charlie, moderator):
    for user in [charlie, moderator]:
        with pytest.raises(Http404):
            access.get_group_for_member(user, SLUG)


def test_it_lets_a_superuser_through_as_member(group, superuser):
    found, membership = access.get_group_for_member(superuser, SLUG)

    assert found == group
    assert membership is None


# get_group_for_organizer --------------------------------------------------------


def test_it_gives_organizers_their_group(group, alice):
    found, membership = access.get_group_for_organizer(alice, SLUG)

    assert found == group
    assert membership.is_organizer


def test_it_refuses_a_non_member_organizer_page_with_404(group, charlie):
    with pytest.raises(Http404):
        access.get_group_for_organizer(charlie, SLUG)


def test_it_refuses_a_member_without_the_role_with_403(group, bob):
    with pytest.raises(PermissionDenied):
        access.get_group_for_organizer(bob, SLUG)


def test_it_refuses_a_facilitator_with_403(group, bob):
    Membership.objects.filter(user=bob).update(role=Membership.Role.FACILITATOR)

    with pytest.raises(PermissionDenied):
        access.get_group_for_organizer(bob, SLUG)


def test_it_refuses_an_organizer_who_left_with_404(group, alice):
    Membership.objects.filter(user=alice).update(state=Membership.State.LEFT)

    with pytest.raises(Http404):
        access.get_group_for_organizer(alice, SLUG)


def test_it_refuses_a_staff_moderator_with_404(group, moderator):
    with pytest.raises(Http404):
        access.get_group_for_organizer(moderator, SLUG)


def test_it_lets_a_superuser_through_as_organizer(group, superuser):
    found, _ = access.get_group_for_organizer(superuser, SLUG)

    assert found == group


# can_see_private_details and can_see_member_list --------------------------------


def test_it_shares_private_details_only_with_active_members(
    group, alice, bob, charlie, dana, moderator, superuser
):
    def sees(user):
        membership = access.get_membership(user, group)
        return access.can_see_private_details(user, membership)

    assert sees(alice)
    assert sees(bob)
    assert not sees(AnonymousUser())
    assert not sees(charlie)
    assert not sees(dana)
    assert not sees(moderator)
    assert not sees(superuser)


def test_it_shares_the_member_list_with_members_and_moderators(
    group, alice, bob, charlie, dana, moderator
):
    def sees(user):
        membership = access.get_membership(user, group)
        return access.can_see_member_list(user, membership)

    assert sees(alice)
    assert sees(bob)
    assert sees(moderator)
    assert not sees(AnonymousUser())
    assert not sees(charlie)
    assert not sees(dana)


def test_it_finds_no_membership_for_anonymous_visitors(group):
    assert access.get_membership(AnonymousUser(), group) is None

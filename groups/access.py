"""Who may see and do what with a group. Views always fetch groups through these;
hiding a button is never the check."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.access import is_moderator
from groups.models import Group, Membership


def get_visible_group(user, slug: str) -> Group:
    """A group whose public page this user may open, or 404."""
    return get_object_or_404(
        Group.objects.visible_to(user).select_related("place", "created_by"), slug=slug
    )


def get_membership(user, group: Group) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(group=group, user=user).first()


def get_group_for_member(user, slug: str) -> tuple[Group, Membership | None]:
    """A group this user is an active member of. Superusers pass; anyone else gets
    404 (a stranger must not learn what exists behind it)."""
    group = get_visible_group(user, slug)
    membership = get_membership(user, group)
    if user.is_superuser:
        return group, membership
    if membership is None or not membership.is_active:
        raise Http404("No such group.")
    return group, membership


def get_group_for_organizer(user, slug: str) -> tuple[Group, Membership | None]:
    """A group this user organizes. Non-members get 404; members without the
    organizer role get 403; superusers pass."""
    group, membership = get_group_for_member(user, slug)
    if user.is_superuser:
        return group, membership
    if not membership.is_organizer:
        raise PermissionDenied("Only the group's organizers can do that.")
    return group, membership


def can_see_private_details(user, membership: Membership | None) -> bool:
    """Street address, venue notes and meeting link: active members (organizers are
    members) only. Site moderators do not see them."""
    return bool(user.is_authenticated and membership and membership.is_active)


def can_see_member_list(user, membership: Membership | None) -> bool:
    """The member list section: active members and moderators. How much of it
    they see is can_see_all_members."""
    return bool(
        user.is_authenticated
        and ((membership and membership.is_active) or is_moderator(user))
    )


def can_see_all_members(user, membership: Membership | None) -> bool:
    """Organizers and moderators see every member, with a link to her profile.
    Other members see only those who chose to be visible to them, by name."""
    return bool(
        user.is_authenticated
        and (
            (membership and membership.is_organizer)
            or is_moderator(user)
            or user.is_superuser
        )
    )

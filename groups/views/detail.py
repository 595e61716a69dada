from django.shortcuts import render

from accounts.access import is_moderator
from groups import access, services
from groups.models import Group, Membership

# Organizers first, then facilitators, so a member knows whom to ask.
ROLE_ORDER = {
    Membership.Role.ORGANIZER: 0,
    Membership.Role.FACILITATOR: 1,
    Membership.Role.MEMBER: 2,
}


def _active_members(group: Group) -> list[Membership]:
    memberships = group.memberships.filter(
        state=Membership.State.ACTIVE
    ).select_related("user")
    return sorted(
        memberships,
        key=lambda m: (ROLE_ORDER[m.role], m.user.public_name.casefold()),
    )


def group_detail(request, slug):
    group = access.get_visible_group(request.user, slug)
    user = request.user
    membership = access.get_membership(user, group)
    is_member = membership is not None and membership.is_active
    topics = list(group.topics.all())

    shows_private_details = access.can_see_private_details(user, membership)
    shows_member_list = access.can_see_member_list(user, membership)
    shows_all_members = access.can_see_all_members(user, membership)
    members = _active_members(group) if shows_member_list else []
    # Fellow members see only those who chose to be seen; the rest are a number.
    listed_members = (
        members
        if shows_all_members
        else [m for m in members if m.is_visible_to_members]
    )

    is_full = False
    if group.capacity and not is_member:
        active_count = (
            len(members)
            if shows_member_list
            else group.memberships.filter(state=Membership.State.ACTIVE).count()
        )
        is_full = active_count >= group.capacity

    # Exactly what the members-only panel prints; each print is logged.
    shows_address = bool(
        shows_private_details and group.meets_in_person and group.street_address
    )
    shows_online_link = bool(
        shows_private_details
        and group.format != Group.Format.IN_PERSON
        and group.online_link
    )
    if shows_address or shows_online_link:
        services.record_private_detail_view(user=user, group=group)

    # A closed, resting or unreviewed group has nothing to offer a newcomer, but
    # members and people with a request still need their buttons.
    shows_join_panel = (
        is_member
        or group.status == Group.Status.ACTIVE
        or (
            membership is not None
            and membership.state in (Membership.State.PENDING, Membership.State.REMOVED)
        )
    )
    context = {
        "group": group,
        "topics": topics,
        "membership": membership,
        "is_member": is_member,
        "is_full": is_full,
        "shows_join_panel": shows_join_panel,
        "shows_private_details": shows_private_details,
        "shows_address": shows_address,
        "shows_online_link": shows_online_link,
        "shows_member_list": shows_member_list,
        "shows_all_members": shows_all_members,
        "members": listed_members,
        "member_count": len(members),
        "hidden_member_count": len(members) - len(listed_members),
        "can_manage": bool(
            (membership and membership.is_organizer) or user.is_superuser
        ),
        "can_review": group.status == Group.Status.PENDING and is_moderator(user),
        "is_indexable": group.visibility == Group.Visibility.LISTED
        and group.status in (Group.Status.ACTIVE, Group.Status.PAUSED),
    }
    # Signed-in responses are private, no-store (PrivateResponseMiddleware).
    return render(request, "groups/group_detail.html", context)

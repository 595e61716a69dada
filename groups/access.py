"""Who may see and do what with a group. Views always fetch groups through these;
hiding a button is never the check."""

from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.db.models import FilteredRelation, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.access import is_moderator
from groups.meetings import agenda
from groups.models import Group, Meeting, Membership


def get_visible_group(user, slug: str) -> Group:
    """A group whose public page this user may open, or 404."""
    return get_object_or_404(
        Group.objects.visible_to(user).select_related("place", "created_by"), slug=slug
    )


def get_visible_meeting(user, slug: str, code) -> Meeting:
    """A meeting of a group whose page this user may open, with its group, or 404
    (the same 404 as a meeting that does not exist). One query for both."""
    groups = Group.objects.visible_to(user).filter(slug=slug)
    meetings = Meeting.objects.filter(group__in=groups).select_related(
        "group__place", "group__created_by"
    )
    return get_object_or_404(meetings, code=code)


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


def get_group_for_attendees(user, slug: str) -> tuple[Group, Membership | None]:
    """A group whose meetings' lists of who is coming this user may read: its
    organizers' and site moderators' (who need not be members). Other members
    get 403; anyone else 404."""
    if is_moderator(user):
        group = get_visible_group(user, slug)
        return group, get_membership(user, group)
    return get_group_for_organizer(user, slug)


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


def can_manage(user, membership: Membership | None) -> bool:
    """The organizer tools: the group's organizers, and superusers."""
    return bool((membership and membership.is_organizer) or user.is_superuser)


@dataclass
class GroupPage:
    """What one viewer sees of a group's page: which panels, which private details,
    which members. Built by group_page(); the template asks it, never the choices."""

    group: Group
    user: object
    membership: Membership | None

    @property
    def is_member(self) -> bool:
        return self.membership is not None and self.membership.is_active

    @cached_property
    def shows_private_details(self) -> bool:
        return can_see_private_details(self.user, self.membership)

    @cached_property
    def shows_member_list(self) -> bool:
        return can_see_member_list(self.user, self.membership)

    @cached_property
    def shows_all_members(self) -> bool:
        return can_see_all_members(self.user, self.membership)

    @cached_property
    def active_members(self) -> list[Membership]:
        """Every active member, for those who may see the member list (a query)."""
        if not self.shows_member_list:
            return []
        members = self.group.memberships.active().select_related("user")
        return list(members.in_roster_order())

    @property
    def members(self) -> list[Membership]:
        """The members the list names. Fellow members see only those who chose to
        be seen; the rest are a number."""
        if self.shows_all_members:
            return self.active_members
        return [m for m in self.active_members if m.is_visible_to_members]

    @property
    def is_full(self) -> bool:
        """Full for her: a member already has her place."""
        if self.is_member:
            return False
        known_count = len(self.active_members) if self.shows_member_list else None
        return self.group.is_full(active_count=known_count)

    @property
    def shows_address(self) -> bool:
        """Exactly what the members-only panel prints (and each print is logged)."""
        group = self.group
        return bool(
            self.shows_private_details
            and group.meets_in_person
            and group.street_address
        )

    @property
    def shows_online_link(self) -> bool:
        group = self.group
        return bool(
            self.shows_private_details and group.meets_online and group.online_link
        )

    @property
    def shows_join_panel(self) -> bool:
        """A closed, resting or unreviewed group has nothing to offer a newcomer, but
        members and people with a request still need their buttons."""
        membership = self.membership
        return (
            self.is_member
            or self.group.is_active
            or (
                membership is not None
                and (membership.is_pending or membership.is_removed)
            )
        )

    @property
    def can_manage(self) -> bool:
        return can_manage(self.user, self.membership)

    @property
    def can_review(self) -> bool:
        return self.group.is_pending and is_moderator(self.user)

    @cached_property
    def next_meetings(self) -> list[agenda.MeetingItem]:
        """The next few meetings with her answers (two queries at most). A group
        that is resting or closed has none to offer."""
        if self.group.is_paused or self.group.is_archived:
            return []
        return agenda.group_meetings(self.group, self.user, self.membership)

    def as_context(self) -> dict:
        return {
            "group": self.group,
            "membership": self.membership,
            "is_member": self.is_member,
            "is_full": self.is_full,
            "shows_join_panel": self.shows_join_panel,
            "shows_private_details": self.shows_private_details,
            "shows_address": self.shows_address,
            "shows_online_link": self.shows_online_link,
            "shows_member_list": self.shows_member_list,
            "shows_all_members": self.shows_all_members,
            "members": self.members,
            "member_count": len(self.active_members),
            "hidden_member_count": len(self.active_members) - len(self.members),
            "can_manage": self.can_manage,
            "can_review": self.can_review,
            "is_indexable": self.group.is_indexable,
            "next_meetings": self.next_meetings,
        }


def group_page(user, group: Group) -> GroupPage:
    """The group page as this viewer sees it. One query for her membership."""
    return GroupPage(group=group, user=user, membership=get_membership(user, group))


def visible_group_page(user, slug: str) -> GroupPage:
    """get_visible_group and group_page in one query: her membership row comes
    joined to the group (a LEFT JOIN; at most one row, unique per user and
    group). 404 as get_visible_group."""
    groups = Group.objects.visible_to(user).select_related("place", "created_by")
    if not user.is_authenticated:
        return GroupPage(
            group=get_object_or_404(groups, slug=slug), user=user, membership=None
        )
    groups = groups.annotate(
        viewer_membership=FilteredRelation(
            "memberships", condition=Q(memberships__user=user)
        )
    ).select_related("viewer_membership")
    group = get_object_or_404(groups, slug=slug)
    # Not set at all when she has no membership row.
    membership = getattr(group, "viewer_membership", None)
    if membership is not None:
        membership.group = group
    return GroupPage(group=group, user=user, membership=membership)


@dataclass
class MeetingPage:
    """What one viewer sees of one meeting. Members see its address and link, and
    how many are going; a drop-in sees the address and link only of a meeting she
    has a seat at; organizers and moderators also see how many wait. Nobody here
    sees who is going (the organizers' attendee list is its own page)."""

    group: Group
    meeting: Meeting
    user: object
    membership: Membership | None

    @cached_property
    def item(self) -> agenda.MeetingItem:
        """Her answer and whether she may give one (a query when signed in)."""
        return agenda.meeting_item(self.meeting, self.user, self.membership)

    @property
    def is_member(self) -> bool:
        return self.membership is not None and self.membership.is_active

    @property
    def is_drop_in_guest(self) -> bool:
        """Not a member, holding a seat (not a place on the waitlist) at a meeting
        that is still on."""
        return (
            not self.is_member
            and self.item.is_going
            and self.item.is_drop_in
            and not self.meeting.is_cancelled
        )

    @cached_property
    def shows_private_details(self) -> bool:
        return (
            can_see_private_details(self.user, self.membership) or self.is_drop_in_guest
        )

    @property
    def address(self) -> str:
        return self.meeting.address if self.shows_private_details else ""

    @property
    def link(self) -> str:
        return self.meeting.link if self.shows_private_details else ""

    @cached_property
    def is_moderator(self) -> bool:
        return is_moderator(self.user)

    @property
    def shows_going_count(self) -> bool:
        return self.is_member or self.is_moderator

    @property
    def shows_waitlist_count(self) -> bool:
        return can_manage(self.user, self.membership) or self.is_moderator

    def as_context(self) -> dict:
        return {
            "group": self.group,
            "meeting": self.meeting,
            "membership": self.membership,
            "item": self.item,
            "is_member": self.is_member,
            "shows_private_details": self.shows_private_details,
            "is_drop_in_guest": self.is_drop_in_guest,
            "address": self.address,
            "link": self.link,
            "shows_going_count": self.shows_going_count,
            "shows_waitlist_count": self.shows_waitlist_count,
        }


def meeting_page(user, group: Group, meeting: Meeting) -> MeetingPage:
    """One meeting's page as this viewer sees it. One query for her membership."""
    membership = get_membership(user, group)
    return MeetingPage(group=group, meeting=meeting, user=user, membership=membership)

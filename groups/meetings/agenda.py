"""What a woman sees of meetings: the next meetings on a group's page, one
meeting's page and her own list at /meetings/, each with her answer and whether
she may give one. Read only (groups.meetings.rsvp changes answers), and a fixed
number of queries however many meetings or answers there are."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, FilteredRelation, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from groups.meetings.rsvp import may_rsvp
from groups.models import RSVP, Group, Meeting, Membership

# How many meetings the group page lists.
GROUP_PAGE_MEETINGS = 6


@dataclass
class MeetingItem:
    """One meeting as she sees it: her answer (None before she gives one) and
    whether she may answer now. The views check again through rsvp.respond."""

    meeting: Meeting
    rsvp: RSVP | None = None
    can_rsvp: bool = False
    # Her place on the waitlist, counting from 1, while she waits.
    waitlist_position: int | None = None
    # Its HTML in a list (groups.meetings.rendering.render_items).
    html: str = ""

    @property
    def is_going(self) -> bool:
        return self.rsvp is not None and self.rsvp.is_going

    @property
    def is_waitlisted(self) -> bool:
        return self.rsvp is not None and self.rsvp.is_waitlisted

    @property
    def is_not_going(self) -> bool:
        return self.rsvp is not None and self.rsvp.is_not_going

    @property
    def is_drop_in(self) -> bool:
        return self.rsvp is not None and self.rsvp.is_drop_in

    @property
    def has_answered(self) -> bool:
        return self.rsvp is not None


def _waiting_ahead(meeting_ref: str, position_ref: str):
    """How many women wait before the RSVP at ``position_ref`` for the meeting
    ``meeting_ref`` (outer references), as an expression."""
    ahead = (
        RSVP.objects.filter(
            meeting_id=OuterRef(meeting_ref),
            state=RSVP.State.WAITLISTED,
            position__lt=OuterRef(position_ref),
        )
        .order_by()
        .values("meeting_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(ahead), Value(0))


def _answers(user, meeting_ids: list[int]) -> dict[int, RSVP]:
    """Her RSVPs for these meetings by meeting id, each with ``ahead``: how many
    women wait before her (one query)."""
    rsvps = RSVP.objects.filter(user=user, meeting_id__in=meeting_ids).annotate(
        ahead=_waiting_ahead("meeting_id", "position")
    )
    return {rsvp.meeting_id: rsvp for rsvp in rsvps}


def _with_answers(meetings, user):
    """Meetings with her RSVP joined to each (at most one: unique per meeting
    and user) and how many wait before her: her answers in the meetings' own
    query. Read back by _answers_joined."""
    return (
        meetings.annotate(
            her_rsvp=FilteredRelation("rsvps", condition=Q(rsvps__user=user))
        )
        .select_related("her_rsvp")
        .annotate(her_ahead=_waiting_ahead("pk", "her_rsvp__position"))
    )


def _answers_joined(meetings: list[Meeting]) -> dict[int, RSVP]:
    answers = {}
    for meeting in meetings:
        # Not set at all when she has not answered.
        rsvp = getattr(meeting, "her_rsvp", None)
        if rsvp is not None:
            rsvp.ahead = meeting.her_ahead
            rsvp.meeting = meeting
            answers[meeting.pk] = rsvp
    return answers


def _still_counts(rsvp: RSVP, membership: Membership | None) -> bool:
    """A member's answer stands while she is a member; a drop-in's while she has
    not been removed. (Leaving or removal deletes her answers; this keeps a page
    from ever showing one that outlived her membership.)"""
    if rsvp.is_drop_in:
        return membership is None or not membership.is_removed
    return membership is not None and membership.is_active


def items_for(
    user,
    meetings: list[Meeting],
    memberships: dict[int, Membership | None],
    *,
    answers: dict[int, RSVP] | None = None,
) -> list[MeetingItem]:
    """Her view of each meeting. ``memberships``: hers, by group id (a group
    missing from it: she is not in it). One query for her answers, none when she
    is signed out or ``answers`` (hers, by meeting id) were read already."""
    signed_in = user.is_authenticated
    if answers is None:
        answers = (
            _answers(user, [m.pk for m in meetings]) if signed_in and meetings else {}
        )
    items = []
    for meeting in meetings:
        membership = memberships.get(meeting.group_id)
        rsvp = answers.get(meeting.pk)
        if rsvp is not None and not _still_counts(rsvp, membership):
            rsvp = None
        allowed, _ = may_rsvp(meeting.group, membership)
        can_rsvp = (
            signed_in and allowed and meeting.group.is_active and meeting.takes_rsvps
        )
        position = rsvp.ahead + 1 if rsvp is not None and rsvp.is_waitlisted else None
        items.append(MeetingItem(meeting, rsvp, can_rsvp, position))
    return items


def group_meetings(
    group: Group, user, membership: Membership | None, *, limit=GROUP_PAGE_MEETINGS
) -> list[MeetingItem]:
    """The group's next meetings (cancelled ones too, so people see they are
    off), with her answers: one query."""
    # Through the group's manager, so each meeting's .group is this group.
    meetings = group.meetings.upcoming()
    if not user.is_authenticated:
        return items_for(user, list(meetings[:limit]), {group.pk: membership})
    meetings = list(_with_answers(meetings, user)[:limit])
    answers = _answers_joined(meetings)
    return items_for(user, meetings, {group.pk: membership}, answers=answers)


def meeting_item(meeting: Meeting, user, membership: Membership | None) -> MeetingItem:
    return items_for(user, [meeting], {meeting.group_id: membership})[0]


def her_meetings(user, now: datetime | None = None):
    """Meetings still to come that concern her: those she is going to or waiting
    for (in any group, drop-ins too), and every meeting of the active groups she
    belongs to, so she can answer. Soonest first, with their groups.

    Two lookups joined by UNION, each on its own index (her answers; her groups'
    meetings by group and time): an OR across the two made PostgreSQL read
    every meeting of every group."""
    now = now or timezone.now()
    return (
        Meeting.objects.upcoming(now)
        .filter(pk__in=her_meeting_ids(user, now, active_groups_only=True))
        .select_related("group")
    )


def her_meeting_ids(user, now: datetime, *, active_groups_only: bool):
    """The ids of meetings not yet ended that she is going to or waiting for,
    and of every meeting of the groups she is an active member of (only groups
    meeting right now with ``active_groups_only``): a subquery for pk__in."""
    answered = RSVP.objects.filter(
        user=user,
        state__in=[RSVP.State.GOING, RSVP.State.WAITLISTED],
        meeting__ends_at__gt=now,
    ).values_list("meeting_id", flat=True)
    her_groups = Membership.objects.active().filter(user=user)
    if active_groups_only:
        her_groups = her_groups.filter(group__status=Group.Status.ACTIVE)
    of_her_groups = Meeting.objects.filter(
        group_id__in=her_groups.values("group_id"), ends_at__gt=now
    ).values_list("pk", flat=True)
    return answered.union(of_her_groups)


def her_memberships(user) -> dict[int, Membership]:
    """Her memberships by group id (one query), for items_for."""
    return {m.group_id: m for m in Membership.objects.filter(user=user)}

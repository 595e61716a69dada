"""RSVPs: the one owner of a meeting's seats (going_count), its waitlist
(waitlist_count, waitlist_sequence and each RSVP's position) and promotion.

Every change locks the meeting row first (select_for_update), so any number of
simultaneous answers to a meeting with K seats leave exactly K going. Lock order,
to never deadlock: her membership row, then meeting rows by id."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.access import suspension_message
from groups import caching
from groups.meetings import notices
from groups.models import RSVP, Group, Meeting, Membership

GOING = RSVP.State.GOING
WAITLISTED = RSVP.State.WAITLISTED
NOT_GOING = RSVP.State.NOT_GOING


def lock_meeting(meeting: Meeting) -> Meeting:
    return (
        Meeting.objects.select_for_update().select_related("group").get(pk=meeting.pk)
    )


def may_rsvp(group: Group, membership: Membership | None) -> tuple[bool, bool]:
    """(may she answer, would she be a drop-in): active members may; signed-in
    non-members may when the group welcomes drop-ins, unless she was removed."""
    if membership is not None and membership.is_active:
        return True, False
    removed = membership is not None and membership.is_removed
    return bool(group.allows_drop_ins and not removed), True


def _check(meeting: Meeting, membership: Membership | None) -> bool:
    group = meeting.group
    allowed, is_drop_in = may_rsvp(group, membership)
    if not allowed:
        raise ValidationError(
            "Only members can say they're coming. Join the group first."
        )
    if not group.is_active:
        raise ValidationError("This group isn't meeting right now.")
    if meeting.is_cancelled:
        raise ValidationError("This meeting is cancelled.")
    if meeting.has_started:
        raise ValidationError("This meeting has already started.")
    return is_drop_in


def _leave_seat(meeting: Meeting, rsvp: RSVP) -> None:
    """She gives up her seat or her place in the queue (counts only; the caller
    saves the meeting and the RSVP)."""
    if rsvp.is_going:
        meeting.going_count -= 1
    elif rsvp.is_waitlisted:
        meeting.waitlist_count -= 1
        rsvp.position = None


def fill_seats(meeting: Meeting) -> list[RSVP]:
    """Give free seats to the waitlist, first come first served, and tell each
    woman promoted. The meeting is locked by the caller; saves its counts."""
    promoted = []
    # The locked count says whether anyone waits: no query for an empty waitlist.
    if (
        meeting.waitlist_count > 0
        and not meeting.is_cancelled
        and not meeting.has_started
    ):
        free = None if meeting.capacity is None else meeting.seats_left
        waiting = meeting.rsvps.filter(state=WAITLISTED).order_by("position")
        for rsvp in waiting.select_related("user")[:free]:
            rsvp.state, rsvp.position = GOING, None
            rsvp.save(update_fields=["state", "position", "updated_at"])
            meeting.going_count += 1
            meeting.waitlist_count -= 1
            promoted.append(rsvp)
    meeting.save(update_fields=["going_count", "waitlist_count", "updated_at"])
    # The group's page shows each meeting's free seats.
    caching.group_changed(meeting.group, listing=False)
    for rsvp in promoted:
        notices.tell(rsvp.user, notices.PROMOTED, meeting)
    return promoted


@transaction.atomic
def respond(*, user, meeting: Meeting, going: bool) -> RSVP:
    """Her answer for one meeting. "Going" takes a seat, or a place at the end of
    the waitlist when the meeting is full; "not going" frees her seat for the first
    woman waiting. Answering the same twice changes nothing. A suspended account
    can still give up her seat, not take one."""
    if going and (suspended := suspension_message(user)):
        raise ValidationError(suspended, code="suspended")
    membership = (
        Membership.objects.select_for_update()
        .filter(group_id=meeting.group_id, user=user)
        .first()
    )
    meeting = lock_meeting(meeting)
    is_drop_in = _check(meeting, membership)
    rsvp = RSVP.objects.filter(meeting=meeting, user=user).first()
    if rsvp is None:
        rsvp = RSVP(meeting=meeting, user=user, state=NOT_GOING)
    if going == (rsvp.is_going or rsvp.is_waitlisted) and rsvp.pk:
        return rsvp
    rsvp.is_drop_in = is_drop_in
    if going:
        if meeting.is_full:
            meeting.waitlist_sequence += 1
            meeting.waitlist_count += 1
            rsvp.state, rsvp.position = WAITLISTED, meeting.waitlist_sequence
        else:
            meeting.going_count += 1
            rsvp.state = GOING
        meeting.save(
            update_fields=[
                "going_count",
                "waitlist_count",
                "waitlist_sequence",
                "updated_at",
            ]
        )
        rsvp.save()
        caching.group_changed(meeting.group, listing=False)
        return rsvp
    _leave_seat(meeting, rsvp)
    rsvp.state = NOT_GOING
    rsvp.save()
    fill_seats(meeting)
    return rsvp


def waitlist_position(rsvp: RSVP) -> int | None:
    """Her place in the queue, counting from 1 (a query)."""
    if not rsvp.is_waitlisted:
        return None
    ahead = RSVP.objects.filter(
        meeting_id=rsvp.meeting_id, state=WAITLISTED, position__lt=rsvp.position
    ).count()
    return ahead + 1


@transaction.atomic
def release_rsvps(*, user, group: Group | None = None, everything=False) -> int:
    """She left or was removed from ``group`` (or is deleting her account: every
    group): her answers for meetings still to come go, and each seat she held goes
    to the waitlist. With ``everything`` (account deletion) her answers for past
    meetings go too, and the counts follow. Returns how many went."""
    rsvps = RSVP.objects.filter(user=user)
    if group is not None:
        rsvps = rsvps.filter(meeting__group=group)
    if not everything:
        rsvps = rsvps.filter(meeting__starts_at__gt=timezone.now())
    meeting_ids = sorted(set(rsvps.values_list("meeting_id", flat=True)))
    meetings = Meeting.objects.select_for_update().filter(pk__in=meeting_ids)
    released = 0
    for meeting in meetings.select_related("group").order_by("pk"):
        rsvp = RSVP.objects.get(meeting=meeting, user=user)
        _leave_seat(meeting, rsvp)
        rsvp.delete()
        released += 1
        fill_seats(meeting)
    return released


@transaction.atomic
def set_capacity(meeting: Meeting, capacity: int | None) -> Meeting:
    """A new number of seats: more seats go to the waitlist at once; fewer never
    take a seat from someone already going."""
    meeting = lock_meeting(meeting)
    meeting.capacity = capacity
    meeting.save(update_fields=["capacity", "updated_at"])
    fill_seats(meeting)
    return meeting


def apply_group_capacity(group: Group, old: int | None) -> None:
    """The group's capacity changed: its future meetings that still had the old
    default follow it (a meeting given its own number keeps it)."""
    future = Meeting.objects.filter(group=group, starts_at__gt=timezone.now())
    matching = future.filter(capacity=old) if old else future.filter(capacity=None)
    for meeting in matching.exclude(status=Meeting.Status.CANCELLED).order_by("pk"):
        set_capacity(meeting, group.capacity)


def attendees(meeting: Meeting):
    """Who is going and who is waiting, for the group's organizers only (the view
    checks): going by name, then the waitlist in order."""
    return (
        meeting.rsvps.filter(state__in=[GOING, WAITLISTED])
        .select_related("user")
        .order_by(F("position").asc(nulls_first=True), "created_at")
    )


def export_user_rsvps(user) -> tuple[str, list[dict]]:
    """Data export section (settings.ACCOUNT_EXPORT_SECTIONS): her answers."""
    answers = RSVP.objects.filter(user=user).select_related("meeting__group")
    return "meeting_rsvps", [
        {
            "group": answer.meeting.group.name,
            "meeting_starts_at": answer.meeting.starts_at.isoformat(),
            "answer": answer.state,
            "drop_in": answer.is_drop_in,
            "answered_at": answer.updated_at.isoformat(),
        }
        for answer in answers.order_by("meeting__starts_at")
    ]

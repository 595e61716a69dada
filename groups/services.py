"""Membership flows and the private-details log. Every flow locks the group row
first, so two requests for the same group (two joins, an approval racing a leave,
capacity) run one after the other."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.services import notify
from groups.models import AccessFlag, Group, Membership, PrivateDetailView

ORGANIZER = Membership.Role.ORGANIZER
ACTIVE = Membership.State.ACTIVE
PENDING = Membership.State.PENDING


def _lock(group: Group) -> Group:
    return Group.objects.select_for_update().get(pk=group.pk)


def _active_count(group: Group) -> int:
    return group.memberships.filter(state=ACTIVE).count()


def _organizers(group: Group):
    return [
        m.user
        for m in group.memberships.filter(state=ACTIVE, role=ORGANIZER).select_related(
            "user"
        )
    ]


def _notify_organizers(group: Group, *, kind: str, message: str, url: str) -> None:
    for organizer in _organizers(group):
        notify(recipient=organizer, kind=kind, message=message, url=url)


def _check_joinable(group: Group) -> None:
    if group.status != Group.Status.ACTIVE:
        raise ValidationError("This group is not taking new members right now.")
    if group.capacity and _active_count(group) >= group.capacity:
        raise ValidationError("This group is full. Please try again later.")


@transaction.atomic
def join_group(*, user, group: Group, answer: str = "") -> Membership:
    """Join an open group, or ask to join an approval group (with her answer)."""
    group = _lock(group)
    membership = Membership.objects.filter(group=group, user=user).first()
    if membership and membership.state in (ACTIVE, PENDING):
        return membership  # A double submit, or two tabs: nothing more to do.
    if membership and membership.state == Membership.State.REMOVED:
        raise ValidationError("You can't rejoin this group.")
    _check_joinable(group)
    is_open = group.join_policy == Group.JoinPolicy.OPEN
    if not is_open and group.join_question and not answer.strip():
        raise ValidationError("Please answer the organizer's question.")
    state = ACTIVE if is_open else PENDING
    if membership is None:
        membership = Membership(group=group, user=user)
    membership.state = state
    membership.role = Membership.Role.MEMBER
    membership.answer = "" if is_open else answer.strip()
    membership.save()
    manage_url = group.get_absolute_url() + "manage/"
    if is_open:
        _notify_organizers(
            group,
            kind="member_joined",
            message=f"{user.public_name} joined {group.name}.",
            url=manage_url,
        )
    else:
        _notify_organizers(
            group,
            kind="join_requested",
            message=f"{user.public_name} asked to join {group.name}.",
            url=manage_url,
        )
    return membership


@transaction.atomic
def withdraw_request(*, user, group: Group) -> None:
    _lock(group)
    membership = Membership.objects.filter(
        group=group, user=user, state=PENDING
    ).first()
    if membership is None:
        raise ValidationError("You have no request waiting for this group.")
    # Nothing of the request needs keeping: her answer goes with it.
    membership.delete()


@transaction.atomic
def leave_group(*, user, group: Group) -> None:
    group = _lock(group)
    membership = Membership.objects.filter(group=group, user=user, state=ACTIVE).first()
    if membership is None:
        raise ValidationError("You are not a member of this group.")
    if membership.role == ORGANIZER and len(_organizers(group)) == 1:
        raise ValidationError(
            "You are this group's only organizer. Make another member an organizer "
            "first, or archive the group."
        )
    membership.state = Membership.State.LEFT
    membership.role = Membership.Role.MEMBER
    membership.answer = ""
    membership.save(update_fields=["state", "role", "answer", "updated_at"])


def _get_for_organizer(group: Group, code) -> Membership:
    try:
        return Membership.objects.select_related("user").get(group=group, code=code)
    except (Membership.DoesNotExist, ValueError, ValidationError):
        raise ValidationError("That person is not in this group's list.") from None


@transaction.atomic
def approve_request(*, organizer, group: Group, code) -> Membership:
    group = _lock(group)
    membership = _get_for_organizer(group, code)
    if membership.state != PENDING:
        raise ValidationError("That request has already been answered.")
    if group.capacity and _active_count(group) >= group.capacity:
        raise ValidationError("The group is full: raise its capacity first.")
    membership.state = ACTIVE
    membership.save(update_fields=["state", "updated_at"])
    notify(
        recipient=membership.user,
        kind="membership_approved",
        message=f"You're in: your request to join {group.name} was accepted.",
        url=group.get_absolute_url(),
    )
    return membership


@transaction.atomic
def decline_request(*, organizer, group: Group, code) -> Membership:
    group = _lock(group)
    membership = _get_for_organizer(group, code)
    if membership.state != PENDING:
        raise ValidationError("That request has already been answered.")
    membership.state = Membership.State.DECLINED
    membership.answer = ""
    membership.save(update_fields=["state", "answer", "updated_at"])
    notify(
        recipient=membership.user,
        kind="membership_declined",
        message=f"Your request to join {group.name} was not accepted this time.",
        url=group.get_absolute_url(),
    )
    return membership


@transaction.atomic
def remove_member(*, organizer, group: Group, code) -> Membership:
    group = _lock(group)
    membership = _get_for_organizer(group, code)
    if membership.state != ACTIVE:
        raise ValidationError("That person is not an active member.")
    if membership.user_id == organizer.pk:
        raise ValidationError("To leave the group yourself, use Leave group.")
    if membership.role == ORGANIZER and len(_organizers(group)) == 1:
        raise ValidationError("A group needs at least one organizer.")
    membership.state = Membership.State.REMOVED
    membership.role = Membership.Role.MEMBER
    membership.save(update_fields=["state", "role", "updated_at"])
    notify(
        recipient=membership.user,
        kind="membership_removed",
        message=f"You are no longer a member of {group.name}.",
    )
    return membership


@transaction.atomic
def change_role(*, organizer, group: Group, code, role: str) -> Membership:
    group = _lock(group)
    if role not in Membership.Role.values:
        raise ValidationError("Choose organizer, facilitator or member.")
    membership = _get_for_organizer(group, code)
    if membership.state != ACTIVE:
        raise ValidationError("Only active members can have a role.")
    demoting_last = (
        membership.role == ORGANIZER
        and role != ORGANIZER
        and len(_organizers(group)) == 1
    )
    if demoting_last:
        raise ValidationError("A group needs at least one organizer.")
    if membership.role == role:
        return membership
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    notify(
        recipient=membership.user,
        kind="role_changed",
        message=f"You are now {membership.get_role_display().lower()} of {group.name}.",
        url=group.get_absolute_url(),
    )
    return membership


@transaction.atomic
def create_group(*, form, user) -> Group:
    """Save a new group (pending review) with its creator as first organizer."""
    group = form.save(commit=False)
    group.created_by = user
    group.status = Group.Status.PENDING
    group.save()
    form.save_m2m()
    Membership.objects.create(group=group, user=user, role=ORGANIZER, state=ACTIVE)
    return group


@transaction.atomic
def approve_group(*, group: Group, moderator) -> Group:
    group = _lock(group)
    if group.status != Group.Status.PENDING:
        raise ValidationError("This group has already been reviewed.")
    group.status = Group.Status.ACTIVE
    group.save(update_fields=["status", "updated_at"])
    if group.created_by:
        notify(
            recipient=group.created_by,
            kind="group_approved",
            message=f"{group.name} is now live on {settings.SITE_NAME}.",
            url=group.get_absolute_url(),
        )
    return group


def forget_user(user) -> None:
    """Account deletion step (settings.ACCOUNT_DELETION_STEPS): her memberships go,
    answers included. Groups she alone organized stay, for moderators to hand on."""
    Membership.objects.filter(user=user).delete()


def export_user_data(user) -> tuple[str, list[dict]]:
    """Data export section (settings.ACCOUNT_EXPORT_SECTIONS)."""
    memberships = Membership.objects.filter(user=user).select_related("group")
    return "group_memberships", [
        {
            "group": m.group.name,
            "url": m.group.get_absolute_url(),
            "role": m.role,
            "state": m.state,
            "answer": m.answer,
            "since": m.created_at.isoformat(),
        }
        for m in memberships.order_by("created_at")
    ]


@transaction.atomic
def record_private_detail_view(*, user, group: Group) -> AccessFlag | None:
    """Log that she was shown this group's private details. An account that opens
    the private details of many different groups in a day is flagged for the
    moderators."""
    PrivateDetailView.objects.create(user=user, group=group)
    now = timezone.now()
    start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    group_count = (
        PrivateDetailView.objects.filter(
            user=user, viewed_at__gte=start, viewed_at__lt=start + timedelta(days=1)
        )
        .values("group")
        .distinct()
        .count()
    )
    if group_count < settings.PRIVATE_DETAILS_DAILY_GROUP_LIMIT:
        return None
    flag, _ = AccessFlag.objects.update_or_create(
        user=user, day=start.date(), defaults={"group_count": group_count}
    )
    return flag

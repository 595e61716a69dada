"""Membership flows and the private-details log. Every flow locks the group row
first, so two requests for the same group (two joins, an approval racing a leave,
capacity) run one after the other."""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone

from accounts.access import suspension_message
from accounts.models import Notification, User
from accounts.services import notify
from groups import caching, moderation
from groups.meetings.generation import save_schedule, sync_group
from groups.meetings.rsvp import apply_group_capacity, release_rsvps
from groups.models import (
    AccessFlag,
    Group,
    Meeting,
    Membership,
    PrivateDetailView,
    Schedule,
)

# Filled in with her name as it is when the notification is read.
ACTOR = Notification.ACTOR_PLACEHOLDER
ORGANIZER = Membership.Role.ORGANIZER
ACTIVE = Membership.State.ACTIVE
PENDING = Membership.State.PENDING

# "You are now an organizer of ...": role labels need their article.
ROLE_PHRASES = {
    Membership.Role.ORGANIZER: "an organizer",
    Membership.Role.FACILITATOR: "a facilitator",
    Membership.Role.MEMBER: "a member",
}


def _lock(group: Group) -> Group:
    return Group.objects.select_for_update().get(pk=group.pk)


def _organizers(group: Group):
    return [m.user for m in group.memberships.organizers().select_related("user")]


def is_last_organizer(membership: Membership | None) -> bool:
    """She is the group's only active organizer (so she may not leave, be removed or
    be demoted until someone else organizes it)."""
    if membership is None or not membership.is_organizer:
        return False
    others = Membership.objects.organizers().filter(group_id=membership.group_id)
    others = others.exclude(pk=membership.pk)
    return not others.exists()


def _notify_organizers(
    group: Group, *, kind: str, message: str, url: str, actor=None
) -> None:
    for organizer in _organizers(group):
        notify(recipient=organizer, kind=kind, message=message, url=url, actor=actor)


def _check_joinable(group: Group) -> None:
    if not group.is_active:
        raise ValidationError("This group is not taking new members right now.")
    if group.is_full():
        raise ValidationError("This group is full. Please try again later.")


@transaction.atomic
def join_group(*, user, group: Group, answer: str = "") -> Membership:
    """Join an open group, or ask to join an approval group (with her answer)."""
    if suspended := suspension_message(user):
        raise ValidationError(suspended, code="suspended")
    group = _lock(group)
    membership = Membership.objects.filter(group=group, user=user).first()
    if membership and (membership.is_active or membership.is_pending):
        return membership  # A double submit, or two tabs: nothing more to do.
    if membership and membership.is_removed:
        raise ValidationError("You can't rejoin this group.")
    _check_joinable(group)
    is_open = group.is_open
    if not is_open and group.join_question and not answer.strip():
        raise ValidationError("Please answer the organizer's question.")
    state = ACTIVE if is_open else PENDING
    if membership is None:
        membership = Membership(group=group, user=user)
    membership.state = state
    membership.role = Membership.Role.MEMBER
    membership.answer = "" if is_open else answer.strip()
    # Coming back is a new start: she chooses again whether others see her name.
    membership.is_visible_to_members = False
    membership.save()
    if is_open:
        # Her page says whether the group is full.
        caching.group_changed(group, listing=False)
    manage_url = group.get_absolute_url() + "manage/"
    if is_open:
        _notify_organizers(
            group,
            kind="member_joined",
            message=f"{ACTOR} joined {group.name}.",
            url=manage_url,
            actor=user,
        )
    else:
        _notify_organizers(
            group,
            kind="join_requested",
            message=f"{ACTOR} asked to join {group.name}.",
            url=manage_url,
            actor=user,
        )
    return membership


@transaction.atomic
def withdraw_request(*, user, group: Group) -> None:
    _lock(group)
    membership = Membership.objects.pending().filter(group=group, user=user).first()
    if membership is None:
        raise ValidationError("You have no request waiting for this group.")
    # Nothing of the request needs keeping: her answer goes with it.
    membership.delete()


@transaction.atomic
def leave_group(*, user, group: Group) -> None:
    group = _lock(group)
    membership = Membership.objects.active().filter(group=group, user=user).first()
    if membership is None:
        raise ValidationError("You are not a member of this group.")
    if is_last_organizer(membership):
        raise ValidationError(
            "You are this group's only organizer. Make another member an organizer "
            "first, or archive the group."
        )
    membership.state = Membership.State.LEFT
    membership.role = Membership.Role.MEMBER
    membership.answer = ""
    membership.save(update_fields=["state", "role", "answer", "updated_at"])
    release_rsvps(user=user, group=group)
    caching.group_changed(group, listing=False)


def _get_for_organizer(group: Group, code) -> Membership:
    try:
        return Membership.objects.select_related("user").get(group=group, code=code)
    except (Membership.DoesNotExist, ValueError, ValidationError):
        raise ValidationError("That person is not in this group's list.") from None


def _get_pending_request(group: Group, code) -> Membership:
    membership = _get_for_organizer(group, code)
    if not membership.is_pending:
        raise ValidationError("That request has already been answered.")
    return membership


@transaction.atomic
def approve_request(*, organizer, group: Group, code) -> Membership:
    group = _lock(group)
    membership = _get_pending_request(group, code)
    if group.is_full():
        raise ValidationError("The group is full: raise its capacity first.")
    membership.state = ACTIVE
    membership.save(update_fields=["state", "updated_at"])
    caching.group_changed(group, listing=False)
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
    membership = _get_pending_request(group, code)
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
    if not membership.is_active:
        raise ValidationError("That person is not an active member.")
    if membership.user_id == organizer.pk:
        raise ValidationError("To leave the group yourself, use Leave group.")
    if is_last_organizer(membership):
        raise ValidationError("A group needs at least one organizer.")
    membership.state = Membership.State.REMOVED
    membership.role = Membership.Role.MEMBER
    membership.save(update_fields=["state", "role", "updated_at"])
    release_rsvps(user=membership.user, group=group)
    caching.group_changed(group, listing=False)
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
    if not membership.is_active:
        raise ValidationError("Only active members can have a role.")
    if role != ORGANIZER and is_last_organizer(membership):
        raise ValidationError("A group needs at least one organizer.")
    if membership.role == role:
        return membership
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    notify(
        recipient=membership.user,
        kind="role_changed",
        message=f"You are now {ROLE_PHRASES[role]} of {group.name}.",
        url=group.get_absolute_url(),
    )
    return membership


# The same person listing a group of the same name again within this time has
# sent the form twice (a double click, Back and resubmit): she gets the first.
REPEAT_LISTING_WINDOW = timedelta(minutes=10)


def recently_listed(*, user, name: str) -> Group | None:
    """The group she listed under this name (any case) in the last few minutes,
    if any: a second "List a group" with it is the same one sent again."""
    since = timezone.now() - REPEAT_LISTING_WINDOW
    return (
        Group.objects.filter(
            created_by=user, name__iexact=name.strip(), created_at__gte=since
        )
        .order_by("created_at")
        .first()
    )


@transaction.atomic
def create_group(*, form, user, schedule: Schedule | None = None) -> Group:
    """Save a new group (pending review) with its creator as first organizer and
    the address its visibility calls for (Group.assign_slug), and its first
    schedule with its meetings, if she gave one: all of it, or nothing. The same
    form sent twice (recently_listed) gives the first group, even when both
    arrive at once: her listings are made one at a time (a lock on her row)."""
    User.objects.select_for_update().only("pk").get(pk=user.pk)
    if earlier := recently_listed(user=user, name=form.cleaned_data["name"]):
        return earlier
    group = form.save(commit=False)
    group.created_by = user
    group.status = Group.Status.PENDING
    for _attempt in range(5):
        group.assign_slug()
        try:
            # Two groups with the same name listed at the same moment race for the
            # slug; the loser takes the next free one.
            with transaction.atomic():
                group.save()
            break
        except IntegrityError:
            if not Group.objects.filter(slug=group.slug).exists():
                raise
    else:
        raise ValidationError("Please try again in a moment.")
    form.save_m2m()
    Membership.objects.create(group=group, user=user, role=ORGANIZER, state=ACTIVE)
    if schedule is not None:
        schedule.group = group
        save_schedule(schedule)
    return group


# Changes members need to hear about: where, when and how the group meets. The
# notification only says that they changed, never what they are now.
MEETING_FIELDS = [
    "format",
    "place",
    "street_address",
    "venue_notes",
    "online_link",
    "online_notes",
    "schedule_note",
    "timezone",
]


def _notify_members(group: Group, *, kind: str, message: str, url: str, skip=None):
    memberships = group.memberships.active().select_related("user")
    if skip is not None:
        memberships = memberships.exclude(user=skip)
    for membership in memberships:
        notify(recipient=membership.user, kind=kind, message=message, url=url)


@transaction.atomic
def update_group(*, form, organizer) -> Group:
    """Save the organizer's edits; tell the members if where or when they meet
    changed. Edits to a listed group's public text show at once and wait in the
    moderation queue for a moderator to read. A group that becomes unlisted gets
    a fresh unguessable address (its old one was guessable or known), one that
    becomes listed a readable one."""
    before = _lock(form.instance)
    group = form.save(commit=False)
    # Only the form's fields change: a status changed since the page loaded stays.
    group.status = before.status
    if group.visibility != before.visibility:
        group.assign_slug()
    if (
        group.visibility == Group.Visibility.LISTED
        and group.status in Group.LISTED_STATUSES
        and group.needs_review_since is None
        and moderation.public_text_changed(before, group)
    ):
        # Visible at once; a moderator reads it after the fact.
        group.needs_review_since = timezone.now()
    group.save()
    form.save_m2m()
    if group.timezone != before.timezone:
        # The same wall-clock times in the new zone.
        sync_group(group)
    if group.capacity != before.capacity:
        apply_group_capacity(group, before.capacity)
    changed = [
        name
        for name in MEETING_FIELDS
        if getattr(before, name if name != "place" else "place_id")
        != getattr(group, name if name != "place" else "place_id")
    ]
    if changed and (group.is_active or group.is_paused):
        _notify_members(
            group,
            kind="group_details_changed",
            message=f"Where or when {group.name} meets has changed. "
            "Please check the group page.",
            url=group.get_absolute_url(),
            skip=organizer,
        )
    caching.group_changed(group, old_slug=before.slug)
    return group


@transaction.atomic
def rotate_group_link(*, organizer, group: Group) -> Group:
    """Give an unlisted group a new unguessable address: the old link stops
    working, for whoever it reached. Members find the group under My groups."""
    group = _lock(group)
    if not group.is_unlisted:
        raise ValidationError(
            "Only an unlisted group has a private link; a listed group's page is "
            "public."
        )
    old_slug = group.slug
    group.assign_slug()
    group.save(update_fields=["slug", "updated_at"])
    caching.group_changed(group, listing=False, old_slug=old_slug)
    return group


STATUS_CHANGES = {
    # new status: (statuses it may come from, what members are told)
    Group.Status.PAUSED: (
        {Group.Status.ACTIVE},
        "{name} is taking a break. Its organizers will let you know when it "
        "meets again.",
    ),
    Group.Status.ACTIVE: (
        {Group.Status.PAUSED},
        "{name} is meeting again.",
    ),
    Group.Status.ARCHIVED: (
        {Group.Status.ACTIVE, Group.Status.PAUSED},
        "{name} has closed. Thank you for being part of it.",
    ),
}


@transaction.atomic
def set_group_status(*, organizer, group: Group, status: str) -> Group:
    """Pause, resume or archive a reviewed group, and tell its members. Archiving
    also answers the requests still waiting. Only moderators decide on groups
    waiting for review, and an archived group stays closed."""
    group = _lock(group)
    if status not in STATUS_CHANGES:
        raise ValidationError("Choose pause, resume or archive.")
    allowed_from, message = STATUS_CHANGES[status]
    if group.is_pending:
        raise ValidationError(
            "This group is waiting for a moderator's review; you can pause or "
            "archive it once it is live."
        )
    if group.is_archived:
        raise ValidationError("This group is archived and can't be reopened here.")
    if group.status not in allowed_from:
        raise ValidationError(
            f"This group is already {group.get_status_display().lower()}."
        )
    group.status = status
    group.save(update_fields=["status", "updated_at"])
    sync_group(group, reason=message.format(name=group.name))
    _notify_members(
        group,
        kind=f"group_{status}",
        message=message.format(name=group.name),
        url=group.get_absolute_url(),
        skip=organizer,
    )
    if status == Group.Status.ARCHIVED:
        for membership in group.memberships.pending().select_related("user"):
            membership.state = Membership.State.DECLINED
            membership.answer = ""
            membership.save(update_fields=["state", "answer", "updated_at"])
            notify(
                recipient=membership.user,
                kind="membership_declined",
                message=f"{group.name} has closed, so it is no longer taking "
                "new members.",
            )
    caching.group_changed(group)
    return group


# Notifications about her that were made before they named their actor, as
# (kind, what follows her name).
_NAMED_NOTIFICATIONS = [
    ("member_joined", " joined "),
    ("join_requested", " asked to join "),
]


def forget_user(user) -> None:
    """Account deletion step (settings.ACCOUNT_DELETION_STEPS): her memberships go,
    answers included. Groups she alone organized stay, for moderators to hand on.
    Organizers' older notifications that spell out her name ("Delia joined ...")
    read "A former member joined ..." instead, like the newer ones."""
    release_rsvps(user=user, everything=True)
    memberships = Membership.objects.filter(user=user)
    caching.groups_changed(
        Group.objects.filter(pk__in=memberships.values("group_id")), listing=False
    )
    memberships.delete()
    for kind, verb in _NAMED_NOTIFICATIONS:
        prefix = f"{user.public_name}{verb}"
        Notification.objects.filter(
            kind=kind, has_actor=False, message__startswith=prefix
        ).update(
            message=Concat(Value(f"{ACTOR}{verb}"), Substr("message", len(prefix) + 1)),
            has_actor=True,
        )


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
            "visible_to_members": m.is_visible_to_members,
            "since": m.created_at.isoformat(),
        }
        for m in memberships.order_by("created_at")
    ]


def record_private_detail_view(
    *, user, group: Group, meeting: Meeting | None = None
) -> AccessFlag | None:
    """Log that she was shown this group's private details (``meeting``: a
    drop-in shown one meeting's address and link): one row each time, the log
    moderators read. An account that opens the private details of many
    different groups in a day is flagged for the moderators (returned when this
    view counted towards a flag).

    Only a group she had not been shown yet that day can change the day's
    count of different groups: a repeat view is the one INSERT. The cache
    remembers which groups were counted (_counted_today); the count itself
    always comes from the rows, so a forgotten mark only costs a recount."""
    PrivateDetailView.objects.create(user=user, group=group, meeting=meeting)
    start = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    counted_key = _counted_today_key(user.pk, group.pk, start)
    if cache.get(counted_key):
        return None
    flag = _count_groups_shown(user, start)
    # Marked once counted (not before): a failed count is tried again.
    seconds_left = (start + timedelta(days=1) - timezone.now()).total_seconds()
    cache.set(counted_key, True, timeout=max(1, int(seconds_left)) + 60)
    return flag


def _counted_today_key(user_id: int, group_id: int, start) -> str:
    return f"groups:private-view-counted:{user_id}:{start.date()}:{group_id}"


@transaction.atomic
def _count_groups_shown(user, start) -> AccessFlag | None:
    """How many different groups' private details she was shown since
    ``start`` (midnight UTC), and her flag for the day when that reaches
    settings.PRIVATE_DETAILS_DAILY_GROUP_LIMIT."""
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

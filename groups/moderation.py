"""What moderators do to groups, and the reports members send them about a group
or a person in it. Every moderator action checks the moderator, locks what it
changes and writes its accounts.audit entry in the same transaction; a refusal
is a ValidationError and changes nothing."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts import audit
from accounts.access import is_moderator
from accounts.services import notify
from groups import caching
from groups.models import AccessFlag, Group, GroupReport, Membership

# A member may send this many reports a day (a light brake on a flood).
REPORTS_PER_DAY = 10
# The fields readers see on a listed group's page: an organizer's change to one
# of them is listed in the moderation queue (groups.services.update_group).
PUBLIC_TEXT_FIELDS = (
    "name",
    "tagline",
    "description",
    "area_description",
    "ground_rules",
    "facilitator_credentials",
    "host_organization",
)


def _check_moderator(moderator) -> None:
    if not is_moderator(moderator):
        raise ValidationError("Only moderators can do this.", code="denied")


def _lock(group: Group) -> Group:
    return Group.objects.select_for_update().get(pk=group.pk)


def _record(moderator, action: str, target_type: str, target, label, reason: str):
    audit.record(
        moderator=moderator,
        action=action,
        target_type=target_type,
        target_id=target.pk,
        target_label=label,
        reason=reason,
    )


# Groups ---------------------------------------------------------------------------


@transaction.atomic
def approve_group(*, group: Group, moderator, reason: str = "") -> Group:
    """List a group waiting for review, and tell whoever listed it."""
    _check_moderator(moderator)
    group = _lock(group)
    if not group.is_pending:
        raise ValidationError("This group has already been reviewed.")
    group.status = Group.Status.ACTIVE
    group.needs_review_since = None
    group.save(update_fields=["status", "needs_review_since", "updated_at"])
    _record(moderator, "group_approve", "group", group, group.name, reason)
    if group.created_by:
        notify(
            recipient=group.created_by,
            kind="group_approved",
            message=f"{group.name} is now live on {settings.SITE_NAME}.",
            url=group.get_absolute_url(),
        )
    caching.group_changed(group)
    return group


@transaction.atomic
def reject_group(*, group: Group, moderator, reason: str) -> Group:
    """Decline to list a group waiting for review; whoever listed it is told why.
    Nobody else can open its page."""
    _check_moderator(moderator)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Please say why, for the organizer.", code="reason")
    group = _lock(group)
    if not group.is_pending:
        raise ValidationError("This group has already been reviewed.")
    group.status = Group.Status.REJECTED
    group.save(update_fields=["status", "updated_at"])
    _record(moderator, "group_reject", "group", group, group.name, reason)
    if group.created_by:
        notify(
            recipient=group.created_by,
            kind="group_rejected",
            message=f"A moderator did not list {group.name}. Why: {reason}",
            url=group.get_absolute_url(),
        )
    return group


@transaction.atomic
def assign_organizer(
    *, group: Group, moderator, username: str, reason: str = ""
) -> Membership:
    """Make someone an organizer of a group (one left without one, say): a
    member, or any active account by username, who becomes an active organizer
    and is told."""
    _check_moderator(moderator)
    group = _lock(group)
    if group.is_archived or group.is_rejected:
        raise ValidationError("This group is closed.", code="closed")
    user = (
        get_user_model()
        .objects.filter(username__iexact=(username or "").strip(), is_active=True)
        .first()
    )
    if user is None:
        raise ValidationError("There is no active account by that name.", code="user")
    membership = Membership.objects.filter(group=group, user=user).first()
    if membership is not None and membership.is_organizer:
        raise ValidationError(f"{user.username} already organizes this group.")
    if membership is None:
        membership = Membership(group=group, user=user)
    membership.role = Membership.Role.ORGANIZER
    membership.state = Membership.State.ACTIVE
    membership.save()
    _record(moderator, "group_assign_organizer", "group", group, group.name, reason)
    notify(
        recipient=user,
        kind="organizer_assigned",
        message=f"A moderator made you an organizer of {group.name}.",
        url=group.get_absolute_url(),
    )
    return membership


@transaction.atomic
def mark_group_reviewed(*, group: Group, moderator, reason: str = "") -> Group:
    """A moderator read a listed group's edited public text: off the queue."""
    _check_moderator(moderator)
    group = _lock(group)
    if group.needs_review_since is None:
        raise ValidationError("This group has no edits waiting for review.")
    group.needs_review_since = None
    group.save(update_fields=["needs_review_since"])
    _record(moderator, "group_edit_reviewed", "group", group, group.name, reason)
    return group


def public_text_changed(before: Group, after: Group) -> bool:
    return any(
        getattr(before, name) != getattr(after, name) for name in PUBLIC_TEXT_FIELDS
    )


# Access flags ---------------------------------------------------------------------


@transaction.atomic
def dismiss_access_flag(*, flag: AccessFlag, moderator, reason: str = "") -> None:
    """A moderator looked at an account that opened many groups' private details."""
    _check_moderator(moderator)
    flag = AccessFlag.objects.select_for_update().select_related("user").get(pk=flag.pk)
    if flag.reviewed:
        raise ValidationError("This flag was already reviewed.")
    flag.reviewed = True
    flag.save(update_fields=["reviewed"])
    label = f"{flag.user.username}: {flag.group_count} groups on {flag.day}"
    _record(moderator, "access_flag_dismiss", "user", flag.user, label, reason)


# Reports from members ---------------------------------------------------------------


def report_group(
    *, reporter, group: Group, reason: str, details: str = "", subject=None
) -> GroupReport:
    """A member reports a group, or a person leading it, to the moderators; an
    organizer may report one of her members. Nobody reported is told, and the
    reporter's name never leaves the moderators."""
    if reporter is None or not reporter.is_authenticated or not reporter.is_active:
        raise ValidationError("Please sign in first.", code="not_allowed")
    if reason not in GroupReport.Reason.values:
        raise ValidationError("Please choose a reason.", code="reason")
    details = (details or "").strip()
    if len(details) > 2000:
        raise ValidationError("Please keep it under 2,000 characters.", code="details")
    if subject is not None:
        if subject.pk == reporter.pk:
            raise ValidationError("You can't report yourself.", code="self")
        if not _may_report_person(reporter, group, subject):
            raise ValidationError("You can't report this person.", code="subject")
    since = timezone.now() - timedelta(days=1)
    with transaction.atomic():
        sent = GroupReport.objects.filter(reporter=reporter, created_at__gte=since)
        if sent.count() >= REPORTS_PER_DAY:
            raise ValidationError(
                "You have sent many reports today. Please write to the moderators "
                "if it is urgent.",
                code="rate",
            )
        return GroupReport.objects.create(
            reporter=reporter,
            group=group,
            subject=subject,
            reason=reason,
            details=details,
        )


def _may_report_person(reporter, group: Group, subject) -> bool:
    """Anyone may report a group's organizers and facilitators; its organizers
    may report any of its active members too."""
    memberships = Membership.objects.active().filter(group=group)
    target = memberships.filter(user=subject).first()
    if target is None:
        return False
    if target.leads_group:
        return True
    return memberships.organizers().filter(user=reporter).exists()


@transaction.atomic
def resolve_group_report(*, report: GroupReport, moderator, reason: str = "") -> None:
    _check_moderator(moderator)
    report = (
        GroupReport.objects.select_for_update(of=("self",))
        .select_related("group")
        .get(pk=report.pk)
    )
    if report.resolved_at is not None:
        raise ValidationError("This report was already resolved.")
    report.resolved_at = timezone.now()
    report.save(update_fields=["resolved_at"])
    _record(
        moderator, "group_report_resolve", "group", report.group, report.group, reason
    )
    if report.reporter_id is not None:
        notify(
            recipient=report.reporter,
            kind="group_report_handled",
            message="Thanks: a moderator looked at what you reported.",
        )

"""Moderators' actions on people: warn, suspend for some days, ban, lift.

Each takes plain values, checks that the moderator may act on her, changes her
account in one transaction with its accounts.audit entry, and tells her why
(accounts.services.notify). A suspension or a ban signs her out everywhere at
once; sign-in stays refused with the reason (accounts.adapter, and
accounts.backends for sessions that outlive the ending) and posting, joining
and answering meetings check accounts.access.suspension_message. This module is
the one owner of User.suspended_until, is_banned, suspension_reason and
has_pending_warning."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts import audit, services
from accounts.access import format_until, holds_moderation_permission, is_moderator
from accounts.models import User, Warning

MIN_SUSPENSION_DAYS = 1
MAX_SUSPENSION_DAYS = 365
WARNINGS_URL = "/accounts/warnings/"


def _check(*, moderator, user: User, reason: str) -> str:
    """Refuse what a moderator may not do; return the cleaned reason."""
    if not is_moderator(moderator):
        raise ValidationError("Only moderators can do this.", code="not_moderator")
    if moderator.pk == user.pk:
        raise ValidationError(
            "You can't take moderator action on your own account.", code="self"
        )
    if (
        user.is_superuser or holds_moderation_permission(user)
    ) and not moderator.is_superuser:
        raise ValidationError(
            "Another moderator's account can only be acted on by a site owner "
            "(a superuser).",
            code="moderator",
        )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            "Please give a reason: she will read it.", code="no_reason"
        )
    return reason


def _locked(user: User) -> User:
    return User.objects.select_for_update().get(pk=user.pk)


def _record(moderator, action: str, user: User, reason: str) -> None:
    audit.record(
        moderator=moderator,
        action=action,
        target_type="user",
        target_id=user.pk,
        target_label=user.username,
        reason=reason,
    )


def _save_restriction(user: User) -> None:
    user.save(update_fields=["suspended_until", "is_banned", "suspension_reason"])


def warn_user(*, moderator, user: User, reason: str) -> Warning:
    """A warning she sees on every page, with the reason, until she
    acknowledges it."""
    reason = _check(moderator=moderator, user=user, reason=reason)
    with transaction.atomic():
        user = _locked(user)
        warning = Warning.objects.create(user=user, moderator=moderator, reason=reason)
        user.has_pending_warning = True
        user.save(update_fields=["has_pending_warning"])
        _record(moderator, "user_warn", user, reason)
        services.notify(
            recipient=user,
            kind="moderator_warning",
            message=f"A moderator has warned you: {reason}",
            url=WARNINGS_URL,
        )
    return warning


def suspend_user(*, moderator, user: User, reason: str, days: int) -> User:
    """She can't sign in, post, join groups or answer meetings for ``days``
    days (1-365); a suspension ends by itself, or early with lift_suspension."""
    reason = _check(moderator=moderator, user=user, reason=reason)
    if not isinstance(days, int) or not (
        MIN_SUSPENSION_DAYS <= days <= MAX_SUSPENSION_DAYS
    ):
        raise ValidationError(
            f"Suspend for {MIN_SUSPENSION_DAYS} to {MAX_SUSPENSION_DAYS} days.",
            code="days",
        )
    with transaction.atomic():
        user = _locked(user)
        if user.is_banned:
            raise ValidationError(
                "Her account is banned; lift the ban first.", code="banned"
            )
        user.suspended_until = timezone.now() + timedelta(days=days)
        user.suspension_reason = reason
        _save_restriction(user)
        services.end_sessions(user=user)
        _record(moderator, "user_suspend", user, f"{days} days: {reason}")
        services.notify(
            recipient=user,
            kind="account_suspended",
            message=(
                "A moderator suspended your account until "
                f"{format_until(user.suspended_until)}: {reason}"
            ),
            url=WARNINGS_URL,
        )
    return user


def ban_user(*, moderator, user: User, reason: str) -> User:
    """She can't sign in or take part until a moderator lifts the ban."""
    reason = _check(moderator=moderator, user=user, reason=reason)
    with transaction.atomic():
        user = _locked(user)
        user.is_banned = True
        user.suspended_until = None
        user.suspension_reason = reason
        _save_restriction(user)
        services.end_sessions(user=user)
        _record(moderator, "user_ban", user, reason)
        services.notify(
            recipient=user,
            kind="account_banned",
            message=f"A moderator banned your account: {reason}",
            url=WARNINGS_URL,
        )
    return user


def lift_suspension(*, moderator, user: User, reason: str) -> User:
    """End a suspension or a ban early."""
    reason = _check(moderator=moderator, user=user, reason=reason)
    with transaction.atomic():
        user = _locked(user)
        if not user.is_suspended:
            raise ValidationError(
                "Her account isn't suspended or banned.", code="not_suspended"
            )
        user.is_banned = False
        user.suspended_until = None
        user.suspension_reason = ""
        _save_restriction(user)
        _record(moderator, "user_lift", user, reason)
        services.notify(
            recipient=user,
            kind="account_restored",
            message=f"A moderator lifted the suspension of your account: {reason}",
            url=WARNINGS_URL,
        )
    return user


def acknowledge_warnings(*, user: User) -> int:
    """She has read her warnings: the banner goes. Returns how many."""
    with transaction.atomic():
        user = _locked(user)
        count = user.warnings.filter(acknowledged_at__isnull=True).update(
            acknowledged_at=timezone.now()
        )
        user.has_pending_warning = False
        user.save(update_fields=["has_pending_warning"])
    return count

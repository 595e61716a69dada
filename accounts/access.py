"""Site moderators and staff. Moderators see who wrote anonymous comments, review
groups and act on reports, so their accounts must be the hardest to take over:
nobody gets these powers until she signs in with a second step.

A moderator is a staff account that also holds the accounts.moderate_community
permission (`manage.py moderator add <username>` gives both): is_staff alone
opens only the read-only admin. Checking staff first keeps the permission lookup
(two queries) away from everyone else's requests."""

from datetime import timedelta

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from groups_site.lib.text import skeleton

MODERATE = "accounts.moderate_community"


def has_mfa(user) -> bool:
    """Whether she signs in with a second step (an authenticator app). Runs a
    query the first time per user object."""
    if user is None or not user.is_authenticated:
        return False
    if not hasattr(user, "_kindred_has_mfa"):
        user._kindred_has_mfa = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
    return user._kindred_has_mfa


def _is_active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _is_staff(user) -> bool:
    return _is_active(user) and user.is_staff


def holds_moderation_permission(user) -> bool:
    """She was made a moderator (two-step sign-in or not). Runs queries the first
    time per user object, only for staff."""
    if not _is_staff(user):
        return False
    if not hasattr(user, "_kindred_may_moderate"):
        user._kindred_may_moderate = user.has_perm(MODERATE)
    return user._kindred_may_moderate


def is_moderator(user) -> bool:
    """A moderator with two-step sign-in: every moderator power checks this."""
    return holds_moderation_permission(user) and has_mfa(user)


def established_accounts():
    """Accounts whose reports weigh enough to hide a comment until a moderator
    looks: active, older than settings.ESTABLISHED_ACCOUNT_DAYS, with a verified
    e-mail address (so a handful of fresh accounts cannot silence anyone)."""
    joined_before = timezone.now() - timedelta(days=settings.ESTABLISHED_ACCOUNT_DAYS)
    return get_user_model().objects.filter(
        is_active=True,
        date_joined__lte=joined_before,
        emailaddress__verified=True,
    )


def can_use_admin(user) -> bool:
    """The Django admin (read-only views for staff): staff with two-step
    sign-in."""
    return _is_staff(user) and has_mfa(user)


def needs_mfa_setup(user) -> bool:
    """Staff and moderators who must set up two-step sign-in before using their
    powers."""
    return _is_staff(user) and not has_mfa(user)


def format_until(moment) -> str:
    """When a suspension ends, as people read it: "5 December 2026, 14:30 UTC"."""
    local = timezone.localtime(moment)
    return f"{local.day} {local:%B %Y, %H:%M} {local.tzname()}"


def suspension_message(user) -> str:
    """Why she can't post, join groups or answer meetings while her account is
    suspended or banned, or "" when it isn't: the one check the comment rules,
    join_group and rsvp.respond share. No query."""
    if user is None or not user.is_authenticated or not user.is_suspended:
        return ""
    if user.is_banned:
        return "Your account has been banned, so you can't post or take part."
    return (
        "Your account is suspended until "
        f"{format_until(user.suspended_until)}, so you can't post or take part "
        "until then."
    )


# Names the site itself uses for people ("Anonymous member", "[deleted]", "a former
# member") or that claim authority. A display name or username that looks like one
# of them, in any spelling, is refused: it would pass for a real anonymous comment
# or a moderator.
RESERVED_NAME_PARTS = [
    "anonymous",
    "anonmember",
    "deleted",
    "formermember",
    "moderator",
    "moderation",
    "administrator",
    "admin",
    "kindred",
    "staff",
    "official",
    "removedby",
]
RESERVED_NAME_MESSAGE = (
    "That name is kept for the site (it could be mistaken for an anonymous "
    "member, a moderator or the site itself). Please choose another."
)
RESERVED_NAMES = ["mod", "mods", "anon", "system", "support", "team", "siteteam"]


def is_reserved_name(name: str) -> bool:
    """Whether a display name or username looks like a name the site uses or one
    that claims authority, once case, accents, spacing, punctuation and look-alike
    letters are set aside (see groups_site.lib.text.skeleton)."""
    shape = skeleton(name)
    site = skeleton(settings.SITE_NAME)
    parts = [skeleton(part) for part in RESERVED_NAME_PARTS]
    return bool(shape) and (
        any(part in shape for part in [*parts, site])
        or shape in {skeleton(reserved) for reserved in RESERVED_NAMES}
    )

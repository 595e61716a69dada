"""Site-staff powers. Moderators see who wrote anonymous comments, review groups
and act on reports, so their accounts must be the hardest to take over: staff
without two-step sign-in get none of these powers until they set it up."""

from allauth.mfa.models import Authenticator
from django.conf import settings

from groups_site.lib.text import skeleton


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


def _is_staff(user) -> bool:
    return bool(
        user is not None and user.is_authenticated and user.is_active and user.is_staff
    )


def is_moderator(user) -> bool:
    """Site staff with two-step sign-in. Runs a query only for staff."""
    return _is_staff(user) and has_mfa(user)


def needs_mfa_setup(user) -> bool:
    """Staff who must set up two-step sign-in before using their powers."""
    return _is_staff(user) and not has_mfa(user)


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

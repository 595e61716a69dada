from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from accounts import emails
from accounts.models import Block, Notification, User


def find_account(identifier: str) -> User | None:
    """The one account an e-mail address or a username names, or None. Usernames
    can't contain "@", so what she typed is one or the other. Runs a query."""
    from allauth.account.models import EmailAddress

    identifier = (identifier or "").strip()
    if not identifier or "\x00" in identifier:
        return None
    if "@" not in identifier:
        return User.objects.filter(username__iexact=identifier).first()
    address = (
        EmailAddress.objects.filter(email__iexact=identifier)
        .select_related("user")
        .order_by("-verified", "-primary", "pk")
        .first()
    )
    if address is not None:
        return address.user
    return User.objects.filter(email__iexact=identifier).first()


def save_profile(*, form) -> User:
    """Save the profile form and remove a replaced or cleared avatar from storage, so
    an old photo never lingers on disk.

    When her display name or picture changed, the apps further up the chain that
    show them (the discussion's cached pages) refresh through
    ACCOUNT_PROFILE_CHANGED_STEPS: dotted paths to functions ``f(user)``."""
    user = form.instance
    old_name, old_avatar_name = User.objects.values_list("display_name", "avatar").get(
        pk=user.pk
    )
    user = form.save()
    if old_avatar_name and old_avatar_name != user.avatar.name:
        storage = user.avatar.storage
        transaction.on_commit(lambda: storage.delete(old_avatar_name))
    shown_before = (old_name, old_avatar_name or "")
    if shown_before != (user.display_name, user.avatar.name or ""):
        for path in settings.ACCOUNT_PROFILE_CHANGED_STEPS:
            import_string(path)(user)
    return user


def export_data(*, user: User) -> dict:
    """Everything Kindred stores about her, as plain JSON-serialisable data.

    Apps further up the chain add their sections through ACCOUNT_EXPORT_SECTIONS:
    dotted paths to functions ``f(user) -> (section_name, data)``."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.usersessions.models import UserSession

    data = {
        "exported_at": timezone.now().isoformat(),
        "site": settings.SITE_NAME,
        "account": {
            "username": user.username,
            "display_name": user.display_name,
            "bio": user.bio,
            "avatar": user.avatar.url if user.avatar else None,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "guidelines_accepted_at": (
                user.guidelines_accepted_at.isoformat()
                if user.guidelines_accepted_at
                else None
            ),
        },
        "settings": {
            "email_notifications": user.email_notifications,
            "mention_notifications": user.mention_notifications,
            "discreet_emails": user.discreet_emails,
            "email_replies": user.email_replies,
            "email_membership": user.email_membership,
            "email_meetings": user.email_meetings,
        },
        # What moderators told her; never which moderator.
        "moderation": {
            "warnings": [
                {
                    "reason": w.reason,
                    "created_at": w.created_at.isoformat(),
                    "acknowledged_at": (
                        w.acknowledged_at.isoformat() if w.acknowledged_at else None
                    ),
                }
                for w in user.warnings.order_by("created_at")
            ],
            "is_banned": user.is_banned,
            "suspended_until": (
                user.suspended_until.isoformat() if user.suspended_until else None
            ),
            "suspension_reason": user.suspension_reason,
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "two_factor_methods": [
            {"type": a.type, "created_at": a.created_at.isoformat()}
            for a in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
        "sessions": [
            {
                "ip": s.ip,
                "user_agent": s.user_agent,
                "created_at": s.created_at.isoformat(),
                "last_seen_at": s.last_seen_at.isoformat() if s.last_seen_at else None,
            }
            for s in UserSession.objects.filter(user=user).order_by("created_at")
        ],
    }
    data["notifications"] = [
        {
            "message": n.text,
            "url": n.url,
            "created_at": n.created_at.isoformat(),
            "read": not n.is_unread,
        }
        for n in user.notifications.select_related("actor").order_by("created_at")
    ]
    for path in settings.ACCOUNT_EXPORT_SECTIONS:
        name, section = import_string(path)(user)
        data[name] = section
    return data


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Delete her account and personal data, all or nothing.

    Apps further up the chain register what they must do first (remove memberships
    and RSVPs, turn comments into "[deleted]") in ACCOUNT_DELETION_STEPS: dotted
    paths to functions ``f(user)`` that run inside this transaction."""
    from allauth.account.models import EmailAddress

    for path in settings.ACCOUNT_DELETION_STEPS:
        import_string(path)(user)

    end_sessions(user=user)
    EmailAddress.objects.filter(user=user).delete()
    avatar_name = user.avatar.name if user.avatar else ""
    storage = user.avatar.storage
    user.delete()
    if avatar_name:
        transaction.on_commit(lambda: storage.delete(avatar_name))


def end_sessions(*, user: User) -> None:
    """Sign her out everywhere at once (account deletion, a suspension or a ban):
    allauth's session rows point at each of her Django sessions and end them."""
    from allauth.usersessions.models import UserSession

    for user_session in UserSession.objects.filter(user=user):
        user_session.end()


def notify(
    *,
    recipient: User,
    kind: str,
    message: str,
    url: str = "",
    actor: User | None = None,
    is_new: bool = False,
) -> Notification:
    """Tell her something in-site, and by e-mail if she wants it for this kind
    (accounts.emails.queue_email: a background task sends it once the
    notification is committed). This is the one place notifications are made.

    A notification about what someone did names her as ``actor`` and its message
    starts with Notification.ACTOR_PLACEHOLDER ("{actor} joined ..."), filled in
    with her current name when read. Leave ``actor`` out when nothing may link
    the notification to a person (an anonymous comment).

    The same news from the same person, still unread, is refreshed (back to the
    top) instead of repeated: asking, withdrawing and asking again twenty times
    leaves one notification, not twenty. ``is_new``: the caller knows no earlier
    notification can match (its ``url`` was just made: a new comment's
    permalink), so none is looked for."""
    placeholder = Notification.ACTOR_PLACEHOLDER
    if actor is not None and not message.startswith(placeholder):
        raise ValueError(f"A message with an actor starts with {placeholder}.")
    message = message[:300]
    if actor is not None and not is_new:
        earlier = (
            Notification.objects.unread()
            .filter(recipient=recipient, kind=kind, actor=actor, url=url)
            .first()
        )
        if earlier is not None:
            earlier.message = message
            earlier.created_at = timezone.now()
            earlier.save(update_fields=["message", "created_at"])
            return earlier
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        actor=actor,
        has_actor=actor is not None,
        message=message,
        url=url,
    )
    emails.queue_email(notification)
    _forget_unread_count(recipient.pk)
    return notification


def unread_notification_count(user: User) -> int:
    """How many notifications she has not read, for the header on every page:
    cached per user, so a page view costs no query once it is known. notify()
    and marking read are the only changes, and both forget it."""
    key = _unread_count_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = user.notifications.unread().count()
        cache.set(key, count, timeout=UNREAD_COUNT_TIMEOUT)
    return count


def mark_notifications_read(*, user: User) -> int:
    count = user.notifications.unread().update(read_at=timezone.now())
    _forget_unread_count(user.pk)
    return count


def mark_notification_read(*, user: User, notification_id: int) -> Notification | None:
    """Mark one of her notifications read; None when she has no such one."""
    notification = user.notifications.filter(pk=notification_id).first()
    if notification is not None and notification.is_unread:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        _forget_unread_count(user.pk)
    return notification


UNREAD_COUNT_TIMEOUT = 60 * 60


def _unread_count_key(user_id: int) -> str:
    return f"accounts:unread-notifications:{user_id}"


def _forget_unread_count(user_id: int) -> None:
    # Now, and again once committed: a page rendered meanwhile may have cached
    # the count from before this transaction.
    key = _unread_count_key(user_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def block_user(
    *, blocker: User, blocked: User, via_anonymous_comment: bool = False
) -> Block:
    """She blocks someone: their named comments collapse for her and no longer
    notify her (articles.comments.mentions: anonymous comments never change
    with a block, which would tell who wrote them). They are never told.
    Blocking twice is fine.

    ``via_anonymous_comment``: she hid an anonymous comment's author (see
    Block): only their anonymous comments fold away for her."""
    if blocker.pk == blocked.pk:
        raise ValidationError("You can't block yourself.", code="self")
    block, _ = Block.objects.get_or_create(
        blocker=blocker, blocked=blocked, via_anonymous_comment=via_anonymous_comment
    )
    _forget_blocked_ids(blocker.pk)
    return block


def unblock_user(*, blocker: User, blocked: User) -> None:
    """Undo her named block (a block made from an anonymous comment stays)."""
    Block.objects.filter(
        blocker=blocker, blocked=blocked, via_anonymous_comment=False
    ).delete()
    _forget_blocked_ids(blocker.pk)


def remove_block(*, blocker: User, block_id: int) -> bool:
    """Undo one of her blocks by its id (her block list); False when she has no
    such block."""
    deleted, _ = Block.objects.filter(blocker=blocker, pk=block_id).delete()
    _forget_blocked_ids(blocker.pk)
    return bool(deleted)


def has_blocked(blocker: User | int | None, blocked: User | int | None) -> bool:
    """Whether ``blocker`` has blocked ``blocked`` by name (users or their ids;
    signed-out visitors and missing users never block or are blocked). A block
    made from an anonymous comment does not count: it never changes what the
    blocked person can do. Runs a query."""
    blocker_id = _user_id(blocker)
    blocked_id = _user_id(blocked)
    if blocker_id is None or blocked_id is None:
        return False
    return (
        Block.objects.named()
        .filter(blocker_id=blocker_id, blocked_id=blocked_id)
        .exists()
    )


def has_hidden_anonymous(blocker: User | int | None, blocked: User | int | None):
    """Whether ``blocker`` hid the anonymous comments of ``blocked`` (a block
    made from an anonymous comment). Runs a query."""
    blocker_id = _user_id(blocker)
    blocked_id = _user_id(blocked)
    if blocker_id is None or blocked_id is None:
        return False
    return Block.objects.filter(
        blocker_id=blocker_id, blocked_id=blocked_id, via_anonymous_comment=True
    ).exists()


def blocked_user_ids(user) -> set[int]:
    """The ids of everyone she has blocked by name (empty for signed-out
    visitors)."""
    return blocked_ids(user)[0]


def blocked_ids(user) -> tuple[set[int], set[int]]:
    """The ids of the people she blocked by name, and of those whose anonymous
    comments she hid. Cached per user (every page of a discussion asks), so no
    query once known; block_user, unblock_user and remove_block forget it. One
    query otherwise (none for signed-out visitors)."""
    named, anonymous = set(), set()
    if user is None or not user.is_authenticated:
        return named, anonymous
    key = _blocked_ids_key(user.pk)
    cached = cache.get(key)
    if cached is not None:
        return set(cached[0]), set(cached[1])
    blocks = Block.objects.filter(blocker=user)
    for blocked_id, via_anonymous in blocks.values_list(
        "blocked_id", "via_anonymous_comment"
    ):
        (anonymous if via_anonymous else named).add(blocked_id)
    cache.set(key, (sorted(named), sorted(anonymous)), timeout=BLOCKED_IDS_TIMEOUT)
    return named, anonymous


BLOCKED_IDS_TIMEOUT = 60 * 60


def _blocked_ids_key(user_id: int) -> str:
    return f"accounts:blocked-ids:{user_id}"


def _forget_blocked_ids(user_id: int) -> None:
    # Now, and again once committed, as _forget_unread_count does.
    key = _blocked_ids_key(user_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def _user_id(user) -> int | None:
    if user is None or isinstance(user, int):
        return user
    return user.pk if user.is_authenticated else None

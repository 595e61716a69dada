"""Posting and changing comments: the rules of the discussion. Views call these;
they raise django.core.exceptions.ValidationError (with a message fit to show her)
when something is not allowed.

Counters: a comment's reply_count and descendant_count count the comments that take
a place in the tree for readers (visible ones and "[deleted]" placeholders; see
CommentQuerySet.shown). Held and hidden comments are not counted, and the comments
above a hidden one do not count what hangs under it either; its own counters go on
counting its replies, for when it is restored.

Locking: every write that touches a thread's counters first locks the line of
comments from the thread root down to the one it changes, in ascending id order
(a parent always has a smaller id than its replies), so two writers in the same
thread wait for each other instead of deadlocking."""

import hashlib
import logging
import re
import time
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Case, Exists, F, OuterRef, Value, When
from django.db.models.functions import Greatest, Lower
from django.utils import timezone

from accounts import services as account_services
from accounts.access import is_moderator
from accounts.models import Block, Notification, User
from articles import threads
from articles.models import Comment, CommentHelpful, CommentReport, CommentRevision
from articles.models.comment import path_segment
from groups_site.lib.text import MENTION_RE, render_comment

logger = logging.getLogger(__name__)

MAX_LENGTH = 5000
NOTE_MAX_LENGTH = 1000
DELETED_TEXT = "[deleted]"
# Every refusal of a reply to a comment she may not answer, whatever the reason:
# she is never told that someone blocked her.
NOT_REPLIABLE = "This comment can't be replied to."
ANONYMOUS_NAME = "Anonymous member"
# The path column (700 characters) holds 63 segments of 11.
MAX_DEPTH = Comment._meta.get_field("path").max_length // len(path_segment(0)) - 1
# At most this many distinct @usernames are looked up and notified per comment.
MAX_MENTIONS = 20
DOUBLE_SUBMIT_SECONDS = 10
SUBMISSION_KEY_SECONDS = 60 * 60
# A second copy of a submission waits this long for the first one to finish.
DOUBLE_SUBMIT_WAIT_SECONDS = 5
DEFAULT_RATE_LIMITS = {
    "account": {"minute": 5, "day": 50},
    # Accounts younger than NEW_ACCOUNT_AGE.
    "new_account": {"minute": 2, "day": 10},
}
NEW_ACCOUNT_AGE = timedelta(days=1)
HONEYPOT_FIELD = "website"
NOTIFICATION_KINDS = ("comment_reply", "comment_mention")

_SHOWN = (Comment.Status.VISIBLE, Comment.Status.DELETED)
_PENDING = "pending"
# Control characters other than tab and newline (PostgreSQL refuses NUL outright),
# and the bidirectional overrides and isolates that make text read differently
# from what it is ("\u202egnp.exe").
_CONTROL_CHARACTERS = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]"
)


# Who may post -----------------------------------------------------------------


def _discussion_changed(article_id) -> None:
    """Signed-out readers get the discussion from a cache; every change to it
    refreshes that cache once the change is committed."""
    transaction.on_commit(lambda: threads.bump_discussion_version(article_id))


def posting_problem(*, user, article) -> str:
    """Why she cannot post on this article now, or "" when she can. Runs a query
    (her verified e-mail address)."""
    if user is None or not user.is_authenticated:
        return "Please sign in to join the discussion."
    if not user.is_active:
        return "Your account can't post comments."
    if not article.is_public:
        return "This article isn't open for discussion."
    if not article.comments_open:
        return "Comments are closed on this article."
    if user.guidelines_accepted_at is None:
        return "Please read and accept the community guidelines before you post."
    if not EmailAddress.objects.filter(user=user, verified=True).exists():
        return "Please confirm your e-mail address before you post."
    return ""


def is_honeypot_filled(data, field: str = HONEYPOT_FIELD) -> bool:
    """True when the hidden field people never see (but form-filling bots do) has
    something in it."""
    return bool(str(data.get(field, "") or "").strip())


def can_edit_comment(*, comment: Comment, user) -> bool:
    """Whether to offer her the edit link (edit_comment checks again)."""
    return (
        user is not None
        and user.is_authenticated
        and comment.author_id == user.pk
        and comment.status in (Comment.Status.VISIBLE, Comment.Status.HELD)
        and timezone.now() <= edit_deadline(comment)
    )


def can_delete_comment(*, comment: Comment, user) -> bool:
    return (
        user is not None
        and user.is_authenticated
        and comment.author_id == user.pk
        and not comment.is_deleted
    )


def edit_deadline(comment: Comment):
    return comment.created_at + timedelta(minutes=settings.COMMENT_EDIT_WINDOW_MINUTES)


def clean_body(body: str) -> str:
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n")
    body = _CONTROL_CHARACTERS.sub("", body).strip()
    if not body:
        raise ValidationError("Please write your comment first.", code="empty")
    if len(body) > MAX_LENGTH:
        raise ValidationError(
            f"A comment can be at most {MAX_LENGTH:,} characters; "
            f"this one has {len(body):,}.",
            code="too_long",
        )
    return body


# Posting ----------------------------------------------------------------------


def post_comment(
    *,
    article,
    author,
    body: str,
    parent: Comment | None = None,
    is_anonymous: bool = False,
    submission_key: str = "",
) -> Comment:
    """Post a comment or a reply: one INSERT (its id comes first from the sequence,
    so its path is known up front) plus one UPDATE of the counters above it.

    A double submit (the same text again within seconds, or the same
    submission_key) returns the comment already posted."""
    problem = posting_problem(user=author, article=article)
    if problem:
        raise ValidationError(problem, code="not_allowed")
    body = clean_body(body)
    parent_blocked = False
    if parent is not None:
        parent_blocked = _check_reply(parent=parent, article=article, author=author)

    keys = _submission_keys(author, article, parent, body, submission_key)
    earlier = _claim_submission(keys)
    if earlier is not None:
        comment = _earlier_submission(earlier, keys, author, article, parent, body)
        if comment is not None:
            return comment
    try:
        _count_towards_rate_limit(author)
        with transaction.atomic():
            comment = _insert_comment(
                article=article,
                author=author,
                body=body,
                parent=parent,
                is_anonymous=is_anonymous,
                parent_blocked=parent_blocked,
            )
            _discussion_changed(article.pk)
    except BaseException:
        for key, _ in keys:
            cache.delete(key)
        raise
    for key, timeout in keys:
        cache.set(key, comment.pk, timeout)
    return comment


def _not_repliable() -> ValidationError:
    return ValidationError(NOT_REPLIABLE, code="not_visible")


def _check_reply(*, parent: Comment, article, author) -> bool:
    """Refuse a reply that may not be posted. Returns whether the parent's author
    blocked her (one query).

    A block shows on NAMED comments only, as the refusal any comment that can't
    be replied to gets (same message, same code). On an anonymous comment her
    reply is accepted as anyone's: refusing it would let her list the anonymous
    comments of whoever blocked her. The reply then simply never reaches the
    one who blocked her (no notification; folded away like all her comments)."""
    if parent.article_id != article.pk:
        raise ValidationError(
            "You can only reply to comments on this article.", code="wrong_article"
        )
    if not parent.is_visible:
        raise _not_repliable()
    if parent.depth >= MAX_DEPTH:
        raise ValidationError(
            "This thread can't go any deeper. Please reply to an earlier comment.",
            code="too_deep",
        )
    blocked = account_services.has_blocked(parent.author_id, author)
    if blocked and not parent.is_anonymous:
        raise _not_repliable()
    return blocked


def _insert_comment(
    *, article, author, body, parent, is_anonymous, parent_blocked=False
) -> Comment:
    line = {}
    if parent is not None:
        line = _lock_line(parent.path, no_key=True, with_authors=True)
        parent = line.get(parent.pk)
        if parent is None or not parent.is_visible:
            raise _not_repliable()
    mentioned = _mentioned_users(body, author=author)
    status = Comment.Status.HELD if _must_hold(author) else Comment.Status.VISIBLE
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence('articles_comment', 'id'))"
        )
        (comment_id,) = cursor.fetchone()
    comment = Comment.objects.create(
        id=comment_id,
        article=article,
        author=author,
        parent=parent,
        **Comment.tree_position(comment_id, parent),
        body=body,
        body_html=_render(body, mentioned),
        is_anonymous=is_anonymous,
        status=status,
    )
    if status == Comment.Status.VISIBLE:
        _shift_counters(comment, descendants=1, replies=1, line=line)
        _send_notifications(
            comment, parent=parent, mentioned=mentioned, parent_blocked=parent_blocked
        )
    return comment


def _must_hold(author) -> bool:
    """Hold her comments for review until a moderator let one through."""
    if not getattr(settings, "COMMENT_HOLD_NEW_ACCOUNTS", False) or author.is_staff:
        return False
    return not Comment.objects.filter(
        author=author, status=Comment.Status.VISIBLE
    ).exists()


def approve_held_comment(comment: Comment, moderator) -> Comment:
    """A moderator lets a held comment through: it takes its place in the thread
    and the replies and mentions it carries are notified now."""
    if not is_moderator(moderator):
        raise ValidationError("Only moderators can approve comments.", code="denied")
    with transaction.atomic():
        line = _lock_line(comment.path, no_key=True, with_authors=True)
        current = line.get(comment.pk)
        if current is None or current.status != Comment.Status.HELD:
            raise ValidationError(
                "This comment isn't waiting for review.", code="not_held"
            )
        current.status = Comment.Status.VISIBLE
        current.save(update_fields=["status"])
        _discussion_changed(current.article_id)
        _shift_counters(
            current, descendants=1 + current.descendant_count, replies=1, line=line
        )
        if current.author is not None:
            _send_notifications(
                current,
                parent=line.get(current.parent_id),
                mentioned=_mentioned_users(current.body, author=current.author),
                already_notified=_notified_recipient_ids(current),
            )
    comment.status = current.status
    return current


def hide_comment(*, comment: Comment, moderator, reason: str = "") -> Comment:
    """A moderator hides a comment (visible, or held for review): it leaves the
    thread, with the replies under it, for everyone but staff and its author.
    Its own counters keep counting those replies, for when it is restored."""
    if not is_moderator(moderator):
        raise ValidationError("Only moderators can hide comments.", code="denied")
    with transaction.atomic():
        current, line = _lock_for_moderation(comment)
        if current.status == Comment.Status.HIDDEN:
            raise ValidationError("This comment is already hidden.", code="hidden")
        if current.status not in (Comment.Status.VISIBLE, Comment.Status.HELD):
            raise ValidationError("This comment can't be hidden.", code="not_hideable")
        was_counted = current.is_visible
        current.status = Comment.Status.HIDDEN
        current.save(update_fields=["status"])
        if was_counted:
            _shift_counters(
                current,
                descendants=-(1 + current.descendant_count),
                replies=-1,
                line=line,
            )
        _discussion_changed(current.article_id)
    _log_moderation("hid", current, moderator, reason)
    comment.status = current.status
    return current


def restore_comment(*, comment: Comment, moderator, reason: str = "") -> Comment:
    """A moderator puts a hidden comment back, with the replies under it. Nobody
    is notified again."""
    if not is_moderator(moderator):
        raise ValidationError("Only moderators can restore comments.", code="denied")
    with transaction.atomic():
        current, line = _lock_for_moderation(comment)
        if current.status != Comment.Status.HIDDEN:
            raise ValidationError("This comment isn't hidden.", code="not_hidden")
        current.status = Comment.Status.VISIBLE
        current.save(update_fields=["status"])
        _shift_counters(
            current,
            descendants=1 + current.descendant_count,
            replies=1,
            line=line,
        )
        _discussion_changed(current.article_id)
    _log_moderation("restored", current, moderator, reason)
    comment.status = current.status
    return current


def _lock_for_moderation(comment: Comment) -> tuple[Comment, dict]:
    """The comment, fresh, and the locked line from its thread root down to it."""
    line = _lock_line(comment.path, no_key=True)
    current = line.get(comment.pk)
    if current is None:
        raise ValidationError("This comment is no longer there.", code="gone")
    return current, line


def _log_moderation(action: str, comment: Comment, moderator, reason: str) -> None:
    # Until the moderation app keeps its append-only audit log.
    logger.info(
        "Moderator %s %s comment %s. Reason: %s",
        moderator.pk,
        action,
        comment.pk,
        reason or "none given",
    )


# Double submits and rate limits -------------------------------------------------


def _submission_keys(author, article, parent, body, submission_key):
    content = f"{article.pk}:{parent.pk if parent else ''}:{body}"
    digest = hashlib.sha256(content.encode()).hexdigest()
    keys = [(f"comments:same:{author.pk}:{digest}", DOUBLE_SUBMIT_SECONDS)]
    if submission_key:
        digest = hashlib.sha256(submission_key.encode()).hexdigest()
        keys.append((f"comments:key:{author.pk}:{digest}", SUBMISSION_KEY_SECONDS))
    return keys


def _claim_submission(keys):
    """Claim this submission's keys (cache.add is atomic). Returns None when it is
    new, or what the cache holds for the earlier copy: its comment id, or _PENDING
    while that copy is still being posted."""
    claimed = []
    for key, timeout in keys:
        if cache.add(key, _PENDING, timeout):
            claimed.append(key)
            continue
        for claimed_key in claimed:
            cache.delete(claimed_key)
        return cache.get(key, _PENDING)
    return None


def _earlier_submission(earlier, keys, author, article, parent, body):
    """The comment an earlier copy of this submission posted, waiting a little if
    it is still on its way. None when there is none (it failed, was deleted or
    rolled back): then this copy takes the keys over and posts."""
    deadline = time.monotonic() + DOUBLE_SUBMIT_WAIT_SECONDS
    while earlier == _PENDING and time.monotonic() < deadline:
        time.sleep(0.05)
        earlier = _earlier_value(keys)
    comment = None
    if earlier == _PENDING:
        comment = (
            Comment.objects.filter(
                author=author,
                article=article,
                parent=parent,
                body=body,
                created_at__gte=timezone.now()
                - timedelta(seconds=DOUBLE_SUBMIT_SECONDS),
            )
            .order_by("-pk")
            .first()
        )
        if comment is None:
            raise ValidationError(
                "Your comment is already on its way. Please reload the page.",
                code="duplicate",
            )
    elif earlier is not None:
        comment = Comment.objects.filter(pk=earlier, author=author).first()
    if comment is None:
        for key, timeout in keys:
            cache.set(key, _PENDING, timeout)
    return comment


def _earlier_value(keys):
    values = [cache.get(key) for key, _ in keys]
    for value in values:
        if value is not None and value != _PENDING:
            return value
    return _PENDING if _PENDING in values else None


def _rate_limits(author) -> dict:
    limits = {**DEFAULT_RATE_LIMITS, **getattr(settings, "COMMENT_RATE_LIMITS", {})}
    is_new = author.date_joined > timezone.now() - NEW_ACCOUNT_AGE
    return limits["new_account" if is_new else "account"]


def _count_towards_rate_limit(author) -> None:
    """Fixed one-minute and one-day windows counted in the cache (atomic incr)."""
    limits = _rate_limits(author)
    now = int(time.time())
    windows = [
        (
            "minute",
            60,
            "You're posting very quickly. Please wait a minute and try again.",
        ),
        (
            "day",
            24 * 60 * 60,
            "You've posted a lot of comments today. Please come back tomorrow.",
        ),
    ]
    for name, seconds, message in windows:
        key = f"comments:rate:{author.pk}:{name}:{now // seconds}"
        cache.add(key, 0, seconds + 60)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, seconds + 60)
            count = 1
        if count > limits[name]:
            raise ValidationError(message, code="rate_limited")


# Mentions and notifications -----------------------------------------------------


def _mentioned_names(body: str) -> list[str]:
    names = dict.fromkeys(match.group(1).lower() for match in MENTION_RE.finditer(body))
    return list(names)[:MAX_MENTIONS]


def _mentioned_users(body: str, *, author) -> list[User]:
    """Active users @mentioned in the text, each annotated with whether she has
    blocked the author. One query (none when there is no @)."""
    names = _mentioned_names(body)
    if not names:
        return []
    return list(
        User.objects.annotate(lower_username=Lower("username"))
        .filter(lower_username__in=names, is_active=True)
        .annotate(
            has_blocked_author=Exists(
                Block.objects.filter(blocker=OuterRef("pk"), blocked=author)
            )
        )
        .order_by("username")
    )


def _render(body: str, mentioned: list[User]) -> str:
    links = {user.username.lower(): user.get_absolute_url() for user in mentioned}
    return render_comment(body, links)


def _notified_recipient_ids(comment: Comment) -> set[int]:
    return set(
        Notification.objects.filter(
            url=comment.get_absolute_url(), kind__in=NOTIFICATION_KINDS
        ).values_list("recipient_id", flat=True)
    )


def _send_notifications(
    comment, *, parent, mentioned, already_notified=(), parent_blocked=None
) -> None:
    """A reply tells the parent's author; a mention tells the one mentioned. Never
    twice for one comment, never to the author herself, and never naming an
    anonymous author.

    Never to someone who blocked her, for her named comments. Her anonymous
    comments notify as anyone's do: a notification missing for one anonymous
    comment would tell the one who blocked her who wrote it (and an abuser could
    block a survivor just to find her anonymous replies out)."""
    author = comment.author
    # An anonymous comment's notification names no one and stores no actor, so
    # nothing links it to her; otherwise her name is filled in when it is read.
    actor = None if comment.is_anonymous else author
    name = ANONYMOUS_NAME if comment.is_anonymous else Notification.ACTOR_PLACEHOLDER
    title = comment.article.title
    url = comment.get_absolute_url()
    notified = {author.pk, *already_notified}
    heeds_blocks = not comment.is_anonymous
    if parent is not None and parent.author_id is not None:
        if parent_blocked is None:
            parent_blocked = heeds_blocks and account_services.has_blocked(
                parent.author_id, author
            )
        if parent.author_id not in notified and not (heeds_blocks and parent_blocked):
            account_services.notify(
                recipient=parent.author,
                kind="comment_reply",
                message=f"{name} replied to your comment on “{title}”",
                url=url,
                actor=actor,
            )
        notified.add(parent.author_id)
    for user in mentioned:
        if (
            user.pk in notified
            or not user.mention_notifications
            or (heeds_blocks and user.has_blocked_author)
        ):
            continue
        account_services.notify(
            recipient=user,
            kind="comment_mention",
            message=f"{name} mentioned you in a comment on “{title}”",
            url=url,
            actor=actor,
        )
        notified.add(user.pk)


# Editing and deleting -----------------------------------------------------------


def edit_comment(*, comment: Comment, user, body: str) -> Comment:
    """Change her own comment within the edit window. The earlier text is kept as
    a CommentRevision for moderators; people mentioned for the first time are
    notified."""
    if user is None or not user.is_authenticated or comment.author_id != user.pk:
        raise ValidationError("You can only edit your own comments.", code="not_yours")
    body = clean_body(body)
    with transaction.atomic():
        current = (
            Comment.objects.select_for_update(no_key=True, of=("self",))
            .select_related("article", "author")
            .get(pk=comment.pk)
        )
        if current.author_id != user.pk:
            raise ValidationError(
                "You can only edit your own comments.", code="not_yours"
            )
        if current.status not in (Comment.Status.VISIBLE, Comment.Status.HELD):
            raise ValidationError(
                "This comment can't be edited any more.", code="not_editable"
            )
        if timezone.now() > edit_deadline(current):
            minutes = settings.COMMENT_EDIT_WINDOW_MINUTES
            raise ValidationError(
                f"Comments can be edited for {minutes} minutes after posting; "
                "this one can't be changed any more.",
                code="too_late",
            )
        if body != current.body:
            old_names = set(_mentioned_names(current.body))
            mentioned = _mentioned_users(body, author=current.author)
            CommentRevision.objects.create(comment=current, body=current.body)
            current.body = body
            current.body_html = _render(body, mentioned)
            current.edited_at = timezone.now()
            current.save(update_fields=["body", "body_html", "edited_at"])
            _discussion_changed(current.article_id)
            new_mentions = [u for u in mentioned if u.username.lower() not in old_names]
            if current.is_visible and new_mentions:
                _send_notifications(
                    current,
                    parent=None,
                    mentioned=new_mentions,
                    already_notified=_notified_recipient_ids(current)
                    | _parent_author_ids(current),
                )
    comment.body, comment.body_html = current.body, current.body_html
    comment.edited_at = current.edited_at
    return current


def _parent_author_ids(comment: Comment) -> set[int]:
    if comment.parent_id is None:
        return set()
    return set(
        Comment.objects.filter(pk=comment.parent_id, author__isnull=False).values_list(
            "author_id", flat=True
        )
    )


def delete_comment(*, comment: Comment, user) -> None:
    """Delete her own comment. With replies under it, it becomes a "[deleted]"
    placeholder that keeps the thread together; without, it is removed, and so is
    a placeholder above it that is left with nothing under it."""
    if user is None or not user.is_authenticated or comment.author_id != user.pk:
        raise ValidationError(
            "You can only delete your own comments.", code="not_yours"
        )
    with transaction.atomic():
        line = _lock_line(comment.path)
        current = line.get(comment.pk)
        if current is None:
            return  # already gone
        if current.author_id != user.pk:
            raise ValidationError(
                "You can only delete your own comments.", code="not_yours"
            )
        _forget(current, line)
        _discussion_changed(current.article_id)


def _forget(comment: Comment, line: dict) -> None:
    """Turn a comment into an authorless placeholder when shown comments hang
    under it, or remove it (then cascade up through emptied placeholders).
    ``line`` holds the locked comments from the root down to it."""
    if comment.descendant_count > 0:
        was_counted = comment.status in _SHOWN
        comment.status = Comment.Status.DELETED
        comment.author = None
        comment.body = DELETED_TEXT
        comment.body_html = f"<p>{DELETED_TEXT}</p>"
        comment.is_anonymous = False
        comment.edited_at = None
        comment.helpful_count = 0
        comment.save(
            update_fields=[
                "status",
                "author",
                "body",
                "body_html",
                "is_anonymous",
                "edited_at",
                "helpful_count",
            ]
        )
        comment.revisions.all().delete()
        comment.helpful_marks.all().delete()
        if not was_counted:
            _shift_counters(comment, descendants=1, replies=1, line=line)
        return
    while comment is not None:
        # Held or hidden replies under it (not counted) go with it.
        counted = 1 if comment.status in _SHOWN else 0
        line.pop(comment.pk, None)
        comment.delete()
        _shift_counters(
            comment,
            descendants=-(counted + comment.descendant_count),
            replies=-counted,
            line=line,
        )
        parent = line.get(comment.parent_id)
        if parent is not None and parent.is_deleted and parent.descendant_count == 0:
            comment = parent
        else:
            comment = None


# Counters ---------------------------------------------------------------------


def _path_ids(path: str) -> list[int]:
    return [int(segment) for segment in path.split("/") if segment]


def _lock_line(path: str, *, no_key: bool = False, with_authors: bool = False):
    """Lock the comments on a path (root to leaf) in ascending id order and return
    them by id, fresh from the database."""
    queryset = (
        Comment.objects.filter(pk__in=_path_ids(path))
        .order_by("pk")
        .select_for_update(no_key=no_key, of=("self",))
    )
    if with_authors:
        queryset = queryset.select_related("author")
    return {comment.pk: comment for comment in queryset}


def _counting_ancestor_ids(comment, line) -> list[int]:
    """The ancestors whose counters include the comment: from its parent up to
    the first one that is not shown (hidden or held), included: that one counts
    what hangs under it (for when it comes back), the ones above it do not.
    Without the locked ``line``, all of them."""
    ancestor_ids = _path_ids(comment.path)[:-1]
    if not line:
        return ancestor_ids
    counting = []
    for ancestor_id in reversed(ancestor_ids):
        counting.append(ancestor_id)
        ancestor = line.get(ancestor_id)
        if ancestor is not None and ancestor.status not in _SHOWN:
            break
    return counting


def _shift_counters(comment, *, descendants: int, replies: int, line=None) -> None:
    """Add to the descendant_count of the ancestors counting the comment and to
    its parent's reply_count: one UPDATE. Keeps the locked ``line`` in step."""
    ancestor_ids = _counting_ancestor_ids(comment, line)
    if not ancestor_ids or (descendants == 0 and replies == 0):
        return
    Comment.objects.filter(pk__in=ancestor_ids).update(
        descendant_count=_added("descendant_count", descendants),
        reply_count=Case(
            When(pk=comment.parent_id, then=_added("reply_count", replies)),
            default=F("reply_count"),
            output_field=models.PositiveIntegerField(),
        ),
    )
    for ancestor_id in ancestor_ids:
        ancestor = (line or {}).get(ancestor_id)
        if ancestor is not None:
            ancestor.descendant_count = max(0, ancestor.descendant_count + descendants)
            if ancestor_id == comment.parent_id:
                ancestor.reply_count = max(0, ancestor.reply_count + replies)


def _added(counter: str, delta: int):
    """counter + delta in SQL, never below zero."""
    if delta >= 0:
        return F(counter) + delta
    return Greatest(
        F(counter) + delta, Value(0), output_field=models.PositiveIntegerField()
    )


# Helpful marks and reports ----------------------------------------------------


def toggle_helpful(*, comment: Comment, user, mark: bool | None = None) -> bool:
    """Mark the comment helpful for her, or take her mark back. Returns whether
    it is marked now. ``mark`` asks for one state (True/False) instead of a
    toggle, so a repeated request does not undo itself."""
    if user is None or not user.is_authenticated or not user.is_active:
        raise ValidationError("Please sign in first.", code="not_allowed")
    if comment.author_id == user.pk:
        raise ValidationError(
            "You can't mark your own comment as helpful.", code="own_comment"
        )
    if not comment.is_visible:
        raise ValidationError(
            "This comment can't be marked helpful.", code="not_visible"
        )
    comments = Comment.objects.filter(pk=comment.pk)
    with transaction.atomic():
        if mark is not False:
            try:
                # The unique constraint decides between racing requests.
                with transaction.atomic():
                    CommentHelpful.objects.create(comment=comment, user=user)
            except IntegrityError:
                if mark is True:
                    return True
            else:
                comments.update(helpful_count=F("helpful_count") + 1)
                _discussion_changed(comment.article_id)
                return True
        deleted, _ = CommentHelpful.objects.filter(comment=comment, user=user).delete()
        if deleted:
            comments.update(helpful_count=_added("helpful_count", -1))
            _discussion_changed(comment.article_id)
        return False


def report_comment(
    *, comment: Comment, reporter, reason: str, note: str = ""
) -> CommentReport:
    """Report a comment to the moderators. A second report by the same person
    updates the first. The reported person is never told."""
    if reporter is None or not reporter.is_authenticated or not reporter.is_active:
        raise ValidationError("Please sign in first.", code="not_allowed")
    if comment.author_id == reporter.pk:
        raise ValidationError("You can't report your own comment.", code="own_comment")
    if comment.is_deleted:
        raise ValidationError("This comment has been deleted.", code="deleted")
    if reason not in CommentReport.Reason.values:
        raise ValidationError("Please choose a reason.", code="reason")
    note = _CONTROL_CHARACTERS.sub("", note or "").strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise ValidationError(
            f"The note can be at most {NOTE_MAX_LENGTH:,} characters.", code="note"
        )
    report, _ = CommentReport.objects.update_or_create(
        comment=comment, reporter=reporter, defaults={"reason": reason, "note": note}
    )
    return report


# Account deletion and export --------------------------------------------------


def forget_user_comments(user) -> None:
    """Account deletion step (settings.ACCOUNT_DELETION_STEPS), inside
    delete_account's transaction: her comments with replies become authorless
    "[deleted]" placeholders, the others go; her helpful marks go (counts kept
    right) and her reports stay for moderators without her name."""
    # Deepest first, so her replies under her own comments go before those.
    comments = Comment.objects.filter(author=user).order_by("-path")
    touched = set(comments.values_list("article_id", flat=True))
    for comment_id, path in comments.values_list("pk", "path"):
        line = _lock_line(path)
        current = line.get(comment_id)
        if current is not None and current.author_id == user.pk:
            _forget(current, line)
    marked = list(
        CommentHelpful.objects.select_for_update()
        .filter(user=user)
        .values_list("comment_id", flat=True)
    )
    CommentHelpful.objects.filter(user=user).delete()
    Comment.objects.filter(pk__in=marked).update(
        helpful_count=_added("helpful_count", -1)
    )
    CommentReport.objects.filter(reporter=user).update(reporter=None)
    touched |= set(
        Comment.objects.filter(pk__in=marked).values_list("article_id", flat=True)
    )
    # Signed-out readers' cached discussions must not show her name any more.
    for article_id in touched:
        _discussion_changed(article_id)


def profile_changed(user) -> None:
    """Profile change step (settings.ACCOUNT_PROFILE_CHANGED_STEPS): her new
    display name or picture reaches signed-out readers' cached discussions at
    once. Only where her name shows: articles with her named comments (her
    anonymous ones show no name, and refreshing for them alone would be the
    only place a profile change and an anonymous comment meet)."""
    articles = (
        Comment.objects.filter(author=user, is_anonymous=False)
        .order_by()
        .values_list("article_id", flat=True)
        .distinct()
    )
    for article_id in articles:
        _discussion_changed(article_id)


def export_user_comments(user) -> tuple[str, list[dict]]:
    """Data export section (settings.ACCOUNT_EXPORT_SECTIONS)."""
    comments = (
        Comment.objects.filter(author=user)
        .select_related("article")
        .prefetch_related("revisions")
        .order_by("created_at", "pk")
    )
    return "comments", [
        {
            "article": comment.article.title,
            "url": comment.get_absolute_url(),
            "body": comment.body,
            "created_at": comment.created_at.isoformat(),
            "edited_at": comment.edited_at.isoformat() if comment.edited_at else None,
            "anonymous": comment.is_anonymous,
            "earlier_versions": [
                {"body": revision.body, "replaced_at": revision.created_at.isoformat()}
                for revision in comment.revisions.all()
            ],
        }
        for comment in comments
    ]

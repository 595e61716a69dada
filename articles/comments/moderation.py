"""What moderators do to comments: let a held one through, hide one, restore it.
Each goes through articles.comments.tree, which keeps the counters."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.access import is_moderator
from articles.comments import mentions, tree
from articles.models import Comment

logger = logging.getLogger(__name__)


def approve_held_comment(comment: Comment, moderator) -> Comment:
    """A moderator lets a held comment through: it takes its place in the thread
    and the replies and mentions it carries are notified now."""
    if not is_moderator(moderator):
        raise ValidationError("Only moderators can approve comments.", code="denied")
    with transaction.atomic():
        line = tree.lock_line(comment.path, with_authors=True)
        current = line.get(comment.pk)
        if current is None or not current.is_held:
            raise ValidationError(
                "This comment isn't waiting for review.", code="not_held"
            )
        tree.set_status(current, Comment.Status.VISIBLE, line=line)
        if current.author is not None:
            mentions.send_notifications(
                current,
                parent=line.get(current.parent_id),
                mentioned=mentions.mentioned_users(current.body, author=current.author),
                already_notified=mentions.notified_recipient_ids(current),
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
        if current.is_hidden:
            raise ValidationError("This comment is already hidden.", code="hidden")
        if not (current.is_visible or current.is_held):
            raise ValidationError("This comment can't be hidden.", code="not_hideable")
        tree.set_status(current, Comment.Status.HIDDEN, line=line)
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
        if not current.is_hidden:
            raise ValidationError("This comment isn't hidden.", code="not_hidden")
        tree.set_status(current, Comment.Status.VISIBLE, line=line)
    _log_moderation("restored", current, moderator, reason)
    comment.status = current.status
    return current


def _lock_for_moderation(comment: Comment) -> tuple[Comment, dict]:
    """The comment, fresh, and the locked line from its thread root down to it."""
    line = tree.lock_line(comment.path)
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

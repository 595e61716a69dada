"""What moderators do to comments: let a held one through, hide one, restore it,
dismiss its reports, resolve what screening flagged; and the comment that enough
established members reported, hidden until a moderator looks. Each goes through
articles.comments.tree, which keeps the counters, and each moderator action
writes its accounts.audit entry in the same transaction.

Whoever reported the comment hears that a moderator looked at it, and nothing
more: no name, no outcome that would tell her who wrote it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator

from accounts import audit
from accounts.access import established_accounts, is_moderator
from accounts.services import notify
from articles.comments import mentions, tree
from articles.models import Comment, CommentFlag, CommentReport

REPORT_HANDLED_MESSAGE = "Thanks: a moderator looked at the comment you reported."


def approve_held_comment(comment: Comment, moderator, reason: str = "") -> Comment:
    """A moderator lets a held comment through: it takes its place in the thread
    and the replies and mentions it carries are notified now."""
    _check_moderator(moderator, "approve")
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
        _record(moderator, "comment_approve", current, reason)
    comment.status = current.status
    return current


def hide_comment(*, comment: Comment, moderator, reason: str = "") -> Comment:
    """A moderator hides a comment (visible, held for review, or hidden after
    reports, which she confirms): readers see "Removed by a moderator" in its
    place, with the replies under it kept. Its open reports are resolved."""
    _check_moderator(moderator, "hide")
    with transaction.atomic():
        current, line = _lock_for_moderation(comment)
        if current.is_hidden and not current.hidden_by_reports:
            raise ValidationError("This comment is already hidden.", code="hidden")
        if current.is_hidden:
            current.hidden_by_reports = False
            current.save(update_fields=["hidden_by_reports"])
            tree.discussion_changed(current.article_id)
        elif current.is_visible or current.is_held:
            tree.set_status(current, Comment.Status.HIDDEN, line=line)
        else:
            raise ValidationError("This comment can't be hidden.", code="not_hideable")
        _record(moderator, "comment_hide", current, reason)
        _resolve_reports(current)
    comment.status = current.status
    return current


def restore_comment(*, comment: Comment, moderator, reason: str = "") -> Comment:
    """A moderator puts a hidden comment back, with the replies under it (also
    one hidden after reports: she found nothing wrong). Nobody is notified
    again about its replies or mentions; its open reports are resolved."""
    _check_moderator(moderator, "restore")
    with transaction.atomic():
        current, line = _lock_for_moderation(comment)
        if not current.is_hidden:
            raise ValidationError("This comment isn't hidden.", code="not_hidden")
        current.hidden_by_reports = False
        tree.set_status(
            current, Comment.Status.VISIBLE, line=line, fields=["hidden_by_reports"]
        )
        _record(moderator, "comment_restore", current, reason)
        _resolve_reports(current)
    comment.status = current.status
    return current


def dismiss_reports(*, comment: Comment, moderator, reason: str = "") -> int:
    """A moderator finds nothing wrong with a reported comment: its open reports
    are resolved, and a comment hidden after reports comes back. Returns how
    many reports were open."""
    _check_moderator(moderator, "dismiss reports on")
    with transaction.atomic():
        current, line = _lock_for_moderation(comment)
        if current.is_hidden and current.hidden_by_reports:
            current.hidden_by_reports = False
            tree.set_status(
                current,
                Comment.Status.VISIBLE,
                line=line,
                fields=["hidden_by_reports"],
            )
        open_count = _resolve_reports(current)
        if not open_count:
            raise ValidationError(
                "This comment has no open reports.", code="no_reports"
            )
        _record(moderator, "comment_reports_dismiss", current, reason)
    comment.status = current.status
    return open_count


def resolve_flag(*, flag: CommentFlag, moderator, reason: str = "") -> CommentFlag:
    """A moderator has looked at what screening flagged (a watched word, crisis
    language): the flag leaves the queue. The comment itself is untouched; hiding
    it is its own action."""
    _check_moderator(moderator, "resolve flags on")
    with transaction.atomic():
        flag = CommentFlag.objects.select_for_update().get(pk=flag.pk)
        if flag.resolved_at is not None:
            raise ValidationError("This flag is already resolved.", code="resolved")
        flag.resolved_at = timezone.now()
        flag.save(update_fields=["resolved_at"])
        _record(moderator, "comment_flag_resolve", flag.comment, reason or flag.reason)
    return flag


def hide_if_reported(comment: Comment) -> bool:
    """After a report: a visible comment that settings.REPORT_AUTO_HIDE_THRESHOLD
    different established accounts (accounts.access.established_accounts) reported,
    with their reports still open, is hidden until a moderator looks (she
    restores it, dismisses the reports or confirms the hiding). Call it inside
    the report's transaction. Returns whether it hid the comment."""
    # Locked before counting: reports sent at the same moment are counted one
    # after the other, so the last one sees them all.
    current, line = _lock_for_moderation(comment)
    if not current.is_visible:
        return False
    reporters = (
        CommentReport.objects.filter(
            comment_id=comment.pk,
            resolved_at__isnull=True,
            reporter__in=established_accounts(),
        )
        .values("reporter_id")
        .distinct()
        .count()
    )
    if reporters < settings.REPORT_AUTO_HIDE_THRESHOLD:
        return False
    current.hidden_by_reports = True
    tree.set_status(
        current, Comment.Status.HIDDEN, line=line, fields=["hidden_by_reports"]
    )
    comment.status = current.status
    comment.hidden_by_reports = True
    return True


def _check_moderator(moderator, what: str) -> None:
    if not is_moderator(moderator):
        raise ValidationError(f"Only moderators can {what} comments.", code="denied")


def _lock_for_moderation(comment: Comment) -> tuple[Comment, dict]:
    """The comment, fresh, and the locked line from its thread root down to it."""
    line = tree.lock_line(comment.path)
    current = line.get(comment.pk)
    if current is None:
        raise ValidationError("This comment is no longer there.", code="gone")
    return current, line


def _record(moderator, action: str, comment: Comment, reason: str) -> None:
    audit.record(
        moderator=moderator,
        action=action,
        target_type="comment",
        target_id=comment.pk,
        target_label=Truncator(comment.body).chars(80),
        reason=reason,
    )


def _resolve_reports(comment: Comment) -> int:
    """Close the comment's open reports and thank each person who reported it.
    Returns how many were open."""
    reports = list(
        CommentReport.objects.select_for_update(of=("self",))
        .filter(comment_id=comment.pk, resolved_at__isnull=True)
        .select_related("reporter")
    )
    if not reports:
        return 0
    CommentReport.objects.filter(pk__in=[report.pk for report in reports]).update(
        resolved_at=timezone.now()
    )
    url = comment.get_absolute_url()
    for report in reports:
        if report.reporter is not None and report.reporter.is_active:
            notify(
                recipient=report.reporter,
                kind="comment_report_handled",
                message=REPORT_HANDLED_MESSAGE,
                url=url,
            )
    return len(reports)

"""Posting and changing comments: the rules of the discussion as she takes part.
Views call these; they raise django.core.exceptions.ValidationError (with a
message fit to show her) when something is not allowed. Every change to the tree
goes through articles.comments.tree."""

import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone

from accounts.models import Block, User
from articles.comments import mentions, moderation, screening, tree, watched
from articles.comments.rules import (
    CONTROL_CHARACTERS,
    NOTE_MAX_LENGTH,
    clean_body,
    edit_deadline,
    has_verified_email,
    posting_problem,
)
from articles.models import (
    Comment,
    CommentHelpful,
    CommentReport,
    CommentRevision,
)

DELETED_TEXT = "[deleted]"
# Every refusal of a reply to a comment she may not answer, whatever the reason:
# she is never told that someone blocked her.
NOT_REPLIABLE = "This comment can't be replied to."
# The same text again this soon (a second tab, a form without its key) is taken
# for the first one.
DOUBLE_SUBMIT_SECONDS = 10
DEFAULT_RATE_LIMITS = {
    "account": {"minute": 5, "day": 50},
    # Accounts younger than NEW_ACCOUNT_AGE.
    "new_account": {"minute": 2, "day": 10},
}
NEW_ACCOUNT_AGE = timedelta(days=1)


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
    """Post a comment or a reply (articles.comments.tree.insert_comment).

    A double submit returns the comment already posted: the same submission_key
    (a unique constraint in the database), or the same text in the same place
    within DOUBLE_SUBMIT_SECONDS.

    The text is screened first (watched.screen_text): a blocked word refuses
    it, personal data or a held word holds it for review, and what moderators
    should see (a watched word, crisis language) is flagged. The comment
    returned carries the result as ``comment.screening``, for the view to tell
    her."""
    try:
        with transaction.atomic():
            # Her posts wait for each other here (a row lock, no polling): a copy
            # of this submission sent at once finds the first one committed. The
            # same query reads what the checks need from the database.
            facts = _lock_author(author, parent)
            problem = posting_problem(
                user=author,
                article=article,
                verified_email=facts.get("has_verified_email"),
            )
            if problem:
                raise ValidationError(problem, code="not_allowed")
            body = clean_body(body)
            result = watched.screen_text(body)
            if parent is not None:
                _check_reply(
                    parent=parent,
                    article=article,
                    blocked=facts["parent_blocked"],
                )
            comment = _earlier_copy(author, article, parent, body, submission_key)
            if comment is None:
                _count_towards_rate_limit(author)
                comment = _insert(
                    article=article,
                    author=author,
                    body=body,
                    parent=parent,
                    is_anonymous=is_anonymous,
                    parent_blocked=facts.get("parent_blocked", False),
                    parent_hid_anonymous=facts.get("parent_hid_anonymous", False),
                    submission_key=submission_key,
                    result=result,
                    comment_id=facts.get("new_comment_id"),
                )
    except IntegrityError:
        # The unique (author, submission_key) constraint: a copy of this
        # submission was committed first.
        comment = _earlier_copy(author, article, parent, body, submission_key)
        if comment is None:
            raise
    comment.screening = result
    return comment


def _lock_author(author, parent: Comment | None) -> dict:
    """Lock her row, and read in the same query whether her e-mail address is
    verified, for a reply whether the parent's author blocked her by name or hid
    her anonymous comments (accounts.models.Block), and the new comment's id
    (articles.comments.tree.new_id_expression): one query where there were
    four. Nothing for a signed-out visitor (posting_problem refuses her before
    anything is read)."""
    if author is None or not author.is_authenticated:
        return {}
    facts = {
        "has_verified_email": has_verified_email(),
        # The new comment's id, taken here rather than in a query of its own.
        "new_comment_id": tree.new_id_expression(),
    }
    if parent is not None:
        blocks = Block.objects.filter(
            blocker_id=parent.author_id, blocked=OuterRef("pk")
        )
        facts["parent_blocked"] = Exists(blocks.named())
        facts["parent_hid_anonymous"] = Exists(
            blocks.filter(via_anonymous_comment=True)
        )
    row = (
        User.objects.select_for_update(no_key=True, of=("self",))
        .filter(pk=author.pk)
        .values(**facts)
        .first()
    )
    # Her account gone meanwhile: refused as one without a verified address.
    return row or {"has_verified_email": False}


def _earlier_copy(author, article, parent, body, submission_key) -> Comment | None:
    """The comment an earlier copy of this submission posted, if any: the one
    with her submission key, or the same text by her seconds ago. One query that
    reads only her comment with that key and her last few seconds of comments,
    each by its own index, whatever the size of the thread or of her history
    (filtering on the article and parent in SQL let a stale plan walk a whole big
    thread)."""
    mine = Comment.objects.filter(author=author).exclude(status=Comment.Status.DELETED)
    since = timezone.now() - timedelta(seconds=DOUBLE_SUBMIT_SECONDS)
    candidates = mine.filter(created_at__gte=since)
    if submission_key:
        candidates = mine.filter(submission_key=submission_key).union(
            candidates, all=True
        )
    place = (article.pk, parent.pk if parent else None)
    for comment in candidates:
        if submission_key and comment.submission_key == submission_key:
            return comment
        if (comment.article_id, comment.parent_id) == place and comment.body == body:
            return comment
    return None


def _not_repliable() -> ValidationError:
    return ValidationError(NOT_REPLIABLE, code="not_visible")


def _check_reply(*, parent: Comment, article, blocked: bool) -> None:
    """Refuse a reply that may not be posted. ``blocked``: whether the parent's
    author blocked her by name (read by _lock_author).

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
    if parent.depth >= tree.PATH_MAX_DEPTH:
        raise ValidationError(
            "This thread can't go any deeper. Please reply to an earlier comment.",
            code="too_deep",
        )
    if blocked and not parent.is_anonymous:
        raise _not_repliable()


def _insert(
    *,
    article,
    author,
    body,
    parent,
    is_anonymous,
    parent_blocked,
    parent_hid_anonymous,
    submission_key,
    result: screening.Screening,
    comment_id: int | None,
) -> Comment:
    line = {}
    if parent is not None:
        line = tree.lock_line(parent.path, with_authors=True)
        parent = line.get(parent.pk)
        if parent is None or not parent.is_visible:
            raise _not_repliable()
    mentioned = mentions.mentioned_users(body, author=author)
    must_hold = result.held_for or _must_hold(author)
    status = Comment.Status.HELD if must_hold else Comment.Status.VISIBLE
    comment = tree.insert_comment(
        article=article,
        author=author,
        body=body,
        body_html=mentions.render(body, mentioned),
        parent=parent,
        status=status,
        is_anonymous=is_anonymous,
        submission_key=submission_key,
        line=line,
        comment_id=comment_id,
    )
    watched.flag_comment(comment, result.flags)
    if comment.is_visible:
        mentions.send_notifications(
            comment,
            parent=parent,
            mentioned=mentioned,
            parent_blocked=parent_blocked,
            parent_hid_anonymous=parent_hid_anonymous,
            is_new=True,
        )
    return comment


def _must_hold(author) -> bool:
    """Hold her comments for review until a moderator let one through."""
    if not getattr(settings, "COMMENT_HOLD_NEW_ACCOUNTS", False) or author.is_staff:
        return False
    return not Comment.objects.filter(
        author=author, status=Comment.Status.VISIBLE
    ).exists()


# Rate limits ------------------------------------------------------------------------


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


# Editing and deleting -----------------------------------------------------------


def edit_comment(*, comment: Comment, user, body: str) -> Comment:
    """Change her own comment within the edit window. The earlier text is kept as
    a CommentRevision for moderators; people mentioned for the first time are
    notified. The new text is screened as a new comment's is (post_comment):
    a visible comment whose new text must be held goes back to review."""
    if user is None or not user.is_authenticated or comment.author_id != user.pk:
        raise ValidationError("You can only edit your own comments.", code="not_yours")
    body = clean_body(body)
    result = watched.screen_text(body)
    with transaction.atomic():
        line = None
        if result.held_for:
            # Holding it moves it out of its ancestors' counters: lock the line
            # from the root down, as every change of status does.
            line = tree.lock_line(comment.path, with_authors=True)
            current = line.get(comment.pk)
            if current is None:
                raise ValidationError(
                    "This comment can't be edited any more.", code="not_editable"
                )
        else:
            current = (
                Comment.objects.select_for_update(no_key=True, of=("self",))
                .select_related("article", "author")
                .get(pk=comment.pk)
            )
        if current.author_id != user.pk:
            raise ValidationError(
                "You can only edit your own comments.", code="not_yours"
            )
        if not (current.is_visible or current.is_held):
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
            old_names = set(mentions.mentioned_names(current.body))
            mentioned = mentions.mentioned_users(body, author=current.author)
            CommentRevision.objects.create(comment=current, body=current.body)
            current.body = body
            current.body_html = mentions.render(body, mentioned)
            current.edited_at = timezone.now()
            current.save(update_fields=["body", "body_html", "edited_at"])
            if line is not None and current.is_visible:
                tree.set_status(current, Comment.Status.HELD, line=line)
            else:
                tree.discussion_changed(current.article_id)
            watched.flag_comment(current, result.flags)
            new_mentions = [u for u in mentioned if u.username.lower() not in old_names]
            if current.is_visible and new_mentions:
                mentions.send_notifications(
                    current,
                    parent=None,
                    mentioned=new_mentions,
                    already_notified=mentions.notified_recipient_ids(current)
                    | _parent_author_ids(current),
                )
    comment.body, comment.body_html = current.body, current.body_html
    comment.edited_at, comment.status = current.edited_at, current.status
    current.screening = result
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
        line = tree.lock_line(comment.path, no_key=False)
        current = line.get(comment.pk)
        if current is None:
            return  # already gone
        if current.author_id != user.pk:
            raise ValidationError(
                "You can only delete your own comments.", code="not_yours"
            )
        _forget(current, line)


def _forget(comment: Comment, line: dict) -> None:
    """Turn a comment into an authorless placeholder when shown comments hang
    under it, or remove it (then cascade up through emptied placeholders).
    ``line`` holds the locked comments from the root down to it."""
    if comment.descendant_count > 0:
        comment.author = None
        comment.body = DELETED_TEXT
        comment.body_html = f"<p>{DELETED_TEXT}</p>"
        comment.is_anonymous = False
        comment.edited_at = None
        comment.helpful_count = 0
        comment.revisions.all().delete()
        comment.helpful_marks.all().delete()
        tree.set_status(
            comment,
            Comment.Status.DELETED,
            line=line,
            fields=[
                "author",
                "body",
                "body_html",
                "is_anonymous",
                "edited_at",
                "helpful_count",
            ],
        )
        return
    while comment is not None:
        # Held or hidden replies under it (not counted) go with it.
        tree.remove_comment(comment, line=line)
        parent = line.get(comment.parent_id)
        if parent is not None and parent.is_deleted and parent.descendant_count == 0:
            comment = parent
        else:
            comment = None


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
                tree.discussion_changed(comment.article_id)
                return True
        deleted, _ = CommentHelpful.objects.filter(comment=comment, user=user).delete()
        if deleted:
            comments.update(helpful_count=tree.added("helpful_count", -1))
            tree.discussion_changed(comment.article_id)
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
    note = CONTROL_CHARACTERS.sub("", note or "").strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise ValidationError(
            f"The note can be at most {NOTE_MAX_LENGTH:,} characters.", code="note"
        )
    with transaction.atomic():
        # One report per person (a database constraint): reporting again only
        # changes the reason, and counts once towards hiding the comment.
        report, _ = CommentReport.objects.update_or_create(
            comment=comment,
            reporter=reporter,
            defaults={"reason": reason, "note": note},
        )
        moderation.hide_if_reported(comment)
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
        line = tree.lock_line(path, no_key=False)
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
        helpful_count=tree.added("helpful_count", -1)
    )
    CommentReport.objects.filter(reporter=user).update(reporter=None)
    touched |= set(
        Comment.objects.filter(pk__in=marked).values_list("article_id", flat=True)
    )
    # Signed-out readers' cached discussions must not show her name any more.
    for article_id in touched:
        tree.discussion_changed(article_id)


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
        tree.discussion_changed(article_id)


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

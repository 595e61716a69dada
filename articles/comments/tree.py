"""The comment tree: the one owner of its invariant. Everything that adds a
comment, changes whether it is shown, or removes one (the posting and moderation
services, the admin through them, the demo loader, the tests) goes through here.

Each comment stores its thread root, depth and a materialized path
("0000000012/0000000031/"); its id comes first from the table's sequence, so the
row is written once. reply_count and descendant_count count the comments that take
a place in the tree for readers (SHOWN_STATUSES: visible ones, "[deleted]"
placeholders and hidden ones, which readers see as "Removed by a moderator").
Held comments are not counted, and the comments above a held one do not count
what hangs under it either; its own counters go on counting its replies, for
when it is let through.

Locking: every write that touches a thread's counters first locks the line of
comments from the thread root down to the one it changes, in ascending id order
(a parent always has a smaller id than its replies), so two writers in the same
thread wait for each other instead of deadlocking.

Signed-out readers get the discussion from a cache keyed on a version per
article: every change bumps it once committed (discussion_changed)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection, models, transaction
from django.db.models import Case, F, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest

from articles.caching import discussion_tag
from articles.models import Comment
from articles.models.comment import SHOWN_STATUSES, path_segment
from groups_site import pagecache
from groups_site.lib.text import render_comment

# The path column (700 characters) holds 63 segments of 11: the deepest reply.
PATH_MAX_DEPTH = Comment._meta.get_field("path").max_length // len(path_segment(0)) - 1


# Ids, positions and inserting ---------------------------------------------------


def allocate_ids(count: int = 1) -> list[int]:
    """Ids from the comments' sequence, ascending (so a reply taken after its
    parent always has the larger id)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence('articles_comment', 'id')) "
            "FROM generate_series(1, %s)",
            [count],
        )
        return sorted(row[0] for row in cursor.fetchall())


def new_id_expression() -> RawSQL:
    """The next id from the comments' sequence as an expression, for a caller
    that takes it in a query it runs anyway (post_comment's lock of her row)
    and hands it to insert_comment: one query fewer. An id taken and not used
    is a gap, as a rolled-back insert leaves."""
    return RawSQL(
        "nextval(pg_get_serial_sequence('articles_comment', 'id'))",
        [],
        output_field=models.BigIntegerField(),
    )


def path_ids(path: str) -> list[int]:
    """The ids on a path, from the thread root down to the comment itself."""
    return [int(segment) for segment in path.split("/") if segment]


def insert_comment(
    *,
    article,
    author,
    body: str,
    body_html: str | None = None,
    parent: Comment | None = None,
    status: str = Comment.Status.VISIBLE,
    is_anonymous: bool = False,
    created_at: datetime | None = None,
    submission_key: str = "",
    line: dict | None = None,
    comment_id: int | None = None,
) -> Comment:
    """Write one comment in its place: one INSERT, then one UPDATE of the counters
    above it when it is shown. ``line`` is the locked line down to ``parent``
    (lock_line), when the caller locked it to check the parent; without it, it is
    locked here. ``comment_id``: an id the caller took from the sequence
    (new_id_expression) after the parent was written; else one is taken here.
    ``body_html`` defaults to the body rendered without mention links;
    ``created_at`` to now (the demo loader and tests set earlier moments)."""
    # Its own transaction unless the caller's is open (then no savepoint).
    with transaction.atomic(savepoint=False):
        return _insert_one(
            article=article,
            author=author,
            body=body,
            body_html=body_html,
            parent=parent,
            status=status,
            is_anonymous=is_anonymous,
            created_at=created_at,
            submission_key=submission_key,
            line=line,
            comment_id=comment_id,
        )


def _insert_one(
    *,
    article,
    author,
    body,
    body_html,
    parent,
    status,
    is_anonymous,
    created_at,
    submission_key,
    line,
    comment_id,
) -> Comment:
    if parent is not None and line is None:
        line = lock_line(parent.path)
    if comment_id is None:
        (comment_id,) = allocate_ids()
    if parent is not None and comment_id <= parent.pk:
        raise ValueError("A reply's id comes after its parent's.")
    comment = Comment(
        id=comment_id,
        article=article,
        author=author,
        parent=parent,
        **Comment.tree_position(comment_id, parent),
        body=body,
        body_html=render_comment(body, {}) if body_html is None else body_html,
        is_anonymous=is_anonymous,
        status=status,
        submission_key=submission_key,
    )
    comment.save(force_insert=True)
    if created_at is not None:
        # auto_now_add set it to now.
        Comment.objects.filter(pk=comment_id).update(created_at=created_at)
        comment.created_at = created_at
    if status in SHOWN_STATUSES:
        shift_counters(comment, descendants=1, replies=1, line=line or {})
    discussion_changed(article.pk)
    return comment


@dataclass
class NewComment:
    """One comment for insert_comments. ``parent`` is a saved Comment or a
    NewComment earlier in the same list."""

    author: object
    body: str
    parent: "Comment | NewComment | None" = None
    status: str = Comment.Status.VISIBLE
    is_anonymous: bool = False
    created_at: datetime | None = None
    body_html: str | None = None
    saved: Comment | None = field(default=None, repr=False)


def insert_comments(article, new: list[NewComment]) -> list[Comment]:
    """Insert many comments at once (the demo loader, bench data, tests), as
    insert_comment would one by one, in a handful of queries: the ids in one,
    the existing ancestors locked in one, one bulk INSERT, the earlier times in
    one UPDATE, one UPDATE per distinct counter change above. A parent comes
    before its replies in ``new``."""
    if not new:
        return []
    with transaction.atomic(savepoint=False):
        return _insert_many(article, new)


def _insert_many(article, new: list[NewComment]) -> list[Comment]:
    ids = allocate_ids(len(new))
    above = {
        ancestor_id
        for item in new
        if isinstance(item.parent, Comment)
        for ancestor_id in path_ids(item.parent.path)
    }
    line = lock_line("".join(path_segment(pk) for pk in sorted(above)))
    comments = []
    for comment_id, item in zip(ids, new, strict=True):
        if isinstance(item.parent, NewComment):
            parent = item.parent.saved
        else:
            parent = line.get(item.parent.pk) if item.parent is not None else None
        if item.parent is not None and parent is None:
            raise ValueError("A parent comes before its replies, and is still there.")
        item.saved = Comment(
            id=comment_id,
            article=article,
            author=item.author,
            parent=parent,
            **Comment.tree_position(comment_id, parent),
            body=item.body,
            body_html=item.body_html or render_comment(item.body, {}),
            is_anonymous=item.is_anonymous,
            status=item.status,
        )
        comments.append(item.saved)
    everything = {**line, **{comment.pk: comment for comment in comments}}
    touched = set()
    for comment in comments:
        if comment.status in SHOWN_STATUSES:
            for ancestor_id in _counting_ancestor_ids(comment, everything):
                ancestor = everything[ancestor_id]
                ancestor.descendant_count += 1
                if ancestor_id == comment.parent_id:
                    ancestor.reply_count += 1
                touched.add(ancestor_id)
    Comment.objects.bulk_create(comments, batch_size=1000)
    moments = {item.saved.pk: item.created_at for item in new if item.created_at}
    _set_created_at(moments)
    for comment in comments:
        comment.created_at = moments.get(comment.pk, comment.created_at)
    changed = defaultdict(list)
    for ancestor in line.values():
        if ancestor.pk in touched:
            key = (ancestor.descendant_count, ancestor.reply_count)
            changed[key].append(ancestor.pk)
    for (descendants, replies), pks in changed.items():
        Comment.objects.filter(pk__in=pks).update(
            descendant_count=descendants, reply_count=replies
        )
    discussion_changed(article.pk)
    return comments


def _set_created_at(moments: dict) -> None:
    """auto_now_add set every new row's created_at to now: give the ones asked
    for their moment, in one UPDATE."""
    if not moments:
        return
    Comment.objects.filter(pk__in=moments).update(
        created_at=Case(
            *[When(pk=pk, then=Value(moment)) for pk, moment in moments.items()],
            output_field=models.DateTimeField(),
        )
    )


# Showing, hiding, removing ----------------------------------------------------


def set_status(comment: Comment, status: str, *, line: dict, fields=()) -> None:
    """Give a locked comment a new status (and save ``fields`` it changed with it),
    moving it and what hangs under it into or out of its ancestors' counters."""
    was_shown = comment.status in SHOWN_STATUSES
    comment.status = status
    comment.save(update_fields=["status", *fields])
    is_shown = status in SHOWN_STATUSES
    if was_shown != is_shown:
        sign = 1 if is_shown else -1
        shift_counters(
            comment,
            descendants=sign * (1 + comment.descendant_count),
            replies=sign,
            line=line,
        )
    discussion_changed(comment.article_id)


def remove_comment(comment: Comment, *, line: dict) -> None:
    """Delete a locked comment and what hangs under it (its held or hidden replies;
    callers keep shown ones by turning it into a placeholder instead)."""
    counted = 1 if comment.status in SHOWN_STATUSES else 0
    line.pop(comment.pk, None)
    comment.delete()
    shift_counters(
        comment,
        descendants=-(counted + comment.descendant_count),
        replies=-counted,
        line=line,
    )
    discussion_changed(comment.article_id)


# Locking and counters ---------------------------------------------------------


def lock_line(path: str, *, no_key: bool = True, with_authors: bool = False) -> dict:
    """Lock the comments on a path (root to leaf) in ascending id order and return
    them by id, fresh from the database. ``no_key=False`` for a line that may lose
    rows (deleting)."""
    queryset = (
        Comment.objects.filter(pk__in=path_ids(path))
        .order_by("pk")
        .select_for_update(no_key=no_key, of=("self",))
    )
    if with_authors:
        queryset = queryset.select_related("author")
    return {comment.pk: comment for comment in queryset}


def _counting_ancestor_ids(comment: Comment, line: dict) -> list[int]:
    """The ancestors whose counters include the comment: from its parent up to
    the first one that is not shown (held), included: that one counts
    what hangs under it (for when it comes back), the ones above it do not."""
    counting = []
    for ancestor_id in reversed(path_ids(comment.path)[:-1]):
        counting.append(ancestor_id)
        ancestor = line.get(ancestor_id)
        if ancestor is not None and ancestor.status not in SHOWN_STATUSES:
            break
    return counting


def shift_counters(comment: Comment, *, descendants: int, replies: int, line: dict):
    """Add to the descendant_count of the ancestors counting the comment and to
    its parent's reply_count: one UPDATE. Keeps the locked ``line`` in step."""
    ancestor_ids = _counting_ancestor_ids(comment, line)
    if not ancestor_ids or (descendants == 0 and replies == 0):
        return
    Comment.objects.filter(pk__in=ancestor_ids).update(
        descendant_count=added("descendant_count", descendants),
        reply_count=Case(
            When(pk=comment.parent_id, then=added("reply_count", replies)),
            default=F("reply_count"),
            output_field=models.PositiveIntegerField(),
        ),
    )
    for ancestor_id in ancestor_ids:
        ancestor = line.get(ancestor_id)
        if ancestor is not None:
            ancestor.descendant_count = max(0, ancestor.descendant_count + descendants)
            if ancestor_id == comment.parent_id:
                ancestor.reply_count = max(0, ancestor.reply_count + replies)


def added(counter: str, delta: int):
    """counter + delta in SQL, never below zero."""
    if delta >= 0:
        return F(counter) + delta
    return Greatest(
        F(counter) + delta, Value(0), output_field=models.PositiveIntegerField()
    )


# The discussion's cache version ---------------------------------------------------


# A tag of the shared page cache (groups_site.pagecache), which keeps the versions:
# the signed-out article pages and the cached discussion fragments both use it.


def discussion_version(article_id) -> int:
    """The article's discussion version; part of every cached page's key."""
    return pagecache.version(discussion_tag(article_id))


def bump_discussion_version(article_id) -> None:
    """The cached pages of this discussion are no longer used. Writers call
    discussion_changed; this is for loaders that changed rows directly."""
    pagecache.changed(discussion_tag(article_id))


def discussion_changed(article_id) -> None:
    """After any change readers would see (a comment posted, edited, deleted,
    hidden, restored, a helpful mark, a name change...): refresh the signed-out
    readers' cache, now and once the change is committed."""
    pagecache.changed(discussion_tag(article_id))

"""Comments for tests, made straight through the model (not the posting service):
the id comes first from the table's sequence, so the path is known before the
INSERT, as articles.posting.post_comment does. Counters above a new comment
(reply_count, descendant_count) are kept as the service keeps them: shown comments
(visible and "[deleted]") count, held and hidden ones do not."""

import itertools
from datetime import timedelta

from django.db import connection
from django.db.models import F
from django.utils import timezone

from articles.models import Comment
from articles.models.comment import path_segment
from groups_site.lib.text import render_markdown_lite

_SHOWN = (Comment.Status.VISIBLE, Comment.Status.DELETED)
_clock = itertools.count(1)


def next_ids(count: int = 1) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence('articles_comment', 'id')) "
            "FROM generate_series(1, %s)",
            [count],
        )
        return [row[0] for row in cursor.fetchall()]


def build_comment(article, author, parent=None, *, pk=None, **fields) -> Comment:
    """An unsaved comment with its id, path, root and depth set (for bulk_create).
    ``created_at`` defaults to a moment after the previous one built, so the
    order of creation is the order of time."""
    pk = pk or next_ids()[0]
    body = fields.pop("body", f"Comment number {pk}. Thank you for sharing this.")
    values = {
        "body": body,
        "body_html": render_markdown_lite(body),
        "created_at": timezone.now()
        - timedelta(days=2)
        + timedelta(seconds=next(_clock)),
        **fields,
    }
    if parent is None:
        tree = {"path": path_segment(pk), "depth": 0, "root": None}
    else:
        tree = {
            "path": parent.path + path_segment(pk),
            "depth": parent.depth + 1,
            "root_id": parent.root_id or parent.pk,
            "parent": parent,
        }
    return Comment(pk=pk, article=article, author=author, **tree, **values)


def make_comment(article, author, parent=None, **fields) -> Comment:
    """A saved comment (a reply when ``parent`` is given), with the counters of
    the comments above it updated."""
    comment = build_comment(article, author, parent, **fields)
    created_at = comment.created_at
    comment.save()
    # auto_now_add overwrote it; tests often need an order in time.
    Comment.objects.filter(pk=comment.pk).update(created_at=created_at)
    comment.created_at = created_at
    if parent is not None and comment.status in _SHOWN:
        count_replies([comment])
        parent.refresh_from_db(fields=["reply_count", "descendant_count"])
    return comment


def count_replies(comments) -> None:
    """Add ``comments`` (saved, shown) to the counters of the comments above them."""
    for comment in comments:
        ancestors = [int(part) for part in comment.path.split("/") if part][:-1]
        Comment.objects.filter(pk__in=ancestors).update(
            descendant_count=F("descendant_count") + 1
        )
        Comment.objects.filter(pk=comment.parent_id).update(
            reply_count=F("reply_count") + 1
        )


def make_thread(article, author, *, replies: int, parent=None, chain=False):
    """``replies`` comments under ``parent`` (a new top-level comment when None),
    inserted in one bulk_create: all direct replies, or with ``chain`` a line of
    replies each answering the one before. Returns (top, replies). Counters are
    set directly, as the service would have left them."""
    top = parent or make_comment(article, author)
    ids = next_ids(replies)
    built = []
    above = top
    for pk in ids:
        comment = build_comment(article, author, above, pk=pk)
        built.append(comment)
        if chain:
            above = comment
    if chain:
        for position, comment in enumerate(built):
            comment.reply_count = 1 if position < len(built) - 1 else 0
            comment.descendant_count = len(built) - position - 1
    Comment.objects.bulk_create(built, batch_size=1000)
    # bulk_create sets created_at (auto_now_add) to now for every row.
    line = [int(part) for part in top.path.split("/") if part]
    Comment.objects.filter(pk__in=line).update(
        descendant_count=F("descendant_count") + replies
    )
    Comment.objects.filter(pk=top.pk).update(
        reply_count=F("reply_count") + (1 if chain else replies)
    )
    top.refresh_from_db()
    return top, built

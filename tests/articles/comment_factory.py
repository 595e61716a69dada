"""Comments for tests, written through articles.comments.tree (the one owner of
the tree's ids, paths and counters), the way the posting service writes them,
without its rules (who may post, rate limits, notifications)."""

import itertools
from datetime import UTC, datetime, timedelta

from django.utils import timezone

from articles.comments import posting, tree
from articles.models import Comment

_clock = itertools.count(1)


def _next_moment():
    """A moment after the previous one made, so the order of creation is the
    order of time."""
    return timezone.now() - timedelta(days=2) + timedelta(seconds=next(_clock))


def make_comment(article, author, parent=None, *, helpful_count=0, **fields):
    """A saved comment (a reply when ``parent`` is given), with the counters of
    the comments above it updated. ``fields``: body, status, is_anonymous,
    created_at."""
    fields.setdefault("created_at", _next_moment())
    fields.setdefault("body", "A comment. Thank you for sharing this.")
    comment = tree.insert_comment(
        article=article, author=author, parent=parent, **fields
    )
    if helpful_count:
        # Marks are the posting service's; a sort test only needs the number.
        Comment.objects.filter(pk=comment.pk).update(helpful_count=helpful_count)
        comment.helpful_count = helpful_count
    if parent is not None:
        parent.refresh_from_db(fields=["reply_count", "descendant_count"])
    return comment


def make_thread(article, authors, *, replies: int, parent=None, branching=None):
    """``replies`` comments under ``parent`` (a new top-level comment when None),
    in one tree.insert_comments. Each answers the top (``branching`` None), or
    the list [top, *replies] is a tree where comment i answers comment
    (i - 1) // branching (1: a line of replies each answering the one before).
    ``authors``: one user, or users taking turns. Returns (top, replies)."""
    authors = authors if isinstance(authors, list | tuple) else [authors]
    top = parent or make_comment(article, authors[0])
    line = [top]
    new = []
    for index in range(1, replies + 1):
        above = top if branching is None else line[(index - 1) // branching]
        item = tree.NewComment(
            author=authors[index % len(authors)],
            body=f"Reply number {index}. Thank you for sharing this.",
            parent=above,
            created_at=_next_moment(),
        )
        new.append(item)
        line.append(item)
    built = tree.insert_comments(article, new)
    top.refresh_from_db()
    return top, built


def post(author, article, body, **kwargs) -> Comment:
    """A comment through the posting service, with all its rules."""
    return posting.post_comment(article=article, author=author, body=body, **kwargs)


def refreshed(*comments):
    for comment in comments:
        comment.refresh_from_db()
    return comments


def soon():
    """A moment a few days ahead at 10:00:05 (the article is public by then, and
    the minute and day windows are well inside)."""
    day = timezone.now() + timedelta(days=3)
    return datetime(day.year, day.month, day.day, 10, 0, 5, tzinfo=UTC)


def post_data(body="Thank you, this helped me.", **fields):
    """What the comment form sends (with a submission key of its own)."""
    return {"body": body, "submission_key": "key-" + body[:20], **fields}


def post_form(client, data, **headers):
    """POST the comment form of /articles/finding-your-voice/."""
    return client.post("/articles/finding-your-voice/comments/", data, **headers)

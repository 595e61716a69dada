"""Writes the generated big thread into the comment tree, in bulk.

This is the only demo code that writes tree fields (path, root, depth and the
counters) itself, with raw SQL, as it did before articles/comments/tree.py existed.
It is kept apart, behind ``insert_comments``, so that it can be swapped for the
tree's public insert function without touching the generator in discussions.py."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection, transaction

from accounts.models import User
from articles.models import Article, Comment, CommentHelpful
from groups_site.lib.text import render_comment


@dataclass
class PlannedComment:
    author: User
    parent: int | None  # the position of the comment it replies to, earlier
    depth: int
    body: str
    is_anonymous: bool
    created_at: datetime
    helpful_by: list[User] = field(default_factory=list)


def insert_comments(article: Article, planned: list[PlannedComment]) -> list[Comment]:
    """Insert the planned comments, with their helpful marks, under the article.
    Ids are taken from the sequence in one query, so each row is written once with
    its path, root and depth; the counters are set as the services would keep
    them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence('articles_comment', 'id')) "
            "FROM generate_series(1, %s)",
            [len(planned)],
        )
        # Ascending, so a reply always has a larger id than its parent.
        ids = sorted(row[0] for row in cursor.fetchall())
    html: dict[str, str] = {}
    comments: list[Comment] = []
    for comment_id, plan in zip(ids, planned, strict=True):
        if plan.body not in html:
            html[plan.body] = render_comment(plan.body, {})
        parent = None if plan.parent is None else comments[plan.parent]
        comments.append(
            Comment(
                id=comment_id,
                article=article,
                author=plan.author,
                parent=parent,
                **Comment.tree_position(comment_id, parent),
                body=plan.body,
                body_html=html[plan.body],
                is_anonymous=plan.is_anonymous,
                created_at=plan.created_at,
            )
        )
    by_id = {comment.pk: comment for comment in comments}
    for comment in comments:
        if comment.parent_id is not None:
            by_id[comment.parent_id].reply_count += 1
        for ancestor_id in _ancestor_ids(comment.path):
            by_id[ancestor_id].descendant_count += 1
    marks = []
    for comment, plan in zip(comments, planned, strict=True):
        for user in plan.helpful_by:
            marks.append(CommentHelpful(comment=comment, user=user))
            comment.helpful_count += 1
    with transaction.atomic():
        # auto_now_add would overwrite created_at: insert, then set the times.
        Comment.objects.bulk_create(comments, batch_size=2000)
        _set_created_at({comment.pk: comment.created_at for comment in comments})
        CommentHelpful.objects.bulk_create(marks, batch_size=2000)
    return comments


def _ancestor_ids(path: str) -> list[int]:
    return [int(segment) for segment in path.split("/") if segment][:-1]


def _set_created_at(created: dict, batch_size: int = 5000) -> None:
    """Set many comments' created_at, an UPDATE ... FROM (VALUES ...) per batch."""
    pairs = list(created.items())
    with connection.cursor() as cursor:
        for start in range(0, len(pairs), batch_size):
            batch = pairs[start : start + batch_size]
            rows = ", ".join(["(%s, %s::timestamptz)"] * len(batch))
            cursor.execute(
                "UPDATE articles_comment AS c SET created_at = v.created_at "
                f"FROM (VALUES {rows}) AS v(id, created_at) WHERE c.id = v.id",
                [value for pair in batch for value in pair],
            )

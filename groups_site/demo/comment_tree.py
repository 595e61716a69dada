"""Writes the generated big thread into the comment tree, in bulk, through the
tree's own insert function (articles/comments/tree.py owns path, root, depth and
the counters); only the helpful marks are added here."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction

from accounts.models import User
from articles.comments import tree
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
    """Insert the planned comments, with their helpful marks, under the article."""
    html: dict[str, str] = {}
    new: list[tree.NewComment] = []
    for plan in planned:
        if plan.body not in html:
            html[plan.body] = render_comment(plan.body, {})
        new.append(
            tree.NewComment(
                author=plan.author,
                body=plan.body,
                body_html=html[plan.body],
                parent=None if plan.parent is None else new[plan.parent],
                is_anonymous=plan.is_anonymous,
                created_at=plan.created_at,
            )
        )
    with transaction.atomic():
        comments = tree.insert_comments(article, new)
        marks = [
            CommentHelpful(comment=comment, user=user)
            for comment, plan in zip(comments, planned, strict=True)
            for user in plan.helpful_by
        ]
        CommentHelpful.objects.bulk_create(marks, batch_size=2000)
        marked = []
        for comment, plan in zip(comments, planned, strict=True):
            if plan.helpful_by:
                comment.helpful_count = len(plan.helpful_by)
                marked.append(comment)
        Comment.objects.bulk_update(marked, ["helpful_count"], batch_size=2000)
    return comments

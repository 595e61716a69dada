"""The discussion under an article: a tree of comments.

Each comment stores its thread root, its depth and a sortable materialized path
("0000000012/0000000031/"), so a page of threads loads with one query for the
top-level comments and one for all their descendants, and posting a reply writes
one row plus a few counters, never rewriting other comments."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from accounts.access import is_moderator
from articles.models.article import Article

PATH_DIGITS = 10


def path_segment(comment_id: int) -> str:
    return f"{comment_id:0{PATH_DIGITS}d}/"


class CommentQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)

    def shown(self):
        """Comments that take a place in the tree for readers: visible ones,
        "[deleted]" and "Removed by a moderator" placeholders (which keep their
        replies' thread). Held comments are left out."""
        return self.filter(status__in=SHOWN_STATUSES)


class Comment(models.Model):
    class Status(models.TextChoices):
        VISIBLE = "visible", "Visible"
        HELD = "held", "Held for review"
        HIDDEN = "hidden", "Hidden by a moderator"
        DELETED = "deleted", "Deleted"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="comments"
    )
    # Null once the author deleted her account: the comment shows "[deleted]".
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    # The top-level comment of this thread; null for top-level comments themselves.
    root = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="descendants",
    )
    path = models.CharField(max_length=700, unique=True)
    depth = models.PositiveSmallIntegerField(default=0)

    body = models.TextField(max_length=5000)
    body_html = models.TextField(default="")
    is_anonymous = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.VISIBLE
    )

    # Counters, kept by the services with F() updates (correct under concurrency).
    helpful_count = models.PositiveIntegerField(default=0)
    reply_count = models.PositiveIntegerField(default=0)  # direct replies
    descendant_count = models.PositiveIntegerField(default=0)  # whole subtree

    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    # The random key of the form she sent: a second copy of the same submission
    # (a double click, a resent form) meets the unique constraint below.
    submission_key = models.CharField(max_length=64, blank=True, default="")
    # Hidden because enough established members reported it, until a moderator
    # looks (articles.comments.moderation.hide_if_reported).
    hidden_by_reports = models.BooleanField(default=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        indexes = [
            models.Index(
                fields=["article", "created_at"],
                condition=Q(parent__isnull=True),
                name="articles_comment_top_level",
            ),
            models.Index(
                fields=["root", "path"],
                name="articles_comment_thread",
                opclasses=["", "varchar_pattern_ops"],
            ),
            models.Index(
                fields=["author", "created_at"], name="articles_comment_author"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(parent__isnull=True, root__isnull=True, depth=0)
                    | Q(parent__isnull=False, root__isnull=False, depth__gte=1)
                ),
                name="articles_comment_tree_shape",
            ),
            models.CheckConstraint(
                condition=~Q(body=""), name="articles_comment_body_not_empty"
            ),
            models.UniqueConstraint(
                fields=["author", "submission_key"],
                condition=~Q(submission_key=""),
                name="articles_comment_one_per_submission",
            ),
        ]

    def __str__(self):
        return f"Comment {self.pk} on {self.article_id}"

    def get_absolute_url(self):
        """The permalink; it redirects to the page of the discussion that holds
        this comment (see articles.views.reading)."""
        return reverse("articles:comment_permalink", args=[self.article.slug, self.pk])

    @staticmethod
    def tree_position(comment_id: int, parent: "Comment | None") -> dict:
        """root, path and depth for a new comment whose id is already taken from
        the sequence (so the row is written once, never updated after)."""
        return {
            "root_id": (parent.root_id or parent.pk) if parent else None,
            "path": (parent.path if parent else "") + path_segment(comment_id),
            "depth": parent.depth + 1 if parent else 0,
        }

    @property
    def thread_id(self) -> int:
        return self.root_id or self.pk

    @property
    def is_deleted(self) -> bool:
        return self.status == self.Status.DELETED

    @property
    def is_visible(self) -> bool:
        return self.status == self.Status.VISIBLE

    @property
    def is_held(self) -> bool:
        return self.status == self.Status.HELD

    @property
    def is_hidden(self) -> bool:
        return self.status == self.Status.HIDDEN

    @property
    def is_shown(self) -> bool:
        """Whether it takes a place in the tree for readers (SHOWN_STATUSES)."""
        return self.status in SHOWN_STATUSES

    @property
    def was_edited(self) -> bool:
        return self.edited_at is not None

    @property
    def is_by_moderator(self) -> bool:
        """Whether it carries the moderator mark: a named comment by staff (who
        moderate until the moderation app brings its permission). Never an
        anonymous one: the mark would say who wrote it."""
        return (
            not self.is_anonymous
            and not self.is_deleted
            and self.author is not None
            and self.author.is_staff
        )

    def shown_author_name(self, viewer=None) -> str:
        """The name readers see. Anonymous comments are "Anonymous member" to
        everyone but moderators (staff), who see who wrote them."""
        if self.is_deleted or self.author is None:
            return "[deleted]"
        if self.is_anonymous:
            if is_moderator(viewer):
                return f"Anonymous member ({self.author.username})"
            return "Anonymous member"
        return self.author.public_name


# The statuses that take a place in the tree for readers (and in the counters):
# visible comments, "[deleted]" placeholders and hidden comments (shown to readers
# as "Removed by a moderator"), which keep their replies' thread.
SHOWN_STATUSES = (Comment.Status.VISIBLE, Comment.Status.DELETED, Comment.Status.HIDDEN)


class CommentRevision(models.Model):
    """The text a comment had before an edit, kept for moderators."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="revisions"
    )
    body = models.TextField(max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Earlier text of comment {self.comment_id}"


class CommentHelpful(models.Model):
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="helpful_marks"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="helpful_marks",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "user"], name="articles_commenthelpful_once"
            )
        ]

    def __str__(self):
        return f"{self.user_id} found {self.comment_id} helpful"


class CommentReport(models.Model):
    class Reason(models.TextChoices):
        HARASSMENT = "harassment", "Harassment or bullying"
        HATE = "hate", "Hate or discrimination"
        SPAM = "spam", "Spam or advertising"
        PERSONAL_INFORMATION = "personal_information", "Shares personal information"
        MISINFORMATION = "misinformation", "Harmful misinformation"
        SELF_HARM = "self_harm", "Worried about someone's safety (self-harm)"
        OTHER = "other", "Something else"

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="reports"
    )
    # Never shown to the reported person; moderators only.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="comment_reports",
    )
    reason = models.CharField(max_length=24, choices=Reason.choices)
    note = models.TextField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when a moderator hid, restored or approved the comment, or dismissed
    # its reports: the queue lists open reports only.
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(resolved_at__isnull=True),
                name="articles_commentreport_open",
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                name="articles_commentreport_once_per_reporter",
            )
        ]

    def __str__(self):
        return f"Report on comment {self.comment_id}: {self.reason}"

"""What moderators watch for in comments (articles.comments.screening reads the
text; articles.comments.watched keeps the list)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from articles.models.comment import Comment


class WatchedWord(models.Model):
    """A word or phrase moderators watch for in comments."""

    class Action(models.TextChoices):
        BLOCK = "block", "Block: the comment is refused"
        HOLD = "hold", "Hold: the comment waits for a moderator"
        FLAG = "flag", "Flag: the comment is posted and flagged for moderators"

    word = models.CharField(
        "word or phrase",
        max_length=100,
        help_text="Matched as whole words, ignoring case and accents.",
    )
    action = models.CharField(max_length=5, choices=Action.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="watched_words_added",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["word"]
        constraints = [
            models.UniqueConstraint(
                Lower("word"), name="articles_watchedword_unique_word"
            ),
        ]

    def __str__(self):
        return f"{self.word} ({self.action})"


class CommentFlag(models.Model):
    """Something posting noticed in a comment for moderators: a watched word, or
    crisis language (a priority flag). Kept simple for the moderation queue."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="flags")
    reason = models.CharField(max_length=200)
    is_priority = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-is_priority", "created_at"]
        indexes = [
            models.Index(
                fields=["is_priority", "created_at"],
                condition=Q(resolved_at__isnull=True),
                name="articles_commentflag_open",
            )
        ]

    def __str__(self):
        return f"Flag on comment {self.comment_id}: {self.reason}"

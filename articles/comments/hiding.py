"""Hiding an anonymous comment's author ("Hide comments from this person"): the
block is stored against the author, but nothing ever tells the one who hid them
who it is, and nothing changes for the author (see accounts.models.Block)."""

from django.core.exceptions import ValidationError

from accounts import services as account_services
from articles.models import Comment

NOT_HIDEABLE = "This comment's author can't be hidden."


def hide_anonymous_author(*, comment: Comment, user) -> None:
    """She hides the anonymous comments of this anonymous comment's author.
    Hiding twice is fine. Every refusal reads alike, whoever wrote it."""
    if user is None or not user.is_authenticated or not user.is_active:
        raise ValidationError("Please sign in first.", code="not_allowed")
    if (
        not comment.is_anonymous
        or not comment.is_visible
        or comment.author_id is None
        or comment.author_id == user.pk
    ):
        raise ValidationError(NOT_HIDEABLE, code="not_hideable")
    account_services.block_user(
        blocker=user, blocked=comment.author, via_anonymous_comment=True
    )

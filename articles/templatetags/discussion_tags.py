"""Formatting for the discussion (articles/includes/comment.html): who wrote a
comment as the reader may see it, and how long ago."""

from datetime import timedelta

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

register = template.Library()


@register.filter
def author_name(comment, user) -> str:
    """{{ comment|author_name:user }}: "Anonymous member" unless she is staff,
    "[deleted]" for placeholders and forgotten accounts (Comment.shown_author_name)."""
    return comment.shown_author_name(user)


@register.filter
def ago(moment) -> str:
    """ "just now", "5 minutes ago", "3 days ago": the largest unit only."""
    if moment is None:
        return ""
    if timezone.now() - moment < timedelta(minutes=1):
        return "just now"
    return f"{timesince(moment, depth=1)} ago"

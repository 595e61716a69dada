"""The discussion's templates (articles/includes/comment*.html): who wrote a
comment as the reader may see it, how long ago, its links, and which of her
controls to offer (the rules are articles.comments.rules'; the views check them
again)."""

import functools
from datetime import timedelta

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince

from accounts.access import is_moderator
from articles.comments import rules

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


# A page of threads links each comment several times (permalink, edit, delete,
# report, helpful). Reversing each of those URLs cost more than the SQL, so each
# pattern is reversed once and filled in with the comment's id.
_ID = 987654321
_SLUG = "slug-placeholder"


@functools.cache
def _comment_url_pattern(name: str) -> str:
    return reverse(f"articles:comment_{name}", args=[_ID]).replace(str(_ID), "{id}")


@functools.cache
def _permalink_pattern() -> str:
    url = reverse("articles:comment_permalink", args=[_SLUG, _ID])
    return url.replace(_SLUG, "{slug}").replace(str(_ID), "{id}")


@register.filter
def comment_url(comment, name: str) -> str:
    """{{ comment|comment_url:"edit" }}: the same as {% url "articles:comment_edit"
    comment.pk %}, for edit, delete, report and helpful."""
    return _comment_url_pattern(name).format(id=comment.pk)


@register.filter
def permalink(comment, article) -> str:
    """{{ comment|permalink:article }}: the comment's permalink."""
    return _permalink_pattern().format(slug=article.slug, id=comment.pk)


@register.filter
def editable_by(comment, user) -> bool:
    """{% if comment|editable_by:user %}: her own, and still in the edit window."""
    return rules.can_edit_comment(comment=comment, user=user)


@register.filter
def deletable_by(comment, user) -> bool:
    return rules.can_delete_comment(comment=comment, user=user)


@register.filter
def removed_for(comment, user) -> bool:
    """{{ comment|removed_for:user }}: a hidden comment reads "Removed by a
    moderator" (its replies stay) to everyone but moderators, who see what it
    said."""
    return comment.is_hidden and not is_moderator(user)

"""What the per-comment controls offer her (articles/includes/comment_actions.html).
The rules are articles.discussion's; the views check them again."""

from django import template

from articles import discussion

register = template.Library()


@register.filter
def editable_by(comment, user) -> bool:
    """{% if comment|editable_by:user %}: her own, and still in the edit window."""
    return discussion.can_edit_comment(comment=comment, user=user)


@register.filter
def deletable_by(comment, user) -> bool:
    return discussion.can_delete_comment(comment=comment, user=user)

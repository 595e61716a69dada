"""Formatting for the article pages: reading time. Formatting only; rules live in
the models. (The authors' Markdown-lite bios use groups_tags' markdown_lite, the
one Markdown filter of the site.)"""

from django import template

register = template.Library()


@register.filter
def reading_time(minutes: int) -> str:
    """ "1 minute read", "6 minute read"."""
    minutes = max(1, minutes or 1)
    return f"{minutes} minute read"

"""Formatting for the article pages: reading time and the authors' Markdown-lite
bios. Formatting only; rules live in the models."""

from django import template
from django.utils.safestring import mark_safe

from groups_site.lib.text import render_markdown_lite

register = template.Library()


@register.filter
def reading_time(minutes: int) -> str:
    """ "1 minute read", "6 minute read"."""
    minutes = max(1, minutes or 1)
    return f"{minutes} minute read"


@register.filter
def markdown_lite(text: str) -> str:
    # render_markdown_lite escapes raw HTML and nh3 sanitizes the result.
    return mark_safe(render_markdown_lite(text))

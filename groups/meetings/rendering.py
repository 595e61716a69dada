"""Meetings as HTML: the item a list shows for each meeting (with her answer)
and the pieces of a meeting's own page. These templates are Jinja2
(templates/jinja2/, groups_site/jinja2.py): a list renders them many times, and
Django's template engine cost more than the rest of the page there. The Django
pages show what these return (``item.html``) instead of including them."""

from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString, mark_safe

ITEM_TEMPLATE = "groups/includes/meeting_item.html"
PART_TEMPLATE = "groups/includes/meeting_{name}.html"


def csrf_token_of(request) -> SimpleLazyObject:
    """Her CSRF token, asked for only when a form is rendered (a signed-out page
    shows no form, so it sets no cookie and can be shared from the cache), and
    once for all the forms of the page."""
    return SimpleLazyObject(lambda: get_token(request))


def render_items(items, *, user, next_url: str, csrf_token: str) -> list:
    """Give each agenda.MeetingItem its HTML (item.html); returns the items."""
    template = get_template(ITEM_TEMPLATE)
    for item in items:
        item.html = _render(
            template,
            {"item": item, "user": user, "next": next_url, "csrf_token": csrf_token},
        )
    return items


def render_meeting_parts(item, *, user, next_url: str, csrf_token: str) -> dict:
    """A meeting page's time, status and answer panel, for its template."""
    context = {
        "item": item,
        "meeting": item.meeting,
        "user": user,
        "next": next_url,
        "csrf_token": csrf_token,
        "hx": False,
        "explain": True,
    }
    return {
        f"{name}_html": _render(
            get_template(f"groups/includes/meeting_{name}.html"), context
        )
        for name in ("time", "status", "answer")
    }


def _render(template, context: dict) -> SafeString:
    return mark_safe(template.render(context))

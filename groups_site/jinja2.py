"""The Jinja2 environment for the few templates rendered many times a page
(templates/jinja2/: one meeting in a list, with her answer), where Django's
template engine cost more than the rest of the page. Each template belongs to
one engine: Django templates show these as HTML rendered beforehand (see
groups.meetings.rendering), never by including them. The filters are the same
functions the Django templates use."""

from django.contrib.humanize.templatetags.humanize import ordinal
from django.template.defaultfilters import pluralize, urlencode
from django.urls import reverse
from jinja2 import Environment

from groups.templatetags import groups_tags


def url(name: str, *args) -> str:
    """{{ url("groups:meeting_rsvp", slug, code) }}: Django's {% url %}."""
    return reverse(name, args=args)


def environment(**options) -> Environment:
    env = Environment(**options)
    env.globals["url"] = url
    env.filters.update(
        {
            "meeting_day": groups_tags.meeting_day,
            "meeting_hours": groups_tags.meeting_hours,
            "utc_iso": groups_tags.utc_iso,
            "timezone_label": groups_tags.timezone_label,
            "ordinal": ordinal,
            "pluralize": pluralize,
            "urlencode": urlencode,
        }
    )
    return env

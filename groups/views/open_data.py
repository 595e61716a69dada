"""/meeting-guide.json: listed, active groups' repeating meetings in the open
Meeting Guide format, for meeting-finder apps (see groups.meetings.open_data for
what it carries, and never)."""

import json

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from groups import search
from groups.meetings import open_data


def _feed_body(scheme: str) -> bytes:
    """The feed as bytes, from the shared cache when it can be. The key holds the
    listing version, which every change to a group, its status or its schedules
    bumps (groups.search), and the day (schedules end, "From ..." notes expire);
    the timeout only bounds memory."""
    today = timezone.localdate()
    key = f"groups:meeting-guide:{search.listing_version()}:{today}:{scheme}"
    body = cache.get(key)
    if body is None:
        groups = open_data.meeting_guide_groups(today)
        entries = open_data.meeting_guide_entries(groups, today=today, scheme=scheme)
        body = json.dumps(entries, ensure_ascii=False).encode()
        if settings.MEETING_GUIDE_CACHE_SECONDS:
            cache.set(key, body, settings.MEETING_GUIDE_CACHE_SECONDS)
    return body


@require_safe
def meeting_guide(request):
    response = HttpResponse(
        _feed_body(request.scheme), content_type="application/json; charset=utf-8"
    )
    # Open data: any site's meeting finder may read it from the browser.
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=15 * 60)
    return response

from django.db.models import prefetch_related_objects
from django.shortcuts import render

from groups import access, caching, services
from groups.meetings import open_data, rendering
from groups_site import pagecache

# The next meetings described to search engines (schema.org Event).
EVENTS_IN_SCHEMA = 5


@pagecache.shared_when_signed_out(tags=lambda slug: [caching.group_tag(slug)])
def group_detail(request, slug):
    page = access.visible_group_page(request.user, slug)
    group = page.group
    # The schedule shows twice (the header and "At a glance"): one query.
    prefetch_related_objects([group], "schedules")
    if page.shows_address or page.shows_online_link:
        # Each time the members-only panel prints them, it is logged.
        services.record_private_detail_view(user=request.user, group=group)
    context = page.as_context()
    caching.shows_meetings(item.meeting for item in page.next_meetings)
    rendering.render_items(
        context["next_meetings"],
        user=request.user,
        next_url=request.get_full_path(),
        csrf_token=rendering.csrf_token_of(request),
    )
    if group.is_indexable:
        # schema.org Events for search engines: public facts only, of the
        # meetings the page lists (no second query).
        meetings = [item.meeting for item in page.next_meetings][:EVENTS_IN_SCHEMA]
        context["event_schema"] = open_data.event_schema(
            group, meetings, scheme=request.scheme
        )
    # Signed-in responses are private, no-store (PrivateResponseMiddleware).
    return render(request, "groups/group_detail.html", context)

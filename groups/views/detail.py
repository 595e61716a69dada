from django.db.models import prefetch_related_objects
from django.shortcuts import render
from django.template.loader import render_to_string

from groups import access, caching, services
from groups.meetings import open_data, rendering
from groups_site import pagecache

# The next meetings described to search engines (schema.org Event).
EVENTS_IN_SCHEMA = 5
# The parts of the page every viewer sees the same: templates/groups/includes/
# group_<part>.html.
PUBLIC_PARTS = ("hero", "glance", "about", "facilitation")


def _public_parts(group) -> dict[str, str]:
    """The group's own parts of its page (what it is, when and where it meets,
    who facilitates, its ground rules), rendered once and shared by every viewer
    from the cache under the versions of the site and the group, as its
    signed-out page is: members' visits re-render and re-read none of it (its
    topics and schedules: two queries and most of the template)."""

    def render_parts() -> dict[str, str]:
        prefetch_related_objects([group], "topics", "schedules")
        context = {"group": group, "topics": list(group.topics.all())}
        return {
            part: render_to_string(f"groups/includes/group_{part}.html", context)
            for part in PUBLIC_PARTS
        }

    return pagecache.shared_fragment(
        f"group-parts:{group.pk}", [caching.group_tag(group.slug)], render_parts
    )


@pagecache.shared_when_signed_out(tags=lambda slug: [caching.group_tag(slug)])
def group_detail(request, slug):
    page = access.visible_group_page(request.user, slug)
    group = page.group
    if page.shows_address or page.shows_online_link:
        # Each time the members-only panel prints them, it is logged.
        services.record_private_detail_view(user=request.user, group=group)
    context = page.as_context()
    context["public_parts"] = _public_parts(group)
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

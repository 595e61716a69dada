from django.db.models import prefetch_related_objects
from django.shortcuts import render

from groups import access, services


def group_detail(request, slug):
    group = access.get_visible_group(request.user, slug)
    # The schedule shows twice (the header and "At a glance"): one query.
    prefetch_related_objects([group], "schedules")
    page = access.group_page(request.user, group)
    if page.shows_address or page.shows_online_link:
        # Each time the members-only panel prints them, it is logged.
        services.record_private_detail_view(user=request.user, group=group)
    # Signed-in responses are private, no-store (PrivateResponseMiddleware).
    return render(request, "groups/group_detail.html", page.as_context())

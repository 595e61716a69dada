from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from groups import search
from groups.forms import GroupSearchForm
from groups.search import place_suggestions

GROUPS_PER_PAGE = 20


@require_safe
def group_list(request):
    # The search form and results hold nothing personal (GET only, no CSRF token),
    # so the rendered part is shared between visitors; see search.listing_cache_key.
    search.remember_searched_place(request)
    key = search.listing_cache_key(request.GET)
    cached = cache.get(key) if key else None
    if cached is None:
        form = GroupSearchForm(request.GET)
        group_search = page_obj = None
        if form.is_valid():
            group_search = form.to_search()
            paginator = Paginator(group_search.results(), GROUPS_PER_PAGE)
            page_obj = paginator.get_page(request.GET.get("page"))
        context = {"form": form, "search": group_search, "page_obj": page_obj}
        cached = {
            "title": render_to_string("groups/includes/group_list_title.html", context),
            "body": render_to_string(
                "groups/includes/group_list_body.html", context, request=request
            ),
        }
        if key:
            cache.set(key, cached, settings.GROUP_LISTING_CACHE_SECONDS)
    return render(request, "groups/group_list.html", cached)


@require_safe
def place_autocomplete(request):
    """<option>s for the "near" field's <datalist>, fetched by htmx as she types.
    htmx sends the field's own name (near); ?q= works too."""
    text = request.GET.get("q") or request.GET.get("near") or ""
    # PostgreSQL text can't hold NUL; the search form's fields refuse it too.
    places = place_suggestions(text[:120].replace("\x00", ""))
    return render(request, "groups/place_autocomplete.html", {"places": places})

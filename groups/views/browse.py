from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.http import QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_safe

from groups import search
from groups.forms import GroupSearchForm
from groups.search import place_suggestions
from groups_site.lib.pagination import paginate

GROUPS_PER_PAGE = 20


@dataclass
class GroupListing:
    """The /groups/ search for a query string, worked out only when the template
    asks: a page served from the cache runs none of its queries."""

    params: QueryDict

    @cached_property
    def form(self) -> GroupSearchForm:
        return GroupSearchForm(self.params)

    @cached_property
    def search(self) -> search.GroupSearch | None:
        return self.form.to_search() if self.form.is_valid() else None

    @cached_property
    def page_obj(self):
        if self.search is None:
            return None
        page = self.params.get("page")
        return paginate(self.search.results(), page, per_page=GROUPS_PER_PAGE)

    @cached_property
    def cache_key(self) -> str | None:
        """What the cached fragments vary on, or None: not cached at all."""
        return search.listing_cache_key(self.params)

    @property
    def cache_seconds(self) -> int:
        return settings.GROUP_LISTING_CACHE_SECONDS


@require_safe
def group_list(request):
    # The search form and results hold nothing personal (GET only, no CSRF token),
    # so the template caches them for every visitor: see search.listing_cache_key.
    search.remember_searched_place(request)
    listing = GroupListing(request.GET)
    return render(request, "groups/group_list.html", {"listing": listing})


@require_safe
def place_autocomplete(request):
    """<option>s for the "near" field's <datalist>, fetched by htmx as she types.
    htmx sends the field's own name (near); ?q= works too."""
    text = request.GET.get("q") or request.GET.get("near") or ""
    # PostgreSQL text can't hold NUL; the search form's fields refuse it too.
    places = place_suggestions(text[:120].replace("\x00", ""))
    return render(request, "groups/place_autocomplete.html", {"places": places})

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from groups import caching, search, searched_place
from groups.forms import GroupSearchForm
from groups.search import place_suggestions
from groups_site import pagecache
from groups_site.lib.pagination import paginate
from groups_site.lib.web import query_digest

GROUPS_PER_PAGE = 20
# Her coordinates, never shared, are the form's hidden lat and lon fields.
COORDINATE_FIELDS = ("lat", "lon")
# Where they go in a shared search form: an HTML comment, which no value she types
# can produce (its "<" is escaped).
COORDINATES_SLOT = "<!-- her coordinates -->"


def search_form_cache_key(form: GroupSearchForm) -> str | None:
    """What a shared search form varies on: its own fields as typed, but not her
    coordinates and nothing else in the query string. None when it must not be
    shared (caching is off, or the form shows errors)."""
    if not settings.GROUP_LISTING_CACHE_SECONDS or not form.is_valid():
        return None
    digest = query_digest(
        (name, form.data.getlist(name))
        for name in form.fields
        if name not in COORDINATE_FIELDS
    )
    # The topics it offers change with the site's version (groups_site.pagecache).
    return f"groups:search-form:{pagecache.version(pagecache.SITE)}:{digest}"


def search_form_html(form: GroupSearchForm) -> str:
    """The search form's HTML. A valid form comes from the cache, shared by every
    search with the same words, place and filters: rendering its widgets is most
    of the cost of a search that can't be cached whole (her own coordinates, next
    meeting first). Her coordinates are put in for each request, never cached.
    What it shows changes only with the code and the topics (bounded by
    GROUP_LISTING_CACHE_SECONDS, as the cached searches are)."""
    coordinates = format_html("{}{}", *(form[name] for name in COORDINATE_FIELDS))
    key = search_form_cache_key(form)
    html = cache.get(key) if key else None
    if html is None:
        context = {
            "form": form,
            "coordinates": mark_safe(COORDINATES_SLOT) if key else coordinates,
        }
        html = render_to_string("groups/includes/group_search_form.html", context)
        if key:
            cache.set(key, html, settings.GROUP_LISTING_CACHE_SECONDS)
    return mark_safe(html.replace(COORDINATES_SLOT, coordinates, 1))


def listing_fragments(params, request) -> dict:
    """The search page's title and results for a query string, from the shared
    cache when the search may be shared (see search.listing_cache_key). Rendered
    apart from the page, with its own small context: rendering them inside the
    page's blocks measured twice as slow under gunicorn."""
    key = search.listing_cache_key(params)
    fragments = cache.get(key) if key else None
    if fragments is None:
        form = GroupSearchForm(params)
        group_search = form.to_search() if form.is_valid() else None
        page_obj = None
        if group_search is not None:
            results = group_search.results()
            page_obj = paginate(results, params.get("page"), per_page=GROUPS_PER_PAGE)
        context = {
            "search_form": search_form_html(form),
            "form": form,
            "search": group_search,
            "page_obj": page_obj,
        }
        cards = page_obj.object_list if page_obj is not None else []
        fragments = {
            # When a card's "next meeting" passes, the page is due again.
            "until": caching.cards_change_at(cards),
            "title": render_to_string("groups/includes/group_list_title.html", context),
            "body": render_to_string(
                "groups/includes/group_list_body.html", context, request=request
            ),
        }
        if key:
            cache.set(key, fragments, settings.GROUP_LISTING_CACHE_SECONDS)
    return fragments


@require_safe
def group_list(request):
    response = _group_list_page(request)
    searched_place.remember(request, response)
    return response


@pagecache.shared_when_signed_out(
    tags=[caching.LISTING],
    params=[*GroupSearchForm.base_fields, "page"],
    when=lambda request: search.may_share_listing(request.GET),
)
def _group_list_page(request):
    # The search form and results hold nothing personal (GET only, no CSRF token),
    # so they are shared between visitors, signed in or not.
    fragments = listing_fragments(request.GET, request)
    pagecache.valid_until(fragments["until"])
    return render(request, "groups/group_list.html", fragments)


@require_safe
def place_autocomplete(request):
    """<option>s for the "near" field's <datalist>, fetched by htmx as she types.
    htmx sends the field's own name (near); ?q= works too."""
    text = request.GET.get("q") or request.GET.get("near") or ""
    # PostgreSQL text can't hold NUL; the search form's fields refuse it too.
    places = place_suggestions(text[:120].replace("\x00", ""))
    return render(request, "groups/place_autocomplete.html", {"places": places})

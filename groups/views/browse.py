from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from groups.forms import GroupSearchForm
from groups.search import place_suggestions

GROUPS_PER_PAGE = 20


@require_safe
def group_list(request):
    form = GroupSearchForm(request.GET)
    search = page_obj = None
    if form.is_valid():
        search = form.to_search()
        paginator = Paginator(search.results(), GROUPS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
    context = {"form": form, "search": search, "page_obj": page_obj}
    return render(request, "groups/group_list.html", context)


@require_safe
def place_autocomplete(request):
    """<option>s for the "near" field's <datalist>, fetched by htmx as she types.
    htmx sends the field's own name (near); ?q= works too."""
    text = request.GET.get("q") or request.GET.get("near") or ""
    # PostgreSQL text can't hold NUL; the search form's fields refuse it too.
    places = place_suggestions(text[:120].replace("\x00", ""))
    return render(request, "groups/place_autocomplete.html", {"places": places})

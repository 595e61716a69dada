from django.core.paginator import Page, Paginator

from groups_site.lib.text import positive_int


def paginate(items, number, *, per_page: int) -> Page:
    """The page ``number`` (as typed in the query string) of ``items``: the first
    page for a missing or malformed number (ASCII digits only: int() would read
    "٣" as 3), the last for one past the end. Render it with
    templates/includes/pagination.html."""
    return Paginator(items, per_page).get_page(positive_int(number) or 1)

import pytest
from django.core.cache import cache
from django.http import QueryDict

from groups import moderation, services
from groups.meetings import changes
from groups.models import Group
from groups.search import listing_cache_key
from groups.templatetags.groups_tags import utc_iso
from tests.conftest import make_group


def results(response) -> str:
    html = response.content.decode()
    return html[html.index('<div class="group-search">') : html.index("</main>")]


@pytest.fixture
def cached_listing(settings):
    settings.GROUP_LISTING_CACHE_SECONDS = 300
    cache.clear()


def test_it_serves_a_repeated_search_from_the_cache(
    client, group, cached_listing, django_assert_max_num_queries
):
    first = client.get("/groups/?near=Leeds&radius=50")
    assert "Tuesday Evening Circle" in first.content.decode()
    # Only her session is read (the search remembers its place there).
    with django_assert_max_num_queries(1):
        second = client.get("/groups/?near=Leeds&radius=50")
    # The same results (the page around them differs: the exit note shows once).
    assert "Tuesday Evening Circle" in second.content.decode()
    assert results(second) == results(first)
    # The page's one <h1> and its title are there, cached or not.
    assert second.content.decode().count("<h1") == 1
    assert "<title>Groups near Leeds" in second.content.decode()


def test_it_shows_a_newly_approved_group_at_once(
    client, alice, moderator, group, cached_listing, django_capture_on_commit_callbacks
):
    client.get("/groups/")
    pending = make_group(name="Saturday Walkers", status=Group.Status.PENDING)
    assert "Saturday Walkers" not in client.get("/groups/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve_group(group=pending, moderator=moderator)
    assert "Saturday Walkers" in client.get("/groups/").content.decode()


def test_it_drops_an_archived_group_at_once(
    client, alice, group, cached_listing, django_capture_on_commit_callbacks
):
    assert "Tuesday Evening Circle" in client.get("/groups/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.set_group_status(
            organizer=alice, group=group, status=Group.Status.ARCHIVED
        )
    assert "Tuesday Evening Circle" not in client.get("/groups/").content.decode()


def test_it_shows_the_next_meeting_at_once_after_a_cancellation(
    client, alice, group, cached_listing, django_capture_on_commit_callbacks
):
    first, second = group.meetings.order_by("starts_at")[:2]
    assert f'<time datetime="{utc_iso(first.starts_at)}">' in (
        client.get("/groups/").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        changes.cancel_meeting(organizer=alice, meeting=first, reason="Closed.")

    page = client.get("/groups/").content.decode()

    assert f'<time datetime="{utc_iso(first.starts_at)}">' not in page
    assert f'<time datetime="{utc_iso(second.starts_at)}">' in page


def test_it_never_caches_her_own_coordinates(cached_listing):
    assert listing_cache_key(QueryDict("lat=53.8&lon=-1.5")) is None
    assert listing_cache_key(QueryDict("near=Leeds")) is not None


def test_it_shares_a_key_for_the_same_search_in_another_order(cached_listing):
    one = QueryDict("near=Leeds&radius=50")
    other = QueryDict("radius=50&near=Leeds")
    assert listing_cache_key(one) == listing_cache_key(other)


def cached_values() -> list[str]:
    """Every value stored, as stored (local memory, or Redis when the suite's
    cache tests run against it)."""
    if hasattr(cache, "_cache") and isinstance(cache._cache, dict):
        keys = [key.split(":", 2)[2] for key in cache._cache]
    else:
        client = cache._cache.get_client(write=False)
        keys = [
            key.decode().split(":", 2)[2]
            for key in client.scan_iter(match=cache.make_key("*"))
        ]
    return [str(cache.get(key)) for key in keys]


def test_a_search_by_her_coordinates_shares_its_form_but_never_her_coordinates(
    client, group, cached_listing
):
    url = "/groups/?lat=53.812345&lon=-1.554321&radius=50&women_only=on"
    first = client.get(url).content.decode()
    # Another woman, elsewhere, with the same filters: the same form from the
    # cache, with her own coordinates in it.
    second = client.get(
        "/groups/?lat=51.498765&lon=-0.123456&radius=50&women_only=on"
    ).content.decode()

    assert 'name="lat" value="53.812345"' in first
    assert 'name="lon" value="-1.554321"' in first
    assert 'name="lat" value="51.498765"' in second
    assert 'name="lon" value="-0.123456"' in second
    assert "53.812345" not in second
    assert 'name="women_only" id="id_women_only" checked' in second
    stored = " ".join(cached_values())
    assert '<form class="group-search__form"' in stored
    for coordinate in ("53.81", "1.55", "51.49", "0.12"):
        assert coordinate not in stored


def test_a_search_with_errors_renders_its_own_form(client, db, cached_listing):
    first = client.get("/groups/?lat=95&lon=3").content.decode()
    second = client.get("/groups/?lat=45&lon=3&radius=9999").content.decode()

    assert "Please check your search" in first
    assert 'name="lat" value="95"' in first
    assert 'name="lat" value="45"' in second
    assert "Enter a distance from 1 to 500." in second
    assert "group-search__form" not in " ".join(cached_values())

import re
from datetime import UTC, datetime

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from groups.meetings import changes
from groups.models import Group, Topic
from tests.conftest import make_group, make_place
from tests.groups.conftest import card_names, page

LEEDS = {"latitude": 53.79648, "longitude": -1.54785}
MANCHESTER = {"latitude": 53.48095, "longitude": -2.23743}
LONDON = {"latitude": 51.50853, "longitude": -0.12574}


@pytest.fixture
def manchester(db):
    return make_place("Manchester", geonames_id=2643123, **MANCHESTER)


@pytest.fixture
def london(db):
    return make_place("London", geonames_id=2643743, population=8961989, **LONDON)


def add_groups(count: int, *, place, start: int = 0) -> None:
    """Many listed groups cheaply, each with two topics."""
    groups = Group.objects.bulk_create(
        Group(
            name=f"Confidence circle {number:03d}",
            slug=f"confidence-circle-{number:03d}",
            tagline="Rebuilding confidence together.",
            description="We meet weekly.",
            facilitation=Group.Facilitation.PEER,
            format=Group.Format.IN_PERSON,
            venue_type=Group.VenueType.COMMUNITY_CENTRE,
            place=place,
            status=Group.Status.ACTIVE,
            childcare=True,
            languages=["en", "es"],
        )
        for number in range(start, start + count)
    )
    topics = list(Topic.objects.all()[:2])
    Group.topics.through.objects.bulk_create(
        Group.topics.through(group_id=group.pk, topic_id=topic.pk)
        for group in groups
        for topic in topics
    )


# The page ----------------------------------------------------------------------


def test_it_shows_the_search_form_and_listed_groups(client, leeds):
    make_group(name="Tuesday Evening Circle", place=leeds)

    html = page(client, "/groups/")

    assert html.count("<h1") == 1
    assert 'name="q"' in html
    assert 'name="near"' in html
    assert 'type="hidden" name="lat"' in html
    assert "1 group found" in html
    assert card_names(html) == ["Tuesday Evening Circle"]


def test_it_shows_what_a_card_needs_and_never_the_address(client, leeds):
    grief = Topic.objects.get(slug="grief-and-loss")
    make_group(
        name="Tuesday Evening Circle",
        place=leeds,
        topics=[grief],
        facilitation=Group.Facilitation.COUNSELLOR,
        cost=Group.Cost.DONATION,
        childcare=True,
        wheelchair_accessible=True,
        languages=["es"],
    )

    html = page(client, "/groups/")

    assert 'href="/groups/tuesday-evening-circle/"' in html
    assert "A calm evening group for women rebuilding confidence." in html
    assert "Near the central library · Leeds, United Kingdom" in html
    assert "In person" in html
    assert "Tuesdays" in html
    assert "Counsellor" in html
    assert "Donation welcome" in html
    assert "Grief and loss" in html
    for badge in ("Women only", "Childcare available", "Wheelchair accessible"):
        assert f'<li class="badge">{badge}</li>' in html
    assert "Spanish" in html
    assert "12 Secret Lane" not in html
    assert "Ring the bell" not in html


def test_it_shows_each_groups_next_meeting_on_its_card(client, leeds, alice):
    with time_machine.travel(datetime(2026, 3, 1, 10, tzinfo=UTC), tick=False):
        group = make_group(place=leeds, timezone="Europe/London")
        first = group.meetings.order_by("starts_at").first()
        changes.cancel_meeting(organizer=alice, meeting=first, reason="Closed.")
        make_group(name="Quiet Circle", place=leeds, schedule=False)

        html = page(client, "/groups/")

    # The cancelled Tuesday is skipped; a group with no meetings says nothing.
    assert (
        '<dt>Next</dt>\n                <dd><time datetime="2026-03-10T19:00:00Z">'
        "Tue 10 March, 7:00 pm</time></dd>"
    ) in html
    assert html.count("<dt>Next</dt>") == 1


def test_it_works_as_a_plain_get_target(client, leeds):
    make_group(name="Confidence Circle", place=leeds)
    make_group(name="Career Talk", place=leeds, tagline="Work and money.")

    html = page(client, "/groups/?near=Leeds&q=confidence")

    assert card_names(html) == ["Confidence Circle"]
    assert "Showing groups near Leeds, United Kingdom" in html


def test_it_rejects_post(client, db):
    assert client.post("/groups/").status_code == 405


@pytest.mark.parametrize(
    ("visibility", "status"),
    [
        (Group.Visibility.UNLISTED, Group.Status.ACTIVE),
        (Group.Visibility.LISTED, Group.Status.PENDING),
        (Group.Visibility.LISTED, Group.Status.ARCHIVED),
    ],
)
@pytest.mark.parametrize("query", ["", "?q=secret", "?near=Leeds", "?format=online"])
def test_it_never_lists_unlisted_pending_or_archived_groups(
    client, leeds, visibility, status, query
):
    for fmt in (Group.Format.IN_PERSON, Group.Format.ONLINE):
        make_group(
            name=f"Secret {fmt}",
            place=leeds,
            format=fmt,
            visibility=visibility,
            status=status,
        )

    html = page(client, f"/groups/{query}")

    assert "Secret" not in html.replace("secret", "")
    assert card_names(html) == []


def test_it_lists_paused_groups_marked_as_paused(client, leeds):
    make_group(name="Resting Circle", place=leeds, status=Group.Status.PAUSED)

    html = page(client, "/groups/")

    assert card_names(html) == ["Resting Circle"]
    assert '<span class="badge badge--warning">Taking a break</span>' in html


# Text --------------------------------------------------------------------------


def test_it_ranks_name_matches_first(client, leeds):
    make_group(name="Tuesday Talk", place=leeds, description="Grief and after.")
    make_group(name="Grief Circle", place=leeds, tagline="Together.")

    html = page(client, "/groups/?q=grief")

    assert card_names(html) == ["Grief Circle", "Tuesday Talk"]


def test_it_explains_a_search_with_only_common_words(client, leeds):
    make_group(name="The Circle", place=leeds, tagline="Hello.")

    html = page(client, "/groups/?q=the")

    assert card_names(html) == ["The Circle"]
    assert "has no words we can search by meaning" in html


# Filters -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ("topic=grief-and-loss", {}),
        ("format=hybrid", {"format": Group.Format.HYBRID}),
        ("online=on", {"format": Group.Format.HYBRID}),
        ("facilitation=therapist", {"facilitation": Group.Facilitation.THERAPIST}),
        ("women_only=on", {"women_only": True}),
        ("childcare=on", {"childcare": True}),
        ("child_friendly=on", {"child_friendly": True}),
        ("wheelchair=on", {"wheelchair_accessible": True}),
        ("language=es", {"languages": ["es"]}),
        ("cost=fee", {"cost": Group.Cost.FEE, "cost_details": "£5 a session"}),
    ],
)
def test_it_filters(client, leeds, query, fields):
    grief = Topic.objects.get(slug="grief-and-loss")
    make_group(name="Match", place=leeds, topics=[grief], **fields)
    make_group(name="Other", place=leeds, women_only=False)

    html = page(client, f"/groups/?{query}")

    assert card_names(html) == ["Match"]
    assert '<details class="details group-search__more"' in html


def test_it_opens_more_filters_only_when_one_is_used(client, leeds):
    closed = page(client, "/groups/?topic=grief-and-loss")
    opened = page(client, "/groups/?cost=free")

    assert '<details class="details group-search__more">' in closed
    assert '<details class="details group-search__more" open>' in opened


# Near a place ------------------------------------------------------------------


def test_it_lists_groups_near_a_place_nearest_first_with_distances(
    client, leeds, manchester, london
):
    make_group(name="London Circle", place=london)
    make_group(name="Manchester Circle", place=manchester)
    make_group(name="Leeds Circle", place=leeds)

    html = page(client, "/groups/?near=leeds&radius=100")

    assert card_names(html) == ["Leeds Circle", "Manchester Circle"]
    assert "Showing groups near Leeds, United Kingdom, within 100 km" in html
    assert "Under 1 km away" in html
    assert "57.4 km away" in html


def test_it_shows_distances_in_miles(client, leeds, manchester):
    make_group(name="Manchester Circle", place=manchester)

    html = page(client, "/groups/?near=Leeds&radius=40&unit=mi")

    assert card_names(html) == ["Manchester Circle"]
    assert "35.7 miles away" in html
    assert "within 40 miles" in html


def test_it_searches_near_her_coordinates(client, leeds, manchester):
    make_group(name="Manchester Circle", place=manchester)
    make_group(name="Leeds Circle", place=leeds)

    html = page(client, "/groups/?lat=53.48&lon=-2.24&radius=10")

    assert card_names(html) == ["Manchester Circle"]
    assert "Showing groups near your location" in html
    assert "we don't keep it" in html


def test_it_never_keeps_her_coordinates(client, leeds):
    response = client.get("/groups/?lat=53.48&lon=-2.24")

    assert "sessionid" not in response.cookies
    assert all("53.48" not in morsel.value for morsel in response.cookies.values())
    assert 'name="lat" value="53.48"' in response.content.decode()


def test_it_enhances_the_form_without_needing_javascript(client, db):
    html = page(client, "/groups/")

    assert '<script type="module" src="/static/js/group-search.js">' in html
    assert "data-use-location hidden>Use my location</button>" in html
    assert 'list="place-suggestions"' in html
    assert 'data-hx-get="/groups/places/"' in html
    assert 'data-hx-trigger="input changed delay:250ms"' in html
    assert 'data-hx-target="#place-suggestions"' in html
    assert '<datalist id="place-suggestions"></datalist>' in html
    assert 'method="get" action="/groups/"' in html


def test_it_prefers_a_typed_place_to_old_coordinates(client, leeds, manchester):
    make_group(name="Manchester Circle", place=manchester)
    make_group(name="Leeds Circle", place=leeds)

    html = page(client, "/groups/?near=Leeds&lat=53.48&lon=-2.24&radius=10")

    assert card_names(html) == ["Leeds Circle"]


def test_it_leaves_online_groups_out_but_links_to_them(client, leeds):
    make_group(name="Leeds Circle", place=leeds)
    make_group(name="Online Circle", format=Group.Format.ONLINE)

    html = page(client, "/groups/?near=Leeds&q=circle")

    assert card_names(html) == ["Leeds Circle"]
    link = re.search(r'<a href="([^"]+)">Also see online groups</a>', html)
    assert link
    online = page(client, "/groups/" + link.group(1))
    assert card_names(online) == ["Online Circle"]
    assert "q=circle" in link.group(1)
    assert "near=" not in link.group(1)


def test_it_offers_other_places_with_the_same_name(client, db):
    make_place("Paris", geonames_id=2988507, country="France", population=2138551)
    make_place(
        "Paris",
        geonames_id=4717560,
        region="Texas",
        region_search="texas",
        country="United States",
        country_code="US",
        population=25171,
    )

    html = page(client, "/groups/?near=Paris&radius=25")

    assert "Showing groups near Paris, France" in html
    assert "Not the place you meant?" in html
    assert "near=Paris%2C+Texas" in html
    assert ">Paris, Texas, United States</a>" in html


def test_it_says_when_it_does_not_know_a_place(client, leeds):
    make_group(name="Leeds Circle", place=leeds)

    html = page(client, "/groups/?near=Atlantis")

    assert "We couldn't find a place called “Atlantis”" in html
    assert "Try the nearest town or city" in html
    assert card_names(html) == []


@pytest.mark.parametrize("near", [",", ", United Kingdom", "Atlantis, Leeds"])
def test_it_needs_a_place_name_before_the_comma(client, leeds, near):
    html = page(client, f"/groups/?near={near}")

    assert f"We couldn't find a place called “{near}”" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("q=a%00b", "Null characters are not allowed."),
        ("near=Lee%00ds", "Null characters are not allowed."),
        ("near=Leeds&radius=-5", "Enter a distance from 1 to 500."),
        ("near=Leeds&radius=100000", "Enter a distance from 1 to 500."),
        ("near=Leeds&radius=ten", "Enter a whole number from 1 to 500."),
        ("near=Leeds&unit=furlongs", "Select a valid choice."),
        ("lat=200&lon=0", "We couldn't read your location."),
        ("lat=nan&lon=0", "We couldn't read your location."),
        ("lat=53.8", "We couldn't read your location."),
        ("topic=no-such-topic", "We don't have that topic"),
        ("format=underwater", "Select a valid choice."),
    ],
)
def test_it_explains_bad_input_instead_of_failing(client, leeds, query, message):
    make_group(name="Leeds Circle", place=leeds)

    html = page(client, f"/groups/?{query}")

    assert "Please check your search" in html
    assert message in html
    assert card_names(html) == []


def test_it_defaults_a_blank_radius(client, leeds):
    html = page(client, "/groups/?near=Leeds&radius=")

    assert "within 25 km" in html
    assert 'name="radius" value="25"' in html


# Empty states and pages --------------------------------------------------------


def test_it_suggests_a_wider_radius_online_groups_and_fewer_filters(
    client, leeds, manchester
):
    make_group(name="Manchester Circle", place=manchester)

    html = page(client, "/groups/?near=Leeds&radius=25&cost=fee&q=circle")

    assert card_names(html) == []
    assert "No groups match your search yet" in html
    assert "Look further: within 50 km" in html
    assert "radius=50" in html
    assert "Try online groups" in html
    assert "Remove the filters" in html
    assert "Search without “circle”" in html


def test_it_stops_widening_at_the_limit(client, leeds):
    html = page(client, "/groups/?near=Leeds&radius=400")
    at_limit = page(client, "/groups/?near=Leeds&radius=500")

    assert "within 500 km" in html
    assert "Look further" not in at_limit


def test_it_paginates_and_keeps_the_filters(client, leeds):
    add_groups(25, place=leeds)

    first = page(client, "/groups/?near=Leeds&q=confidence&childcare=on")
    link = re.search(r'<a [^>]*rel="next" href="([^"]+)"', first)
    second = page(client, "/groups/" + link.group(1))

    assert len(card_names(first)) == 20
    assert "Page 1 of 2" in first
    assert link.group(1) == "?near=Leeds&q=confidence&childcare=on&page=2"
    assert card_names(second) == [f"Confidence circle {n:03d}" for n in range(20, 25)]
    assert "Page 2 of 2" in second
    assert 'rel="prev" href="?near=Leeds&q=confidence&childcare=on&page=1"' in second


def test_it_shows_the_last_page_for_a_page_too_far(client, leeds):
    add_groups(3, place=leeds)

    html = page(client, "/groups/?page=99")

    assert len(card_names(html)) == 3


# Queries -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/groups/", "/groups/?near=Leeds&radius=50", "/groups/?q=confidence"]
)
def test_it_runs_as_many_queries_whatever_the_number_of_groups(
    client, leeds, url, django_assert_num_queries
):
    add_groups(10, place=leeds)
    page(client, url)
    with CaptureQueriesContext(connection) as with_ten:
        assert len(card_names(page(client, url))) == 10

    add_groups(190, place=leeds, start=10)
    with django_assert_num_queries(len(with_ten)):
        assert len(card_names(page(client, url))) == 20


def test_it_remembers_the_last_place_searched_in_a_signed_cookie(client, group):
    from django.contrib.sessions.models import Session

    from groups import searched_place

    response = client.get("/groups/?near=Leeds&radius=50")
    cookie = response.cookies[searched_place.COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert not cookie["max-age"], "it ends with the browser"
    request = RequestFactory().get("/")
    request.COOKIES = {searched_place.COOKIE: cookie.value}
    assert searched_place.text(request) == "Leeds"
    # Nothing on the server: no session row, no session cookie.
    assert not Session.objects.exists()
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_it_ignores_a_place_cookie_it_did_not_sign(client, group):
    from groups import searched_place

    request = RequestFactory().get("/")
    request.COOKIES = {searched_place.COOKIE: "Leeds"}
    assert searched_place.text(request) == ""


def test_it_never_keeps_her_coordinates_in_a_cookie(client, group):
    from groups import searched_place

    response = client.get("/groups/?lat=53.8&lon=-1.5&radius=50")
    assert searched_place.COOKIE not in response.cookies

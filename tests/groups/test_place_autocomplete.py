import pytest

from tests.conftest import make_place


@pytest.fixture
def places(db):
    make_place("Zürich", geonames_id=1, search_name="zurich", country="Switzerland")
    make_place(
        "São Paulo",
        geonames_id=2,
        search_name="sao paulo",
        country="Brazil",
        country_code="BR",
        population=10021295,
    )
    make_place(
        "São Pedro",
        geonames_id=3,
        search_name="sao pedro",
        country="Brazil",
        country_code="BR",
        population=30000,
    )
    for geonames_id, region, population in [(4, "Oregon", 652503), (5, "Maine", 66881)]:
        make_place(
            "Portland",
            geonames_id=geonames_id,
            search_name="portland",
            region=region,
            region_search=region.lower(),
            country="United States",
            country_search="united states",
            country_code="US",
            population=population,
        )


def test_it_matches_a_prefix_ignoring_accents_and_case(client, places):
    zurich = client.get("/groups/places/?q=zur").content.decode()
    sao = client.get("/groups/places/?q=SAO").content.decode()

    assert zurich.strip() == (
        '<option value="Zürich, Switzerland">Zürich, Switzerland</option>'
    )
    assert sao.index("São Paulo, Brazil") < sao.index("São Pedro, Brazil")


def test_it_narrows_by_region_after_a_comma(client, places):
    response = client.get("/groups/places/?q=Portland, Maine")

    assert response.content.decode().strip() == (
        '<option value="Portland, Maine">Portland, Maine, United States</option>'
    )


def test_it_reads_the_near_field_htmx_sends(client, places):
    response = client.get("/groups/places/?near=portland")

    options = response.content.decode()
    assert options.index("Portland, Oregon") < options.index("Portland, Maine")


def test_it_returns_at_most_eight_places(client, db):
    for number in range(12):
        make_place(f"Leeds {number}", geonames_id=100 + number, population=number)

    response = client.get("/groups/places/?q=leeds")

    assert response.content.decode().count("<option") == 8


@pytest.mark.parametrize("query", ["", "?q=atlantis", "?q=,", "?q=, Brazil", "?q=%00"])
def test_it_returns_nothing_without_a_matching_name(client, places, query):
    response = client.get(f"/groups/places/{query}")

    assert response.status_code == 200
    assert response.content.decode().strip() == ""


def test_it_escapes_place_names(client, db):
    make_place('Ev"il <b>town</b>', geonames_id=9, search_name="evil")

    body = client.get("/groups/places/?q=evil").content.decode()

    assert "<b>" not in body
    assert 'value="Ev&quot;il &lt;b&gt;town&lt;/b&gt;, United Kingdom"' in body


def test_it_is_an_html_fragment(client, places):
    response = client.get("/groups/places/?q=zur", HTTP_HX_REQUEST="true")

    assert response["Content-Type"].startswith("text/html")
    assert "<html" not in response.content.decode()
    assert "<h1" not in response.content.decode()


def test_it_rejects_post(client, places):
    assert client.post("/groups/places/", {"q": "zur"}).status_code == 405

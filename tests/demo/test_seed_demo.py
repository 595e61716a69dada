"""The seed_demo command: its flags, what it prints, and the places it needs."""

import pytest
from django.core.management.base import CommandError

from accounts.models import User
from articles.models import Author
from groups.models import Group, Place
from groups_site.demo import articles as demo_articles
from groups_site.demo import content
from groups_site.demo.management.commands import seed_demo
from tests.conftest import make_user
from tests.demo.conftest import CITIES, make_city, seed


@pytest.fixture
def no_pictures(monkeypatch):
    """For tests that seed afresh and are not about the pictures."""
    monkeypatch.setattr(demo_articles, "_draw_hero", lambda article, spec: None)


def test_it_reports_what_it_seeded(seeded):
    people = content.people()
    articles, authors = len(content.articles()), len(content.authors())

    assert f"{len(content.groups())} groups" in seeded.out
    assert f"{articles} published articles by {authors} authors" in seeded.out
    assert f"{len(people['user']) + len(people['member'])} demo accounts" in seeded.out
    assert "moderator  sam    / kindred-demo-2026" in seeded.out
    assert "Posted 115 demo comments under the articles." in seeded.out
    assert seeded.err == ""


@pytest.mark.usefixtures("seeded")
def test_it_signs_the_demo_accounts_in_with_the_demo_password():
    for username in ("maya", "rosa", "sam", "fern"):
        user = User.objects.get(username=username)
        assert user.check_password(seed_demo.DEMO_PASSWORD), username
        assert user.emailaddress_set.get(primary=True).verified


@pytest.mark.usefixtures("empty_database")
def test_it_refuses_with_debug_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        seed()

    assert not Group.objects.exists()
    assert not User.objects.exists()


@pytest.mark.usefixtures("seeded")
def test_it_runs_with_debug_off_when_forced(settings):
    settings.DEBUG = False

    out, _ = seed("--force")

    assert "Demo content is ready" in out
    assert Group.objects.count() == len(content.groups())


@pytest.mark.usefixtures("empty_database", "debug")
def test_it_does_nothing_if_empty_and_users_exist():
    make_user("someone")

    out, _ = seed("--if-empty")

    assert "already has users" in out
    assert not Group.objects.exists()


@pytest.mark.usefixtures("empty_database", "debug", "no_pictures")
def test_it_loads_places_when_there_are_none(monkeypatch):
    called = []

    def fake_call_command(name, **options):
        called.append(name)
        for city in CITIES:
            make_city(*city)

    monkeypatch.setattr(seed_demo, "call_command", fake_call_command)

    seed()

    assert called == ["load_places"]
    assert Group.objects.count() == len(content.groups())
    assert Author.objects.get(slug="fern-ashby").user.username == "fern"


@pytest.mark.usefixtures("seeded")
def test_it_does_not_reload_places(monkeypatch):
    def fail(*args, **options):
        pytest.fail("load_places ran although places exist")

    monkeypatch.setattr(seed_demo, "call_command", fail)

    seed()

    assert Place.objects.count() == len(CITIES)


@pytest.mark.usefixtures("empty_database", "debug", "no_pictures")
def test_it_skips_groups_whose_city_is_missing():
    make_city(*CITIES[0])  # Leeds only

    _, err = seed()

    assert "Skipped" in err
    assert Group.objects.filter(place__name="Leeds").exists()
    assert Group.objects.filter(format=Group.Format.ONLINE).exists()
    assert not Group.objects.filter(place__name="London").exists()

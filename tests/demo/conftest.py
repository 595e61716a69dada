"""The demo site, seeded once for the whole tests/demo package.

`seed_demo` takes seconds (forty groups, twelve illustrated articles, their
discussions), so the tests that only look at what it wrote share one run:
`demo_site` seeds a committed copy when the first test asks for it and deletes it
when the package is done. Each test still runs in its own transaction, so one that
changes the seeded rows is rolled back, and `seeded` gives it a private copy of
the pictures. Tests that need a database without the demo site ask for
`empty_database`, which clears it inside their transaction."""

import shutil
from collections import Counter
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.test.utils import override_settings
from django_tasks_db.models import DBTaskResult

from accounts.models import User
from articles.models import Article, Author
from groups.models import Group, Place
from tests.conftest import make_place

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
DEMO_USERNAMES = [
    "maya",
    "rosa",
    "sam",
    "wren",
    "marigold",
    "juniper",
    "heron",
    "tala",
    "clover",
    "fern",
    "sunny",
]


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


def seed(*args) -> tuple[str, str]:
    """Run seed_demo; returns what it printed (stdout, stderr)."""
    out, err = StringIO(), StringIO()
    call_command("seed_demo", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def clear_demo_site() -> None:
    """Delete everything seed_demo writes (the rest goes with these rows)."""
    Article.objects.all().delete()
    Author.objects.all().delete()
    Group.objects.all().delete()
    User.objects.all().delete()
    Place.objects.all().delete()
    # The e-mails its notifications queued (their deliveries went with the users).
    DBTaskResult.objects.all().delete()


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """One committed run of seed_demo in the demo cities, with full-size pictures
    in its own media folder: what it printed and where the pictures are."""
    media = tmp_path_factory.mktemp("demo-media")
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(DEBUG=True, MEDIA_ROOT=media, PASSWORD_HASHERS=hashers),
    ):
        for city in CITIES:
            make_city(*city)
        out, err = seed()
    yield SimpleNamespace(out=out, err=err, media=media)
    with django_db_blocker.unblock():
        clear_demo_site()


@pytest.fixture
def seeded(demo_site, db, settings):
    """The shared demo site, with a private copy of its pictures and DEBUG on (so
    seed_demo can run again)."""
    shutil.copytree(demo_site.media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    settings.DEBUG = True
    return demo_site


@pytest.fixture
def empty_database(db):
    """No demo site, whether or not the shared one is loaded (rolled back)."""
    clear_demo_site()


@pytest.fixture
def places(empty_database):
    return [make_city(*city) for city in CITIES]


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


def tree_problems(comments) -> list[str]:
    """Everything wrong with a set of comments as a tree: paths, roots, depths
    and counters recomputed from scratch."""
    by_id = {comment.pk: comment for comment in comments}
    replies, descendants = Counter(), Counter()
    problems = []
    for comment in comments:
        parent = by_id.get(comment.parent_id)
        if parent is None:
            expected = (f"{comment.pk:010d}/", None, 0)
        else:
            root = parent.root_id or parent.pk
            expected = (f"{parent.path}{comment.pk:010d}/", root, parent.depth + 1)
            replies[parent.pk] += 1
        if (comment.path, comment.root_id, comment.depth) != expected:
            problems.append(f"{comment.pk}: path, root or depth")
        ids = [int(part) for part in comment.path.split("/") if part][:-1]
        for ancestor_id in ids:
            descendants[ancestor_id] += 1
    for comment in comments:
        if comment.reply_count != replies[comment.pk]:
            problems.append(f"{comment.pk}: reply_count")
        if comment.descendant_count != descendants[comment.pk]:
            problems.append(f"{comment.pk}: descendant_count")
        marks = comment.helpful_marks.count()
        if comment.helpful_count != marks:
            problems.append(f"{comment.pk}: helpful_count")
    return problems

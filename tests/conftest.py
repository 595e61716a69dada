import base64
import datetime
import hashlib
import hmac
import importlib
import itertools
import struct
import time

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps as django_apps
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db.models.signals import post_migrate
from django.utils import timezone

from accounts.models import User

PASSWORD = "correct-horse-battery-staple"
GENEROUS_COMMENT_RATE_LIMITS = {
    "account": {"minute": 10_000, "day": 10_000},
    "new_account": {"minute": 10_000, "day": 10_000},
}
# The moderator persona's authenticator app (staff need two-step sign-in).
MODERATOR_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238 code (SHA-1, 30 s, 6 digits), computed independently of allauth."""
    counter = int(time.time() if at is None else at) // 30
    key = base64.b32decode(secret, casefold=True)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def give_mfa(user, secret: str = MODERATOR_TOTP_SECRET):
    """Turn on two-step sign-in (an authenticator app) for her."""
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, secret)
    return user


def make_user(username: str, *, verified: bool = True, **overrides) -> User:
    """A user with a verified primary e-mail who accepted the guidelines."""
    email = overrides.pop("email", f"{username}@example.org")
    fields = {
        "display_name": username.capitalize(),
        "guidelines_accepted_at": timezone.now(),
        **overrides,
    }
    user = User.objects.create_user(username, email=email, password=PASSWORD, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def messages_of(response) -> list[str]:
    """The texts of the messages the response's request queued for the next page."""
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    # A fast hasher: Argon2 is deliberately slow. test_project checks production's.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    # Tests create groups directly, not through the services that invalidate the
    # shared search page; test_group_list_cache turns it back on.
    settings.GROUP_LISTING_CACHE_SECONDS = 0
    # The same for whole signed-out pages (groups_site.pagecache): tests/
    # test_page_cache.py turns it on and changes data through the services.
    settings.PAGE_CACHE_SECONDS = 0
    # The personas are minutes old, so the new-account comment limit (2 a minute)
    # would stop most tests; the rate-limit and hold tests set their own.
    settings.COMMENT_RATE_LIMITS = GENEROUS_COMMENT_RATE_LIMITS
    settings.COMMENT_HOLD_NEW_ACCOUNTS = False
    # A code typed just before a 30-second step ends may reach the server after
    # it (a busy suite, a browser filling the form): accept the step before too,
    # as authenticator apps' users get in practice. Wrong codes still fail.
    settings.MFA_TOTP_TOLERANCE = 1
    # A test that finds the database "down" must not make the next ones get 503s
    # (groups_site/outages.py leaves the database alone this long after a failure).
    settings.DB_RETRY_AFTER = 0
    # Rate-limit counters live in the cache; start every test with a clean slate.
    cache.clear()
    yield
    cache.clear()


class CountingHasher(MD5PasswordHasher):
    """The tests' fast hasher, counting how often a password is hashed: the
    deterministic stand-in for "both paths take the same time"."""

    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


@pytest.fixture
def hash_counter(settings, db):
    """Counts password hashes from here on (make_password, set_password and
    check_password all go through encode). Read and reset `hash_counter.calls`."""
    settings.PASSWORD_HASHERS = ["tests.conftest.CountingHasher"]
    CountingHasher.calls = 0
    return CountingHasher


@pytest.fixture
def article(db):
    """A published article open for discussion, at /articles/finding-your-voice/."""
    from tests.articles.factory import make_article

    return make_article("Finding your voice", slug="finding-your-voice")


@pytest.fixture
def alice(db):
    """Organizer persona (she runs groups once the groups app exists)."""
    return make_user("alice", display_name="Alice")


@pytest.fixture
def bob(db):
    """Member persona."""
    return make_user("bob", display_name="Bobbie")


@pytest.fixture
def charlie(db):
    """Outsider persona: signed in, belongs to nothing."""
    return make_user("charlie", display_name="Charlie")


@pytest.fixture
def moderator(db):
    """A site moderator (the permission) who is also staff, with two-step
    sign-in (every moderator power needs it)."""
    user = make_user("mod", display_name="Moderator Mo", is_staff=True)
    return give_mfa(make_moderator(user))


@pytest.fixture
def staff_without_mfa(db):
    """A moderator and staff member who has not set up two-step sign-in: no
    moderator powers yet."""
    return make_moderator(make_user("pat", display_name="Pat", is_staff=True))


@pytest.fixture
def plain_staff(db):
    """Staff with two-step sign-in but without the moderation permission: the
    read-only admin, no moderator powers."""
    return give_mfa(make_user("stef", display_name="Stef", is_staff=True))


def make_moderator(user):
    from accounts.management.commands.moderator import moderation_permission

    user.user_permissions.add(moderation_permission())
    return user


def log_in(client, login: str, password: str = PASSWORD, totp_secret: str = ""):
    """Sign in through allauth's real login form (not force_login), with the
    authenticator code when she has two-step sign-in."""
    response = client.post("/accounts/login/", {"login": login, "password": password})
    assert response.status_code == 302, response.content.decode()[:2000]
    if response["Location"] == "/accounts/2fa/authenticate/":
        assert totp_secret, "she has two-step sign-in: pass totp_secret"
        response = client.post(
            "/accounts/2fa/authenticate/", {"code": totp(totp_secret)}
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    assert "_auth_user_id" in client.session
    return response


# Concurrency tests: real transactions, one database connection per thread.
concurrent = pytest.mark.django_db(transaction=True)


def _reseed_topics(sender, **kwargs):
    """Transactional tests (the concurrency tests, the browser journeys) end with a
    flush, which removes what the migrations seeded. The flush sends post_migrate,
    which already puts the Site back (groups_site.apps.sync_site); this puts the
    topics back, so a test run after them, in any order or worker, finds both."""
    seeding = importlib.import_module("groups.migrations.0002_seed_topics")
    seeding.seed_topics(django_apps, None)


def _reseed_crisis_resources(sender, **kwargs):
    """The same for the default crisis resources (the crisis panel lists them)."""
    seeding = importlib.import_module("accounts.migrations.0012_seed_crisis_resources")
    seeding.seed(django_apps, None)


post_migrate.connect(
    _reseed_crisis_resources,
    sender=django_apps.get_app_config("accounts"),
    dispatch_uid="tests-reseed-crisis-resources",
)
post_migrate.connect(
    _reseed_topics,
    sender=django_apps.get_app_config("groups"),
    dispatch_uid="tests-reseed-topics",
)


def run_at_once(*calls):
    """Run each call in its own thread (so its own database connection), all
    released together; return what each returned or raised, in order."""
    import threading

    from django.db import connection

    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the test inspects it
            results[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(index, call))
        for index, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def submit_form(user, page_url: str, action: str, data: dict | None = None):
    """POST to ``action`` as she would: with a client that enforces CSRF checks,
    using the token from the form on ``page_url`` (the test client otherwise skips
    CSRF, which hid forms that lost their token)."""
    import re

    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    page = client.get(page_url).content.decode()
    forms = re.finditer(r"<form([^>]*)>(.*?)</form>", page, re.S)
    form = next(
        (
            body
            for attrs, body in (f.groups() for f in forms)
            if 'method="post"' in attrs.lower()
            and (
                f'action="{action}"' in attrs
                or ("action=" not in attrs and action == page_url)
            )
        ),
        None,
    )
    assert form, f"no form posting to {action} on {page_url}"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token, f"the form posting to {action} has no CSRF token"
    return client.post(action, {"csrfmiddlewaretoken": token.group(1), **(data or {})})


def reauthenticate(client, password: str = PASSWORD, next_url: str = ""):
    """Confirm her password again, as allauth's reauthentication_required pages
    (MFA, account deletion) ask even just after signing in."""
    url = "/accounts/reauthenticate/" + (f"?next={next_url}" if next_url else "")
    response = client.post(url, {"password": password})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


_geonames_ids = itertools.count(900_000_000)


def make_place(name: str = "Leeds", **overrides):
    from groups.models import Place
    from groups_site.lib.text import fold

    defaults = {
        "geonames_id": next(_geonames_ids),
        "name": name,
        "ascii_name": name,
        "search_name": fold(name),
        "region": "",
        "region_search": "",
        "country_code": "GB",
        "country": "United Kingdom",
        "country_search": "united kingdom",
        "latitude": 53.79648,
        "longitude": -1.54785,
        "population": 455123,
        "timezone": "Europe/London",
    }
    defaults.update(overrides)
    return Place.objects.create(**defaults)


def make_group(*, organizer=None, members=(), topics=(), schedule=True, **overrides):
    """An active, listed, open, in-person group meeting on Tuesdays at 7 pm (no
    schedule with ``schedule=False``); `organizer` becomes its organizer and each
    of `members` an active member. Its slug comes from Group.assign_slug unless
    `slug` is given."""
    from groups.models import Group, Membership, Topic

    name = overrides.pop("name", "Tuesday Evening Circle")
    slug = overrides.pop("slug", None)
    fields = {
        "tagline": "A calm evening group for women rebuilding confidence.",
        "description": "We meet weekly to talk, listen and share what helps.",
        "facilitation": Group.Facilitation.PEER,
        "format": Group.Format.IN_PERSON,
        "venue_type": Group.VenueType.COMMUNITY_CENTRE,
        "area_description": "Near the central library",
        "street_address": "12 Secret Lane, Room 4",
        "venue_notes": "Ring the bell marked Studio.",
        "status": Group.Status.ACTIVE,
        "created_by": organizer,
    }
    fields.update(overrides)
    if fields["format"] == Group.Format.ONLINE:
        fields.setdefault("venue_type", Group.VenueType.ONLINE)
        fields["venue_type"] = Group.VenueType.ONLINE
        fields.setdefault("online_link", "https://meet.example.org/secret-room")
    elif "place" not in fields:
        fields["place"] = make_place()
    group = Group(name=name, **fields)
    if slug:
        group.slug = slug
    else:
        # Readable when listed (tuesday-evening-circle), unguessable when unlisted.
        group.assign_slug()
    group.save()
    group.topics.set(
        topics or Topic.objects.filter(slug="self-esteem-and-assertiveness")
    )
    if organizer:
        Membership.objects.create(
            group=group,
            user=organizer,
            role=Membership.Role.ORGANIZER,
            state=Membership.State.ACTIVE,
        )
    for member in members:
        Membership.objects.create(
            group=group, user=member, state=Membership.State.ACTIVE
        )
    if schedule:
        make_schedule(group)
    return group


def make_schedule(group, **overrides):
    """A weekly Tuesday 7-8:30 pm schedule from today, saved through the service
    (so its meetings exist)."""
    from groups.meetings.generation import save_schedule
    from groups.models import Group, Schedule

    fields = {
        "kind": Schedule.Kind.WEEKLY,
        "weekdays": [Group.Weekday.TUESDAY],
        "starts_on": timezone.localdate(),
        "start_time": datetime.time(19, 0),
        "end_time": datetime.time(20, 30),
    }
    fields.update(overrides)
    return save_schedule(Schedule(group=group, **fields))


def make_meeting(group, *, days_ahead=3, at=datetime.time(19, 0), capacity=None):
    """One meeting ``days_ahead`` days from now (a one-off schedule), with
    ``capacity`` seats if given."""
    from groups.meetings.rsvp import set_capacity
    from groups.models import Schedule

    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    schedule = make_schedule(
        group,
        kind=Schedule.Kind.ONCE,
        weekdays=[],
        starts_on=day,
        start_time=at,
        end_time=datetime.time(at.hour + 1, at.minute),
    )
    meeting = schedule.meetings.get()
    if capacity is not None:
        meeting = set_capacity(meeting, capacity)
    return meeting


@pytest.fixture
def group(alice, bob):
    """Alice organizes it; Bob is a member. Active, listed, open, in person."""
    return make_group(organizer=alice, members=[bob])


def run_queued_tasks() -> list[str]:
    """Run the background tasks that are due, in this process, as the worker
    (manage.py db_worker) would: claim each ready task row, run it, record its
    result. Returns what each task returned, oldest first."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    results = []
    while (task_result := DBTaskResult.objects.ready().get_locked()) is not None:
        task_result.claim(worker.worker_id)
        worker.run_task(task_result)
        task_result.refresh_from_db()
        results.append(task_result.return_value)
    return results


@pytest.fixture(scope="module")
def site_world(django_db_setup, django_db_blocker):
    """tests/site_world.py's small complete site, built once for the module's
    tests (which must ask for ``db`` too: each runs in a savepoint inside it) and
    rolled back after the last."""
    from django.db import transaction
    from django.test import override_settings

    from tests.site_world import build_world

    fast_hasher = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=fast_hasher):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)

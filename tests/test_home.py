from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groups.models import Group, Topic
from tests.conftest import make_group, make_meeting, make_place


class HomeParser(HTMLParser):
    """The home page's headings, search forms, inputs, labels and links."""

    def __init__(self):
        super().__init__()
        self.h1_count = 0
        self.forms = []
        self.inputs = []
        self.labels = set()
        self.links = []
        self.buttons = []
        self._in_button = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self.h1_count += 1
        elif tag == "form":
            self.forms.append(attrs)
        elif tag == "input":
            self.inputs.append(attrs)
        elif tag == "label":
            self.labels.add(attrs.get("for"))
        elif tag == "a":
            self.links.append(attrs.get("href"))
        elif tag == "button":
            self._in_button = True
            self.buttons.append("")

    def handle_data(self, data):
        if self._in_button:
            self.buttons[-1] += data.strip()

    def handle_endtag(self, tag):
        if tag == "button":
            self._in_button = False


def parse(response) -> HomeParser:
    parser = HomeParser()
    parser.feed(response.content.decode())
    return parser


def online_group(name, **fields):
    return make_group(name=name, format=Group.Format.ONLINE, **fields)


@pytest.mark.django_db
def test_it_shows_when_each_featured_group_meets_next(client):
    with time_machine.travel(datetime(2026, 3, 1, 10, tzinfo=UTC), tick=False):
        online_group("Online Circle", timezone="Europe/London")

        page = client.get("/").content.decode()

    assert (
        'Next: <time datetime="2026-03-03T19:00:00Z">Tue 3 March, 7:00 pm</time>'
    ) in page


@pytest.mark.django_db
def test_it_renders_with_one_h1(client):
    response = client.get("/")

    assert response.status_code == 200
    assert parse(response).h1_count == 1


@pytest.mark.django_db
def test_it_has_a_find_a_group_form_that_works_without_javascript(client):
    page = parse(client.get("/"))

    search = [form for form in page.forms if form.get("action") == "/groups/"]
    assert len(search) == 1
    assert search[0].get("method") == "get"
    fields = {field.get("name"): field for field in page.inputs}
    assert fields["near"]["id"] in page.labels
    assert fields["q"]["id"] in page.labels
    assert "required" not in fields["q"]
    assert "Find groups" in page.buttons
    assert b"Find a group near you" in client.get("/").content


@pytest.mark.django_db
def test_it_links_every_topic(client):
    response = client.get("/")

    links = parse(response).links
    topics = Topic.objects.all()
    assert topics.count() == 16
    for topic in topics:
        assert f"/groups/?topic={topic.slug}" in links
        assert topic.name in response.content.decode()


@pytest.mark.django_db
def test_it_explains_how_groups_work(client):
    content = client.get("/").content.decode()

    assert "Join, or ask to join" in content
    assert "address or meeting link" in content
    assert "Our promises to you" in content


@pytest.mark.django_db
def test_it_features_listed_active_online_groups(client):
    online_group("Evening Circle Online", tagline="A circle you join from home.")

    response = client.get("/")

    content = response.content.decode()
    assert "Evening Circle Online" in content
    assert "A circle you join from home." in content


@pytest.mark.django_db
def test_it_never_shows_unlisted_pending_paused_or_archived_groups(client, alice):
    online_group("Listed Online Circle", organizer=alice)
    online_group("Secret Link Circle", visibility=Group.Visibility.UNLISTED)
    online_group("Awaiting Review Circle", status=Group.Status.PENDING)
    online_group("Resting Circle", status=Group.Status.PAUSED)
    online_group("Finished Circle", status=Group.Status.ARCHIVED)

    for viewer in (None, alice):
        if viewer:
            client.force_login(viewer)
        content = client.get("/").content.decode()
        assert "Listed Online Circle" in content
        for name in ("Secret Link", "Awaiting Review", "Resting", "Finished"):
            assert name not in content


@pytest.mark.django_db
def test_it_features_at_most_three_groups(client):
    for number in range(5):
        online_group(f"Online Circle {number}")

    content = client.get("/").content.decode()

    assert sum(f"Online Circle {n}<" in content for n in range(5)) == 3


@pytest.mark.django_db
def test_it_hides_the_featured_section_without_online_groups(client):
    make_group(name="Only In Person")

    content = client.get("/").content.decode()

    assert "Groups you can join from anywhere" not in content
    assert "Only In Person" not in content


@pytest.mark.django_db
def test_it_links_her_own_groups_when_signed_in(client, bob):
    client.force_login(bob)

    response = client.get("/")

    assert "/groups/mine/" in parse(response).links


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries)


def add_groups(count: int, start: int, place):
    topics = list(Topic.objects.all()[:3])
    for number in range(start, start + count):
        if number % 2:
            online_group(f"Online Circle {number}", topics=topics)
        else:
            make_group(name=f"Town Circle {number}", place=place, topics=topics)


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True])
def test_it_uses_a_constant_number_of_queries(client, bob, signed_in):
    if signed_in:
        client.force_login(bob)
    place = make_place()
    add_groups(3, 0, place)
    client.get("/")  # Warm up (session, site) before counting.
    with_three = count_queries(client)

    add_groups(27, 3, place)

    assert count_queries(client) == with_three
    if not signed_in:
        # Topics, featured groups (with their next meeting), their topics and
        # their schedules; nothing per group.
        assert with_three == 4


# Shared with signed-in visitors (groups_site.pagecache.shared_fragment) -----------


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.GROUP_LISTING_CACHE_SECONDS = 300


@pytest.mark.django_db
def test_signed_in_visitors_get_the_groups_without_a_query(
    client, bob, page_cache_on, django_assert_max_num_queries
):
    online_group("Evening Circle")
    client.force_login(bob)
    client.get("/")

    # Her session and account only.
    with django_assert_max_num_queries(2):
        response = client.get("/")

    assert "Evening Circle" in response.content.decode()
    assert "/groups/mine/" in parse(response).links


@pytest.mark.django_db
def test_a_newly_approved_group_shows_to_everyone_at_once(
    client, bob, moderator, page_cache_on, django_capture_on_commit_callbacks
):
    from django.test import Client

    from groups import moderation as group_moderation

    pending = online_group("Just Approved", status=Group.Status.PENDING)
    signed_out = Client()
    client.force_login(bob)
    assert "Just Approved" not in client.get("/").content.decode()
    assert "Just Approved" not in signed_out.get("/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        group_moderation.approve_group(group=pending, moderator=moderator)

    assert "Just Approved" in client.get("/").content.decode()
    response = signed_out.get("/")
    assert "Just Approved" in response.content.decode()
    assert "/groups/mine/" not in parse(response).links


@pytest.mark.django_db
def test_a_featured_groups_next_meeting_moves_on_once_it_starts(
    client, bob, page_cache_on
):
    group = online_group("Evening Circle", schedule=False)
    first = make_meeting(group, days_ahead=1)
    make_meeting(group, days_ahead=2)
    client.force_login(bob)
    moment = first.starts_at.strftime("%Y-%m-%dT%H:%M")
    assert moment in client.get("/").content.decode()

    with time_machine.travel(first.starts_at + timedelta(minutes=1)):
        assert moment not in client.get("/").content.decode()

"""/meetings/calendar/reset/: she turns on her private calendar, or replaces its
address (the old one stops working at once). From her privacy settings page."""

from django.test import Client

from groups.models import CalendarFeed
from tests.conftest import messages_of, submit_form

URL = "/meetings/calendar/reset/"
SETTINGS = "/accounts/privacy/"


def test_it_requires_login(client, db):
    response = client.post(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}"
    assert not CalendarFeed.objects.exists()


def test_it_rejects_get(client, bob):
    client.force_login(bob)

    assert client.get(URL).status_code == 405
    assert not CalendarFeed.objects.exists()


def test_it_turns_her_calendar_on(bob):
    response = submit_form(bob, SETTINGS, URL)

    assert response.status_code == 302
    assert response["Location"] == SETTINGS
    feed = CalendarFeed.objects.get(user=bob)
    assert len(feed.token) >= 40
    assert "new address" in messages_of(response)[0]


def test_it_replaces_the_address(client, bob, bob_feed):
    old_token = bob_feed.token

    submit_form(bob, SETTINGS, URL)

    feed = CalendarFeed.objects.get(user=bob)
    assert feed.token != old_token
    assert client.get(f"/meetings/calendar.ics?token={old_token}").status_code == 404
    assert client.get(f"/meetings/calendar.ics?token={feed.token}").status_code == 200


def test_it_refuses_a_post_without_the_csrf_token(bob, bob_feed):
    client = Client(enforce_csrf_checks=True)
    client.force_login(bob)

    response = client.post(URL)

    assert response.status_code == 403
    assert CalendarFeed.objects.get(user=bob).token == bob_feed.token


def test_it_gives_each_woman_her_own_address(alice, bob):
    submit_form(alice, SETTINGS, URL)
    submit_form(bob, SETTINGS, URL)

    tokens = set(CalendarFeed.objects.values_list("token", flat=True))
    assert len(tokens) == 2

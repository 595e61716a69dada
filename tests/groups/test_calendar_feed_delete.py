"""/meetings/calendar/delete/: she turns her private calendar off; its address
stops working at once."""

from django.test import Client

from groups.models import CalendarFeed
from tests.conftest import messages_of, submit_form

URL = "/meetings/calendar/delete/"
SETTINGS = "/accounts/privacy/"


def test_it_requires_login(client, bob_feed):
    response = client.post(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}"
    assert CalendarFeed.objects.exists()


def test_it_rejects_get(client, bob, bob_feed):
    client.force_login(bob)

    assert client.get(URL).status_code == 405
    assert CalendarFeed.objects.exists()


def test_it_turns_her_calendar_off(client, bob, bob_feed):
    response = submit_form(bob, SETTINGS, URL)

    assert response.status_code == 302
    assert response["Location"] == SETTINGS
    assert not CalendarFeed.objects.filter(user=bob).exists()
    assert "turned off" in messages_of(response)[0]
    feed_url = f"/meetings/calendar.ics?token={bob_feed.token}"
    assert client.get(feed_url).status_code == 404


def test_it_leaves_other_womens_calendars_alone(alice, bob, bob_feed):
    CalendarFeed.objects.create(user=alice)

    submit_form(alice, SETTINGS, URL)

    assert CalendarFeed.objects.get().user == bob


def test_it_refuses_a_post_without_the_csrf_token(bob, bob_feed):
    client = Client(enforce_csrf_checks=True)
    client.force_login(bob)

    assert client.post(URL).status_code == 403
    assert CalendarFeed.objects.filter(user=bob).exists()

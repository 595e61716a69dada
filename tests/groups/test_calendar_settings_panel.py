"""Her private calendar's panel on the privacy settings page (accounts renders
it through settings.ACCOUNT_SETTINGS_PANELS), and what her data export says of
it."""

import json

from tests.conftest import submit_form


def test_it_offers_to_turn_the_calendar_on(client, bob):
    client.force_login(bob)

    page = client.get("/accounts/privacy/").content.decode()

    assert "Your meetings in your calendar app" in page
    assert 'action="/meetings/calendar/reset/"' in page
    assert "Turn on my private calendar" in page
    assert "calendar.ics?token=" not in page


def test_it_shows_her_address_and_the_ways_to_stop_it(client, bob, bob_feed):
    client.force_login(bob)

    page = client.get("/accounts/privacy/").content.decode()

    address = f"http://localhost:8000/meetings/calendar.ics?token={bob_feed.token}"
    assert f'value="{address}"' in page
    assert (
        f'href="webcal://localhost:8000/meetings/calendar.ics?token={bob_feed.token}"'
        in page
    )
    assert "Get a new address" in page
    assert 'action="/meetings/calendar/delete/"' in page


def test_it_keeps_the_address_out_of_her_data_export(client, bob, bob_feed):
    response = submit_form(bob, "/accounts/export/", "/accounts/export/download/")

    data = json.loads(response.content)
    assert data["calendar_feed"]["turned_on"] is True
    assert data["calendar_feed"]["address_made_at"]
    assert bob_feed.token not in response.content.decode()


def test_it_says_when_she_has_no_calendar_in_her_export(bob):
    response = submit_form(bob, "/accounts/export/", "/accounts/export/download/")

    assert json.loads(response.content)["calendar_feed"] == {
        "turned_on": False,
        "address_made_at": None,
    }

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.test_journeys import sign_in
from tests.conftest import make_group, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def feed_path(page) -> str:
    """The path and token of the address shown (the page names the configured
    SITE_DOMAIN; the test server listens elsewhere)."""
    shown = urlparse(page.get_by_label("Your private calendar address").input_value())
    return f"{shown.path}?{shown.query}"


def test_it_lets_her_turn_on_replace_and_turn_off_her_calendar(
    browser, live_server, assert_accessible
):
    erin = make_user("erin", display_name="Erin")
    make_group(organizer=make_user("olga"), members=[erin])
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, "erin")

    page.goto(f"{live_server.url}/accounts/privacy/")
    page.get_by_role("button", name="Turn on my private calendar").click()
    expect(page.get_by_text("Your private calendar has a new address")).to_be_visible()
    assert_accessible(page, "privacy settings with the calendar on")
    first = feed_path(page)
    calendar = page.request.get(f"{live_server.url}{first}")
    assert calendar.status == 200
    assert "12 Secret Lane" in calendar.text()

    page.get_by_role("button", name="Get a new address").click()
    second = feed_path(page)
    assert second != first
    assert page.request.get(f"{live_server.url}{first}").status == 404

    page.get_by_role("button", name="Turn off my calendar").click()
    expect(page.get_by_text("Your private calendar is turned off")).to_be_visible()
    expect(page.get_by_label("Your private calendar address")).to_have_count(0)
    assert page.request.get(f"{live_server.url}{second}").status == 404
    context.close()

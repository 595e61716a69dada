from datetime import timedelta

import pytest
from django.utils.timezone import localdate
from playwright.sync_api import expect

from accounts.models import Notification
from groups.meetings import rsvp
from groups.models import Meeting, Schedule
from tests.browser.test_journeys import sign_in
from tests.conftest import make_group, make_place, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def circle(db):
    """Thursday Circle in Leeds: Alice organizes it, Bea is going to its first
    meeting."""
    alice = make_user("alice", display_name="Alice")
    bea = make_user("bea", display_name="Bea")
    group = make_group(
        name="Thursday Circle", organizer=alice, members=[bea], place=make_place()
    )
    rsvp.respond(user=bea, meeting=group.meetings.order_by("starts_at")[0], going=True)
    return group


def test_it_lets_an_organizer_add_a_meeting_and_cancel_one(
    browser, live_server, circle, assert_accessible
):
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/groups/thursday-circle/manage/")
    assert_accessible(page, "organizer tools")

    # A one-off meeting: the days of the week have nothing to do with it.
    page.get_by_role("link", name="Add a one-off meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a schedule")
    expect(page.get_by_label("Once", exact=True)).to_be_checked()
    expect(page.get_by_text("Which weeks of the month")).to_be_hidden()
    expect(page.get_by_role("checkbox", name="Monday")).to_be_hidden()
    page.get_by_label("Monthly, on chosen weeks").check()
    expect(page.get_by_text("Which weeks of the month")).to_be_visible()
    page.get_by_label("Once", exact=True).check()
    # After the group's first Tuesday, whatever day the test runs on.
    page.get_by_label("First meeting").fill(str(localdate() + timedelta(days=8)))
    page.get_by_label("Starts at").fill("10:00")
    page.get_by_label("Ends at").fill("09:00")
    page.get_by_role("button", name="Add the schedule").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    expect(page.get_by_text("Please check one thing")).to_be_visible()
    assert_accessible(page, "schedule with an error")
    page.get_by_label("Ends at").fill("11:30")
    page.get_by_role("button", name="Add the schedule").click()
    expect(page.get_by_text("The schedule is saved")).to_be_visible()
    assert Schedule.objects.filter(kind=Schedule.Kind.ONCE).count() == 1

    # Call off the meeting Bea is going to: she hears why.
    page.get_by_role("link", name="Cancel the meeting on").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cancel the")
    assert_accessible(page, "cancel a meeting")
    page.get_by_label("Why is it cancelled?").fill("The hall is closed.")
    page.get_by_role("button", name="Cancel the meeting").click()
    expect(page.get_by_text("The meeting is cancelled.")).to_be_visible()
    expect(page.get_by_text("The hall is closed.")).to_be_visible()
    first = Meeting.objects.order_by("starts_at").first()
    assert first.is_cancelled
    assert Notification.objects.get(recipient__username="bea").kind == (
        "meeting_cancelled"
    )
    context.close()


def test_it_passes_axe_on_the_organizer_meeting_pages(
    browser, live_server, circle, assert_accessible
):
    schedule = circle.schedules.get()
    meeting = circle.meetings.order_by("starts_at").first()
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    sign_in(page, live_server, "alice")
    base = "/groups/thursday-circle/manage"
    for path in [
        f"{base}/schedules/new/",
        f"{base}/schedules/{schedule.pk}/edit/",
        f"{base}/schedules/{schedule.pk}/delete/",
        f"{base}/meetings/{meeting.code}/change/",
        f"{base}/meetings/{meeting.code}/cancel/",
        f"{base}/meetings/{meeting.code}/attendees/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page, path)
    context.close()

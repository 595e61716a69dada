import pytest
from playwright.sync_api import expect

from tests.browser.test_groups_journey import sign_out
from tests.browser.test_journeys import sign_in
from tests.conftest import make_group, make_meeting, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def one_seat(db):
    """A London group's meeting with one seat; Bobbie and Dana are members."""
    alice = make_user("alice", display_name="Alice")
    bob = make_user("bob", display_name="Bobbie")
    dana = make_user("dana", display_name="Dana")
    group = make_group(organizer=alice, members=[bob, dana], timezone="Europe/London")
    return make_meeting(group, days_ahead=3, capacity=1)


def test_it_gives_a_freed_seat_to_the_woman_waiting(
    browser, live_server, one_seat, assert_accessible
):
    # Her browser is in New York: each time also shows in hers.
    context = browser.new_context(timezone_id="America/New_York")
    page = context.new_page()
    group_page = f"{live_server.url}/groups/tuesday-evening-circle/"
    item = page.locator(f"#meeting-{one_seat.code}")

    # Bobbie takes the only seat; htmx swaps the meeting in place.
    sign_in(page, live_server, "bob")
    page.goto(group_page)
    expect(item.get_by_text("1 seat left")).to_be_visible()
    expect(item.get_by_text("your time)")).to_be_visible()
    item.get_by_role("button", name="Going").click()
    expect(item.get_by_text("You're going", exact=True)).to_be_visible()
    expect(page.locator("#meeting-announcer")).to_have_text("You're going.")
    # Her focus stays on the meeting's first button, now "Can't go after all".
    expect(item.get_by_role("button", name="Can't go after all")).to_be_focused()
    # The swapped-in meeting gets her time again.
    expect(item.get_by_text("your time)")).to_be_visible()
    assert_accessible(page, "group page with meetings")
    sign_out(page)

    # Dana finds it full and joins the waitlist.
    sign_in(page, live_server, "dana")
    page.goto(group_page)
    expect(item.get_by_text("Full: join the waitlist")).to_be_visible()
    item.get_by_role("button", name="Join the waitlist").click()
    expect(item.get_by_text("You're 1st on the waitlist")).to_be_visible()
    page.goto(f"{live_server.url}/meetings/")
    expect(item.get_by_text("You're 1st on the waitlist")).to_be_visible()
    assert_accessible(page, "my meetings")
    sign_out(page)

    # Bobbie can't go after all.
    sign_in(page, live_server, "bob")
    page.goto(group_page)
    item.get_by_role("button", name="Can't go after all").click()
    expect(item.get_by_text("Not going")).to_be_visible()
    sign_out(page)

    # Dana now has the seat, and was told.
    sign_in(page, live_server, "dana")
    page.goto(group_page)
    expect(item.get_by_text("You're going", exact=True)).to_be_visible()
    page.get_by_role("link", name="Notifications").click()
    expect(page.get_by_text("A seat opened up: you're going to")).to_be_visible()
    page.get_by_role("button", name="A seat opened up").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        f"{one_seat.local_start.day}"
    )
    expect(page.get_by_text("12 Secret Lane, Room 4")).to_be_visible()
    assert_accessible(page, "meeting page")
    context.close()

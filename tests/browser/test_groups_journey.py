import pytest
from playwright.sync_api import expect

from groups.models import Group
from tests.browser.test_journeys import sign_in
from tests.conftest import make_group, make_place, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def leeds_groups(db):
    alice = make_user("alice", display_name="Alice")
    leeds = make_place("Leeds", latitude=53.79648, longitude=-1.54785)
    make_place("Manchester", latitude=53.48095, longitude=-2.23743, population=395515)
    open_group = make_group(
        name="Thursday Circle",
        organizer=alice,
        place=leeds,
        street_address="Room 2, 14 Orchard Street",
    )
    approval_group = make_group(
        name="Rebuilding Together",
        organizer=alice,
        place=leeds,
        street_address="The Garden Room, 3 Willow Yard",
        join_policy=Group.JoinPolicy.APPROVAL,
        join_question="What would you like from the group?",
    )
    return open_group, approval_group


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def test_it_lets_her_find_join_ask_and_be_approved(
    browser, live_server, leeds_groups, assert_accessible
):
    make_user("dana", display_name="Dana")
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, "dana")

    # Search near a city from the home page.
    page.goto(f"{live_server.url}/")
    page.get_by_label("Town or city").fill("Leeds")
    page.get_by_role("button", name="Find groups").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a group")
    expect(page.get_by_text("Showing groups near Leeds")).to_be_visible()
    assert_accessible(page, "search near Leeds")

    # Join the open group: the address appears.
    page.get_by_role("link", name="Thursday Circle").click()
    expect(page.get_by_text("Room 2, 14 Orchard Street")).to_have_count(0)
    assert_accessible(page, "open group, stranger")
    page.get_by_role("button", name="Join this group").click()
    expect(page.get_by_role("heading", name="You're a member")).to_be_visible()
    expect(page.get_by_text("Room 2, 14 Orchard Street")).to_be_visible()
    assert_accessible(page, "open group, member")

    # Ask to join the approval group: still private while pending.
    page.goto(f"{live_server.url}/groups/rebuilding-together/")
    page.get_by_label("What would you like from the group?").fill(
        "Company on Thursdays, and ideas for starting over."
    )
    page.get_by_role("button", name="Ask to join").click()
    expect(page.get_by_text("Your request is waiting for an organizer")).to_be_visible()
    expect(page.get_by_text("3 Willow Yard")).to_have_count(0)
    assert_accessible(page, "approval group, pending")
    page.goto(f"{live_server.url}/groups/mine/")
    assert_accessible(page, "my groups")
    sign_out(page)

    # The organizer hears of it and approves.
    sign_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/notifications/")
    expect(page.get_by_text("Dana asked to join Rebuilding Together")).to_be_visible()
    assert_accessible(page, "notifications")
    page.get_by_role("button", name="Dana asked to join Rebuilding Together").click()
    expect(page.get_by_text("ideas for starting over")).to_be_visible()
    assert_accessible(page, "manage page")
    page.get_by_role("button", name="Approve Dana").click()
    expect(page.get_by_text("ideas for starting over")).to_have_count(0)
    sign_out(page)

    # Now she sees where it meets.
    sign_in(page, live_server, "dana")
    page.goto(f"{live_server.url}/groups/rebuilding-together/")
    expect(page.get_by_text("The Garden Room, 3 Willow Yard")).to_be_visible()
    context.close()


def test_it_passes_axe_on_group_pages(
    browser, live_server, leeds_groups, assert_accessible
):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    for path in [
        "/groups/",
        "/groups/?near=Leeds&radius=50",
        "/groups/?near=Nowhereville",
        "/groups/?q=zzzz",
        "/groups/thursday-circle/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page, path)
    sign_in(page, live_server, "alice")
    for path in [
        "/groups/new/",
        "/groups/thursday-circle/manage/",
        "/groups/thursday-circle/manage/edit/",
        "/groups/thursday-circle/leave/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page, path)
    # The listing form with errors.
    page.goto(f"{live_server.url}/groups/new/")
    page.get_by_role("button", name="Send for review").click()
    assert_accessible(page, "/groups/new/ with errors")
    context.close()

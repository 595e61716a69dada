"""A moderator finds a member and suspends her: the member is signed out at once
and told why when she tries to sign in. Each page passes axe."""

import pytest
from playwright.sync_api import expect

from accounts import moderation
from tests.conftest import MODERATOR_TOTP_SECRET, PASSWORD, make_user, totp

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, live_server, username, *, shared=False):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username or e-mail address").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    if shared:
        page.get_by_label("This is a shared device").check()
    page.get_by_role("button", name="Sign in").click()


def test_a_moderator_suspends_a_member_who_is_told_why(
    browser, live_server, assert_accessible, moderator
):
    make_user("bob", display_name="Bobbie")
    member = browser.new_context().new_page()
    sign_in(member, live_server, "bob")
    expect(member.get_by_role("button", name="Sign out")).to_be_visible()

    page = browser.new_context().new_page()
    sign_in(page, live_server, "mod")
    page.locator("input[name=code]").fill(totp(MODERATOR_TOTP_SECRET))
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    page.goto(f"{live_server.url}/moderation/people/")
    assert_accessible(page, "/moderation/people/")
    page.get_by_label("Username (or its start)").fill("bo")
    page.get_by_role("button", name="Find").click()
    assert_accessible(page, "/moderation/people/?q=bo")
    page.get_by_role("link", name="bob").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bobbie")
    assert_accessible(page, "/moderation/people/bob/")

    suspend = page.get_by_role("form", name="Suspend")
    suspend.get_by_label("Days").fill("3")
    suspend.get_by_label("Reason").fill("Insults in the discussion")
    suspend.get_by_role("button", name="Suspend").click()
    expect(page.get_by_text("Bobbie is suspended.")).to_be_visible()
    expect(page.get_by_role("form", name="Lift the suspension")).to_be_visible()
    assert_accessible(page, "/moderation/people/bob/ (suspended)")

    # Her open session is gone at once.
    member.reload()
    expect(member.get_by_role("button", name="Sign out")).to_have_count(0)
    sign_in(member, live_server, "bob")
    expect(member.get_by_role("heading", level=1)).to_have_text(
        "Your account is suspended"
    )
    expect(member.get_by_text("Insults in the discussion")).to_be_visible()
    assert_accessible(member, "sign-in refused")


def test_a_warned_member_sees_the_banner_and_acknowledges(
    browser, live_server, assert_accessible, moderator
):
    bob = make_user("bob", display_name="Bobbie")
    moderation.warn_user(moderator=moderator, user=bob, reason="Please be gentle.")
    page = browser.new_context().new_page()
    sign_in(page, live_server, "bob")

    expect(page.get_by_text("A moderator has sent you a warning.")).to_be_visible()
    assert_accessible(page, "home with the warning banner")
    page.get_by_role("link", name="Read the warning and the reason").click()
    expect(page.get_by_text("Please be gentle.")).to_be_visible()
    assert_accessible(page, "/accounts/warnings/")
    page.get_by_role("button", name="I have read this").click()

    expect(page.get_by_text("A moderator has sent you a warning.")).to_have_count(0)


def test_the_shared_device_option_hides_remember_me(browser, live_server, db):
    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    remember = page.get_by_label("Remember me on this device")
    expect(remember).to_be_visible()

    page.get_by_label("This is a shared device").check()

    expect(remember).to_be_hidden()

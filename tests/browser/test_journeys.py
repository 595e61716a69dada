import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import User
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def exit_target(live_server, settings):
    """Send "Exit this page" to a page of the live server: the test machine has no
    internet, and the real target (a weather site) is not ours to load."""
    settings.EXIT_URL = f"{live_server.url}/robots.txt"
    return settings.EXIT_URL


def sign_in(page, live_server, username, password=PASSWORD):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username or e-mail address").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_it_lets_her_sign_up_verify_her_email_and_sign_in(page, live_server):
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Join Kindred").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Join Kindred")
    page.get_by_label("E-mail address").fill("dana@example.org")
    page.get_by_label("Username").fill("dana_r")
    page.get_by_label("Password", exact=True).fill("a-long-quiet-morning-42")
    page.get_by_label("Password again").fill("a-long-quiet-morning-42")
    page.get_by_label("I have read and agree").check()
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verify")

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    path = "/" + link.group(0).split("/", 3)[3]
    page.goto(f"{live_server.url}{path}")
    page.get_by_role("button", name="Confirm").click()

    sign_in(page, live_server, "dana@example.org", "a-long-quiet-morning-42")
    assert User.objects.get(username="dana_r").guidelines_accepted_at is not None


def test_it_leaves_the_site_and_signs_her_out_on_shift_three_times(
    page, live_server, exit_target
):
    make_user("erin")
    sign_in(page, live_server, "erin")
    page.keyboard.press("Shift")
    expect(page.locator("[data-exit-indicator-status]")).to_have_text(
        "Shift, press 2 more times to exit."
    )
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(exit_target)
    # She is signed out: the account area asks her to sign in again.
    page.goto(f"{live_server.url}/accounts/profile/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_it_resets_the_shift_count_on_other_keys(page, live_server, exit_target):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    expect(page.locator("[data-exit-indicator-status]")).to_have_text(
        "Shift, press 2 more times to exit."
    )
    assert page.url == f"{live_server.url}/"


def test_it_covers_the_page_and_replaces_history_on_exit(
    page, live_server, exit_target
):
    page.goto(f"{live_server.url}/about/")
    page.goto(f"{live_server.url}/safety/")
    page.get_by_role("button", name="Emergency Exit this page").click()
    page.wait_for_url(exit_target)
    # location.replace(): Back skips the page she was reading.
    page.go_back()
    assert page.url == f"{live_server.url}/about/"


def test_it_exits_without_javascript(browser, live_server, exit_target):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/guidelines/")
    page.get_by_role("button", name="Emergency Exit this page").click()
    page.wait_for_url(exit_target)
    context.close()


PUBLIC_PAGES = [
    "/",
    "/safety/",
    "/guidelines/",
    "/privacy/",
    "/about/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/u/fay/",
    "/support/",
]
SIGNED_IN_PAGES = [
    "/accounts/profile/",
    "/accounts/privacy/",
    "/accounts/export/",
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/sessions/",
    "/accounts/logout/",
    "/accounts/delete/",
    "/styleguide/",
]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_it_passes_axe_on_every_page(
    browser, live_server, assert_accessible, color_scheme
):
    make_user("fay", bio="Gardener, reader, early riser.", is_staff=True)
    context = browser.new_context(
        color_scheme=color_scheme, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    for path in PUBLIC_PAGES:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page, f"{path} ({color_scheme})")
    # The first page showed the one-time note about the exit button; check it too.
    page.goto(f"{live_server.url}/")
    sign_in(page, live_server, "fay")
    page.goto(f"{live_server.url}/accounts/reauthenticate/")
    assert_accessible(page, "/accounts/reauthenticate/")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    for path in SIGNED_IN_PAGES:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page, f"{path} ({color_scheme})")
    # A form with errors is a page too.
    page.goto(f"{live_server.url}/accounts/delete/")
    page.get_by_label("to confirm").fill("maybe later")
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("exactly to confirm")).to_be_visible()
    assert_accessible(page, f"/accounts/delete/ with errors ({color_scheme})")
    context.close()


def test_it_lets_the_sessions_table_scroll_by_keyboard_on_a_phone(
    browser, live_server, assert_accessible
):
    make_user("gia")
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, "gia")
    page.goto(f"{live_server.url}/accounts/sessions/")
    table = page.get_by_role("region", name="Your sessions")
    # The browser's name is wider than a phone: the table scrolls sideways...
    assert table.evaluate("el => el.scrollWidth > el.clientWidth")
    # ...so she can reach it with Tab and scroll it with the arrow keys.
    table.focus()
    expect(table).to_be_focused()
    assert_accessible(page, "/accounts/sessions/ (390px)")
    context.close()

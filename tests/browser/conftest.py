"""Browser tests: Playwright driving Debian's chromium against pytest-django's live
server. They skip only when no chromium is installed; CI sets
KINDRED_REQUIRE_BROWSER=1 so that a missing browser fails instead."""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to
# run inside one unless told that this (test-only) use is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# The journeys run beside the rest of the suite on two cores: a page can take a
# few seconds under that load. Waits end as soon as the page is right, so a
# longer limit costs nothing when it passes (Playwright's default is 5 s).
BROWSER_WAIT_MS = 20_000
expect.set_options(timeout=BROWSER_WAIT_MS)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
    if CHROMIUM:
        return
    if os.environ.get("KINDRED_REQUIRE_BROWSER"):
        raise pytest.UsageError(
            "KINDRED_REQUIRE_BROWSER is set but chromium is not installed "
            "(apt-get install chromium)."
        )
    skip = pytest.mark.skip(
        reason="chromium is not installed (apt-get install chromium)"
    )
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        # No background traffic: this machine (and our users) talk to one origin.
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture(autouse=True)
def patient_pages(context):
    """Clicks, fills and navigations wait as long as the assertions do."""
    context.set_default_timeout(BROWSER_WAIT_MS)
    context.set_default_navigation_timeout(BROWSER_WAIT_MS)


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    def check(page, label=""):
        results = axe.run(page)
        assert results.violations_count == 0, (
            f"{label or page.url}\n{results.generate_report()}"
        )

    return check

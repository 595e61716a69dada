"""A moderator's warning: a calm banner on every page until she acknowledges
it on /accounts/warnings/, where she reads the reason."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import moderation
from tests.conftest import submit_form

BANNER = "A moderator has sent you a warning."


def test_it_requires_login(client, db):
    response = client.get("/accounts/warnings/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/warnings/"


def test_it_shows_the_banner_on_every_page_until_acknowledged(client, moderator, bob):
    moderation.warn_user(moderator=moderator, user=bob, reason="Please be gentle.")
    client.force_login(bob)

    for url in ["/", "/groups/", "/accounts/profile/"]:
        assert BANNER in client.get(url).content.decode()

    response = client.get("/accounts/warnings/")
    assert "Please be gentle." in response.content.decode()

    submit_form(bob, "/accounts/warnings/", "/accounts/warnings/acknowledge/")

    assert BANNER not in client.get("/").content.decode()
    bob.refresh_from_db()
    assert not bob.has_pending_warning
    assert bob.warnings.get().is_acknowledged
    # The reason stays readable.
    assert "Please be gentle." in client.get("/accounts/warnings/").content.decode()


def test_it_shows_no_banner_to_others(client, moderator, alice, bob):
    moderation.warn_user(moderator=moderator, user=bob, reason="Please be gentle.")
    client.force_login(alice)

    page = client.get("/").content.decode()

    assert BANNER not in page
    assert "Please be gentle." not in client.get("/accounts/warnings/").content.decode()


def test_a_new_warning_brings_the_banner_back(client, moderator, bob):
    moderation.warn_user(moderator=moderator, user=bob, reason="First")
    moderation.acknowledge_warnings(user=bob)
    moderation.warn_user(moderator=moderator, user=bob, reason="Second")
    client.force_login(bob)

    assert BANNER in client.get("/").content.decode()


def test_it_rejects_get_for_acknowledging(client, bob):
    client.force_login(bob)

    assert client.get("/accounts/warnings/acknowledge/").status_code == 405


def test_the_banner_costs_no_query(client, moderator, alice):
    """The home page signed in costs the same queries with and without a
    warning: the flag comes with her account."""
    client.force_login(alice)
    client.get("/")
    without_warning = home_page_queries(client)

    moderation.warn_user(moderator=moderator, user=alice, reason="Be kind")
    client.get("/")
    with_warning = home_page_queries(client)

    assert with_warning == without_warning


def home_page_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        page = client.get("/").content.decode()
    assert page
    return len(captured.captured_queries)

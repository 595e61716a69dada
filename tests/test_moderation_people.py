"""/moderation/people/: moderators find a person, see her standing and warn,
suspend, ban or lift; everyone else is refused."""

import pytest
from django.test import Client

from accounts import moderation
from accounts.models import AuditEntry
from tests.conftest import log_in, submit_form

PAGES = ["/moderation/people/", "/moderation/people/bob/"]
ACTIONS = {
    "warn": {"warn-reason": "Please keep it kind."},
    "suspend": {"suspend-days": "7", "suspend-reason": "Insults"},
    "ban": {"ban-reason": "Threats"},
}


@pytest.mark.parametrize(
    "url", [*PAGES, *(f"/moderation/people/bob/{action}/" for action in ACTIONS)]
)
def test_it_sends_visitors_to_sign_in(client, bob, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize(
    "persona", ["bob", "alice", "plain_staff", "staff_without_mfa"]
)
def test_it_refuses_everyone_but_moderators(client, request, group, url, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(url).status_code == 403


@pytest.mark.parametrize("action", [*ACTIONS, "lift"])
@pytest.mark.parametrize(
    "persona", ["bob", "alice", "plain_staff", "staff_without_mfa"]
)
def test_it_refuses_actions_from_everyone_but_moderators(
    client, request, group, charlie, action, persona
):
    client.force_login(request.getfixturevalue(persona))

    response = client.post(
        f"/moderation/people/charlie/{action}/",
        {f"{action}-reason": "x", f"{action}-days": "3"},
    )

    assert response.status_code == 403
    charlie.refresh_from_db()
    assert not charlie.is_suspended
    assert not charlie.warnings.exists()
    assert not AuditEntry.objects.exists()


def test_it_rejects_get_for_actions(client, moderator, bob):
    client.force_login(moderator)

    assert client.get("/moderation/people/bob/warn/").status_code == 405


def test_it_finds_people_by_username(client, moderator, alice, bob, charlie):
    client.force_login(moderator)

    response = client.get("/moderation/people/?q=b")

    assert [p.username for p in response.context["people"]] == ["bob"]
    assert 'href="/moderation/people/bob/"' in response.content.decode()


def test_it_answers_a_search_with_nothing_found(client, moderator, bob):
    client.force_login(moderator)

    response = client.get("/moderation/people/?q=zed")

    assert response.status_code == 200
    assert "No username starts with" in response.content.decode()


def test_it_says_not_found_for_a_missing_person(client, moderator):
    client.force_login(moderator)

    assert client.get("/moderation/people/nobody/").status_code == 404
    assert client.post("/moderation/people/nobody/warn/").status_code == 404


def test_it_shows_her_standing_and_what_moderators_did(client, moderator, bob):
    moderation.warn_user(moderator=moderator, user=bob, reason="Please be gentle")
    moderation.suspend_user(moderator=moderator, user=bob, reason="Insults", days=3)
    client.force_login(moderator)

    response = client.get("/moderation/people/bob/")

    page = response.content.decode()
    assert "Bobbie" in page
    assert "Please be gentle" in page
    assert "Suspended until" in page
    assert "user_suspend" in page
    assert "user_warn" in page
    assert 'action="/moderation/people/bob/lift/"' in page


def test_it_shows_a_person_in_a_constant_number_of_queries(
    client, moderator, bob, django_assert_max_num_queries
):
    client.force_login(moderator)
    client.get("/moderation/people/bob/")
    for n in range(3):
        moderation.warn_user(moderator=moderator, user=bob, reason=f"Warning {n}")

    with django_assert_max_num_queries(12):
        response = client.get("/moderation/people/bob/")

    assert response.content.decode().count("Warning ") >= 3


@pytest.mark.parametrize("action", list(ACTIONS))
def test_it_acts_through_the_form_with_its_csrf_token(moderator, bob, action):
    response = submit_form(
        moderator,
        "/moderation/people/bob/",
        f"/moderation/people/bob/{action}/",
        ACTIONS[action],
    )

    assert response.status_code == 302
    assert response["Location"] == "/moderation/people/bob/"
    assert AuditEntry.objects.get().action == f"user_{action}"


def test_it_lifts_through_the_form(moderator, bob):
    moderation.ban_user(moderator=moderator, user=bob, reason="Threats")

    response = submit_form(
        moderator,
        "/moderation/people/bob/",
        "/moderation/people/bob/lift/",
        {"lift-reason": "Appeal heard"},
    )

    assert response.status_code == 302
    bob.refresh_from_db()
    assert not bob.is_suspended
    assert AuditEntry.objects.first().action == "user_lift"


def test_it_refuses_an_action_without_its_csrf_token(moderator, bob):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)

    response = client.post("/moderation/people/bob/warn/", ACTIONS["warn"])

    assert response.status_code == 403
    assert not bob.warnings.exists()


def test_it_re_renders_bad_input_and_changes_nothing(client, moderator, bob):
    client.force_login(moderator)

    response = client.post(
        "/moderation/people/bob/suspend/",
        {"suspend-days": "400", "suspend-reason": "Insults"},
    )

    assert response.status_code == 400
    assert "less than or equal to 365" in response.content.decode()
    bob.refresh_from_db()
    assert not bob.is_suspended
    assert not AuditEntry.objects.exists()


def test_it_refuses_a_moderator_suspending_herself(client, moderator):
    client.force_login(moderator)

    response = client.post(
        "/moderation/people/mod/suspend/",
        {"suspend-days": "3", "suspend-reason": "Testing"},
    )

    assert response.status_code == 400
    assert "your own account" in response.content.decode()
    moderator.refresh_from_db()
    assert not moderator.is_suspended
    assert not AuditEntry.objects.exists()


def test_a_suspension_signs_her_out_of_her_open_sessions(moderator, bob):
    bobs = Client()
    log_in(bobs, "bob")

    submit_form(
        moderator,
        "/moderation/people/bob/",
        "/moderation/people/bob/suspend/",
        ACTIONS["suspend"],
    )

    response = bobs.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_searches_in_a_constant_number_of_queries(
    client, moderator, django_assert_max_num_queries
):
    from tests.conftest import make_user

    for name in ["bea", "bella", "bettina"]:
        make_user(name)
    client.force_login(moderator)
    client.get("/moderation/people/?q=b")

    with django_assert_max_num_queries(8):
        response = client.get("/moderation/people/?q=b")

    assert len(response.context["people"]) == 3

"""/moderation/ and its audit log: moderators only (the permission, with two-step
sign-in); everyone else is refused."""

import pytest
from django.db import transaction

from accounts.audit import record


@pytest.fixture
def entries(moderator, alice):
    with transaction.atomic():
        record(
            moderator=moderator,
            action="comment_hide",
            target_type="comment",
            target_id=7,
            target_label="A cruel reply",
            reason="Personal attack",
        )
        record(
            moderator=moderator,
            action="user_warn",
            target_type="user",
            target_id=alice.pk,
            target_label="alice",
            reason="Please keep it kind",
        )


@pytest.mark.parametrize("url", ["/moderation/", "/moderation/log/"])
def test_it_sends_visitors_to_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


@pytest.mark.parametrize("url", ["/moderation/", "/moderation/log/"])
@pytest.mark.parametrize(
    "persona", ["bob", "alice", "plain_staff", "staff_without_mfa"]
)
def test_it_refuses_everyone_but_moderators(client, request, group, url, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(url).status_code == 403


def test_it_shows_the_audit_log_newest_first(client, moderator, entries):
    client.force_login(moderator)

    page = client.get("/moderation/log/").content.decode()

    assert page.index("Please keep it kind") < page.index("Personal attack")
    assert "A cruel reply" in page


def test_it_filters_the_audit_log(
    client, moderator, entries, django_assert_max_num_queries
):
    client.force_login(moderator)

    with django_assert_max_num_queries(10):
        page = client.get("/moderation/log/?action=user_warn").content.decode()

    assert "Please keep it kind" in page
    assert "A cruel reply" not in page
    assert "Personal attack" not in page

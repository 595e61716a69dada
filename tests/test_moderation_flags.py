"""The queue's flagged-comments tab: what screening noticed (watched words, crisis
language), crisis first; a moderator resolves a flag (audited)."""

import pytest

from accounts.models import AuditEntry
from articles.comments import watched
from articles.comments.posting import post_comment
from articles.models import CommentFlag
from tests.conftest import submit_form

QUEUE = "/moderation/?tab=flagged"


@pytest.fixture
def flags(article, alice, bob, moderator):
    watched.add_watched_word(moderator=moderator, word="pyramid", action="flag")
    post_comment(article=article, author=alice, body="Is this a pyramid scheme?")
    post_comment(article=article, author=bob, body="Some nights I want to end my life.")
    return list(CommentFlag.objects.order_by("pk"))


def test_it_lists_crisis_flags_first_and_warns_on_every_tab(client, moderator, flags):
    client.force_login(moderator)

    page = client.get(QUEUE).content.decode()
    other_tab = client.get("/moderation/?tab=held").content.decode()

    assert page.index("end my life") < page.index("pyramid scheme")
    assert "Priority" in page
    assert "1 comment with crisis language" in other_tab
    assert 'Flagged comments <span class="queue-tabs__count">(2)' in page


@pytest.mark.parametrize(
    "persona", ["bob", "alice", "plain_staff", "staff_without_mfa"]
)
def test_it_lets_only_moderators_resolve_a_flag(client, request, flags, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.post(f"/moderation/comment-flags/{flags[0].pk}/resolve/")

    assert response.status_code == 403
    assert not CommentFlag.objects.filter(resolved_at__isnull=False).exists()


def test_it_resolves_a_flag_with_an_audit_entry(client, moderator, flags):
    client.force_login(moderator)

    response = submit_form(
        moderator,
        QUEUE,
        f"/moderation/comment-flags/{flags[1].pk}/resolve/",
        {"tab": "flagged", "reason": "Sent her the support page."},
    )

    assert response.status_code == 302
    assert response["Location"] == QUEUE
    flags[1].refresh_from_db()
    assert flags[1].resolved_at is not None
    entry = AuditEntry.objects.get(action="comment_flag_resolve")
    assert entry.target_id == str(flags[1].comment_id)
    assert entry.reason == "Sent her the support page."
    assert "end my life" not in client.get(QUEUE).content.decode()


def test_it_404s_an_unknown_flag(client, moderator, flags):
    client.force_login(moderator)

    assert client.post("/moderation/comment-flags/999999/resolve/").status_code == 404


def test_it_keeps_the_tab_to_a_few_queries(
    client, moderator, article, alice, flags, django_assert_max_num_queries
):
    for n in range(8):
        post_comment(article=article, author=alice, body=f"Pyramid number {n}.")
    client.force_login(moderator)

    with django_assert_max_num_queries(20):
        response = client.get(QUEUE)

    assert response.content.decode().count("queue-item") >= 10

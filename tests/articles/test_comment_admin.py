"""The comment admin (/admin/articles/comment/) is read-only: staff look, and
moderators act from the queue at /moderation/ through the services."""

import pytest

from articles.comments import posting
from articles.models import Comment
from tests.articles.comment_factory import make_comment
from tests.articles.factory import make_article

ADMIN_URL = "/admin/articles/comment/"


@pytest.fixture
def site_admin(moderator):
    """A staff superuser (the moderator persona has two-step sign-in)."""
    moderator.is_superuser = True
    moderator.save()
    return moderator


@pytest.fixture
def thread(article, alice, bob):
    top = posting.post_comment(article=article, author=alice, body="Top words.")
    reply = posting.post_comment(
        article=article, author=bob, body="Words from Bob.", parent=top
    )
    return top, reply


def counters(comment) -> tuple[int, int]:
    comment.refresh_from_db()
    return comment.reply_count, comment.descendant_count


def test_it_opens_the_comment_list_for_staff(client, bob, site_admin):
    make_comment(make_article(), bob, is_anonymous=True)
    client.force_login(site_admin)
    assert client.get(ADMIN_URL).status_code == 200
    assert client.get("/admin/articles/commentreport/").status_code == 200


def test_it_offers_no_actions_on_comments(client, thread, site_admin):
    top, reply = thread
    client.force_login(site_admin)

    page = client.get(ADMIN_URL).content.decode()
    response = client.post(
        ADMIN_URL, {"action": "hide_comments", "_selected_action": [reply.pk]}
    )

    assert 'name="action"' not in page
    assert response.status_code in (200, 302, 403)
    reply.refresh_from_db()
    assert reply.status == Comment.Status.VISIBLE


def test_it_never_lets_staff_edit_the_tree_or_what_is_derived(
    client, thread, site_admin
):
    top, reply = thread
    client.force_login(site_admin)

    response = client.get(f"{ADMIN_URL}{reply.pk}/change/")
    form = response.content.decode()
    assert response.status_code == 200
    assert "Words from Bob." in form
    for field in ("status", "body", "parent", "root", "article", "author", "path"):
        assert f'name="{field}"' not in form, field
    response = client.post(
        f"{ADMIN_URL}{reply.pk}/change/",
        {"status": "hidden", "body": "Changed.", "parent": "", "root": ""},
    )

    assert response.status_code == 403
    reply.refresh_from_db()
    assert reply.status == Comment.Status.VISIBLE
    assert reply.body == "Words from Bob."
    assert counters(top) == (1, 1)


def test_it_never_deletes_comments(client, thread, site_admin):
    top, reply = thread
    client.force_login(site_admin)

    client.post(
        ADMIN_URL, {"action": "delete_selected", "_selected_action": [reply.pk]}
    )
    client.post(f"{ADMIN_URL}{reply.pk}/delete/", {"post": "yes"})

    assert Comment.objects.filter(pk=reply.pk).exists()
    assert counters(top) == (1, 1)

"""The comment admin (/admin/articles/comment/), until the moderation queue exists:
staff approve, hide and restore comments through the discussion's services; the
tree and what is derived from it are never edited by hand."""

import pytest
from django.test import override_settings

from articles.comments import posting
from articles.models import Comment
from tests.articles.comment_factory import make_comment
from tests.articles.factory import make_article
from tests.conftest import submit_form

ADMIN_URL = "/admin/articles/comment/"


@pytest.fixture
def site_admin(moderator):
    """A staff superuser (the moderator persona has two-step sign-in)."""
    moderator.is_superuser = True
    moderator.save()
    return moderator


@pytest.fixture
def thread(article, alice, bob, charlie):
    """Alice's comment, Bob's reply to it, and Charlie's reply to Bob."""
    top = posting.post_comment(article=article, author=alice, body="Top words.")
    reply = posting.post_comment(
        article=article, author=bob, body="Words from Bob.", parent=top
    )
    under = posting.post_comment(
        article=article, author=charlie, body="Words from Charlie.", parent=reply
    )
    return top, reply, under


def act(client, action: str, *comments):
    return client.post(
        ADMIN_URL,
        {"action": action, "_selected_action": [comment.pk for comment in comments]},
    )


def signed_out_page(client) -> str:
    client.logout()
    response = client.get("/articles/finding-your-voice/")
    assert response.status_code == 200
    return response.content.decode()


def counters(comment) -> tuple[int, int]:
    comment.refresh_from_db()
    return comment.reply_count, comment.descendant_count


def test_it_lets_staff_approve_a_held_comment_in_the_admin(client, bob, site_admin):
    held = make_comment(make_article(), bob, status=Comment.Status.HELD)
    client.force_login(site_admin)
    with override_settings(COMMENT_HOLD_NEW_ACCOUNTS=False):
        response = act(client, "approve_held", held)
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.status == Comment.Status.VISIBLE


def test_it_opens_the_comment_list_for_staff(client, bob, site_admin):
    make_comment(make_article(), bob, is_anonymous=True)
    client.force_login(site_admin)
    assert client.get(ADMIN_URL).status_code == 200
    assert client.get("/admin/articles/commentreport/").status_code == 200


def test_it_hides_a_comment_from_signed_out_readers_at_once(
    client, thread, site_admin, django_capture_on_commit_callbacks
):
    top, reply, under = thread
    assert "Words from Bob." in signed_out_page(client)  # now in the cache

    client.force_login(site_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, "hide_comments", reply)

    assert response.status_code == 302
    html = signed_out_page(client)
    assert "Top words." in html
    assert "Words from Bob." not in html
    assert "Words from Charlie." not in html
    reply.refresh_from_db()
    assert reply.status == Comment.Status.HIDDEN
    assert counters(top) == (0, 0)
    assert counters(reply) == (1, 1)


def test_it_restores_a_hidden_comment_for_signed_out_readers_at_once(
    client, thread, site_admin, django_capture_on_commit_callbacks
):
    top, reply, under = thread
    client.force_login(site_admin)
    with django_capture_on_commit_callbacks(execute=True):
        act(client, "hide_comments", reply)
    assert "Words from Bob." not in signed_out_page(client)

    client.force_login(site_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, "restore_comments", reply)

    assert response.status_code == 302
    html = signed_out_page(client)
    assert "Words from Bob." in html
    assert "Words from Charlie." in html
    assert counters(top) == (1, 2)
    assert counters(reply) == (1, 1)


def test_it_never_lets_staff_edit_the_tree_or_what_is_derived(
    client, thread, site_admin
):
    top, reply, under = thread
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
    assert reply.parent == top
    assert counters(top) == (1, 2)


def test_it_never_deletes_comments_past_the_counters(client, thread, site_admin):
    top, reply, under = thread
    client.force_login(site_admin)

    act(client, "delete_selected", reply)
    client.post(f"{ADMIN_URL}{reply.pk}/delete/", {"post": "yes"})

    assert Comment.objects.filter(pk=reply.pk).exists()
    assert counters(top) == (1, 2)


def test_it_hides_through_the_real_form_with_csrf_checks(thread, site_admin):
    top, reply, under = thread

    response = submit_form(
        site_admin,
        ADMIN_URL,
        ADMIN_URL,
        {"action": "hide_comments", "_selected_action": [reply.pk]},
    )

    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.status == Comment.Status.HIDDEN

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.comments import posting
from articles.models import Comment, CommentRevision
from tests.articles.factory import make_draft


@pytest.fixture
def comment(alice, article):
    return posting.post_comment(article=article, author=alice, body="My first words.")


def url(comment):
    return f"/comments/{comment.pk}/edit/"


def test_it_requires_login(client, comment):
    response = client.get(url(comment))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/comments/{comment.pk}/edit/"


def test_it_404s_for_a_comment_that_does_not_exist(client, alice, db):
    client.force_login(alice)

    response = client.get("/comments/999999/edit/")

    assert response.status_code == 404


def test_it_404s_on_an_unpublished_article(client, alice):
    draft = make_draft(slug="a-draft")
    comment = Comment.objects.create(
        article=draft, author=alice, body="Hm", path="0000000001/"
    )
    client.force_login(alice)

    response = client.get(url(comment))

    assert response.status_code == 404


def test_it_forbids_someone_elses_comment(client, bob, comment):
    client.force_login(bob)

    response = client.post(url(comment), {"body": "Changed by Bob"})

    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.body == "My first words."


def test_it_forbids_a_moderator_too(client, moderator, comment):
    client.force_login(moderator)

    response = client.get(url(comment))

    assert response.status_code == 403


def test_it_shows_her_text_in_the_form(client, alice, comment):
    client.force_login(alice)

    response = client.get(url(comment))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "My first words.</textarea>" in html
    assert f'action="/comments/{comment.pk}/edit/"' in html


def test_it_saves_her_edit_and_keeps_the_earlier_text(client, alice, comment):
    client.force_login(alice)

    response = client.post(url(comment), {"body": "My *better* words."})

    assert response.status_code == 302
    assert response["Location"] == f"/articles/finding-your-voice/c/{comment.pk}/"
    comment.refresh_from_db()
    assert comment.body == "My *better* words."
    assert "<em>better</em>" in comment.body_html
    assert comment.edited_at is not None
    assert CommentRevision.objects.get(comment=comment).body == "My first words."


def test_it_keeps_an_anonymous_comment_anonymous(client, alice, article):
    comment = posting.post_comment(
        article=article, author=alice, body="Quietly.", is_anonymous=True
    )
    client.force_login(alice)

    client.post(url(comment), {"body": "Quietly, edited."})

    comment.refresh_from_db()
    assert comment.is_anonymous is True
    assert comment.body == "Quietly, edited."


def test_it_asks_for_some_text(client, alice, comment):
    client.force_login(alice)

    response = client.post(url(comment), {"body": "  "})

    assert response.status_code == 200
    assert "delete it instead" in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == "My first words."


def test_it_keeps_her_text_when_it_is_too_long(client, alice, comment):
    client.force_login(alice)

    response = client.post(url(comment), {"body": "Mine. " + "x" * 5000})

    html = response.content.decode()
    assert response.status_code == 200
    assert "at most 5,000 characters" in html
    assert "Mine. xxx" in html


def test_it_refuses_after_the_edit_window_with_a_clear_message(client, alice, comment):
    client.force_login(alice)

    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        page = client.get(url(comment))
        response = client.post(url(comment), {"body": "Too late"})

    assert page.status_code == 403
    html = page.content.decode()
    assert "can&#x27;t be edited any more" in html or "can't be edited any more" in html
    assert "for 15 minutes after posting" in html
    assert f'href="/comments/{comment.pk}/delete/"' in html
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.body == "My first words."


def test_it_still_allows_an_edit_just_inside_the_window(client, alice, comment):
    client.force_login(alice)

    with time_machine.travel(timezone.now() + timedelta(minutes=14)):
        response = client.post(url(comment), {"body": "Just in time"})

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Just in time"


def test_it_404s_for_a_deleted_comment(client, alice, bob, article):
    comment = posting.post_comment(article=article, author=alice, body="Mine")
    posting.post_comment(article=article, author=bob, body="Reply", parent=comment)
    posting.delete_comment(comment=comment, user=alice)
    client.force_login(alice)

    response = client.get(url(comment))

    assert response.status_code == 404


def test_it_costs_a_fixed_number_of_queries(
    client, alice, bob, comment, django_assert_num_queries
):
    for number in range(3):
        posting.post_comment(
            article=comment.article, author=bob, body=f"Reply {number}", parent=comment
        )
    reader = alice
    client.force_login(reader)
    client.get(url(comment))  # the first visit records her session

    # Session, user, the comment with its article and author (one query): the
    # same whatever the thread holds (the header's unread count is cached).
    with django_assert_num_queries(3):
        response = client.get(url(comment))

    assert response.status_code == 200

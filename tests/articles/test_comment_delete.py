import pytest

from articles.comments import posting
from articles.models import Comment


@pytest.fixture
def comment(alice, article):
    return posting.post_comment(article=article, author=alice, body="Words I regret.")


def url(comment):
    return f"/comments/{comment.pk}/delete/"


def test_it_requires_login(client, comment):
    response = client.post(url(comment))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_it_forbids_someone_elses_comment(client, bob, comment):
    client.force_login(bob)

    page = client.get(url(comment))
    response = client.post(url(comment))

    assert page.status_code == 403
    assert response.status_code == 403
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_it_404s_for_someone_elses_hidden_comment(client, bob, comment):
    Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.HIDDEN)
    client.force_login(bob)

    response = client.get(url(comment))

    assert response.status_code == 404


def test_it_asks_first_and_changes_nothing(client, alice, comment):
    client.force_login(alice)

    response = client.get(url(comment))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Delete your comment?" in html
    assert "Words I regret." in html
    assert "It will disappear from the discussion." in html
    assert f'action="/comments/{comment.pk}/delete/"' in html
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_it_deletes_a_comment_without_replies(client, alice, comment):
    client.force_login(alice)

    response = client.post(url(comment), follow=True)

    assert response.redirect_chain[0] == (
        "/articles/finding-your-voice/#discussion",
        302,
    )
    assert not Comment.objects.filter(pk=comment.pk).exists()
    assert "Your comment is deleted." in response.content.decode()


def test_it_leaves_a_placeholder_when_there_are_replies(client, alice, bob, comment):
    reply = posting.post_comment(
        article=comment.article, author=bob, body="A reply.", parent=comment
    )
    client.force_login(alice)

    page = client.get(url(comment))
    client.post(url(comment))

    assert "will show as “[deleted]”" in page.content.decode()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED
    assert comment.author is None
    assert comment.body == "[deleted]"
    reply.refresh_from_db()
    assert reply.parent_id == comment.pk


def test_it_deletes_her_anonymous_comment(client, alice, article):
    comment = posting.post_comment(
        article=article, author=alice, body="Quietly.", is_anonymous=True
    )
    client.force_login(alice)

    client.post(url(comment))

    assert not Comment.objects.filter(pk=comment.pk).exists()


def test_it_404s_for_a_comment_already_deleted(client, alice, bob, comment):
    posting.post_comment(
        article=comment.article, author=bob, body="A reply.", parent=comment
    )
    posting.delete_comment(comment=comment, user=alice)
    client.force_login(alice)

    response = client.post(url(comment))

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

import pytest

from accounts.models import Notification
from articles.comments import posting
from articles.models import Comment, CommentReport
from tests.conftest import messages_of


@pytest.fixture
def comment(alice, article):
    return posting.post_comment(article=article, author=alice, body="Harsh words.")


def url(comment):
    return f"/comments/{comment.pk}/report/"


def test_it_requires_login(client, comment):
    response = client.get(url(comment))

    assert response.status_code == 302
    assert response["Location"] == (
        f"/accounts/login/?next=/comments/{comment.pk}/report/"
    )


def test_it_404s_for_a_hidden_comment(client, bob, comment):
    Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.HIDDEN)
    client.force_login(bob)

    response = client.get(url(comment))

    assert response.status_code == 404


def test_it_shows_the_comment_and_the_reasons(client, bob, comment):
    client.force_login(bob)

    response = client.get(url(comment))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Harsh words." in html
    assert "Alice wrote on" in html
    for value, _label in CommentReport.Reason.choices:
        assert f'value="{value}"' in html
    assert "Nobody is told who reported it." in html


def test_it_stores_the_report_and_thanks_her_calmly(client, bob, comment):
    client.force_login(bob)

    response = client.post(
        url(comment), {"reason": "harassment", "note": "She keeps doing this."}
    )

    assert response.status_code == 302
    assert response["Location"] == f"/articles/finding-your-voice/c/{comment.pk}/"
    report = CommentReport.objects.get()
    assert report.comment == comment
    assert report.reporter == bob
    assert report.reason == "harassment"
    assert report.note == "She keeps doing this."
    assert messages_of(response) == [
        "Thanks for telling us. A moderator will look at it. They won't tell "
        "anyone who reported it."
    ]


def test_it_does_not_tell_the_reported_person(client, alice, bob, comment):
    client.force_login(bob)

    client.post(url(comment), {"reason": "spam"})

    assert not Notification.objects.filter(recipient=alice).exists()


def test_it_asks_for_a_reason(client, bob, comment):
    client.force_login(bob)

    response = client.post(url(comment), {"note": "Just because"})

    assert response.status_code == 200
    assert "Please choose the reason closest to it." in response.content.decode()
    assert not CommentReport.objects.exists()


def test_it_refuses_her_own_comment(client, alice, comment):
    client.force_login(alice)

    page = client.get(url(comment))
    response = client.post(url(comment), {"reason": "spam"})

    assert page.status_code == 403
    assert "This is your own comment" in page.content.decode()
    assert response.status_code == 403
    assert not CommentReport.objects.exists()


def test_it_updates_the_first_report_with_a_second(client, bob, comment):
    client.force_login(bob)

    client.post(url(comment), {"reason": "spam"})
    client.post(url(comment), {"reason": "hate", "note": "Worse than spam"})

    report = CommentReport.objects.get()
    assert report.reason == "hate"


def test_it_offers_to_block_a_named_author(client, bob, comment):
    client.force_login(bob)

    response = client.get(url(comment))

    html = response.content.decode()
    assert 'action="/u/alice/block/"' in html
    assert "Block Alice" in html


def test_it_never_reveals_an_anonymous_author(client, bob, article, alice):
    comment = posting.post_comment(
        article=article, author=alice, body="Quietly.", is_anonymous=True
    )
    client.force_login(bob)

    response = client.get(url(comment))

    html = response.content.decode()
    assert "Anonymous member wrote on" in html
    assert "Alice" not in html
    assert "alice" not in html
    assert "/block/" not in html


def test_it_shows_a_moderator_who_wrote_an_anonymous_comment(
    client, moderator, article, alice
):
    comment = posting.post_comment(
        article=article, author=alice, body="Quietly.", is_anonymous=True
    )
    client.force_login(moderator)

    response = client.get(url(comment))

    assert "Anonymous member (alice)" in response.content.decode()


def test_it_costs_a_fixed_number_of_queries(
    client, alice, bob, comment, django_assert_num_queries
):
    for number in range(3):
        posting.post_comment(
            article=comment.article, author=bob, body=f"Reply {number}", parent=comment
        )
    reader = bob
    client.force_login(reader)
    client.get(url(comment))  # the first visit records her session

    # Session, user, the comment with its article and author (one query): the
    # same whatever the thread holds (the header's unread count is cached).
    with django_assert_num_queries(3):
        response = client.get(url(comment))

    assert response.status_code == 200

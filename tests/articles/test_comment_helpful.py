import pytest
from django.contrib.messages import get_messages

from articles.comments import posting
from articles.models import Comment, CommentHelpful


@pytest.fixture
def comment(alice, article):
    return posting.post_comment(article=article, author=alice, body="What helped me.")


def url(comment):
    return f"/comments/{comment.pk}/helpful/"


def test_it_rejects_get(client, bob, comment):
    client.force_login(bob)

    response = client.get(url(comment))

    assert response.status_code == 405


def test_it_requires_login(client, comment):
    response = client.post(url(comment))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not CommentHelpful.objects.exists()


def test_it_404s_for_a_hidden_comment(client, bob, comment):
    Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.HIDDEN)
    client.force_login(bob)

    response = client.post(url(comment))

    assert response.status_code == 404


def test_it_marks_and_goes_back_to_the_comment(client, bob, comment):
    client.force_login(bob)

    response = client.post(url(comment), {"mark": "1"})

    assert response.status_code == 302
    assert response["Location"] == f"/articles/finding-your-voice/c/{comment.pk}/"
    comment.refresh_from_db()
    assert comment.helpful_count == 1
    assert CommentHelpful.objects.filter(comment=comment, user=bob).exists()


def test_it_takes_the_mark_back(client, bob, comment):
    client.force_login(bob)
    client.post(url(comment), {"mark": "1"})

    client.post(url(comment), {"mark": "0"})

    comment.refresh_from_db()
    assert comment.helpful_count == 0
    assert not CommentHelpful.objects.exists()


def test_it_marks_once_on_a_double_click(client, bob, comment):
    client.force_login(bob)

    client.post(url(comment), {"mark": "1"})
    client.post(url(comment), {"mark": "1"})

    comment.refresh_from_db()
    assert comment.helpful_count == 1


def test_it_toggles_without_a_mark(client, bob, comment):
    client.force_login(bob)

    client.post(url(comment))
    comment.refresh_from_db()
    assert comment.helpful_count == 1
    client.post(url(comment))
    comment.refresh_from_db()
    assert comment.helpful_count == 0


def test_it_counts_each_person_once(client, bob, charlie, comment):
    for person in (bob, charlie):
        client.force_login(person)
        client.post(url(comment), {"mark": "1"})

    comment.refresh_from_db()
    assert comment.helpful_count == 2


def test_it_refuses_her_own_comment(client, alice, comment):
    client.force_login(alice)

    response = client.post(url(comment), {"mark": "1"})

    comment.refresh_from_db()
    assert comment.helpful_count == 0
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "You can't mark your own comment as helpful."
    ]


def test_it_answers_htmx_with_the_pressed_button(client, bob, comment):
    client.force_login(bob)

    response = client.post(url(comment), {"mark": "1"}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert f'id="helpful-{comment.pk}"' in html
    assert 'aria-pressed="true"' in html
    assert '<span class="visually-hidden">, </span>1</span>' in html
    # Pressing it again asks to take the mark back.
    assert 'name="mark" value="0"' in html


def test_it_answers_htmx_with_the_released_button(client, bob, comment):
    client.force_login(bob)
    client.post(url(comment), {"mark": "1"})

    response = client.post(url(comment), {"mark": "0"}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert 'aria-pressed="false"' in html
    assert 'name="mark" value="1"' in html


def test_it_names_nobody_in_the_htmx_answer_for_an_anonymous_comment(
    client, bob, article, alice
):
    comment = posting.post_comment(
        article=article, author=alice, body="Quietly.", is_anonymous=True
    )
    client.force_login(bob)

    response = client.post(url(comment), {"mark": "1"}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert "Alice" not in html
    assert "alice" not in html


def test_it_loads_the_sign_in_page_for_an_htmx_press_from_a_signed_out_page(
    client, comment
):
    response = client.post(url(comment), {"mark": "1"}, HTTP_HX_REQUEST="true")

    assert response["HX-Redirect"] == (
        f"/accounts/login/?next=/articles/finding-your-voice/c/{comment.pk}/"
    )
    assert not CommentHelpful.objects.exists()

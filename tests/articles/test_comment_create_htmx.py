"""POST /articles/<slug>/comments/ with htmx: the answer is swapped in place."""

from articles.comments import posting
from articles.models import Comment
from tests.articles.comment_factory import post_data, post_form

# htmx -------------------------------------------------------------------------


def test_it_answers_htmx_with_the_form_and_errors_in_place(client, alice, article):
    client.force_login(alice)

    response = post_form(client, post_data("x" * 5001), HTTP_HX_REQUEST="true")

    html = response.content.decode()
    # 200: htmx does not swap error statuses by default.
    assert response.status_code == 200
    assert "<html" not in html
    assert 'class="comment-compose"' in html
    assert "at most 5,000 characters" in html
    assert "x" * 5001 in html
    assert not Comment.objects.exists()


def test_it_answers_htmx_with_the_new_comment_and_a_fresh_form(client, alice, article):
    client.force_login(alice)

    response = post_form(client, post_data("Posted in place."), HTTP_HX_REQUEST="true")

    html = response.content.decode()
    comment = Comment.objects.get()
    assert response.status_code == 200
    assert "<html" not in html
    assert f'id="comment-{comment.pk}"' in html
    assert "Posted in place." in html
    # A fresh, empty form with a new submission key replaces the one she used...
    assert 'id="comment-compose"' in html
    assert 'name="submission_key"' in html
    assert 'value="key-Posted in place."' not in html
    # ...and the page's status region says what happened.
    assert 'id="discussion-status" data-hx-swap-oob="innerHTML"' in html
    assert "Thanks. Your comment is posted." in html


def test_it_answers_an_htmx_reply_with_the_reply_alone(client, alice, bob, article):
    parent = posting.post_comment(article=article, author=bob, body="First.")
    client.force_login(alice)

    response = post_form(
        client, post_data("Inline reply.", parent=parent.pk), HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    reply = Comment.objects.get(body="Inline reply.")
    assert f'id="comment-{reply.pk}"' in html
    assert 'id="comment-compose"' not in html


def test_it_does_not_name_the_author_in_an_htmx_reply_to_an_anonymous_comment(
    client, alice, bob, article
):
    parent = posting.post_comment(
        article=article, author=bob, body="Anonymous words.", is_anonymous=True
    )
    client.force_login(alice)

    response = post_form(
        client, post_data("Replying.", parent=parent.pk), HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Bobbie" not in html
    assert "/u/bob/" not in html
    assert "@bob" not in html


def test_it_posts_nothing_for_an_htmx_honeypot(client, alice, article):
    client.force_login(alice)

    post_form(client, post_data(website="spam"), HTTP_HX_REQUEST="true")

    assert not Comment.objects.exists()


def test_it_loads_the_sign_in_page_for_an_htmx_post_from_a_signed_out_page(
    client, article
):
    response = post_form(client, post_data(), HTTP_HX_REQUEST="true")

    # Not a redirect htmx would follow and swap into the discussion.
    assert response.status_code == 200
    assert response["HX-Redirect"] == (
        "/accounts/login/?next=/articles/finding-your-voice/%23discussion"
    )


def test_it_says_in_place_that_an_htmx_post_is_held(client, alice, article, settings):
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    client.force_login(alice)

    response = post_form(client, post_data("Held for now."), HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert "Thanks. Your comment will appear once a moderator has looked at it." in (
        html
    )
    assert "Held for now." not in html
    assert 'id="comment-compose"' in html


def test_it_updates_the_discussion_count_after_an_htmx_post(
    client, alice, bob, article
):
    posting.post_comment(article=article, author=bob, body="First.")
    client.force_login(alice)
    page = client.get("/articles/finding-your-voice/").content.decode()
    assert '<h2 id="discussion-title">Discussion (1)</h2>' in page

    response = post_form(client, post_data("Second."), HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert '<h2 id="discussion-title" data-hx-swap-oob="true">Discussion (2)</h2>' in (
        html
    )


def test_it_updates_the_discussion_count_after_an_htmx_reply(
    client, alice, bob, article
):
    parent = posting.post_comment(article=article, author=bob, body="First.")
    client.force_login(alice)

    response = post_form(
        client, post_data("Inline reply.", parent=parent.pk), HTTP_HX_REQUEST="true"
    )

    assert 'data-hx-swap-oob="true">Discussion (2)</h2>' in response.content.decode()


def test_it_leaves_the_count_alone_for_a_comment_held_for_review(
    client, alice, article, settings
):
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    client.force_login(alice)

    response = post_form(client, post_data("Waiting."), HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert "once a moderator has looked at it" in html
    assert '<h2 id="discussion-title" data-hx-swap-oob="true">Discussion</h2>' in html

"""POST /articles/<slug>/comments/: the posting form at the foot of the discussion
(and inline replies). The rules themselves are tested in test_discussion_services."""

import re
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from articles.comments import posting
from articles.forms import CommentForm
from articles.models import Comment
from tests.articles.factory import make_article, make_draft
from tests.conftest import make_user

XSS_PAYLOADS = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    '<a href="javascript:alert(1)">link</a>',
    "<svg/onload=alert(1)>",
    '"><iframe src="https://evil.example/"></iframe>',
    "<style>body{display:none}</style>",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
]


def post_data(body="Thank you, this helped me.", **fields):
    return {"body": body, "submission_key": "key-" + body[:20], **fields}


def post(client, data, **headers):
    return client.post("/articles/finding-your-voice/comments/", data, **headers)


def test_it_rejects_get(client, alice, article):
    client.force_login(alice)

    response = client.get("/articles/finding-your-voice/comments/")

    assert response.status_code == 405


def test_it_sends_visitors_to_sign_in_and_back_to_the_discussion(client, article):
    response = post(client, post_data())

    assert response.status_code == 302
    assert response["Location"] == (
        "/accounts/login/?next=/articles/finding-your-voice/%23discussion"
    )
    assert not Comment.objects.exists()


def test_it_404s_for_an_unpublished_article(client, alice):
    make_draft(slug="a-draft")
    client.force_login(alice)

    response = client.post("/articles/a-draft/comments/", post_data())

    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_it_posts_a_comment_and_goes_to_it(client, alice, article):
    client.force_login(alice)

    response = post(client, post_data("Thank you, *this* helped me."))

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/articles/finding-your-voice/c/{comment.pk}/"
    assert comment.author == alice
    assert comment.article == article
    assert comment.parent is None
    assert comment.body == "Thank you, *this* helped me."
    assert "<em>this</em>" in comment.body_html
    assert comment.is_anonymous is False


def test_it_says_thanks(client, alice, article):
    client.force_login(alice)

    post(client, post_data())

    response = client.get("/accounts/profile/")
    assert "Thanks. Your comment is posted." in response.content.decode()


def test_it_posts_a_reply(client, alice, bob, article):
    parent = posting.post_comment(article=article, author=bob, body="First.")
    client.force_login(alice)

    response = post(client, post_data("A reply.", parent=parent.pk))

    reply = Comment.objects.get(body="A reply.")
    assert response["Location"] == f"/articles/finding-your-voice/c/{reply.pk}/"
    assert reply.parent == parent
    assert reply.depth == 1
    parent.refresh_from_db()
    assert parent.reply_count == 1


def test_it_posts_anonymously(client, alice, article):
    client.force_login(alice)

    post(client, post_data(is_anonymous="on"))

    comment = Comment.objects.get()
    assert comment.is_anonymous is True
    assert comment.author == alice  # kept for moderators and for her own edits


def test_it_refuses_a_reply_to_a_comment_on_another_article(
    client, alice, bob, article
):
    elsewhere = make_article("Another one")
    parent = posting.post_comment(article=elsewhere, author=bob, body="First.")
    client.force_login(alice)

    response = post(client, post_data("A reply.", parent=parent.pk))

    assert response.status_code == 400
    assert "no longer there" in response.content.decode()
    assert not Comment.objects.filter(body="A reply.").exists()


def test_it_keeps_her_text_when_something_is_wrong(client, alice, article):
    client.force_login(alice)
    too_long = "My story, which I want to keep. " + "x" * 5000

    response = post(client, post_data(too_long))

    html = response.content.decode()
    assert response.status_code == 400
    assert not Comment.objects.exists()
    assert html.count("<h1") == 1
    assert "at most 5,000 characters" in html
    assert "My story, which I want to keep." in html
    assert "field--error" in html


def test_it_asks_for_some_text(client, alice, article):
    client.force_login(alice)

    response = post(client, post_data("   "))

    assert response.status_code == 400
    assert "Please write your comment first." in response.content.decode()


def test_it_quotes_the_comment_she_replies_to_when_something_is_wrong(
    client, alice, bob, article
):
    parent = posting.post_comment(
        article=article, author=bob, body="What helped me most.", is_anonymous=True
    )
    client.force_login(alice)

    response = post(client, post_data("", parent=parent.pk))

    html = response.content.decode()
    assert response.status_code == 400
    assert "You are replying to Anonymous member" in html
    assert "What helped me most." in html
    assert "Bobbie" not in html
    assert "bob" not in html.lower().replace("bobbie", "")


def test_it_pretends_to_post_when_the_honeypot_is_filled(client, alice, article):
    client.force_login(alice)

    response = post(client, post_data(website="https://spam.example/"))

    assert response.status_code == 302
    assert response["Location"] == "/articles/finding-your-voice/#discussion"
    assert not Comment.objects.exists()


def test_it_posts_a_double_submit_once(client, alice, article):
    client.force_login(alice)
    data = post_data("Posted twice by a double click.")

    first = post(client, data)
    second = post(client, data)

    comment = Comment.objects.get()
    assert first["Location"] == second["Location"] == comment.get_absolute_url()


def test_it_refuses_when_comments_are_closed(client, alice, db):
    make_article("Closed", slug="closed", comments_open=False)
    client.force_login(alice)

    response = client.post("/articles/closed/comments/", post_data("Hello"))

    assert response.status_code == 400
    assert "Comments are closed on this article." in response.content.decode()
    # Her words are still there to copy.
    assert "Hello</textarea>" in response.content.decode()
    assert not Comment.objects.exists()


def test_it_refuses_an_unverified_email_address(client, article):
    dana = make_user("dana", verified=False)
    client.force_login(dana)

    response = post(client, post_data())

    assert response.status_code == 400
    assert "Please confirm your e-mail address" in response.content.decode()
    assert not Comment.objects.exists()


def test_it_holds_a_new_accounts_first_comment(client, alice, article, settings):
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    client.force_login(alice)

    response = post(client, post_data(), follow=True)

    assert response.redirect_chain[0] == (
        "/articles/finding-your-voice/#discussion",
        302,
    )
    assert Comment.objects.get().status == Comment.Status.HELD
    assert (
        "Thanks. Your comment will appear once a moderator has looked at it."
        in response.content.decode()
    )


def test_it_says_when_she_posts_too_fast(client, alice, article, settings):
    settings.COMMENT_RATE_LIMITS = {
        "account": {"minute": 1, "day": 50},
        "new_account": {"minute": 1, "day": 50},
    }
    client.force_login(alice)
    post(client, post_data("One."))

    response = post(client, post_data("Two."))

    assert response.status_code == 400
    assert "Please wait a minute" in response.content.decode()
    assert Comment.objects.count() == 1


class ElementCollector(HTMLParser):
    """The elements and attributes a browser would build from some HTML."""

    def __init__(self, html):
        super().__init__()
        self.elements = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def assert_harmless(html):
    for tag, attrs in ElementCollector(html).elements:
        assert tag not in {"script", "img", "svg", "iframe", "style", "object"}, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), name
            assert (
                not (value or "")
                .strip()
                .lower()
                .startswith(("javascript:", "data:", "vbscript:"))
            ), value


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_it_neutralizes_html_and_scripts(client, alice, article, payload):
    client.force_login(alice)

    post(client, post_data(f"Before {payload} after"))

    assert_harmless(Comment.objects.get().body_html)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_it_escapes_her_text_on_the_error_page(client, alice, article, payload):
    client.force_login(alice)

    response = post(client, post_data(payload + "x" * 5000))

    html = response.content.decode().lower()
    assert response.status_code == 400
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<svg/onload" not in html
    assert '"><iframe' not in html


# htmx -------------------------------------------------------------------------


def test_it_answers_htmx_with_the_form_and_errors_in_place(client, alice, article):
    client.force_login(alice)

    response = post(client, post_data("x" * 5001), HTTP_HX_REQUEST="true")

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

    response = post(client, post_data("Posted in place."), HTTP_HX_REQUEST="true")

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

    response = post(
        client, post_data("Inline reply.", parent=parent.pk), HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    reply = Comment.objects.get(body="Inline reply.")
    assert f'id="comment-{reply.pk}"' in html
    assert 'id="comment-compose"' not in html


def test_an_htmx_reply_to_an_anonymous_comment_does_not_name_its_author(
    client, alice, bob, article
):
    parent = posting.post_comment(
        article=article, author=bob, body="Anonymous words.", is_anonymous=True
    )
    client.force_login(alice)

    response = post(
        client, post_data("Replying.", parent=parent.pk), HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Bobbie" not in html
    assert "/u/bob/" not in html
    assert "@bob" not in html


def test_an_htmx_honeypot_posts_nothing(client, alice, article):
    client.force_login(alice)

    post(client, post_data(website="spam"), HTTP_HX_REQUEST="true")

    assert not Comment.objects.exists()


# The form at the foot of the discussion (articles/includes/comment_form.html) ---


def render_form(user, article, **form_kwargs):
    request = RequestFactory().get(article.get_absolute_url())
    request.user = user
    form = CommentForm(article=article, user=user, **form_kwargs)
    return render_to_string(
        "articles/includes/comment_form.html",
        {"form": form, "article": article, "user": user, "csrf_token": "t0k3n"},
        request=request,
    )


def test_the_form_asks_visitors_to_sign_in(article):
    from django.contrib.auth.models import AnonymousUser

    html = render_form(AnonymousUser(), article)

    assert "Sign in to join the discussion" in html
    assert "/accounts/login/?next=/articles/finding-your-voice/%23discussion" in html
    assert "<textarea" not in html


def test_the_form_says_when_comments_are_closed(alice, db):
    closed = make_article("Closed", comments_open=False)

    html = render_form(alice, closed)

    assert "Comments are closed on this article." in html
    assert "<textarea" not in html


def test_the_form_explains_an_unverified_email_address(article):
    dana = make_user("dana", verified=False)

    html = render_form(dana, article)

    assert "Please confirm your e-mail address" in html
    assert "<textarea" not in html


def test_the_form_explains_the_guidelines(article):
    erin = make_user("erin", guidelines_accepted_at=None)

    html = render_form(erin, article)

    assert "community guidelines" in html
    assert 'href="/guidelines/"' in html
    assert "<textarea" not in html


def test_the_form_reminds_her_not_to_share_identifying_details(alice, article):
    html = render_form(alice, article)

    assert "<textarea" in html
    assert (
        "Please don&#x27;t share names, addresses, phone numbers or other details "
        "that could identify anyone, including you."
        in html
        or "Please don't share names, addresses, phone numbers or other details "
        "that could identify anyone, including you."
        in html
    )
    assert 'name="csrfmiddlewaretoken" value="t0k3n"' in html
    assert "Post anonymously: shown as “Anonymous member”" in html


def test_the_form_hides_the_honeypot_from_people(alice, article):
    html = render_form(alice, article)

    trap = re.search(
        r'<div class="comment-form__trap" aria-hidden="true">(.*?)</div>', html, re.S
    )
    assert trap
    assert "Leave this field empty" in trap.group(1)
    assert 'name="website"' in trap.group(1)
    assert 'tabindex="-1"' in trap.group(1)
    assert 'autocomplete="off"' in trap.group(1)


def test_each_form_gets_its_own_submission_key(alice, article):
    keys = {
        re.search(
            r'name="submission_key" value="([^"]+)"', render_form(alice, article)
        ).group(1)
        for _ in range(3)
    }

    assert len(keys) == 3


def test_a_reply_form_has_its_own_ids_and_anchor(alice, bob, article):
    parent = posting.post_comment(article=article, author=bob, body="First.")

    html = render_form(alice, article, reply_to=parent)

    assert f'id="reply-{parent.pk}"' in html
    assert f'id="id_reply-{parent.pk}_body"' in html
    assert f'name="parent" value="{parent.pk}"' in html
    assert "Post reply" in html


def test_an_htmx_post_from_a_signed_out_page_loads_the_sign_in_page(client, article):
    response = post(client, post_data(), HTTP_HX_REQUEST="true")

    # Not a redirect htmx would follow and swap into the discussion.
    assert response.status_code == 200
    assert response["HX-Redirect"] == (
        "/accounts/login/?next=/articles/finding-your-voice/%23discussion"
    )


def test_an_htmx_post_that_is_held_says_so_in_place(client, alice, article, settings):
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    client.force_login(alice)

    response = post(client, post_data("Held for now."), HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert "Thanks. Your comment will appear once a moderator has looked at it." in (
        html
    )
    assert "Held for now." not in html
    assert 'id="comment-compose"' in html


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_a_posted_payload_is_harmless_on_the_article_page(
    client, alice, article, payload
):
    client.force_login(alice)
    post(client, post_data(f"Before {payload} after"))
    comment = Comment.objects.get()

    html = client.get("/articles/finding-your-voice/").content.decode()

    start = html.index(f'id="comment-{comment.pk}"')
    body = html[start : html.index("</article>", start)]
    assert "Before" in body
    assert_harmless("<article " + body)


def test_an_anonymous_comment_names_nobody_to_other_readers(
    client, alice, bob, charlie, article
):
    client.force_login(bob)
    post(client, post_data("Something I have never told anyone.", is_anonymous="on"))
    comment = Comment.objects.get()

    pages = []
    for reader in (charlie, None):
        client.logout()
        if reader:
            client.force_login(reader)
        pages.append(client.get("/articles/finding-your-voice/").content.decode())
    client.force_login(charlie)
    pages.append(
        post(
            client,
            post_data("I hear you.", parent=comment.pk),
            HTTP_HX_REQUEST="true",
        ).content.decode()
    )

    for html in pages:
        assert "Anonymous member" in html or "I hear you." in html
        assert "Bobbie" not in html
        assert "/u/bob/" not in html
        assert '"bob"' not in html

"""POST /articles/<slug>/comments/: the posting form at the foot of the discussion
(and inline replies). The rules themselves are tested in test_posting_*.py."""

from html.parser import HTMLParser

import pytest

from articles.comments import posting
from articles.models import Comment
from tests.articles.comment_factory import post_data, post_form
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


def test_it_rejects_get(client, alice, article):
    client.force_login(alice)

    response = client.get("/articles/finding-your-voice/comments/")

    assert response.status_code == 405


def test_it_sends_visitors_to_sign_in_and_back_to_the_discussion(client, article):
    response = post_form(client, post_data())

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

    response = post_form(client, post_data("Thank you, *this* helped me."))

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

    post_form(client, post_data())

    response = client.get("/accounts/profile/")
    assert "Thanks. Your comment is posted." in response.content.decode()


def test_it_posts_a_reply(client, alice, bob, article):
    parent = posting.post_comment(article=article, author=bob, body="First.")
    client.force_login(alice)

    response = post_form(client, post_data("A reply.", parent=parent.pk))

    reply = Comment.objects.get(body="A reply.")
    assert response["Location"] == f"/articles/finding-your-voice/c/{reply.pk}/"
    assert reply.parent == parent
    assert reply.depth == 1
    parent.refresh_from_db()
    assert parent.reply_count == 1


def test_it_posts_a_reply_and_tells_its_parent_in_few_queries(
    client, alice, bob, article, django_assert_max_num_queries
):
    """Her row lock also reads her verified address, the parent author's blocks
    and the new comment's id; a new comment's notification does not look for an
    earlier one."""
    parent = posting.post_comment(article=article, author=bob, body="First.")
    client.force_login(alice)
    client.get("/")  # her session and user are loaded once, as on any page

    # Her session and user, the article, the parent, her lock, earlier copies,
    # the line, the comment, the counters, the notification and its e-mail, the
    # task, saving the session (messages), with the savepoints.
    with django_assert_max_num_queries(16):
        response = post_form(client, post_data("A reply.", parent=parent.pk))

    reply = Comment.objects.get(body="A reply.")
    assert response["Location"] == f"/articles/finding-your-voice/c/{reply.pk}/"
    notice = bob.notifications.get()
    assert notice.url == reply.get_absolute_url()
    assert notice.actor == alice


def test_it_posts_anonymously(client, alice, article):
    client.force_login(alice)

    post_form(client, post_data(is_anonymous="on"))

    comment = Comment.objects.get()
    assert comment.is_anonymous is True
    assert comment.author == alice  # kept for moderators and for her own edits


def test_it_refuses_a_reply_to_a_comment_on_another_article(
    client, alice, bob, article
):
    elsewhere = make_article("Another one")
    parent = posting.post_comment(article=elsewhere, author=bob, body="First.")
    client.force_login(alice)

    response = post_form(client, post_data("A reply.", parent=parent.pk))

    assert response.status_code == 400
    assert "no longer there" in response.content.decode()
    assert not Comment.objects.filter(body="A reply.").exists()


def test_it_keeps_her_text_when_something_is_wrong(client, alice, article):
    client.force_login(alice)
    too_long = "My story, which I want to keep. " + "x" * 5000

    response = post_form(client, post_data(too_long))

    html = response.content.decode()
    assert response.status_code == 400
    assert not Comment.objects.exists()
    assert html.count("<h1") == 1
    assert "at most 5,000 characters" in html
    assert "My story, which I want to keep." in html
    assert "field--error" in html


def test_it_asks_for_some_text(client, alice, article):
    client.force_login(alice)

    response = post_form(client, post_data("   "))

    assert response.status_code == 400
    assert "Please write your comment first." in response.content.decode()


def test_it_quotes_the_comment_she_replies_to_when_something_is_wrong(
    client, alice, bob, article
):
    parent = posting.post_comment(
        article=article, author=bob, body="What helped me most.", is_anonymous=True
    )
    client.force_login(alice)

    response = post_form(client, post_data("", parent=parent.pk))

    html = response.content.decode()
    assert response.status_code == 400
    assert "You are replying to Anonymous member" in html
    assert "What helped me most." in html
    assert "Bobbie" not in html
    assert "bob" not in html.lower().replace("bobbie", "")


def test_it_pretends_to_post_when_the_honeypot_is_filled(client, alice, article):
    client.force_login(alice)

    response = post_form(client, post_data(website="https://spam.example/"))

    assert response.status_code == 302
    assert response["Location"] == "/articles/finding-your-voice/#discussion"
    assert not Comment.objects.exists()


def test_it_posts_a_double_submit_once(client, alice, article):
    client.force_login(alice)
    data = post_data("Posted twice by a double click.")

    first = post_form(client, data)
    second = post_form(client, data)

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

    response = post_form(client, post_data())

    assert response.status_code == 400
    assert "Please confirm your e-mail address" in response.content.decode()
    assert not Comment.objects.exists()


def test_it_holds_a_new_accounts_first_comment(client, alice, article, settings):
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    client.force_login(alice)

    response = post_form(client, post_data(), follow=True)

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
    post_form(client, post_data("One."))

    response = post_form(client, post_data("Two."))

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

    post_form(client, post_data(f"Before {payload} after"))

    assert_harmless(Comment.objects.get().body_html)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_it_escapes_her_text_on_the_error_page(client, alice, article, payload):
    client.force_login(alice)

    response = post_form(client, post_data(payload + "x" * 5000))

    html = response.content.decode().lower()
    assert response.status_code == 400
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<svg/onload" not in html
    assert '"><iframe' not in html


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_it_keeps_a_posted_payload_harmless_on_the_article_page(
    client, alice, article, payload
):
    client.force_login(alice)
    post_form(client, post_data(f"Before {payload} after"))
    comment = Comment.objects.get()

    html = client.get("/articles/finding-your-voice/").content.decode()

    start = html.index(f'id="comment-{comment.pk}"')
    body = html[start : html.index("</article>", start)]
    assert "Before" in body
    assert_harmless("<article " + body)


def test_it_names_nobody_to_other_readers_for_an_anonymous_comment(
    client, alice, bob, charlie, article
):
    client.force_login(bob)
    post_form(
        client, post_data("Something I have never told anyone.", is_anonymous="on")
    )
    comment = Comment.objects.get()

    pages = []
    for reader in (charlie, None):
        client.logout()
        if reader:
            client.force_login(reader)
        pages.append(client.get("/articles/finding-your-voice/").content.decode())
    client.force_login(charlie)
    pages.append(
        post_form(
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

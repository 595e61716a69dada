"""articles.comments.posting and rules: who may post, what a comment's text may
be, and how it renders (Markdown-lite, never script)."""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import (
    Article,
    Comment,
)
from tests.articles.comment_factory import post
from tests.articles.factory import make_article, make_draft
from tests.conftest import make_user

# Who may post ---------------------------------------------------------------------


def test_it_posts_a_top_level_comment(alice, article):
    comment = post(alice, article, "  Thank you for writing this.  ")

    comment.refresh_from_db()
    assert comment.body == "Thank you for writing this."
    assert comment.body_html == "<p>Thank you for writing this.</p>\n"
    assert comment.author == alice
    assert comment.parent is None and comment.root is None
    assert comment.depth == 0
    assert comment.path == f"{comment.pk:010d}/"
    assert comment.status == Comment.Status.VISIBLE
    assert comment.edited_at is None


def test_it_refuses_signed_out_visitors(article):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(ValidationError, match="Please sign in"):
        post(AnonymousUser(), article, "Hello")
    assert not Comment.objects.exists()


def test_it_refuses_people_without_a_verified_email(article):
    unverified = make_user("dana", verified=False)

    with pytest.raises(ValidationError, match="confirm your e-mail address"):
        post(unverified, article, "Hello")
    assert not Comment.objects.exists()


def test_it_refuses_people_who_did_not_accept_the_guidelines(article):
    newcomer = make_user("dana", guidelines_accepted_at=None)

    with pytest.raises(ValidationError, match="accept the community guidelines"):
        post(newcomer, article, "Hello")
    assert not Comment.objects.exists()


def test_it_refuses_deactivated_accounts(article):
    suspended = make_user("dana", is_active=False)

    with pytest.raises(ValidationError, match="can't post comments"):
        post(suspended, article, "Hello")


def test_it_refuses_comments_when_they_are_closed(alice):
    closed = make_article("Closed", comments_open=False)

    with pytest.raises(ValidationError) as error:
        post(alice, closed, "Hello")

    assert error.value.messages == ["Comments are closed on this article."]
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Article.Status.DRAFT, "published_at": None},
        {"status": Article.Status.IN_REVIEW, "published_at": None},
        {"published_at": timezone.now() + timedelta(days=3)},
    ],
    ids=["draft", "in review", "scheduled"],
)
def test_it_refuses_comments_on_articles_that_are_not_public(alice, fields):
    hidden = make_draft("Not yet", **fields)

    with pytest.raises(ValidationError, match="isn't open for discussion"):
        post(alice, hidden, "Hello")


@pytest.mark.parametrize("body", ["", "   ", "\n\n\t", "\x00\x01"])
def test_it_refuses_an_empty_comment(alice, article, body):
    with pytest.raises(ValidationError, match="write your comment first"):
        post(alice, article, body)


def test_it_takes_5000_characters_and_no_more(alice, article):
    comment = post(alice, article, "a" * 5000)
    assert len(comment.body) == 5000

    with pytest.raises(ValidationError, match="at most 5,000 characters"):
        post(alice, article, "b" * 5001)
    assert Comment.objects.count() == 1


def test_it_removes_control_characters(alice, article):
    comment = post(alice, article, "Hello\x00 there\r\nfriend")

    comment.refresh_from_db()
    assert comment.body == "Hello there\nfriend"


def test_it_keeps_the_author_of_an_anonymous_comment(alice, article):
    comment = post(alice, article, "I went through this too.", is_anonymous=True)

    comment.refresh_from_db()
    assert comment.is_anonymous
    assert comment.author == alice
    assert comment.shown_author_name() == "Anonymous member"


# Markdown-lite and XSS ------------------------------------------------------------


def test_it_renders_markdown_lite(alice, article):
    body = (
        "First *paragraph* with **strong** words.\n\n"
        "> A quote\n\n"
        "- one\n- two\n\n"
        "1. first\n\n"
        "A [link](https://www.womensaid.org.uk/) and # no heading"
    )

    html = post(alice, article, body).body_html

    assert "<em>paragraph</em>" in html
    assert "<strong>strong</strong>" in html
    assert "<blockquote>" in html
    assert "<ul>\n<li>one</li>" in html
    assert "<ol>" in html
    assert (
        '<a href="https://www.womensaid.org.uk/" rel="nofollow ugc noopener '
        'noreferrer">link</a>'
    ) in html
    assert "<h1" not in html


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


SAFE_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "a"}

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "<img src=x onerror=alert(1)//",
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">styled</div>',
    '<p style="position:fixed;top:0">cover the page</p>',
    '<a href="javascript:alert(1)">raw link</a>',
    "[markdown link](javascript:alert(1))",
    "[mixed case](JaVaScRiPt:alert(1))",
    "[spaced](  javascript:alert(1))",
    "[tab](java\tscript:alert(1))",
    "[entity](&#106;avascript:alert(1))",
    "[colon entity](javascript&#58;alert(1))",
    "[zero width](java\u200bscript:alert(1))",
    "[vbscript](vbscript:msgbox(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<a href='data:text/html,<script>alert(1)</script>'>data link</a>",
    "![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<javascript:alert(1)>",
    '<iframe src="https://evil.example/"></iframe>',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><style><img src=x onerror=alert(1)></style></mtext></math>",
    "<object data=x></object><embed src=x>",
    "<form action=javascript:alert(1)><button>go</button></form>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    '[quote](https://ok.example/"onmouseover="alert(1))',
    '<https://ok.example/" onmouseover="alert(1)>',
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    "\u202egnp.exe<script>alert(1)</script>",
    "@alice<script>alert(1)</script>",
    "[@alice](javascript:alert(1))",
    "<!--<script>alert(1)</script>-->",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_it_neutralizes_xss(alice, bob, article, payload):
    html = post(bob, article, f"Look: {payload}").body_html

    parser = TagCollector()
    parser.feed(html)
    for tag, attributes in parser.tags:
        assert tag in SAFE_TAGS, html
        for name in attributes:
            assert name in {"href", "rel", "class"}, html
        href = attributes.get("href")
        if href is not None:
            # A scheme as browsers read one (anything else is a relative path).
            scheme = re.match(r"\s*([a-z][a-z0-9+.-]*):", href, re.IGNORECASE)
            if scheme:
                assert scheme.group(1).lower() in {"http", "https", "mailto"}, html
            assert not re.search(r"^\W*(javascript|vbscript|data)", href, re.I)
    # What is left of the payload is text: escaped, never markup.
    assert "<script" not in html.lower()
    assert "\u202e" not in html

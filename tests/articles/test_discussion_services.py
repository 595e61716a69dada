"""The rules of the discussion in articles.discussion: who may post, how a comment
is stored in its thread, mentions and notifications, anti-abuse, editing,
deleting, helpful marks and reports."""

import re
import threading
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Block, Notification
from articles.comments import moderation, posting, rules, tree
from articles.models import (
    Article,
    Comment,
    CommentHelpful,
    CommentReport,
    CommentRevision,
)
from articles.models.comment import path_segment
from tests.articles.comment_factory import make_thread
from tests.articles.factory import make_article, make_draft
from tests.conftest import make_user


def post(author, article, body, **kwargs) -> Comment:
    return posting.post_comment(article=article, author=author, body=body, **kwargs)


def refreshed(*comments):
    for comment in comments:
        comment.refresh_from_db()
    return comments


def tree_rows(article):
    """Everything about the article's comments except their counters."""
    return {
        row[0]: row
        for row in Comment.objects.filter(article=article).values_list(
            "pk",
            "path",
            "depth",
            "parent_id",
            "root_id",
            "body",
            "body_html",
            "status",
            "author_id",
            "edited_at",
        )
    }


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


# The tree -------------------------------------------------------------------------


def test_it_stores_replies_with_their_root_path_and_depth(alice, bob, article):
    top = post(alice, article, "Top")
    reply = post(bob, article, "Reply", parent=top)
    deeper = post(alice, article, "Deeper", parent=reply)

    assert (reply.parent, reply.root, reply.depth) == (top, top, 1)
    assert (deeper.parent_id, deeper.root_id, deeper.depth) == (reply.pk, top.pk, 2)
    assert reply.path == top.path + path_segment(reply.pk)
    assert deeper.path == reply.path + path_segment(deeper.pk)


def test_it_orders_a_thread_by_path(alice, bob, charlie, article):
    first = post(alice, article, "First thread")
    second = post(bob, article, "Second thread")
    a = post(bob, article, "A", parent=first)
    b = post(charlie, article, "B", parent=first)
    a1 = post(alice, article, "A1", parent=a)
    b1 = post(alice, article, "B1", parent=b)
    a2 = post(charlie, article, "A2", parent=a)
    c = post(alice, article, "C", parent=second)
    a1x = post(bob, article, "A1x", parent=a1)

    ordered = list(Comment.objects.filter(article=article).order_by("path"))

    assert ordered == [first, a, a1, a1x, a2, b, b1, second, c]
    assert [comment.depth for comment in ordered] == [0, 1, 2, 3, 2, 1, 2, 0, 1]
    # One thread's descendants load by their stored root, in tree order.
    thread = Comment.objects.filter(root=first).order_by("path")
    assert list(thread) == [a, a1, a1x, a2, b, b1]


def test_it_keeps_reply_and_descendant_counts(alice, bob, charlie, article):
    top = post(alice, article, "Top")
    a = post(bob, article, "A", parent=top)
    b = post(charlie, article, "B", parent=top)
    a1 = post(alice, article, "A1", parent=a)
    a1x = post(charlie, article, "A1x", parent=a1)

    refreshed(top, a, b, a1, a1x)
    assert (top.reply_count, top.descendant_count) == (2, 4)
    assert (a.reply_count, a.descendant_count) == (1, 2)
    assert (a1.reply_count, a1.descendant_count) == (1, 1)
    assert (b.reply_count, b.descendant_count) == (0, 0)
    assert (a1x.reply_count, a1x.descendant_count) == (0, 0)


REPLY_QUERIES = 15


@pytest.mark.parametrize("size", [10, 2000])
def test_a_reply_costs_the_same_queries_whatever_the_thread_size(
    django_assert_num_queries, alice, bob, charlie, article, size
):
    top, replies = make_thread(article, [alice, bob], replies=size - 1, branching=3)
    thread = [top, *replies]
    target = thread[-1]  # the deepest, newest comment (written by bob)

    # Her verified e-mail, the block check, a savepoint, her locked row, the
    # look for an earlier copy, the locked line of ancestors, the mentioned user,
    # the id, ONE insert, ONE counter update, two notifications (each: look for an
    # unread one to refresh, then insert), the savepoint's release.
    with django_assert_num_queries(REPLY_QUERIES):
        reply = post(charlie, article, "Me too, @alice.", parent=target)

    assert reply.depth == target.depth + 1
    assert Notification.objects.filter(recipient=bob, kind="comment_reply").exists()
    assert Notification.objects.filter(recipient=alice, kind="comment_mention").exists()


def test_a_reply_rewrites_no_other_comment(alice, bob, charlie, article):
    top, replies = make_thread(article, [alice, bob], replies=1999, branching=3)
    thread = [top, *replies]
    target = thread[1234]
    before = tree_rows(article)
    counters_before = dict(
        Comment.objects.filter(article=article).values_list("pk", "descendant_count")
    )

    with CaptureQueriesContext(connection) as queries:
        reply = post(charlie, article, "A reply deep in a big thread.", parent=target)

    after = tree_rows(article)
    del after[reply.pk]
    assert after == before
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith(('INSERT INTO "articles_comment"', "UPDATE"))
    ]
    assert len(writes) == 2  # one insert, one counter update
    changed = {
        pk
        for pk, count in Comment.objects.filter(article=article)
        .exclude(pk=reply.pk)
        .values_list("pk", "descendant_count")
        if count != counters_before[pk]
    }
    assert changed == set(tree.path_ids(target.path))
    target.refresh_from_db()
    assert target.reply_count == 1


def test_it_refuses_a_reply_to_a_comment_on_another_article(alice, bob, article):
    elsewhere = post(alice, make_article("Another"), "Elsewhere")

    with pytest.raises(ValidationError, match="comments on this article"):
        post(bob, article, "Reply", parent=elsewhere)


@pytest.mark.parametrize(
    "status",
    [Comment.Status.HELD, Comment.Status.HIDDEN, Comment.Status.DELETED],
)
def test_it_refuses_a_reply_to_a_comment_not_shown(alice, bob, article, status):
    parent = post(alice, article, "Parent")
    Comment.objects.filter(pk=parent.pk).update(status=status)
    parent.refresh_from_db()

    with pytest.raises(ValidationError, match="can't be replied to"):
        post(bob, article, "Reply", parent=parent)
    assert Comment.objects.count() == 1


def test_it_refuses_a_reply_to_a_comment_hidden_since_the_page_loaded(
    alice, bob, article
):
    parent = post(alice, article, "Parent")
    Comment.objects.filter(pk=parent.pk).update(status=Comment.Status.HIDDEN)

    with pytest.raises(ValidationError, match="can't be replied to"):
        post(bob, article, "Reply", parent=parent)  # parent is stale in memory
    parent.refresh_from_db()
    assert parent.reply_count == 0


def test_it_refuses_a_reply_deeper_than_a_path_can_hold(alice, bob, article):
    parent = post(alice, article, "Parent", parent=post(bob, article, "Top"))
    # A path of 63 segments (11 characters each) is as long as the column.
    assert tree.PATH_MAX_DEPTH == 62
    Comment.objects.filter(pk=parent.pk).update(depth=tree.PATH_MAX_DEPTH)
    parent.refresh_from_db()

    with pytest.raises(ValidationError, match="can't go any deeper"):
        post(bob, article, "Reply", parent=parent)


def test_she_cannot_reply_to_a_named_comment_of_someone_who_blocked_her(
    alice, bob, article
):
    parent = post(alice, article, "Parent")
    Block.objects.create(blocker=alice, blocked=bob)

    with pytest.raises(ValidationError) as error:
        post(bob, article, "Reply", parent=parent)

    # The refusal any comment that can't be replied to gets.
    assert error.value.messages == ["This comment can't be replied to."]
    assert error.value.code == "not_visible"
    assert Comment.objects.count() == 1


def test_it_posts_her_reply_to_an_anonymous_comment_of_someone_who_blocked_her(
    alice, bob, article
):
    parent = post(alice, article, "Parent", is_anonymous=True)
    Block.objects.create(blocker=alice, blocked=bob)

    reply = post(bob, article, "Reply", parent=parent)

    assert reply.parent == parent
    assert not Notification.objects.filter(recipient=alice).exists()


def test_blocking_her_does_not_stop_her_replying_to_them(alice, bob, article):
    parent = post(bob, article, "Parent")
    Block.objects.create(blocker=alice, blocked=bob)

    reply = post(alice, article, "Reply", parent=parent)

    assert reply.parent == parent


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


# Mentions -------------------------------------------------------------------------


def test_a_mention_links_to_her_profile_and_tells_her(alice, bob, article):
    comment = post(alice, article, "Thank you @Bob, and @nobody-here.")

    assert (
        '<a href="/u/bob/" class="mention" rel="nofollow ugc noopener noreferrer">'
        "@Bob</a>"
    ) in comment.body_html
    assert "@nobody-here" in comment.body_html
    assert 'href="/u/nobody-here/"' not in comment.body_html
    notification = Notification.objects.get(recipient=bob)
    assert notification.kind == "comment_mention"
    assert notification.text == (
        "Alice mentioned you in a comment on “Finding your voice”"
    )
    assert notification.url == f"/articles/{article.slug}/c/{comment.pk}/"


def test_it_ignores_email_addresses_and_urls(alice, bob, article):
    comment = post(
        alice, article, "Write to me@bob.org or see https://example.org/@bob"
    )

    assert 'class="mention"' not in comment.body_html
    assert not Notification.objects.exists()


def test_it_does_not_mention_deactivated_accounts(alice, article):
    make_user("gone", is_active=False)

    comment = post(alice, article, "Hello @gone")

    assert 'class="mention"' not in comment.body_html
    assert not Notification.objects.exists()


def test_an_anonymous_mention_never_names_the_author(alice, bob, article):
    comment = post(alice, article, "@bob this helped me.", is_anonymous=True)

    notification = Notification.objects.get(recipient=bob)
    assert notification.message == (
        "Anonymous member mentioned you in a comment on “Finding your voice”"
    )
    for text in (notification.message, notification.url, comment.body_html):
        assert "alice" not in text.lower()
    assert notification.actor is None


def test_she_can_turn_mention_notifications_off(alice, bob, article):
    bob.mention_notifications = False
    bob.save()

    comment = post(alice, article, "Hi @bob")

    assert 'href="/u/bob/"' in comment.body_html
    assert not Notification.objects.exists()


def test_someone_she_blocked_cannot_notify_her_by_mention(alice, bob, article):
    Block.objects.create(blocker=bob, blocked=alice)

    comment = post(alice, article, "Hi @bob")

    # The link stays, so the author cannot tell she was blocked.
    assert 'href="/u/bob/"' in comment.body_html
    assert not Notification.objects.filter(recipient=bob).exists()


def test_mentioning_herself_tells_nobody(alice, article):
    post(alice, article, "Note to @alice")

    assert not Notification.objects.exists()


def test_repeated_mentions_notify_once(alice, bob, article):
    post(alice, article, "@bob @Bob @BOB")

    assert Notification.objects.filter(recipient=bob).count() == 1


# Reply notifications --------------------------------------------------------------


def test_a_reply_tells_the_parent_author(alice, bob, article):
    parent = post(alice, article, "Parent")

    reply = post(bob, article, "Reply", parent=parent)

    notification = Notification.objects.get(recipient=alice)
    assert notification.kind == "comment_reply"
    assert notification.text == (
        "Bobbie replied to your comment on “Finding your voice”"
    )
    assert notification.url == reply.get_absolute_url()


def test_an_anonymous_reply_never_names_the_author(alice, bob, article):
    parent = post(alice, article, "Parent")

    post(bob, article, "Reply", parent=parent, is_anonymous=True)

    notification = Notification.objects.get(recipient=alice)
    assert notification.message.startswith("Anonymous member replied")
    assert "bob" not in notification.message.lower()
    assert notification.actor is None


def test_replying_to_herself_tells_nobody(alice, article):
    parent = post(alice, article, "Parent")

    post(alice, article, "And one more thing", parent=parent)

    assert not Notification.objects.exists()


def test_a_reply_that_also_mentions_the_parent_author_notifies_once(
    alice, bob, charlie, article
):
    parent = post(alice, article, "Parent")

    post(bob, article, "Yes @alice, and @charlie too", parent=parent)

    assert list(
        Notification.objects.filter(recipient=alice).values_list("kind", flat=True)
    ) == ["comment_reply"]
    assert Notification.objects.filter(
        recipient=charlie, kind="comment_mention"
    ).exists()


# Anti-abuse -----------------------------------------------------------------------


def soon():
    """A moment a few days ahead at 10:00:05 (the article is public by then, and
    the minute and day windows are well inside)."""
    day = timezone.now() + timedelta(days=3)
    return datetime(day.year, day.month, day.day, 10, 0, 5, tzinfo=UTC)


def test_it_limits_an_account_to_5_a_minute(settings, alice, article):
    settings.COMMENT_RATE_LIMITS = posting.DEFAULT_RATE_LIMITS
    alice.date_joined = timezone.now() - timedelta(days=30)
    alice.save()

    with time_machine.travel(soon(), tick=False) as traveller:
        for number in range(5):
            post(alice, article, f"Comment {number}")
        with pytest.raises(ValidationError) as error:
            post(alice, article, "One too many")
        assert error.value.messages == [
            "You're posting very quickly. Please wait a minute and try again."
        ]
        traveller.shift(60)
        post(alice, article, "A minute later")

    assert Comment.objects.count() == 6


def test_it_limits_an_account_to_50_a_day(settings, alice, article):
    settings.COMMENT_RATE_LIMITS = posting.DEFAULT_RATE_LIMITS
    alice.date_joined = timezone.now() - timedelta(days=30)
    alice.save()

    with time_machine.travel(soon(), tick=False) as traveller:
        for number in range(50):
            if number and number % 5 == 0:
                traveller.shift(60)
            post(alice, article, f"Comment {number}")
        traveller.shift(60)
        with pytest.raises(ValidationError, match="come back tomorrow"):
            post(alice, article, "One too many")
        traveller.shift(timedelta(days=1))
        post(alice, article, "The next day")

    assert Comment.objects.count() == 51


def test_it_limits_new_accounts_more(settings, alice, article):
    settings.COMMENT_RATE_LIMITS = posting.DEFAULT_RATE_LIMITS

    with time_machine.travel(soon(), tick=False) as traveller:
        alice.date_joined = timezone.now() - timedelta(hours=3)
        alice.save()
        post(alice, article, "One")
        post(alice, article, "Two")
        with pytest.raises(ValidationError, match="very quickly"):
            post(alice, article, "Three")
        for number in range(8):
            traveller.shift(60)
            post(alice, article, f"Later {number}")
        traveller.shift(60)
        with pytest.raises(ValidationError, match="come back tomorrow"):
            post(alice, article, "Eleventh")

    assert Comment.objects.count() == 10


def test_the_rate_limits_come_from_settings(settings, alice, bob, article):
    settings.COMMENT_RATE_LIMITS = {
        "account": {"minute": 1, "day": 1},
        "new_account": {"minute": 1, "day": 1},
    }
    post(alice, article, "One")

    with pytest.raises(ValidationError, match="very quickly"):
        post(alice, article, "Two")
    post(bob, article, "Bob's first")  # counted per person


def test_a_refused_comment_does_not_count_towards_the_limit(settings, alice, article):
    settings.COMMENT_RATE_LIMITS = {
        "account": {"minute": 1, "day": 5},
        "new_account": {"minute": 1, "day": 5},
    }
    with pytest.raises(ValidationError):
        post(alice, article, "x" * 5001)

    post(alice, article, "Shorter")


def test_a_double_submit_posts_once(alice, bob, article):
    parent = post(bob, article, "Parent")

    first = post(alice, article, "Same words", parent=parent)
    second = post(alice, article, "Same words", parent=parent)

    assert first.pk == second.pk
    assert Comment.objects.filter(author=alice).count() == 1
    parent.refresh_from_db()
    assert parent.reply_count == 1
    assert Notification.objects.filter(recipient=bob).count() == 1


def test_the_same_words_later_post_again(alice, article):
    with time_machine.travel(soon(), tick=False) as traveller:
        first = post(alice, article, "Thank you")
        traveller.shift(11)
        second = post(alice, article, "Thank you")

    assert first.pk != second.pk


def test_the_same_words_elsewhere_are_not_a_double_submit(alice, bob, article):
    parent = post(bob, article, "Parent")

    top = post(alice, article, "Thank you")
    reply = post(alice, article, "Thank you", parent=parent)
    by_bob = post(bob, article, "Thank you")

    assert len({top.pk, reply.pk, by_bob.pk}) == 3


def test_the_same_submission_key_posts_once(alice, article):
    first = post(alice, article, "Draft one", submission_key="k-123")
    second = post(alice, article, "Draft one, edited", submission_key="k-123")
    third = post(alice, article, "Another", submission_key="k-456")

    assert second.pk == first.pk
    assert third.pk != first.pk
    assert Comment.objects.count() == 2


def test_a_refused_submission_can_be_sent_again(alice, article):
    article.comments_open = False
    article.save()
    with pytest.raises(ValidationError):
        post(alice, article, "Hello", submission_key="k-1")
    article.comments_open = True
    article.save()

    comment = post(alice, article, "Hello", submission_key="k-1")

    assert comment.pk


def test_a_deleted_comment_is_not_returned_as_a_double_submit(alice, article):
    first = post(alice, article, "Oops")
    first_pk = first.pk
    posting.delete_comment(comment=first, user=alice)

    again = post(alice, article, "Oops")

    assert again.pk != first_pk
    assert Comment.objects.filter(pk=again.pk).exists()


def test_the_honeypot_helper():
    assert rules.is_honeypot_filled({"website": "http://spam.example"})
    assert not rules.is_honeypot_filled({"website": "  "})
    assert not rules.is_honeypot_filled({})


def test_it_holds_a_new_account_s_first_comments(settings, alice, bob, article):
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    parent = post(bob, article, "Parent")  # bob's first is held too
    parent.status = Comment.Status.VISIBLE
    parent.save()
    Notification.objects.all().delete()

    held = post(alice, article, "Hi @charlie and @bob", parent=parent)

    assert held.status == Comment.Status.HELD
    parent.refresh_from_db()
    assert (parent.reply_count, parent.descendant_count) == (0, 0)
    assert not Notification.objects.exists()
    assert Comment.objects.filter(article=article).shown().count() == 1


def test_a_moderator_approves_a_held_comment(
    settings, alice, bob, charlie, moderator, article
):
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    parent = post(moderator, article, "Welcome, everyone.")  # staff: never held
    parent_by_bob = post(charlie, article, "Parent")
    Comment.objects.filter(pk=parent_by_bob.pk).update(author=bob, status="visible")
    parent_by_bob.refresh_from_db()
    held = post(alice, article, "Thank you @charlie", parent=parent_by_bob)
    assert parent.status == Comment.Status.VISIBLE
    assert held.status == Comment.Status.HELD

    with pytest.raises(ValidationError, match="Only moderators"):
        moderation.approve_held_comment(held, bob)
    moderation.approve_held_comment(held, moderator)

    held.refresh_from_db()
    parent_by_bob.refresh_from_db()
    assert held.status == Comment.Status.VISIBLE
    assert (parent_by_bob.reply_count, parent_by_bob.descendant_count) == (1, 1)
    assert Notification.objects.filter(recipient=bob, kind="comment_reply").exists()
    assert Notification.objects.filter(
        recipient=charlie, kind="comment_mention"
    ).exists()
    with pytest.raises(ValidationError, match="isn't waiting"):
        moderation.approve_held_comment(held, moderator)
    # Once one comment is through, hers are no longer held.
    assert post(alice, article, "Second").status == Comment.Status.VISIBLE


def test_holding_is_off_by_default(alice, article):
    assert post(alice, article, "First").status == Comment.Status.VISIBLE


# Hiding and restoring -------------------------------------------------------------


def test_a_moderator_hides_a_comment_and_the_replies_under_it(
    alice, bob, charlie, moderator, staff_without_mfa, article
):
    top = post(alice, article, "Top")
    reply = post(bob, article, "Reply", parent=top)
    under = post(charlie, article, "Under", parent=reply)
    other = post(charlie, article, "Other", parent=top)

    with pytest.raises(ValidationError, match="Only moderators"):
        moderation.hide_comment(comment=reply, moderator=alice)
    with pytest.raises(ValidationError, match="Only moderators"):
        moderation.hide_comment(comment=reply, moderator=staff_without_mfa)
    moderation.hide_comment(comment=reply, moderator=moderator, reason="Harassment")

    refreshed(top, reply, under, other)
    assert reply.status == Comment.Status.HIDDEN
    assert (top.reply_count, top.descendant_count) == (1, 1)
    # Its own counters still count what hangs under it, for when it comes back.
    assert (reply.reply_count, reply.descendant_count) == (1, 1)
    with pytest.raises(ValidationError, match="already hidden"):
        moderation.hide_comment(comment=reply, moderator=moderator)


def test_a_moderator_restores_a_hidden_comment(alice, bob, charlie, moderator, article):
    top = post(alice, article, "Top")
    reply = post(bob, article, "Reply", parent=top)
    post(charlie, article, "Under", parent=reply)
    moderation.hide_comment(comment=reply, moderator=moderator)

    with pytest.raises(ValidationError, match="Only moderators"):
        moderation.restore_comment(comment=reply, moderator=bob)
    moderation.restore_comment(comment=reply, moderator=moderator)

    refreshed(top, reply)
    assert reply.status == Comment.Status.VISIBLE
    assert (top.reply_count, top.descendant_count) == (1, 2)
    with pytest.raises(ValidationError, match="isn't hidden"):
        moderation.restore_comment(comment=reply, moderator=moderator)


def test_hiding_under_a_hidden_comment_leaves_the_counters_above_it_alone(
    alice, bob, charlie, moderator, article
):
    top = post(alice, article, "Top")
    reply = post(bob, article, "Reply", parent=top)
    under = post(charlie, article, "Under", parent=reply)
    deepest = post(alice, article, "Deepest", parent=under)

    moderation.hide_comment(comment=reply, moderator=moderator)
    moderation.hide_comment(comment=under, moderator=moderator)
    refreshed(top, reply)
    assert (top.reply_count, top.descendant_count) == (0, 0)
    assert (reply.reply_count, reply.descendant_count) == (0, 0)

    moderation.restore_comment(comment=reply, moderator=moderator)
    refreshed(top, reply)
    assert (top.reply_count, top.descendant_count) == (1, 1)
    moderation.restore_comment(comment=under, moderator=moderator)
    refreshed(top, reply, under, deepest)
    assert (top.reply_count, top.descendant_count) == (1, 3)
    assert (reply.reply_count, reply.descendant_count) == (1, 2)
    assert (under.reply_count, under.descendant_count) == (1, 1)


def test_a_moderator_hides_a_held_comment(settings, alice, bob, moderator, article):
    top = post(alice, article, "Top")
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    held = post(bob, article, "Held", parent=top)

    moderation.hide_comment(comment=held, moderator=moderator)

    refreshed(top, held)
    assert held.status == Comment.Status.HIDDEN
    assert (top.reply_count, top.descendant_count) == (0, 0)


# Editing --------------------------------------------------------------------------


def test_she_edits_her_comment_within_15_minutes(alice, article):
    with time_machine.travel(soon(), tick=False) as traveller:
        comment = post(alice, article, "Frist *try*")
        traveller.shift(timedelta(minutes=14, seconds=59))
        posting.edit_comment(comment=comment, user=alice, body="First *try*")

    comment.refresh_from_db()
    assert comment.body == "First *try*"
    assert comment.body_html == "<p>First <em>try</em></p>\n"
    assert comment.edited_at == soon() + timedelta(minutes=14, seconds=59)
    assert comment.was_edited
    assert list(comment.revisions.values_list("body", flat=True)) == ["Frist *try*"]


def test_she_cannot_edit_after_15_minutes(alice, article):
    with time_machine.travel(soon(), tick=False) as traveller:
        comment = post(alice, article, "Original")
        traveller.shift(timedelta(minutes=15, seconds=1))
        with pytest.raises(ValidationError, match="15 minutes"):
            posting.edit_comment(comment=comment, user=alice, body="Changed")

    comment.refresh_from_db()
    assert comment.body == "Original"
    assert not CommentRevision.objects.exists()


def test_the_edit_window_comes_from_settings(settings, alice, article):
    settings.COMMENT_EDIT_WINDOW_MINUTES = 60
    with time_machine.travel(soon(), tick=False) as traveller:
        comment = post(alice, article, "Original")
        traveller.shift(timedelta(minutes=59))
        assert rules.can_edit_comment(comment=comment, user=alice)
        posting.edit_comment(comment=comment, user=alice, body="Changed")


def test_she_cannot_edit_someone_else_s_comment(alice, bob, article):
    comment = post(alice, article, "Alice's words")

    with pytest.raises(ValidationError, match="only edit your own"):
        posting.edit_comment(comment=comment, user=bob, body="Bob's words")
    assert not rules.can_edit_comment(comment=comment, user=bob)


@pytest.mark.parametrize("status", [Comment.Status.HIDDEN, Comment.Status.DELETED])
def test_she_cannot_edit_a_hidden_or_deleted_comment(alice, article, status):
    comment = post(alice, article, "Words")
    Comment.objects.filter(pk=comment.pk).update(status=status)

    with pytest.raises(ValidationError, match="can't be edited"):
        posting.edit_comment(comment=comment, user=alice, body="New words")


def test_an_edit_with_the_same_text_changes_nothing(alice, article):
    comment = post(alice, article, "Same")

    posting.edit_comment(comment=comment, user=alice, body="  Same ")

    comment.refresh_from_db()
    assert comment.edited_at is None
    assert not CommentRevision.objects.exists()


def test_an_edit_validates_the_text(alice, article):
    comment = post(alice, article, "Words")

    with pytest.raises(ValidationError, match="write your comment first"):
        posting.edit_comment(comment=comment, user=alice, body="   ")
    with pytest.raises(ValidationError, match="5,000"):
        posting.edit_comment(comment=comment, user=alice, body="x" * 5001)


def test_an_edit_tells_only_the_newly_mentioned(alice, bob, charlie, article):
    comment = post(alice, article, "Hi @bob")
    assert Notification.objects.filter(recipient=bob).count() == 1

    posting.edit_comment(comment=comment, user=alice, body="Hi @bob and @charlie")
    posting.edit_comment(comment=comment, user=alice, body="Hi @charlie")
    posting.edit_comment(comment=comment, user=alice, body="Hi @charlie, @bob")

    assert Notification.objects.filter(recipient=bob).count() == 1
    assert Notification.objects.filter(recipient=charlie).count() == 1
    assert 'href="/u/charlie/"' in comment.body_html


def test_an_edit_does_not_mention_the_parent_author_again(alice, bob, article):
    parent = post(alice, article, "Parent")
    reply = post(bob, article, "Reply", parent=parent)

    posting.edit_comment(comment=reply, user=bob, body="Reply to @alice")

    assert Notification.objects.filter(recipient=alice).count() == 1


def test_she_can_edit_her_anonymous_comment(alice, article):
    comment = post(alice, article, "Anon", is_anonymous=True)

    posting.edit_comment(comment=comment, user=alice, body="Anon, edited")

    comment.refresh_from_db()
    assert comment.is_anonymous and comment.body == "Anon, edited"


# Deleting -------------------------------------------------------------------------


def test_a_comment_with_replies_becomes_a_placeholder(alice, bob, article):
    top = post(alice, article, "Something personal", is_anonymous=True)
    reply = post(bob, article, "A reply", parent=top)
    posting.edit_comment(comment=top, user=alice, body="Something more personal")
    CommentHelpful.objects.create(comment=top, user=bob)
    Comment.objects.filter(pk=top.pk).update(helpful_count=1)

    posting.delete_comment(comment=top, user=alice)

    top.refresh_from_db()
    reply.refresh_from_db()
    assert top.status == Comment.Status.DELETED
    assert top.author is None
    assert top.body == "[deleted]"
    assert top.body_html == "<p>[deleted]</p>"
    assert not top.is_anonymous
    assert top.edited_at is None
    assert top.helpful_count == 0
    assert not top.revisions.exists()
    assert not top.helpful_marks.exists()
    assert top.shown_author_name() == "[deleted]"
    assert (top.reply_count, top.descendant_count) == (1, 1)
    assert reply.parent == top and reply.status == Comment.Status.VISIBLE
    assert not Comment.objects.filter(body__contains="personal").exists()
    assert not CommentRevision.objects.filter(body__contains="personal").exists()


def test_a_comment_without_replies_disappears(alice, bob, article):
    top = post(alice, article, "Top")
    middle = post(bob, article, "Middle", parent=top)
    leaf = post(alice, article, "Leaf", parent=middle)
    sibling = post(bob, article, "Sibling", parent=top)

    posting.delete_comment(comment=leaf, user=alice)

    assert not Comment.objects.filter(pk=leaf.pk).exists()
    refreshed(top, middle, sibling)
    assert (middle.reply_count, middle.descendant_count) == (0, 0)
    assert (top.reply_count, top.descendant_count) == (2, 2)


def test_empty_placeholders_are_removed_up_the_thread(alice, bob, charlie, article):
    top = post(alice, article, "Top")
    middle = post(bob, article, "Middle", parent=top)
    leaf = post(charlie, article, "Leaf", parent=middle)
    other = post(charlie, article, "Other branch", parent=top)
    posting.delete_comment(comment=top, user=alice)
    posting.delete_comment(comment=middle, user=bob)
    refreshed(top, middle)
    assert top.is_deleted and middle.is_deleted
    assert (top.reply_count, top.descendant_count) == (2, 3)

    posting.delete_comment(comment=leaf, user=charlie)

    # "middle" was left with nothing under it and goes; "top" keeps "other".
    assert not Comment.objects.filter(pk__in=[leaf.pk, middle.pk]).exists()
    top.refresh_from_db()
    assert top.is_deleted
    assert (top.reply_count, top.descendant_count) == (1, 1)

    posting.delete_comment(comment=other, user=charlie)

    assert not Comment.objects.filter(article=article).exists()


def test_she_cannot_delete_someone_else_s_comment(alice, bob, article):
    comment = post(alice, article, "Alice's")

    with pytest.raises(ValidationError, match="only delete your own"):
        posting.delete_comment(comment=comment, user=bob)
    assert Comment.objects.filter(pk=comment.pk).exists()
    assert not rules.can_delete_comment(comment=comment, user=bob)
    assert rules.can_delete_comment(comment=comment, user=alice)


def test_deleting_a_held_comment_leaves_the_counters(settings, alice, bob, article):
    parent = post(bob, article, "Parent")
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    held = post(alice, article, "Held reply", parent=parent)
    assert held.status == Comment.Status.HELD

    posting.delete_comment(comment=held, user=alice)

    parent.refresh_from_db()
    assert (parent.reply_count, parent.descendant_count) == (0, 0)
    assert not Comment.objects.filter(pk=held.pk).exists()


def test_a_comment_with_only_held_replies_is_removed_with_them(
    settings, alice, bob, article
):
    parent = post(bob, article, "Parent")
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    post(alice, article, "Held reply", parent=parent)

    posting.delete_comment(comment=parent, user=bob)

    assert not Comment.objects.exists()


def test_deleting_twice_is_harmless(alice, article):
    comment = post(alice, article, "Once")
    stale = Comment.objects.get(pk=comment.pk)
    posting.delete_comment(comment=comment, user=alice)

    posting.delete_comment(comment=stale, user=alice)

    assert not Comment.objects.exists()


def test_a_placeholder_cannot_be_deleted_again(alice, bob, article):
    top = post(alice, article, "Top")
    post(bob, article, "Reply", parent=top)
    posting.delete_comment(comment=top, user=alice)
    top.refresh_from_db()

    with pytest.raises(ValidationError):
        posting.delete_comment(comment=top, user=alice)


# Helpful marks --------------------------------------------------------------------


def test_she_marks_a_comment_helpful_and_takes_it_back(alice, bob, article):
    comment = post(alice, article, "Useful")

    assert posting.toggle_helpful(comment=comment, user=bob) is True
    comment.refresh_from_db()
    assert comment.helpful_count == 1
    assert CommentHelpful.objects.filter(comment=comment, user=bob).exists()

    assert posting.toggle_helpful(comment=comment, user=bob) is False
    comment.refresh_from_db()
    assert comment.helpful_count == 0
    assert not CommentHelpful.objects.exists()


def test_asking_for_a_state_twice_keeps_it(alice, bob, article):
    comment = post(alice, article, "Useful")

    assert posting.toggle_helpful(comment=comment, user=bob, mark=True)
    assert posting.toggle_helpful(comment=comment, user=bob, mark=True)
    comment.refresh_from_db()
    assert comment.helpful_count == 1
    assert not posting.toggle_helpful(comment=comment, user=bob, mark=False)
    assert not posting.toggle_helpful(comment=comment, user=bob, mark=False)
    comment.refresh_from_db()
    assert comment.helpful_count == 0


def test_she_cannot_mark_her_own_comment(alice, article):
    comment = post(alice, article, "Mine")

    with pytest.raises(ValidationError, match="your own comment"):
        posting.toggle_helpful(comment=comment, user=alice)
    comment.refresh_from_db()
    assert comment.helpful_count == 0


@pytest.mark.parametrize(
    "status",
    [Comment.Status.DELETED, Comment.Status.HIDDEN, Comment.Status.HELD],
)
def test_she_cannot_mark_a_comment_that_is_not_shown(alice, bob, article, status):
    comment = post(alice, article, "Words")
    Comment.objects.filter(pk=comment.pk).update(status=status)
    comment.refresh_from_db()

    with pytest.raises(ValidationError, match="can't be marked helpful"):
        posting.toggle_helpful(comment=comment, user=bob)


# Reports --------------------------------------------------------------------------


def test_she_reports_a_comment(alice, bob, article):
    comment = post(alice, article, "Harsh words")

    report = posting.report_comment(
        comment=comment,
        reporter=bob,
        reason=CommentReport.Reason.HARASSMENT,
        note="  Aimed at another member.  ",
    )

    assert report.comment == comment
    assert report.reporter == bob
    assert report.reason == "harassment"
    assert report.note == "Aimed at another member."
    assert report.resolved_at is None
    # The reported person is never told.
    assert not Notification.objects.filter(recipient=alice).exists()


def test_a_second_report_updates_the_first(alice, bob, article):
    comment = post(alice, article, "Words")
    posting.report_comment(comment=comment, reporter=bob, reason="spam")

    posting.report_comment(
        comment=comment, reporter=bob, reason="hate", note="Actually this."
    )

    report = CommentReport.objects.get()
    assert (report.reason, report.note) == ("hate", "Actually this.")


def test_she_cannot_report_her_own_comment(alice, article):
    comment = post(alice, article, "Mine")

    with pytest.raises(ValidationError, match="your own comment"):
        posting.report_comment(comment=comment, reporter=alice, reason="spam")


def test_a_report_needs_a_known_reason_and_a_short_note(alice, bob, article):
    comment = post(alice, article, "Words")

    with pytest.raises(ValidationError, match="choose a reason"):
        posting.report_comment(comment=comment, reporter=bob, reason="boring")
    with pytest.raises(ValidationError, match="1,000 characters"):
        posting.report_comment(
            comment=comment, reporter=bob, reason="other", note="x" * 1001
        )
    posting.report_comment(
        comment=comment, reporter=bob, reason="other", note="x" * 1000
    )
    assert CommentReport.objects.count() == 1


def test_every_reason_can_be_reported(alice, article):
    comment = post(alice, article, "Words")

    for number, reason in enumerate(CommentReport.Reason.values):
        reporter = make_user(f"reporter{number}")
        posting.report_comment(comment=comment, reporter=reporter, reason=reason)

    assert CommentReport.objects.filter(comment=comment).count() == len(
        CommentReport.Reason.values
    )


# Concurrency: real transactions and separate connections. The serialized rollback
# puts back the seeded topics the flush removes.
concurrent = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_at_once(*calls):
    """Run each call in its own thread (so its own database connection), all
    released together; return what each returned or raised, in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the test inspects it
            results[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(index, call))
        for index, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@concurrent
def test_eight_people_marking_at_once_count_eight():
    author = make_user("writer")
    article = make_article("Marked at once")
    comment = post(author, article, "Worth reading")
    readers = [make_user(f"reader{number}") for number in range(8)]

    results = run_at_once(
        *[
            lambda reader=reader: posting.toggle_helpful(comment=comment, user=reader)
            for reader in readers
        ]
    )

    assert results == [True] * 8
    comment.refresh_from_db()
    assert comment.helpful_count == 8
    assert CommentHelpful.objects.filter(comment=comment).count() == 8


@concurrent
def test_one_person_marking_twice_at_once_counts_once():
    author, reader = make_user("writer"), make_user("reader")
    comment = post(author, make_article("Twice"), "Worth reading")

    results = run_at_once(
        *[
            lambda: posting.toggle_helpful(comment=comment, user=reader, mark=True)
            for _ in range(4)
        ]
    )

    assert results == [True] * 4
    comment.refresh_from_db()
    assert comment.helpful_count == 1


@concurrent
def test_replies_posted_at_once_keep_the_counters_right():
    people = [make_user(f"member{number}") for number in range(6)]
    article = make_article("Busy thread")
    top = post(people[0], article, "Top")
    middle = post(people[1], article, "Middle", parent=top)
    leaf = post(people[2], article, "Leaf", parent=middle)
    parents = [top, middle, leaf, top, middle, leaf]

    results = run_at_once(
        *[
            lambda person=person, parent=parent: post(
                person, article, f"Reply by {person.username}", parent=parent
            )
            for person, parent in zip(people, parents, strict=True)
        ]
    )

    assert all(isinstance(result, Comment) for result in results), results
    refreshed(top, middle, leaf)
    assert (top.reply_count, top.descendant_count) == (3, 8)
    assert (middle.reply_count, middle.descendant_count) == (3, 5)
    assert (leaf.reply_count, leaf.descendant_count) == (2, 2)


@concurrent
def test_a_double_submit_at_once_posts_once():
    author = make_user("writer")
    article = make_article("Double")

    results = run_at_once(
        *[lambda: post(author, article, "Clicked twice") for _ in range(3)]
    )

    assert all(isinstance(result, Comment) for result in results), results
    assert len({result.pk for result in results}) == 1
    assert Comment.objects.count() == 1


def test_every_change_refreshes_the_cached_discussion(
    alice, bob, moderator, article, django_capture_on_commit_callbacks
):
    from articles.comments import tree

    def changes(action):
        before = tree.discussion_version(article.pk)
        with django_capture_on_commit_callbacks(execute=True):
            action()
        return tree.discussion_version(article.pk) != before

    holder = {}
    assert changes(lambda: holder.update(c=post(alice, article, "First words.")))
    comment = holder["c"]
    assert changes(
        lambda: posting.edit_comment(comment=comment, user=alice, body="Changed.")
    )
    assert changes(lambda: posting.toggle_helpful(comment=comment, user=bob))
    assert changes(lambda: posting.toggle_helpful(comment=comment, user=bob))
    assert changes(
        lambda: moderation.hide_comment(comment=comment, moderator=moderator)
    )
    assert changes(
        lambda: moderation.restore_comment(comment=comment, moderator=moderator)
    )
    assert changes(lambda: posting.delete_comment(comment=comment, user=alice))

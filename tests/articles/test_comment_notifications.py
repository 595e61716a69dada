"""Mentions and reply notifications (articles.comments.mentions)."""

from accounts.models import Block, Notification
from tests.articles.comment_factory import post
from tests.conftest import make_user

# Mentions -------------------------------------------------------------------------


def test_it_links_a_mention_to_her_profile_and_tells_her(alice, bob, article):
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


def test_it_never_names_the_author_of_an_anonymous_mention(alice, bob, article):
    comment = post(alice, article, "@bob this helped me.", is_anonymous=True)

    notification = Notification.objects.get(recipient=bob)
    assert notification.message == (
        "Anonymous member mentioned you in a comment on “Finding your voice”"
    )
    for text in (notification.message, notification.url, comment.body_html):
        assert "alice" not in text.lower()
    assert notification.actor is None


def test_it_lets_her_turn_mention_notifications_off(alice, bob, article):
    bob.mention_notifications = False
    bob.save()

    comment = post(alice, article, "Hi @bob")

    assert 'href="/u/bob/"' in comment.body_html
    assert not Notification.objects.exists()


def test_it_does_not_let_someone_she_blocked_notify_her_by_mention(alice, bob, article):
    Block.objects.create(blocker=bob, blocked=alice)

    comment = post(alice, article, "Hi @bob")

    # The link stays, so the author cannot tell she was blocked.
    assert 'href="/u/bob/"' in comment.body_html
    assert not Notification.objects.filter(recipient=bob).exists()


def test_it_tells_nobody_when_she_mentions_herself(alice, article):
    post(alice, article, "Note to @alice")

    assert not Notification.objects.exists()


def test_it_notifies_repeated_mentions_once(alice, bob, article):
    post(alice, article, "@bob @Bob @BOB")

    assert Notification.objects.filter(recipient=bob).count() == 1


# Reply notifications --------------------------------------------------------------


def test_it_tells_the_parent_author_of_a_reply(alice, bob, article):
    parent = post(alice, article, "Parent")

    reply = post(bob, article, "Reply", parent=parent)

    notification = Notification.objects.get(recipient=alice)
    assert notification.kind == "comment_reply"
    assert notification.text == (
        "Bobbie replied to your comment on “Finding your voice”"
    )
    assert notification.url == reply.get_absolute_url()


def test_it_never_names_the_author_of_an_anonymous_reply(alice, bob, article):
    parent = post(alice, article, "Parent")

    post(bob, article, "Reply", parent=parent, is_anonymous=True)

    notification = Notification.objects.get(recipient=alice)
    assert notification.message.startswith("Anonymous member replied")
    assert "bob" not in notification.message.lower()
    assert notification.actor is None


def test_it_tells_nobody_when_she_replies_to_herself(alice, article):
    parent = post(alice, article, "Parent")

    post(alice, article, "And one more thing", parent=parent)

    assert not Notification.objects.exists()


def test_it_notifies_once_for_a_reply_that_also_mentions_the_parent_author(
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

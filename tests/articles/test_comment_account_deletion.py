"""Account deletion and data export, as the discussion plugs into them
(settings.ACCOUNT_DELETION_STEPS and ACCOUNT_EXPORT_SECTIONS): her comments turn
into authorless "[deleted]" placeholders where replies hang under them and go
where none do."""

import json

import pytest

from accounts import services as account_services
from accounts.models import User
from articles.comments import posting
from articles.models import Comment, CommentHelpful, CommentReport, CommentRevision
from tests.conftest import log_in, reauthenticate

pytestmark = pytest.mark.django_db


def post(author, article, body, **kwargs) -> Comment:
    return posting.post_comment(article=article, author=author, body=body, **kwargs)


def test_it_registers_the_discussion_with_account_deletion_and_export(settings):
    assert (
        "articles.comments.posting.forget_user_comments"
        in settings.ACCOUNT_DELETION_STEPS
    )
    assert (
        "articles.comments.posting.export_user_comments"
        in settings.ACCOUNT_EXPORT_SECTIONS
    )


def test_it_turns_her_comments_with_replies_into_authorless_placeholders(
    alice, bob, article
):
    top = post(alice, article, "My story, with my street name", is_anonymous=True)
    posting.edit_comment(comment=top, user=alice, body="My story, edited")
    reply = post(bob, article, "Thank you for sharing", parent=top)

    account_services.delete_account(user=alice)

    top.refresh_from_db()
    reply.refresh_from_db()
    assert top.status == Comment.Status.DELETED
    assert top.author is None
    assert top.body == "[deleted]" and top.body_html == "<p>[deleted]</p>"
    assert not top.is_anonymous
    assert (top.reply_count, top.descendant_count) == (1, 1)
    assert reply.parent == top and reply.body == "Thank you for sharing"
    assert not Comment.objects.filter(body__contains="My story").exists()
    assert not CommentRevision.objects.exists()


def test_it_removes_her_comments_without_replies(alice, bob, article):
    top = post(bob, article, "Bob's question")
    answer = post(alice, article, "Alice's answer", parent=top)
    standalone = post(alice, article, "Alice, on her own")

    account_services.delete_account(user=alice)

    assert not Comment.objects.filter(pk__in=[answer.pk, standalone.pk]).exists()
    top.refresh_from_db()
    assert (top.reply_count, top.descendant_count) == (0, 0)
    assert top.body == "Bob's question"


def test_it_removes_a_chain_of_her_own_comments_entirely(alice, bob, article):
    top = post(bob, article, "Bob's question")
    first = post(alice, article, "Alice answers", parent=top)
    second = post(alice, article, "Alice adds", parent=first)
    third = post(alice, article, "And adds more", parent=second)

    account_services.delete_account(user=alice)

    assert not Comment.objects.filter(pk__in=[first.pk, second.pk, third.pk]).exists()
    top.refresh_from_db()
    assert (top.reply_count, top.descendant_count) == (0, 0)


def test_it_keeps_only_what_others_wrote_under_her_placeholders(
    alice, bob, charlie, article
):
    top = post(alice, article, "Alice starts")
    middle = post(alice, article, "Alice again", parent=top)
    bobs = post(bob, article, "Bob replies to Alice", parent=middle)
    charlies = post(charlie, article, "Charlie, under Alice's first", parent=top)

    account_services.delete_account(user=alice)

    top.refresh_from_db()
    middle.refresh_from_db()
    assert top.is_deleted and middle.is_deleted
    assert (top.reply_count, top.descendant_count) == (2, 3)
    assert (middle.reply_count, middle.descendant_count) == (1, 1)
    assert Comment.objects.filter(pk__in=[bobs.pk, charlies.pk]).count() == 2


def test_it_removes_an_empty_placeholder_above_her_comment_too(alice, bob, article):
    top = post(bob, article, "Bob starts")
    reply = post(alice, article, "Alice replies", parent=top)
    posting.delete_comment(comment=top, user=bob)
    top.refresh_from_db()
    assert top.is_deleted

    account_services.delete_account(user=alice)

    assert not Comment.objects.filter(pk__in=[top.pk, reply.pk]).exists()


def test_it_removes_her_helpful_marks_and_the_counts_follow(
    alice, bob, charlie, article
):
    useful = post(bob, article, "Useful")
    posting.toggle_helpful(comment=useful, user=alice)
    posting.toggle_helpful(comment=useful, user=charlie)

    account_services.delete_account(user=alice)

    useful.refresh_from_db()
    assert useful.helpful_count == 1
    assert list(CommentHelpful.objects.values_list("user__username", flat=True)) == [
        "charlie"
    ]


def test_it_keeps_her_reports_for_moderators_without_her(alice, bob, article):
    harsh = post(bob, article, "Harsh words")
    report = posting.report_comment(
        comment=harsh, reporter=alice, reason="harassment", note="Unkind."
    )

    account_services.delete_account(user=alice)

    report.refresh_from_db()
    assert report.reporter is None
    assert report.reason == "harassment"


def test_it_removes_reports_about_her_comment_with_it(alice, bob, article):
    harsh = post(alice, article, "Harsh words")
    posting.report_comment(comment=harsh, reporter=bob, reason="spam")

    account_services.delete_account(user=alice)

    assert not CommentReport.objects.exists()


def test_it_deletes_her_account_through_the_page(client, alice, bob, article):
    top = post(alice, article, "With a reply")
    post(bob, article, "The reply", parent=top)
    post(alice, article, "Without a reply")
    alice_pk = alice.pk
    log_in(client, "alice")
    reauthenticate(client)

    response = client.post("/accounts/delete/", {"confirm": "delete my account"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=alice_pk).exists()
    assert list(
        Comment.objects.filter(article=article).values_list("body", "author")
    ) == [("[deleted]", None), ("The reply", bob.pk)]


def test_it_keeps_her_comments_when_a_step_fails(settings, alice, bob, article):
    top = post(alice, article, "Still here")
    settings.ACCOUNT_DELETION_STEPS = [
        "articles.comments.posting.forget_user_comments",
        "tests.accounts.test_account_delete.failing_deletion_step",
    ]

    with pytest.raises(RuntimeError):
        account_services.delete_account(user=alice)

    top.refresh_from_db()
    assert top.body == "Still here" and top.author == alice


def test_it_lists_her_comments_in_her_export(alice, bob, article):
    first = post(alice, article, "First words", is_anonymous=True)
    posting.edit_comment(comment=first, user=alice, body="First words, edited")
    second = post(alice, article, "Second words", parent=post(bob, article, "Bob"))

    name, rows = posting.export_user_comments(alice)

    assert name == "comments"
    assert [row["body"] for row in rows] == ["First words, edited", "Second words"]
    assert rows[0]["article"] == "Finding your voice"
    assert rows[0]["url"] == f"/articles/{article.slug}/c/{first.pk}/"
    assert rows[0]["anonymous"] is True
    assert rows[0]["created_at"] == first.created_at.isoformat()
    assert rows[0]["edited_at"] is not None
    assert [v["body"] for v in rows[0]["earlier_versions"]] == ["First words"]
    assert rows[1]["url"] == second.get_absolute_url()
    assert rows[1]["edited_at"] is None
    assert rows[1]["anonymous"] is False


def test_it_puts_only_her_comments_in_her_downloaded_export(
    client, alice, bob, article
):
    post(alice, article, "Alice's comment")
    post(bob, article, "Bob's comment")
    client.force_login(alice)

    response = client.post("/accounts/export/download/")

    data = json.loads(response.content)
    assert [row["body"] for row in data["comments"]] == ["Alice's comment"]
    assert "Bob's comment" not in response.content.decode()

"""Changing comments in articles.comments.posting: editing, deleting, helpful
marks and reports."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError

from accounts.models import Notification
from articles.comments import moderation, posting, rules
from articles.models import (
    Comment,
    CommentHelpful,
    CommentReport,
    CommentRevision,
)
from tests.articles.comment_factory import post, refreshed, soon
from tests.conftest import make_user

# Editing --------------------------------------------------------------------------


def test_it_lets_her_edit_her_comment_within_15_minutes(alice, article):
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


def test_it_does_not_let_her_edit_after_15_minutes(alice, article):
    with time_machine.travel(soon(), tick=False) as traveller:
        comment = post(alice, article, "Original")
        traveller.shift(timedelta(minutes=15, seconds=1))
        with pytest.raises(ValidationError, match="15 minutes"):
            posting.edit_comment(comment=comment, user=alice, body="Changed")

    comment.refresh_from_db()
    assert comment.body == "Original"
    assert not CommentRevision.objects.exists()


def test_it_takes_the_edit_window_from_settings(settings, alice, article):
    settings.COMMENT_EDIT_WINDOW_MINUTES = 60
    with time_machine.travel(soon(), tick=False) as traveller:
        comment = post(alice, article, "Original")
        traveller.shift(timedelta(minutes=59))
        assert rules.can_edit_comment(comment=comment, user=alice)
        posting.edit_comment(comment=comment, user=alice, body="Changed")


def test_it_does_not_let_her_edit_someone_else_s_comment(alice, bob, article):
    comment = post(alice, article, "Alice's words")

    with pytest.raises(ValidationError, match="only edit your own"):
        posting.edit_comment(comment=comment, user=bob, body="Bob's words")
    assert not rules.can_edit_comment(comment=comment, user=bob)


@pytest.mark.parametrize("status", [Comment.Status.HIDDEN, Comment.Status.DELETED])
def test_it_does_not_let_her_edit_a_hidden_or_deleted_comment(alice, article, status):
    comment = post(alice, article, "Words")
    Comment.objects.filter(pk=comment.pk).update(status=status)

    with pytest.raises(ValidationError, match="can't be edited"):
        posting.edit_comment(comment=comment, user=alice, body="New words")


def test_it_changes_nothing_for_an_edit_with_the_same_text(alice, article):
    comment = post(alice, article, "Same")

    posting.edit_comment(comment=comment, user=alice, body="  Same ")

    comment.refresh_from_db()
    assert comment.edited_at is None
    assert not CommentRevision.objects.exists()


def test_it_validates_the_text_of_an_edit(alice, article):
    comment = post(alice, article, "Words")

    with pytest.raises(ValidationError, match="write your comment first"):
        posting.edit_comment(comment=comment, user=alice, body="   ")
    with pytest.raises(ValidationError, match="5,000"):
        posting.edit_comment(comment=comment, user=alice, body="x" * 5001)


def test_it_tells_only_the_newly_mentioned_on_an_edit(alice, bob, charlie, article):
    comment = post(alice, article, "Hi @bob")
    assert Notification.objects.filter(recipient=bob).count() == 1

    posting.edit_comment(comment=comment, user=alice, body="Hi @bob and @charlie")
    posting.edit_comment(comment=comment, user=alice, body="Hi @charlie")
    posting.edit_comment(comment=comment, user=alice, body="Hi @charlie, @bob")

    assert Notification.objects.filter(recipient=bob).count() == 1
    assert Notification.objects.filter(recipient=charlie).count() == 1
    assert 'href="/u/charlie/"' in comment.body_html


def test_it_does_not_mention_the_parent_author_again_on_an_edit(alice, bob, article):
    parent = post(alice, article, "Parent")
    reply = post(bob, article, "Reply", parent=parent)

    posting.edit_comment(comment=reply, user=bob, body="Reply to @alice")

    assert Notification.objects.filter(recipient=alice).count() == 1


def test_it_lets_her_edit_her_anonymous_comment(alice, article):
    comment = post(alice, article, "Anon", is_anonymous=True)

    posting.edit_comment(comment=comment, user=alice, body="Anon, edited")

    comment.refresh_from_db()
    assert comment.is_anonymous and comment.body == "Anon, edited"


# Deleting -------------------------------------------------------------------------


def test_it_turns_a_comment_with_replies_into_a_placeholder(alice, bob, article):
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


def test_it_removes_a_comment_without_replies(alice, bob, article):
    top = post(alice, article, "Top")
    middle = post(bob, article, "Middle", parent=top)
    leaf = post(alice, article, "Leaf", parent=middle)
    sibling = post(bob, article, "Sibling", parent=top)

    posting.delete_comment(comment=leaf, user=alice)

    assert not Comment.objects.filter(pk=leaf.pk).exists()
    refreshed(top, middle, sibling)
    assert (middle.reply_count, middle.descendant_count) == (0, 0)
    assert (top.reply_count, top.descendant_count) == (2, 2)


def test_it_removes_empty_placeholders_up_the_thread(alice, bob, charlie, article):
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


def test_it_does_not_let_her_delete_someone_else_s_comment(alice, bob, article):
    comment = post(alice, article, "Alice's")

    with pytest.raises(ValidationError, match="only delete your own"):
        posting.delete_comment(comment=comment, user=bob)
    assert Comment.objects.filter(pk=comment.pk).exists()
    assert not rules.can_delete_comment(comment=comment, user=bob)
    assert rules.can_delete_comment(comment=comment, user=alice)


def test_it_counts_what_hangs_under_a_hidden_comment_she_turns_into_a_placeholder(
    alice, bob, charlie, moderator, article
):
    top = post(bob, article, "Top")
    hidden = post(alice, article, "Hidden later", parent=top)
    post(charlie, article, "Under it", parent=hidden)
    moderation.hide_comment(comment=hidden, moderator=moderator)

    posting.delete_comment(comment=hidden, user=alice)

    hidden.refresh_from_db()
    top.refresh_from_db()
    assert hidden.is_deleted
    # The placeholder and the reply under it are in the thread again, and so in
    # the counters above them.
    assert (top.reply_count, top.descendant_count) == (1, 2)


def test_it_leaves_the_counters_when_deleting_a_held_comment(
    settings, alice, bob, article
):
    parent = post(bob, article, "Parent")
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    held = post(alice, article, "Held reply", parent=parent)
    assert held.status == Comment.Status.HELD

    posting.delete_comment(comment=held, user=alice)

    parent.refresh_from_db()
    assert (parent.reply_count, parent.descendant_count) == (0, 0)
    assert not Comment.objects.filter(pk=held.pk).exists()


def test_it_removes_a_comment_with_only_held_replies_together_with_them(
    settings, alice, bob, article
):
    parent = post(bob, article, "Parent")
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    post(alice, article, "Held reply", parent=parent)

    posting.delete_comment(comment=parent, user=bob)

    assert not Comment.objects.exists()


def test_it_deletes_twice_harmlessly(alice, article):
    comment = post(alice, article, "Once")
    stale = Comment.objects.get(pk=comment.pk)
    posting.delete_comment(comment=comment, user=alice)

    posting.delete_comment(comment=stale, user=alice)

    assert not Comment.objects.exists()


def test_it_does_not_delete_a_placeholder_again(alice, bob, article):
    top = post(alice, article, "Top")
    post(bob, article, "Reply", parent=top)
    posting.delete_comment(comment=top, user=alice)
    top.refresh_from_db()

    with pytest.raises(ValidationError):
        posting.delete_comment(comment=top, user=alice)


# Helpful marks --------------------------------------------------------------------


def test_it_lets_her_mark_a_comment_helpful_and_take_it_back(alice, bob, article):
    comment = post(alice, article, "Useful")

    assert posting.toggle_helpful(comment=comment, user=bob) is True
    comment.refresh_from_db()
    assert comment.helpful_count == 1
    assert CommentHelpful.objects.filter(comment=comment, user=bob).exists()

    assert posting.toggle_helpful(comment=comment, user=bob) is False
    comment.refresh_from_db()
    assert comment.helpful_count == 0
    assert not CommentHelpful.objects.exists()


def test_it_keeps_a_state_asked_for_twice(alice, bob, article):
    comment = post(alice, article, "Useful")

    assert posting.toggle_helpful(comment=comment, user=bob, mark=True)
    assert posting.toggle_helpful(comment=comment, user=bob, mark=True)
    comment.refresh_from_db()
    assert comment.helpful_count == 1
    assert not posting.toggle_helpful(comment=comment, user=bob, mark=False)
    assert not posting.toggle_helpful(comment=comment, user=bob, mark=False)
    comment.refresh_from_db()
    assert comment.helpful_count == 0


def test_it_does_not_let_her_mark_her_own_comment(alice, article):
    comment = post(alice, article, "Mine")

    with pytest.raises(ValidationError, match="your own comment"):
        posting.toggle_helpful(comment=comment, user=alice)
    comment.refresh_from_db()
    assert comment.helpful_count == 0


@pytest.mark.parametrize(
    "status",
    [Comment.Status.DELETED, Comment.Status.HIDDEN, Comment.Status.HELD],
)
def test_it_does_not_let_her_mark_a_comment_that_is_not_shown(
    alice, bob, article, status
):
    comment = post(alice, article, "Words")
    Comment.objects.filter(pk=comment.pk).update(status=status)
    comment.refresh_from_db()

    with pytest.raises(ValidationError, match="can't be marked helpful"):
        posting.toggle_helpful(comment=comment, user=bob)


# Reports --------------------------------------------------------------------------


def test_it_lets_her_report_a_comment(alice, bob, article):
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


def test_it_updates_the_first_report_with_a_second(alice, bob, article):
    comment = post(alice, article, "Words")
    posting.report_comment(comment=comment, reporter=bob, reason="spam")

    posting.report_comment(
        comment=comment, reporter=bob, reason="hate", note="Actually this."
    )

    report = CommentReport.objects.get()
    assert (report.reason, report.note) == ("hate", "Actually this.")


def test_it_does_not_let_her_report_her_own_comment(alice, article):
    comment = post(alice, article, "Mine")

    with pytest.raises(ValidationError, match="your own comment"):
        posting.report_comment(comment=comment, reporter=alice, reason="spam")


def test_it_needs_a_known_reason_and_a_short_note_for_a_report(alice, bob, article):
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


def test_it_takes_a_report_for_every_reason(alice, article):
    comment = post(alice, article, "Words")

    for number, reason in enumerate(CommentReport.Reason.values):
        reporter = make_user(f"reporter{number}")
        posting.report_comment(comment=comment, reporter=reporter, reason=reason)

    assert CommentReport.objects.filter(comment=comment).count() == len(
        CommentReport.Reason.values
    )

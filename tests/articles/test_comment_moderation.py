"""articles.comments.moderation: approving, hiding and restoring comments,
dismissing reports (each with its audit entry), and the comment hidden after
reports from enough established accounts."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import AuditEntry, Notification
from articles.comments import moderation, posting
from articles.models import Comment, CommentReport
from tests.articles.comment_factory import post, refreshed
from tests.conftest import concurrent, make_user, run_at_once

# Hiding and restoring -------------------------------------------------------------


def test_it_lets_a_moderator_hide_a_comment_and_keep_the_replies_under_it(
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
    # It stays in the tree as "Removed by a moderator", with its reply.
    assert (top.reply_count, top.descendant_count) == (2, 3)
    assert (reply.reply_count, reply.descendant_count) == (1, 1)
    with pytest.raises(ValidationError, match="already hidden"):
        moderation.hide_comment(comment=reply, moderator=moderator)


def test_it_writes_an_audit_entry_for_each_action(alice, bob, moderator, article):
    top = post(alice, article, "Top words here")

    moderation.hide_comment(comment=top, moderator=moderator, reason="Cruel")
    moderation.restore_comment(comment=top, moderator=moderator, reason="Misread")

    entries = list(AuditEntry.objects.order_by("pk"))
    assert [entry.action for entry in entries] == ["comment_hide", "comment_restore"]
    assert [entry.reason for entry in entries] == ["Cruel", "Misread"]
    assert entries[0].target_type == "comment"
    assert entries[0].target_id == str(top.pk)
    assert entries[0].target_label == "Top words here"
    assert entries[0].moderator == moderator


def test_it_writes_no_audit_entry_when_refused(alice, moderator, article):
    top = post(alice, article, "Top")

    with pytest.raises(ValidationError):
        moderation.restore_comment(comment=top, moderator=moderator)
    with pytest.raises(ValidationError):
        moderation.hide_comment(comment=top, moderator=alice)

    assert not AuditEntry.objects.exists()


def test_it_lets_a_moderator_restore_a_hidden_comment(
    alice, bob, charlie, moderator, article
):
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


def test_it_lets_a_moderator_hide_a_held_comment(
    settings, alice, bob, moderator, article
):
    top = post(alice, article, "Top")
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    held = post(bob, article, "Held", parent=top)

    moderation.hide_comment(comment=held, moderator=moderator)

    refreshed(top, held)
    assert held.status == Comment.Status.HIDDEN
    assert (top.reply_count, top.descendant_count) == (1, 1)


def test_it_approves_a_held_comment_with_an_audit_entry(
    settings, alice, bob, moderator, article
):
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    held = post(bob, article, "Held")

    with pytest.raises(ValidationError, match="Only moderators"):
        moderation.approve_held_comment(held, alice)
    moderation.approve_held_comment(held, moderator, reason="Fine")

    held.refresh_from_db()
    assert held.status == Comment.Status.VISIBLE
    assert AuditEntry.objects.get().action == "comment_approve"


# Reports --------------------------------------------------------------------------


def report(comment, reporter, reason="harassment"):
    return posting.report_comment(comment=comment, reporter=reporter, reason=reason)


def test_it_resolves_the_reports_and_thanks_the_reporters_when_hiding(
    alice, bob, charlie, moderator, article
):
    top = post(alice, article, "Top")
    report(top, bob)
    report(top, charlie)

    moderation.hide_comment(comment=top, moderator=moderator)

    assert not CommentReport.objects.filter(resolved_at__isnull=True).exists()
    notes = Notification.objects.filter(kind="comment_report_handled")
    assert sorted(note.recipient.username for note in notes) == ["bob", "charlie"]
    for note in notes:
        assert note.message == moderation.REPORT_HANDLED_MESSAGE
        assert note.actor is None
    assert not Notification.objects.filter(recipient=alice).exists()


def test_it_dismisses_the_reports_of_a_comment(alice, bob, moderator, article):
    top = post(alice, article, "Top")
    report(top, bob)

    with pytest.raises(ValidationError, match="Only moderators"):
        moderation.dismiss_reports(comment=top, moderator=bob)
    assert moderation.dismiss_reports(comment=top, moderator=moderator) == 1

    top.refresh_from_db()
    assert top.status == Comment.Status.VISIBLE
    assert CommentReport.objects.get().resolved_at is not None
    assert AuditEntry.objects.get().action == "comment_reports_dismiss"
    assert Notification.objects.filter(recipient=bob).count() == 1
    with pytest.raises(ValidationError, match="no open reports"):
        moderation.dismiss_reports(comment=top, moderator=moderator)


# Hidden after reports -------------------------------------------------------------


@pytest.fixture
def established():
    """Three accounts a month old, with verified e-mail addresses."""
    with time_machine.travel(timezone.now() - timedelta(days=30), tick=False):
        return [make_user(f"reader{number}") for number in range(3)]


def test_it_keeps_a_comment_visible_after_two_reports(alice, article, established):
    top = post(alice, article, "Top")

    report(top, established[0])
    report(top, established[1])

    top.refresh_from_db()
    assert top.status == Comment.Status.VISIBLE


def test_it_hides_a_comment_after_three_reports_until_reviewed(
    alice, bob, article, established
):
    top = post(alice, article, "Top")
    reply = post(bob, article, "Reply", parent=top)

    for reader in established:
        report(top, reader)

    refreshed(top, reply)
    assert top.status == Comment.Status.HIDDEN
    assert top.hidden_by_reports
    assert (top.reply_count, top.descendant_count) == (1, 1)
    assert not AuditEntry.objects.exists()


def test_it_counts_the_same_account_once(alice, article, established):
    top = post(alice, article, "Top")

    report(top, established[0])
    report(top, established[1])
    report(top, established[1], reason="hate")

    top.refresh_from_db()
    assert top.status == Comment.Status.VISIBLE
    assert CommentReport.objects.count() == 2


def test_it_does_not_count_new_or_unverified_accounts(alice, article, established):
    top = post(alice, article, "Top")
    newcomer = make_user("newcomer")
    with time_machine.travel(timezone.now() - timedelta(days=30), tick=False):
        unverified = make_user("unverified", verified=False)

    report(top, established[0])
    report(top, established[1])
    report(top, newcomer)
    report(top, unverified)

    top.refresh_from_db()
    assert top.status == Comment.Status.VISIBLE


def test_it_follows_the_threshold_setting(settings, alice, article, established):
    settings.REPORT_AUTO_HIDE_THRESHOLD = 2
    top = post(alice, article, "Top")

    report(top, established[0])
    report(top, established[1])

    top.refresh_from_db()
    assert top.status == Comment.Status.HIDDEN


def test_it_brings_back_a_comment_hidden_after_reports_when_dismissed(
    alice, moderator, article, established
):
    top = post(alice, article, "Top")
    for reader in established:
        report(top, reader)

    moderation.dismiss_reports(comment=top, moderator=moderator, reason="Fine")

    top.refresh_from_db()
    assert top.status == Comment.Status.VISIBLE
    assert not top.hidden_by_reports


def test_it_confirms_a_comment_hidden_after_reports(
    alice, moderator, article, established
):
    top = post(alice, article, "Top")
    for reader in established:
        report(top, reader)

    moderation.hide_comment(comment=top, moderator=moderator)

    top.refresh_from_db()
    assert top.status == Comment.Status.HIDDEN
    assert not top.hidden_by_reports
    assert AuditEntry.objects.get().action == "comment_hide"


@concurrent
def test_it_hides_a_comment_reported_by_three_at_once():
    with time_machine.travel(timezone.now() - timedelta(days=30), tick=False):
        author = make_user("writer")
        readers = [make_user(f"reader{number}") for number in range(3)]
    from tests.articles.factory import make_article

    top = post(author, make_article("Reported at once"), "Top")

    run_at_once(*[lambda reader=reader: report(top, reader) for reader in readers])

    top.refresh_from_db()
    assert top.status == Comment.Status.HIDDEN
    assert CommentReport.objects.filter(comment=top).count() == 3

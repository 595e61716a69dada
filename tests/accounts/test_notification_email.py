"""Notification e-mails go through the task queue (accounts.emails, the worker
runs accounts.tasks.send_notification_email): sent once, retried when the mail
server fails, as she chose per category, discreet by default."""

import smtplib
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from accounts import emails, services
from accounts.models import EmailDelivery
from accounts.tasks import send_notification_email
from articles.comments.posting import post_comment
from groups.meetings.changes import cancel_meeting
from groups.meetings.rsvp import respond
from tests.conftest import make_group, make_meeting, run_queued_tasks

GROUP_NAME = "Tuesday Evening Circle"


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (enqueuing the e-mail task) as it would run
    in production once the request's transaction commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def notify_bob(bob, on_commit, kind="membership_approved", message="You're in."):
    with on_commit():
        return services.notify(
            recipient=bob, kind=kind, message=message, url="/groups/quiet-circle/"
        )


def cancel_bobs_meeting(alice, bob, on_commit):
    group = make_group(organizer=alice, members=[bob])
    meeting = make_meeting(group)
    respond(user=bob, meeting=meeting, going=True)
    with on_commit():
        cancel_meeting(organizer=alice, meeting=meeting, reason="The room flooded.")


def reply_to_bob(alice, bob, article, on_commit):
    with on_commit():
        parent = post_comment(article=article, author=bob, body="Thank you all.")
        post_comment(
            article=article, author=alice, body="Glad it helped.", parent=parent
        )


def test_it_leaves_the_sending_to_the_worker(bob, on_commit):
    notification = notify_bob(bob, on_commit)

    assert mail.outbox == []
    delivery = EmailDelivery.objects.get(notification=notification)
    assert delivery.status == "pending"

    assert run_queued_tasks() == ["sent"]

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["bob@example.org"]
    delivery.refresh_from_db()
    assert delivery.status == "sent"
    assert delivery.attempts == 1
    assert delivery.sent_at is not None
    assert mail.outbox[0].extra_headers["Message-ID"] == delivery.message_id


def test_it_answers_a_request_without_waiting_for_the_mail_server(
    client, alice, bob, django_capture_on_commit_callbacks
):
    group = make_group(organizer=alice)
    client.force_login(bob)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{group.get_absolute_url()}join/")

    assert response.status_code == 302
    assert alice.notifications.filter(kind="member_joined").exists()
    assert mail.outbox == []
    assert run_queued_tasks() == ["sent"]
    assert mail.outbox[0].to == ["alice@example.org"]


def test_it_enqueues_nothing_until_the_notification_is_committed(bob):
    # Without the commit (the request's transaction rolled back), no task.
    services.notify(recipient=bob, kind="membership_approved", message="You're in.")

    assert run_queued_tasks() == []
    assert mail.outbox == []


def test_it_retries_after_a_mail_server_failure_and_sends_once(bob, on_commit):
    notification = notify_bob(bob, on_commit)
    real_send = EmailBackend.send_messages
    failures = iter([smtplib.SMTPServerDisconnected("Connection lost")])

    def fail_once(backend, messages):
        error = next(failures, None)
        if error is not None:
            raise error
        return real_send(backend, messages)

    with (
        time_machine.travel("2026-03-02 10:00Z", tick=False),
        mock.patch.object(EmailBackend, "send_messages", fail_once),
    ):
        assert run_queued_tasks() == ["retry"]
        assert mail.outbox == []
        delivery = EmailDelivery.objects.get(notification=notification)
        assert (delivery.status, delivery.attempts) == ("pending", 1)
        assert "SMTPServerDisconnected" in delivery.last_error
        # The retry waits a minute.
        assert run_queued_tasks() == []

    with (
        time_machine.travel("2026-03-02 10:01:01Z", tick=False),
        mock.patch.object(EmailBackend, "send_messages", fail_once),
    ):
        assert run_queued_tasks() == ["sent"]
        assert run_queued_tasks() == []

    assert len(mail.outbox) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("sent", 2)


def test_it_waits_longer_after_each_failure_then_gives_up(bob, on_commit, settings):
    settings.EMAIL_MAX_ATTEMPTS = 3
    notification = notify_bob(bob, on_commit)
    start = timezone.now()
    refused = smtplib.SMTPRecipientsRefused({})

    with mock.patch.object(EmailBackend, "send_messages", side_effect=refused):
        with time_machine.travel(start, tick=False):
            assert run_queued_tasks() == ["retry"]
        with time_machine.travel(start + timedelta(seconds=59), tick=False):
            assert run_queued_tasks() == []
        with time_machine.travel(start + timedelta(seconds=61), tick=False):
            assert run_queued_tasks() == ["retry"]
        # The second wait is two minutes.
        with time_machine.travel(start + timedelta(seconds=61 + 119), tick=False):
            assert run_queued_tasks() == []
        with time_machine.travel(start + timedelta(seconds=61 + 121), tick=False):
            assert run_queued_tasks() == ["failed"]
        with time_machine.travel(start + timedelta(days=1), tick=False):
            assert run_queued_tasks() == []

    delivery = EmailDelivery.objects.get(notification=notification)
    assert (delivery.status, delivery.attempts) == ("failed", 3)
    assert mail.outbox == []


def test_it_sends_once_however_often_the_task_runs(bob, on_commit):
    notification = notify_bob(bob, on_commit)
    delivery = EmailDelivery.objects.get(notification=notification)
    # A restarted worker, or a task enqueued twice, runs it again.
    send_notification_email.enqueue(delivery.pk)

    assert run_queued_tasks() == ["sent", "not pending"]
    assert emails.deliver(delivery.pk) == "not pending"

    assert len(mail.outbox) == 1


def test_it_never_sends_a_delivery_another_worker_has_claimed(bob, on_commit):
    notification = notify_bob(bob, on_commit)
    # A worker claimed it and stopped before saying whether it was sent.
    EmailDelivery.objects.filter(notification=notification).update(status="sending")

    assert run_queued_tasks() == ["not pending"]

    assert mail.outbox == []


def test_it_carries_a_one_click_unsubscribe(bob, on_commit):
    notify_bob(bob, on_commit)
    run_queued_tasks()

    message = mail.outbox[0]
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http://localhost:8000/email/unsubscribe/")
    assert header.endswith("/>")
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    assert header[1:-1] in message.body


def test_it_keeps_discreet_emails_neutral(alice, bob, article, on_commit):
    cancel_bobs_meeting(alice, bob, on_commit)
    reply_to_bob(alice, bob, article, on_commit)

    assert run_queued_tasks() == ["sent", "sent"]

    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert message.subject == "You have a new notification"
        assert message.from_email == "Notifications <no-reply@localhost>"
        everything = f"{message.subject} {message.from_email} {message.body}"
        for name in ("Tuesday", "Circle", "Finding your voice", "Alice", "Bobbie"):
            assert name not in everything
        assert "/groups/" not in message.body
        assert "/articles/" not in message.body
        assert "http://localhost:8000/notifications/" in message.body


def test_it_says_what_happened_when_she_is_not_discreet(
    alice, bob, article, on_commit, settings
):
    bob.discreet_emails = False
    bob.save()
    cancel_bobs_meeting(alice, bob, on_commit)
    reply_to_bob(alice, bob, article, on_commit)

    run_queued_tasks()

    cancelled, reply = mail.outbox
    assert GROUP_NAME in cancelled.subject
    assert "cancelled" in cancelled.subject
    assert "The room flooded." in cancelled.body
    assert "Alice" in reply.subject
    assert reply.from_email == settings.DEFAULT_FROM_EMAIL


def test_it_sends_nothing_when_she_wants_no_email_at_all(alice, bob, on_commit):
    bob.email_notifications = False
    bob.save()

    cancel_bobs_meeting(alice, bob, on_commit)
    notify_bob(bob, on_commit, kind="moderation_warning", message="A warning.")

    assert run_queued_tasks() == []
    assert mail.outbox == []
    assert not EmailDelivery.objects.exists()


def test_it_follows_her_choice_per_category(alice, bob, article, on_commit):
    bob.email_meetings = "off"
    bob.email_replies = "each"
    bob.save()

    cancel_bobs_meeting(alice, bob, on_commit)
    reply_to_bob(alice, bob, article, on_commit)

    assert run_queued_tasks() == ["sent"]
    assert bob.notifications.count() == 2
    assert len(mail.outbox) == 1
    assert EmailDelivery.objects.get().notification.kind == "comment_reply"


def test_it_always_sends_moderation_notices_unless_all_email_is_off(bob, on_commit):
    bob.email_replies = bob.email_membership = bob.email_meetings = "off"
    bob.save()

    notify_bob(bob, on_commit, kind="moderation_warning", message="A warning.")

    assert run_queued_tasks() == ["sent"]
    assert len(mail.outbox) == 1


def test_it_skips_an_email_she_turned_off_before_it_went(bob, on_commit):
    notify_bob(bob, on_commit)
    bob.email_membership = "off"
    bob.save()

    assert run_queued_tasks() == ["skipped"]

    assert mail.outbox == []


@pytest.mark.parametrize(
    ("kind", "category"),
    [
        ("comment_reply", "replies"),
        ("comment_mention", "replies"),
        ("member_joined", "membership"),
        ("join_requested", "membership"),
        ("group_paused", "membership"),
        ("meeting_cancelled", "meetings"),
        ("meeting_reminder", "meetings"),
        ("group_details_changed", "meetings"),
        ("group_approved", "moderation"),
        ("moderation_warning", "moderation"),
    ],
)
def test_it_sorts_kinds_into_categories(kind, category):
    assert emails.category_of(kind) == category

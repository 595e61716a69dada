"""manage.py send_email_digests: one e-mail a day of group membership news for
those who chose it."""

import pytest
from django.core import mail
from django.core.management import call_command

from accounts.models import EmailDelivery
from groups import services as group_services
from tests.conftest import make_group, make_user, run_queued_tasks


@pytest.fixture
def digest_group(alice, django_capture_on_commit_callbacks):
    alice.email_membership = "digest"
    alice.discreet_emails = False
    alice.save()
    group = make_group(name="Morning Recovery Check-in", organizer=alice)
    with django_capture_on_commit_callbacks(execute=True):
        for name in ("delia", "erin"):
            group_services.join_group(user=make_user(name), group=group)
    return group


def send_digests() -> str:
    from io import StringIO

    out = StringIO()
    call_command("send_email_digests", stdout=out)
    return out.getvalue()


def test_it_holds_membership_news_for_the_digest(digest_group):
    assert run_queued_tasks() == []
    assert mail.outbox == []
    assert EmailDelivery.objects.filter(status="digest").count() == 2


def test_it_sends_the_days_news_in_one_email(digest_group):
    assert send_digests() == "Sent 1 summary e-mail(s).\n"

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.org"]
    assert message.subject == "2 new in your groups today"
    assert "Delia joined Morning Recovery Check-in." in message.body
    assert "Erin joined Morning Recovery Check-in." in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {"sent"}


def test_it_sends_each_digest_once(digest_group):
    send_digests()

    assert send_digests() == "Sent 0 summary e-mail(s).\n"
    assert len(mail.outbox) == 1


def test_it_keeps_a_discreet_digest_neutral(alice, digest_group):
    alice.discreet_emails = True
    alice.save()

    send_digests()

    message = mail.outbox[0]
    assert message.subject == "Your daily summary"
    for name in ("Morning", "Delia", "Erin"):
        assert name not in message.subject + message.body
    assert "2 new notifications" in message.body


def test_it_sends_other_news_at_once(
    alice, digest_group, django_capture_on_commit_callbacks
):
    from accounts import services

    with django_capture_on_commit_callbacks(execute=True):
        services.notify(recipient=alice, kind="comment_reply", message="A reply.")

    assert run_queued_tasks() == ["sent"]
    assert len(mail.outbox) == 1


def test_it_sends_no_digest_once_she_turned_email_off(alice, digest_group):
    alice.email_notifications = False
    alice.save()

    assert send_digests() == "Sent 0 summary e-mail(s).\n"

    assert mail.outbox == []
    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {"skipped"}

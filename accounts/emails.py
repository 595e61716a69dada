"""Notification e-mails: which she wants, what they say, and sending each once.

accounts.services.notify() calls ``queue_email`` for every new notification;
the worker (``manage.py db_worker``) runs accounts.tasks.send_notification_email,
which calls ``deliver``. This module owns EmailDelivery's status: nothing else
changes it.

Kinds are the short names the apps further up the chain give their
notifications; they fall into a few categories she can switch on and off.
Moderation notices have no switch: only "no e-mail at all" stops them."""

import smtplib
from datetime import timedelta
from email.utils import formataddr, make_msgid, parseaddr

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import EmailChoice, EmailDelivery, Notification, User
from groups_site.lib.web import absolute_url, site_host

REPLIES = "replies"
MEMBERSHIP = "membership"
MEETINGS = "meetings"
MODERATION = "moderation"
EVERYTHING = "all"

# Category -> the User field holding her choice (moderation has none).
PREFERENCE_FIELDS = {
    REPLIES: "email_replies",
    MEMBERSHIP: "email_membership",
    MEETINGS: "email_meetings",
}
CATEGORY_NAMES = {
    REPLIES: "replies and mentions",
    MEMBERSHIP: "group membership news",
    MEETINGS: "meeting changes and reminders",
    MODERATION: "moderation notices",
    EVERYTHING: "all e-mail",
}
_KINDS = {
    "comment_reply": REPLIES,
    "comment_mention": REPLIES,
    "member_joined": MEMBERSHIP,
    "join_requested": MEMBERSHIP,
    "membership_approved": MEMBERSHIP,
    "membership_declined": MEMBERSHIP,
    "membership_removed": MEMBERSHIP,
    "role_changed": MEMBERSHIP,
    "group_details_changed": MEETINGS,
    "group_approved": MODERATION,
    "group_rejected": MODERATION,
}
_PREFIXES = (("meeting_", MEETINGS), ("group_", MEMBERSHIP), ("comment_", REPLIES))

DISCREET_SUBJECT = "You have a new notification"
DIGEST_SUBJECT = "Your daily summary"
UNSUBSCRIBE_SALT = "accounts.emails.unsubscribe"
# Errors worth trying again: the mail server said no or could not be reached.
RETRY_ERRORS = (smtplib.SMTPException, OSError)


def category_of(kind: str) -> str:
    """The preference category of a notification kind; anything unknown counts
    as a moderation notice (sent unless she wants no e-mail at all)."""
    if kind in _KINDS:
        return _KINDS[kind]
    for prefix, category in _PREFIXES:
        if kind.startswith(prefix):
            return category
    return MODERATION


def choice_for(user: User, category: str) -> str:
    """How she wants e-mail of this category: EmailChoice.EACH, DIGEST or OFF."""
    if not user.email_notifications or not user.email:
        return EmailChoice.OFF
    field = PREFERENCE_FIELDS.get(category)
    return getattr(user, field) if field else EmailChoice.EACH


def queue_email(notification: Notification) -> EmailDelivery | None:
    """Record the e-mail a new notification asks for, if she wants one, and hand
    it to the worker once the notification is committed: the request never
    waits for the mail server. Returns the delivery (None when she wants none)."""
    from accounts.tasks import send_notification_email

    choice = choice_for(notification.recipient, category_of(notification.kind))
    if choice == EmailChoice.OFF:
        return None
    if choice == EmailChoice.DIGEST:
        return EmailDelivery.objects.create(
            notification=notification, status=EmailDelivery.Status.DIGEST
        )
    delivery = EmailDelivery.objects.create(notification=notification)
    transaction.on_commit(lambda: send_notification_email.enqueue(delivery.pk))
    return delivery


def deliver(delivery_id: int) -> str:
    """Send one notification's e-mail at most once. Claims the delivery with a
    conditional UPDATE (only a pending one can be claimed), sends, marks it
    sent. A mail server error puts it back to pending and schedules another try
    after a doubling delay, up to EMAIL_MAX_ATTEMPTS; then it is given up.
    Returns what happened, for the task's result."""
    from accounts.tasks import send_notification_email

    message_id = make_msgid(domain=site_host())
    claimed = EmailDelivery.objects.filter(
        pk=delivery_id, status=EmailDelivery.Status.PENDING
    ).update(
        status=EmailDelivery.Status.SENDING,
        attempts=F("attempts") + 1,
        message_id=message_id,
    )
    if not claimed:
        return "not pending"
    delivery = EmailDelivery.objects.select_related("notification__recipient").get(
        pk=delivery_id
    )
    notification = delivery.notification
    recipient = notification.recipient
    # She may have changed her mind since the notification was made.
    if choice_for(recipient, category_of(notification.kind)) == EmailChoice.OFF:
        _finish(delivery_id, EmailDelivery.Status.SKIPPED)
        return "skipped"
    message = notification_message(notification, message_id=message_id)
    try:
        message.send()
    except RETRY_ERRORS as error:
        return _retry_later(delivery, error, send_notification_email)
    _finish(delivery_id, EmailDelivery.Status.SENT, sent_at=timezone.now())
    return "sent"


def _finish(delivery_id: int, status: str, **fields) -> None:
    EmailDelivery.objects.filter(pk=delivery_id).update(status=status, **fields)


def _retry_later(delivery: EmailDelivery, error: Exception, task) -> str:
    error_text = f"{type(error).__name__}: {error}"[:300]
    if delivery.attempts >= settings.EMAIL_MAX_ATTEMPTS:
        _finish(delivery.pk, EmailDelivery.Status.FAILED, last_error=error_text)
        return "failed"
    _finish(delivery.pk, EmailDelivery.Status.PENDING, last_error=error_text)
    delay = settings.EMAIL_RETRY_DELAY * 2 ** (delivery.attempts - 1)
    run_after = timezone.now() + timedelta(seconds=delay)
    task.using(run_after=run_after).enqueue(delivery.pk)
    return "retry"


def notification_message(notification: Notification, *, message_id: str):
    """The e-mail for one notification. Discreet (her default): a neutral sender
    and subject, and a body that only says there is something new, linking to
    her notifications page (the notification's own link could name a group)."""
    recipient = notification.recipient
    category = category_of(notification.kind)
    context = {
        "discreet": recipient.discreet_emails,
        "text": notification.text,
        "link": absolute_url(notification.url or reverse("accounts:notification_list")),
        "notifications_link": absolute_url(reverse("accounts:notification_list")),
        "category_name": CATEGORY_NAMES[category],
    }
    if recipient.discreet_emails:
        subject = DISCREET_SUBJECT
    else:
        subject = " ".join(notification.text.split())[:150]
    return _message(
        recipient,
        subject=subject,
        body_template="accounts/emails/notification_body.txt",
        context=context,
        category=category if category in PREFERENCE_FIELDS else EVERYTHING,
        message_id=message_id,
    )


def _message(recipient, *, subject, body_template, context, category, message_id):
    unsubscribe = absolute_url(
        reverse(
            "accounts:email_unsubscribe", args=[unsubscribe_token(recipient, category)]
        )
    )
    body = render_to_string(
        body_template,
        {**context, "unsubscribe_link": unsubscribe, "SITE_NAME": settings.SITE_NAME},
    )
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=sender(recipient),
        to=[recipient.email],
        headers={
            "Message-ID": message_id,
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def sender(recipient: User) -> str:
    if not recipient.discreet_emails:
        return settings.DEFAULT_FROM_EMAIL
    _, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((settings.DISCREET_FROM_NAME, address))


def send_digests() -> int:
    """Send each member who chose the daily digest one e-mail listing the
    membership news waiting for it; returns how many e-mails went. The rows are
    claimed (digest -> sending) before sending, so two runs never send the same
    news twice; a failed send puts them back for the next run."""
    waiting = (
        EmailDelivery.objects.filter(status=EmailDelivery.Status.DIGEST)
        .values_list("notification__recipient_id", flat=True)
        .distinct()
    )
    sent = 0
    for recipient in User.objects.filter(pk__in=list(waiting)).order_by("pk"):
        sent += _send_digest(recipient)
    return sent


def _send_digest(recipient: User) -> int:
    with transaction.atomic():
        ids = list(
            EmailDelivery.objects.select_for_update(skip_locked=True)
            .filter(
                status=EmailDelivery.Status.DIGEST,
                notification__recipient=recipient,
            )
            .values_list("pk", flat=True)
        )
        EmailDelivery.objects.filter(pk__in=ids).update(
            status=EmailDelivery.Status.SENDING, attempts=F("attempts") + 1
        )
    if not ids:
        return 0
    if choice_for(recipient, MEMBERSHIP) == EmailChoice.OFF:
        EmailDelivery.objects.filter(pk__in=ids).update(
            status=EmailDelivery.Status.SKIPPED
        )
        return 0
    notifications = Notification.objects.filter(email_delivery__in=ids).select_related(
        "actor"
    )
    message_id = make_msgid(domain=site_host())
    message = _message(
        recipient,
        subject=DIGEST_SUBJECT if recipient.discreet_emails else _digest_subject(ids),
        body_template="accounts/emails/digest_body.txt",
        context={
            "discreet": recipient.discreet_emails,
            "texts": [n.text for n in notifications.order_by("created_at", "pk")],
            "count": len(ids),
            "notifications_link": absolute_url(reverse("accounts:notification_list")),
            "category_name": CATEGORY_NAMES[MEMBERSHIP],
        },
        category=MEMBERSHIP,
        message_id=message_id,
    )
    try:
        message.send()
    except RETRY_ERRORS as error:
        EmailDelivery.objects.filter(pk__in=ids).update(
            status=EmailDelivery.Status.DIGEST,
            last_error=f"{type(error).__name__}: {error}"[:300],
        )
        return 0
    EmailDelivery.objects.filter(pk__in=ids).update(
        status=EmailDelivery.Status.SENT, sent_at=timezone.now(), message_id=message_id
    )
    return 1


def _digest_subject(ids: list[int]) -> str:
    count = len(ids)
    return f"{count} new in your groups today" if count > 1 else "1 new in your groups"


def unsubscribe_token(user: User, category: str) -> str:
    return signing.dumps({"u": user.pk, "c": category}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[User, str] | None:
    """The member and category a signed unsubscribe token names; None when it
    was tampered with or names nobody."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        user_id, category = int(data["u"]), str(data["c"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if category not in PREFERENCE_FIELDS and category != EVERYTHING:
        return None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    return (user, category) if user is not None else None


def unsubscribe(*, user: User, category: str) -> None:
    """Turn off one category of e-mail, or all e-mail."""
    if category == EVERYTHING:
        user.email_notifications = False
        user.save(update_fields=["email_notifications"])
        return
    field = PREFERENCE_FIELDS[category]
    setattr(user, field, EmailChoice.OFF)
    user.save(update_fields=[field])

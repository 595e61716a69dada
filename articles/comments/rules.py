"""What she may do in the discussion and what a comment's text may be: the rules
the forms, the template tags and the services share. No queries, except
posting_problem (her verified e-mail address, unless the caller read it)."""

import re
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.utils import timezone

from accounts.access import suspension_message
from articles.models import Comment

MAX_LENGTH = 5000
NOTE_MAX_LENGTH = 1000
HONEYPOT_FIELD = "website"
# Control characters other than tab and newline (PostgreSQL refuses NUL outright),
# and the bidirectional overrides and isolates that make text read differently
# from what it is ("\u202egnp.exe").
CONTROL_CHARACTERS = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]"
)


def has_verified_email(user=None) -> Exists:
    """Whether she has confirmed an e-mail address, as an expression, so a query
    that runs anyway can ask it: the article page's (``user`` her) or the one
    that locks her row when she posts (the default: the row being read)."""
    who = OuterRef("pk") if user is None else user
    return Exists(EmailAddress.objects.filter(user=who, verified=True))


def posting_problem(*, user, article, verified_email: bool | None = None) -> str:
    """Why she cannot post on this article now, or "" when she can. Runs a query
    (her verified e-mail address) unless ``verified_email`` says, read in the
    same request (has_verified_email)."""
    if user is None or not user.is_authenticated:
        return "Please sign in to join the discussion."
    if not user.is_active:
        return "Your account can't post comments."
    if suspended := suspension_message(user):
        return suspended
    if not article.is_public:
        return "This article isn't open for discussion."
    if not article.comments_open:
        return "Comments are closed on this article."
    if user.guidelines_accepted_at is None:
        return "Please read and accept the community guidelines before you post."
    if verified_email is None:
        verified_email = EmailAddress.objects.filter(user=user, verified=True).exists()
    if not verified_email:
        return "Please confirm your e-mail address before you post."
    return ""


def is_honeypot_filled(data, field: str = HONEYPOT_FIELD) -> bool:
    """True when the hidden field people never see (but form-filling bots do) has
    something in it."""
    return bool(str(data.get(field, "") or "").strip())


def can_edit_comment(*, comment: Comment, user) -> bool:
    """Whether to offer her the edit link (edit_comment checks again)."""
    return (
        user is not None
        and user.is_authenticated
        and comment.author_id == user.pk
        and (comment.is_visible or comment.is_held)
        and timezone.now() <= edit_deadline(comment)
    )


def can_delete_comment(*, comment: Comment, user) -> bool:
    return (
        user is not None
        and user.is_authenticated
        and comment.author_id == user.pk
        and not comment.is_deleted
    )


def edit_deadline(comment: Comment):
    return comment.created_at + timedelta(minutes=settings.COMMENT_EDIT_WINDOW_MINUTES)


def clean_body(body: str) -> str:
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n")
    body = CONTROL_CHARACTERS.sub("", body).strip()
    if not body:
        raise ValidationError("Please write your comment first.", code="empty")
    if len(body) > MAX_LENGTH:
        raise ValidationError(
            f"A comment can be at most {MAX_LENGTH:,} characters; "
            f"this one has {len(body):,}.",
            code="too_long",
        )
    return body

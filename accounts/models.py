from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from groups_site.lib.text import refuse_hidden_characters

username_validator = RegexValidator(
    regex=r"^[A-Za-z0-9_-]+\Z",
    message="Use only letters, digits, underscores (_) and hyphens (-).",
)


class EmailChoice(models.TextChoices):
    EACH = "each", "An e-mail each time"
    DIGEST = "digest", "One summary e-mail a day"
    OFF = "off", "No e-mail"


class User(AbstractUser):
    username = models.CharField(
        "username",
        max_length=30,
        unique=True,
        validators=[username_validator],
        help_text="Your public handle, used for @mentions and your profile address. "
        "Letters, digits, _ and - only.",
        error_messages={"unique": "That username is taken. Please choose another."},
    )
    display_name = models.CharField(
        max_length=60,
        blank=True,
        validators=[refuse_hidden_characters],
        help_text="The name others see. A first name or a pseudonym is fine.",
    )
    bio = models.TextField(max_length=1000, blank=True)
    avatar = models.ImageField(upload_to="avatars/%Y/%m/", blank=True)
    guidelines_accepted_at = models.DateTimeField(null=True, blank=True)
    email_notifications = models.BooleanField(
        "send me e-mail notifications",
        default=True,
    )
    mention_notifications = models.BooleanField(
        "tell me when someone @mentions me",
        default=True,
    )
    discreet_emails = models.BooleanField(
        "discreet e-mails",
        default=True,
        help_text="Subjects and previews stay neutral and never name a group or topic.",
    )
    # Set and cleared only by accounts.moderation (suspend, ban, lift): a
    # suspension ends by itself when suspended_until passes.
    suspended_until = models.DateTimeField(null=True, blank=True)
    is_banned = models.BooleanField(default=False)
    suspension_reason = models.TextField(max_length=2000, blank=True)
    # Whether she has a moderator's warning she has not acknowledged yet: kept by
    # accounts.moderation so the banner on every page costs no query.
    has_pending_warning = models.BooleanField(default=False)
    # Per-category e-mail choices (accounts.emails.CATEGORIES); email_notifications
    # above stays the master switch, and moderation notices have no switch of their
    # own. Only group membership news can come as a daily digest.
    email_replies = models.CharField(
        "replies and mentions",
        max_length=10,
        choices=EmailChoice.choices,
        default=EmailChoice.EACH,
    )
    email_membership = models.CharField(
        "group membership news",
        max_length=10,
        choices=EmailChoice.choices,
        default=EmailChoice.EACH,
        help_text="Who joined or asked to join, answers to requests, role changes. "
        "Organizers of busy groups may prefer one summary a day.",
    )
    email_meetings = models.CharField(
        "meetings: changes and reminders",
        max_length=10,
        choices=EmailChoice.choices,
        default=EmailChoice.EACH,
    )

    objects = UserManager()

    class Meta:
        # Site moderators hold this (directly or through a group), not is_staff:
        # accounts.access.is_moderator.
        permissions = [("moderate_community", "Can moderate the community")]
        constraints = [
            models.UniqueConstraint(
                Lower("username"), name="accounts_user_username_ci_unique"
            ),
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_email_ci_unique",
            ),
            models.CheckConstraint(
                condition=~models.Q(email_replies=EmailChoice.DIGEST)
                & ~models.Q(email_meetings=EmailChoice.DIGEST),
                name="accounts_user_digest_only_for_membership",
            ),
        ]

    def __str__(self):
        return self.username

    @classmethod
    def normalize_username(cls, username):
        # allauth (ACCOUNT_PRESERVE_USERNAME_CASING = False) stores and looks up
        # usernames in lower case; keep accounts made elsewhere (createsuperuser,
        # admin) the same, or "alice" could not sign up or log in beside "Alice".
        username = super().normalize_username(username)
        return username.lower() if isinstance(username, str) else username

    def get_absolute_url(self):
        return reverse("accounts:profile_detail", args=[self.username])

    @property
    def public_name(self) -> str:
        return self.display_name or self.username

    @property
    def is_suspended(self) -> bool:
        """Banned, or suspended until a time still to come: she can't sign in,
        post, join groups or answer meetings."""
        if self.is_banned:
            return True
        return self.suspended_until is not None and self.suspended_until > (
            timezone.now()
        )

    def accept_guidelines(self) -> None:
        self.guidelines_accepted_at = timezone.now()
        self.save(update_fields=["guidelines_accepted_at"])


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """An in-site notification. Apps higher up create them through
    ``accounts.services.notify`` with a message that is safe for her to see (never
    naming anyone she should not learn about).

    A message about someone's doing starts with ACTOR_PLACEHOLDER instead of her
    name, and ``text`` fills in her name as it is now: a deleted account's name
    never stays behind in other people's notifications."""

    ACTOR_PLACEHOLDER = "{actor}"
    FORMER_MEMBER = "A former member"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    # A short machine name ("membership_approved", "comment_reply"...) chosen by the
    # app that sends it; accounts does not need to know them all.
    kind = models.CharField(max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications_caused",
    )
    # Set with the actor and kept when her account goes (actor becomes null), so
    # the message still reads "A former member joined ...".
    has_actor = models.BooleanField(default=False)
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["recipient", "read_at"], name="accounts_notification_unread"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(actor__isnull=True) | models.Q(has_actor=True),
                name="accounts_notification_actor_has_slot",
            ),
        ]

    def __str__(self):
        return f"{self.recipient}: {self.text}"

    @property
    def is_unread(self) -> bool:
        return self.read_at is None

    @property
    def text(self) -> str:
        """The message as she reads it, the actor's current name filled in (plain
        text: templates escape it). Only the leading placeholder that notify() put
        there is filled, and never with str.format, so braces in a group name or
        title stay as they are. Reads ``actor``: select_related it for lists."""
        placeholder = self.ACTOR_PLACEHOLDER
        if not self.has_actor or not self.message.startswith(placeholder):
            return self.message
        name = self.actor.public_name if self.actor else self.FORMER_MEMBER
        return name + self.message[len(placeholder) :]


class EmailDelivery(models.Model):
    """The e-mail for one notification. accounts.emails owns it: a worker claims
    the row (pending -> sending) with one conditional UPDATE before it talks to
    the mail server and marks it sent after, so a re-run, a second worker or a
    restarted worker never sends it twice. Membership news for someone who chose
    the daily digest waits as "digest" for send_email_digests."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        DIGEST = "digest", "Waiting for the daily digest"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Gave up"
        SKIPPED = "skipped", "Not sent (she turned e-mail off)"

    notification = models.OneToOneField(
        Notification, on_delete=models.CASCADE, related_name="email_delivery"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    message_id = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status"], name="accounts_delivery_status")]

    def __str__(self):
        return f"E-mail for notification {self.notification_id}: {self.status}"


class BlockQuerySet(models.QuerySet):
    def named(self):
        """Blocks made by name (a profile, a named comment), the ones that
        change what the blocked person can do."""
        return self.filter(via_anonymous_comment=False)


class Block(models.Model):
    """She blocked someone: their comments collapse for her, and they cannot reply
    to her comments or @mention her. They are never told.

    A block made from an anonymous comment ("Hide comments from this person",
    ``via_anonymous_comment``) folds away only that person's ANONYMOUS comments
    for her, and changes nothing else: her named comments stay as they were (or
    they would give away who she is), and she can reply and mention as before (or
    she would learn she was blocked). It is its own row beside any named block of
    the same person, so neither ever appears or goes with the other."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_made"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="blocks_received",
    )
    via_anonymous_comment = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BlockQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["blocker", "blocked", "via_anonymous_comment"],
                name="accounts_block_once",
            ),
            models.CheckConstraint(
                condition=~models.Q(blocker=models.F("blocked")),
                name="accounts_block_not_self",
            ),
        ]

    def __str__(self):
        return f"{self.blocker} blocked {self.blocked}"


class AuditEntry(models.Model):
    """One moderation action: who did what to what, why and when. Written only by
    accounts.audit.record() inside the action's own transaction; never edited or
    deleted (the admin and the log page are read-only, and a database trigger
    refuses UPDATE and DELETE)."""

    # Kept by name too: a moderator who deletes her account leaves her entries
    # (the trigger lets exactly that one change through: moderator to null).
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="audit_entries",
    )
    moderator_name = models.CharField(max_length=150)
    # A short machine name: "comment_hide", "user_suspend", "group_reject"...
    action = models.CharField(max_length=40)
    # What it was done to: a kind ("comment", "user", "group", "report"...), its
    # id, and a label as it read at the time (the target may change or go).
    target_type = models.CharField(max_length=30)
    target_id = models.CharField(max_length=64)
    target_label = models.CharField(max_length=200)
    reason = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["target_type", "target_id"], name="accounts_audit_target"
            ),
            models.Index(fields=["action", "created_at"], name="accounts_audit_action"),
        ]

    def __str__(self):
        target = f"{self.target_type} {self.target_label}"
        return f"{self.moderator_name} {self.action} {target}"


class Warning(models.Model):
    """A moderator's warning to her, with the reason. She sees it (a banner on
    every page until she acknowledges it). Made only by accounts.moderation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="warnings"
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="warnings_given",
    )
    reason = models.TextField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Warning to {self.user}"

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledged_at is not None


class CrisisResourceQuerySet(models.QuerySet):
    def international(self):
        return self.filter(region=CrisisResource.Region.INTERNATIONAL)


class CrisisResource(models.Model):
    """A helpline or service for someone in crisis, on the /support/ page and in the
    panel a comment with crisis language brings up. Site-wide, so it lives in the
    app every other one may use. Entries the site came with are marked
    ``is_default_unverified`` until a moderator has checked them."""

    class Region(models.TextChoices):
        INTERNATIONAL = "international", "International"
        AU = "AU", "Australia"
        BR = "BR", "Brazil"
        CA = "CA", "Canada"
        FR = "FR", "France"
        DE = "DE", "Germany"
        IN = "IN", "India"
        IE = "IE", "Ireland"
        KE = "KE", "Kenya"
        MX = "MX", "Mexico"
        NZ = "NZ", "New Zealand"
        NG = "NG", "Nigeria"
        ZA = "ZA", "South Africa"
        ES = "ES", "Spain"
        GB = "GB", "United Kingdom"
        US = "US", "United States"

    name = models.CharField(max_length=100, validators=[refuse_hidden_characters])
    helps_with = models.CharField(
        "what it helps with",
        max_length=200,
        validators=[refuse_hidden_characters],
        help_text="For example: suicidal thoughts, domestic abuse, any crisis.",
    )
    phone = models.CharField(max_length=40, blank=True)
    url = models.URLField("website", blank=True)
    region = models.CharField(
        max_length=13, choices=Region.choices, default=Region.INTERNATIONAL
    )
    is_default_unverified = models.BooleanField(
        "default entry, not yet checked",
        default=False,
        help_text="Came with the site: the site owner should check it.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first within a region."
    )

    objects = CrisisResourceQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(phone="") | ~models.Q(url=""),
                name="accounts_crisisresource_phone_or_url",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_international(self) -> bool:
        return self.region == self.Region.INTERNATIONAL

    @property
    def tel_url(self) -> str:
        """The phone number as a tel: link ("tel:+448082000247" style digits)."""
        digits = "".join(ch for ch in self.phone if ch in "0123456789+")
        return f"tel:{digits}" if digits else ""

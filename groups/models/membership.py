import uuid

from django.conf import settings
from django.db import models
from django.db.models import Case, Value, When
from django.db.models.functions import Coalesce, Lower, NullIf

from groups.models.group import Group


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(state=Membership.State.ACTIVE)

    def pending(self):
        """Requests to join waiting for an organizer's answer."""
        return self.filter(state=Membership.State.PENDING)

    def organizers(self):
        """Active organizers (a former organizer who left is no longer one)."""
        return self.active().filter(role=Membership.Role.ORGANIZER)

    def in_roster_order(self):
        """The one member order: organizers first, then facilitators, so a member
        knows whom to ask; then by the name others see, case ignored."""
        Role = Membership.Role
        return self.order_by(
            Case(
                When(role=Role.ORGANIZER, then=Value(0)),
                When(role=Role.FACILITATOR, then=Value(1)),
                default=Value(2),
            ),
            Lower(Coalesce(NullIf("user__display_name", Value("")), "user__username")),
            "pk",
        )


class Membership(models.Model):
    class Role(models.TextChoices):
        ORGANIZER = "organizer", "Organizer"
        FACILITATOR = "facilitator", "Facilitator"
        MEMBER = "member", "Member"

    class State(models.TextChoices):
        PENDING = "pending", "Asked to join"
        ACTIVE = "active", "Member"
        DECLINED = "declined", "Declined"
        REMOVED = "removed", "Removed"
        LEFT = "left", "Left"

    # Memberships are private: URLs address them by this, never by a sequential id.
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)
    state = models.CharField(max_length=10, choices=State.choices)
    answer = models.TextField(max_length=1000, blank=True)
    # Her own choice; off until she turns it on, and again each time she joins.
    is_visible_to_members = models.BooleanField(
        "show my name to other members", default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["group", "user"], name="groups_membership_one_per_user"
            ),
        ]
        indexes = [
            models.Index(fields=["group", "state"], name="groups_membership_state"),
        ]

    def __str__(self):
        return f"{self.user} in {self.group} ({self.state}, {self.role})"

    @property
    def is_active(self) -> bool:
        return self.state == self.State.ACTIVE

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING

    @property
    def is_declined(self) -> bool:
        return self.state == self.State.DECLINED

    @property
    def is_removed(self) -> bool:
        return self.state == self.State.REMOVED

    @property
    def has_left(self) -> bool:
        return self.state == self.State.LEFT

    @property
    def is_organizer(self) -> bool:
        return self.is_active and self.role == self.Role.ORGANIZER

    @property
    def is_facilitator(self) -> bool:
        return self.role == self.Role.FACILITATOR

    @property
    def leads_group(self) -> bool:
        """Organizers and facilitators: the roles a member list names."""
        return self.role != self.Role.MEMBER


class PrivateDetailView(models.Model):
    """Each time someone is shown a group's street address or meeting link."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="private_detail_views",
    )
    # Set when a drop-in was shown one meeting's address.
    meeting = models.ForeignKey(
        "groups.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    viewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["user", "viewed_at"], name="groups_privateview_user_day"
            )
        ]

    def __str__(self):
        return (
            f"{self.user} saw {self.group} details at {self.viewed_at:%Y-%m-%d %H:%M}"
        )


class AccessFlag(models.Model):
    """An account that opened the private details of many groups in one day, for a
    moderator to look at (someone may be hunting for a meeting place)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_flags"
    )
    day = models.DateField()
    group_count = models.PositiveIntegerField()
    reviewed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "day"], name="groups_accessflag_one_per_day"
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.group_count} groups on {self.day}"


class GroupReport(models.Model):
    """A member's private report to the moderators about a group, one of its
    facilitators (``subject``), or, from an organizer, one of its members. The
    reporter is never shown to anyone but moderators, and the person reported is
    never told."""

    class Reason(models.TextChoices):
        UNSAFE = "unsafe", "Feels unsafe or harmful"
        HARASSMENT = "harassment", "Harassment or bullying"
        MISLEADING = "misleading", "Misleading about who runs it or what it offers"
        MONEY = "money", "Asks for money or sells something"
        PRIVACY = "privacy", "Shares people's private details"
        OTHER = "other", "Something else"

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="group_reports_made",
    )
    # The facilitator (or, from an organizer, the member) reported; none: the group.
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="group_reports_about",
    )
    reason = models.CharField(max_length=16, choices=Reason.choices)
    details = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(resolved_at__isnull=True),
                name="groups_groupreport_open",
            )
        ]

    def __str__(self):
        return f"Report on {self.group_id}: {self.reason}"

import base64
import itertools
import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from accounts.access import is_moderator
from groups.models.place import Place, Topic
from groups_site.lib.text import refuse_hidden_characters

DEFAULT_GROUND_RULES = "\n".join(
    [
        "What is said in the group stays in the group.",
        "Speak from your own experience, using “I”.",
        "No comparing stories: every experience counts.",
        "No unsolicited advice; ask before offering ideas.",
    ]
)


# ISO 639-1 codes (as groups store them) -> the Meeting Guide feed's type codes.
MEETING_GUIDE_LANGUAGES = {
    "am": "AM",
    "da": "DA",
    "de": "DE",
    "el": "EL",
    "en": "EN",
    "es": "S",
    "fa": "FA",
    "fr": "FR",
    "he": "HE",
    "hi": "HI",
    "hr": "HR",
    "hu": "HU",
    "it": "ITA",
    "ja": "JA",
    "ko": "KOR",
    "lt": "LT",
    "ml": "ML",
    "nb": "NO",
    "no": "NO",
    "pa": "PUN",
    "pl": "POL",
    "pt": "POR",
    "ru": "RUS",
    "sk": "SK",
    "sv": "SV",
    "th": "TH",
    "tl": "TL",
    "uk": "UK",
}

# Paths under /groups/ that are pages, not groups.
RESERVED_SLUGS = {"new", "mine", "places"}
# Random bytes in an unlisted group's address: 80 bits, 16 base32 characters.
SLUG_TOKEN_BYTES = 10


def _slug_base(text: str) -> str:
    return slugify(text)[:120].strip("-") or "group"


def unlisted_slug(text: str) -> str:
    """An address nobody can guess from the group's name: "tuesday-circle-" and
    16 random base32 characters. Fresh on every call."""
    token = base64.b32encode(secrets.token_bytes(SLUG_TOKEN_BYTES)).decode()
    return f"{_slug_base(text)}-{token.lower()}"


class GroupQuerySet(models.QuerySet):
    def listed(self):
        """Groups anyone may find: listed and running (or taking a break). Unlisted,
        pending and archived groups never appear in search, lists, feeds or maps."""
        return self.filter(
            visibility=Group.Visibility.LISTED, status__in=Group.LISTED_STATUSES
        )

    def visible_to(self, user):
        """Groups whose page this user may open: anything approved (unlisted ones
        by link), plus pending and rejected groups for their creator and
        moderators."""
        if is_moderator(user):
            return self
        reviewed = ~Q(status__in=[Group.Status.PENDING, Group.Status.REJECTED])
        if user.is_authenticated:
            return self.filter(reviewed | Q(created_by=user))
        return self.filter(reviewed)

    def with_next_meeting(self):
        """Each group with ``next_meeting_at``: when its next meeting that is still
        on starts (UTC), or None. One subquery, so a list of cards costs no query
        per group."""
        # meeting.py imports this module: the Meeting model comes in at call time.
        from groups.models.meeting import next_meeting_start

        return self.annotate(
            next_meeting_at=next_meeting_start(models.OuterRef("pk"), timezone.now())
        )


class Group(models.Model):
    class Format(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        ONLINE = "online", "Online"
        HYBRID = "hybrid", "Hybrid (in person and online)"

    class VenueType(models.TextChoices):
        COMMUNITY_CENTRE = "community_centre", "Community centre"
        MEMBERS_HOME = "members_home", "A member's home"
        OFFICE = "office", "Office or conference room"
        CAFE = "cafe", "Café or restaurant"
        PLACE_OF_WORSHIP = "place_of_worship", "Place of worship"
        ONLINE = "online", "Online"

    class Facilitation(models.TextChoices):
        PEER = "peer", "Peer with lived experience"
        SOCIAL_WORKER = "social_worker", "Social worker"
        THERAPIST = "therapist", "Therapist"
        COUNSELLOR = "counsellor", "Counsellor"
        LIFE_COACH = "life_coach", "Life coach"
        ORGANIZATION_STAFF = "organization_staff", "Staff of an organization"

    class Cost(models.TextChoices):
        FREE = "free", "Free"
        DONATION = "donation", "Donation welcome"
        FEE = "fee", "Fee"

    class Visibility(models.TextChoices):
        LISTED = "listed", "Listed: anyone can find it"
        UNLISTED = "unlisted", "Unlisted: only people with the link"

    class JoinPolicy(models.TextChoices):
        OPEN = "open", "Open: anyone can join"
        APPROVAL = "approval", "By approval: an organizer says yes"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Taking a break"
        ARCHIVED = "archived", "Archived"
        # A moderator declined to list it (its organizer was told why).
        REJECTED = "rejected", "Not approved"

    class Weekday(models.IntegerChoices):
        # Sunday first, as in the Meeting Guide feed format.
        SUNDAY = 0, "Sunday"
        MONDAY = 1, "Monday"
        TUESDAY = 2, "Tuesday"
        WEDNESDAY = 3, "Wednesday"
        THURSDAY = 4, "Thursday"
        FRIDAY = 5, "Friday"
        SATURDAY = 6, "Saturday"

    name = models.CharField(max_length=120, validators=[refuse_hidden_characters])
    slug = models.SlugField(max_length=140, unique=True)
    tagline = models.CharField(max_length=160, validators=[refuse_hidden_characters])
    description = models.TextField(
        max_length=6000,
        help_text="Markdown-lite: blank lines between paragraphs, *emphasis*, "
        "lists with -, and links.",
    )
    topics = models.ManyToManyField(Topic, related_name="groups")

    women_only = models.BooleanField("women only", default=True)
    childcare = models.BooleanField("childcare available", default=False)
    child_friendly = models.BooleanField("children welcome", default=False)
    wheelchair_accessible = models.BooleanField(default=False)
    languages = ArrayField(
        models.CharField(max_length=8),
        default=list,
        blank=True,
        help_text="Language codes such as en, es, fr.",
    )

    facilitation = models.CharField(max_length=24, choices=Facilitation.choices)
    facilitator_credentials = models.CharField(
        max_length=200, blank=True, validators=[refuse_hidden_characters]
    )
    host_organization = models.CharField(
        max_length=150, blank=True, validators=[refuse_hidden_characters]
    )

    format = models.CharField(max_length=12, choices=Format.choices)
    venue_type = models.CharField(max_length=20, choices=VenueType.choices)
    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="groups",
        help_text="The city or town. Everyone can see it.",
    )
    area_description = models.CharField(
        "area",
        max_length=150,
        blank=True,
        validators=[refuse_hidden_characters],
        help_text="A public hint, such as “near the central library”. "
        "Never a street address.",
    )
    street_address = models.TextField(
        blank=True, max_length=500, help_text="Only members see this."
    )
    venue_notes = models.TextField(
        blank=True,
        max_length=1000,
        help_text="Only members see this: how to find the room, access, parking.",
    )
    online_link = models.URLField(
        blank=True, max_length=500, help_text="Only members see this."
    )
    online_notes = models.TextField(
        blank=True, max_length=500, help_text="Only members see this: passcode notes."
    )

    schedule_note = models.CharField(
        max_length=150,
        blank=True,
        validators=[refuse_hidden_characters],
        help_text="Anything else about when it meets, such as “not in August”.",
    )
    timezone = models.CharField(max_length=64, default="UTC")
    allows_drop_ins = models.BooleanField(
        "welcomes drop-ins",
        default=False,
        help_text="Signed-in women who are not members can say they are coming to "
        "a meeting; they see its address for that meeting only.",
    )

    capacity = models.PositiveSmallIntegerField(null=True, blank=True)
    cost = models.CharField(max_length=10, choices=Cost.choices, default=Cost.FREE)
    cost_details = models.CharField(
        max_length=150, blank=True, validators=[refuse_hidden_characters]
    )
    ground_rules = models.TextField(
        max_length=3000, default=DEFAULT_GROUND_RULES, help_text="One rule per line."
    )

    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.LISTED
    )
    join_policy = models.CharField(
        max_length=10, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    join_question = models.CharField(
        max_length=300,
        blank=True,
        validators=[refuse_hidden_characters],
        help_text="Asked of everyone who asks to join (approval groups).",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="groups_created",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Set when an organizer changes a listed group's public text: the edit shows
    # at once, and the moderation queue lists the group until a moderator has
    # read it (groups.moderation.mark_group_reviewed clears it).
    needs_review_since = models.DateTimeField(null=True, blank=True)

    search_vector = models.GeneratedField(
        expression=(
            SearchVector("name", weight="A", config="english")
            + SearchVector("tagline", weight="B", config="english")
            + SearchVector("area_description", weight="B", config="english")
            + SearchVector("description", weight="C", config="english")
            + SearchVector("host_organization", weight="C", config="english")
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = GroupQuerySet.as_manager()

    # Statuses of a group anyone may find (if it is listed): see listed().
    LISTED_STATUSES = (Status.ACTIVE, Status.PAUSED)

    class Meta:
        ordering = ["name"]
        indexes = [
            GinIndex(fields=["search_vector"], name="groups_group_search"),
            models.Index(fields=["status", "visibility"], name="groups_group_listing"),
            # The default /groups/ page: listed groups by name, without a sort.
            models.Index(
                fields=["name", "id"],
                condition=Q(visibility="listed", status__in=["active", "paused"]),
                name="groups_group_listed_by_name",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(format="online") | Q(place__isnull=False),
                name="groups_group_place_unless_online",
            ),
            models.CheckConstraint(
                condition=(
                    Q(format="online", venue_type="online")
                    | (~Q(format="online") & ~Q(venue_type="online"))
                ),
                name="groups_group_venue_matches_format",
            ),
            models.CheckConstraint(
                condition=~Q(cost="fee") | ~Q(cost_details=""),
                name="groups_group_fee_has_details",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=2),
                name="groups_group_capacity_at_least_two",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("groups:group_detail", args=[self.slug])

    @property
    def is_unlisted(self) -> bool:
        return self.visibility == self.Visibility.UNLISTED

    @property
    def is_online(self) -> bool:
        return self.format == self.Format.ONLINE

    @property
    def meets_in_person(self) -> bool:
        return self.format in (self.Format.IN_PERSON, self.Format.HYBRID)

    @property
    def is_hybrid(self) -> bool:
        return self.format == self.Format.HYBRID

    @property
    def is_in_person(self) -> bool:
        return self.format == self.Format.IN_PERSON

    @property
    def meets_online(self) -> bool:
        """Online or hybrid: it has a meeting link and times members join from
        anywhere."""
        return self.format in (self.Format.ONLINE, self.Format.HYBRID)

    @property
    def needs_approval(self) -> bool:
        return self.join_policy == self.JoinPolicy.APPROVAL

    @property
    def is_open(self) -> bool:
        return self.join_policy == self.JoinPolicy.OPEN

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_paused(self) -> bool:
        return self.status == self.Status.PAUSED

    @property
    def is_archived(self) -> bool:
        return self.status == self.Status.ARCHIVED

    @property
    def is_rejected(self) -> bool:
        return self.status == self.Status.REJECTED

    @property
    def is_indexable(self) -> bool:
        """The page may be in search engines: the same rule as listed()."""
        return (
            self.visibility == self.Visibility.LISTED
            and self.status in self.LISTED_STATUSES
        )

    def is_full(self, active_count: int | None = None) -> bool:
        """Every place is taken. Counts the active members (a query) unless the
        caller already knows ``active_count``."""
        if not self.capacity:
            return False
        if active_count is None:
            active_count = self.memberships.active().count()
        return active_count >= self.capacity

    @property
    def ground_rules_list(self) -> list[str]:
        return [line.strip() for line in self.ground_rules.splitlines() if line.strip()]

    @property
    def area_label(self) -> str:
        """The public "where": city and area hint, or Online."""
        if self.is_online:
            return "Online"
        parts = [self.area_description, self.place.label if self.place else ""]
        return " · ".join(part for part in parts if part)

    def assign_slug(self, base: str = "") -> None:
        """Give the group the address its visibility calls for (not saved): a
        listed group a readable one made from ``base`` (its name by default), such
        as tuesday-circle, else tuesday-circle-2; an unlisted group a fresh
        unguessable one (see unlisted_slug), so an old link stops working. The one
        place slugs are made. Runs a query for a listed group."""
        base = _slug_base(base or self.name)
        if self.is_unlisted:
            self.slug = unlisted_slug(base)
            return
        taken = set(
            Group.objects.filter(slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        taken |= RESERVED_SLUGS
        candidates = itertools.chain(
            [base], (f"{base}-{n}" for n in itertools.count(2))
        )
        self.slug = next(slug for slug in candidates if slug not in taken)

    @property
    def meeting_guide_types(self) -> list[str]:
        """Meeting Guide type codes (code4recovery spec, data/types.json) for the
        open feed. Online attendance is said by the feed's attendance_option;
        languages the spec has no code for are left out."""
        types = []
        if self.women_only:
            types.append("W")
        if self.childcare:
            types.append("BA")
        if self.child_friendly:
            types.append("CF")
        if self.wheelchair_accessible:
            types.append("X")
        types.extend(
            MEETING_GUIDE_LANGUAGES[code]
            for code in self.languages
            if code in MEETING_GUIDE_LANGUAGES
        )
        return types

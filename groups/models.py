import base64
import itertools
import secrets
import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import slugify

from accounts.access import is_moderator
from groups_site.lib.text import fold

DEFAULT_GROUND_RULES = "\n".join(
    [
        "What is said in the group stays in the group.",
        "Speak from your own experience, using “I”.",
        "No comparing stories: every experience counts.",
        "No unsolicited advice; ask before offering ideas.",
    ]
)


class Topic(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.CharField(max_length=240, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("groups:group_list") + f"?topic={self.slug}"


class PlaceQuerySet(models.QuerySet):
    def matching(self, text: str):
        """Places whose name starts with ``text`` (accents and case ignored), largest
        first. "Portland, Maine" narrows by region or country after the comma."""
        name, _, rest = text.partition(",")
        places = self.filter(search_name__startswith=fold(name).strip())
        qualifier = fold(rest).strip()
        if qualifier:
            places = places.filter(
                Q(region_search__startswith=qualifier)
                | Q(country_search__startswith=qualifier)
                | Q(country_code__iexact=qualifier)
            )
        return places.order_by("-population", "name")


class Place(models.Model):
    """A city from the offline GeoNames gazetteer (`manage.py load_places`)."""

    geonames_id = models.PositiveIntegerField(unique=True)
    name = models.CharField(max_length=200)
    ascii_name = models.CharField(max_length=200)
    # Accent-folded, lower-case copies for prefix lookup: PostgreSQL's unaccent is
    # an extension, which the embedded server does not ship.
    search_name = models.CharField(max_length=200)
    region = models.CharField(max_length=100, blank=True)
    region_search = models.CharField(max_length=100, blank=True)
    country_code = models.CharField(max_length=2)
    country = models.CharField(max_length=100)
    country_search = models.CharField(max_length=100)
    latitude = models.FloatField()
    longitude = models.FloatField()
    population = models.PositiveIntegerField(default=0)
    timezone = models.CharField(max_length=64)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["search_name"],
                name="groups_place_search_prefix",
                opclasses=["varchar_pattern_ops"],
            ),
            models.Index(fields=["latitude", "longitude"], name="groups_place_lat_lon"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90),
                name="groups_place_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__gte=-180, longitude__lte=180),
                name="groups_place_longitude_range",
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        parts = [self.name, self.region, self.country]
        return ", ".join(part for part in parts if part)


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
            visibility=Group.Visibility.LISTED,
            status__in=[Group.Status.ACTIVE, Group.Status.PAUSED],
        )

    def visible_to(self, user):
        """Groups whose page this user may open: anything reviewed (unlisted ones
        by link), plus pending groups for their creator and staff."""
        if is_moderator(user):
            return self
        reviewed = ~Q(status=Group.Status.PENDING)
        if user.is_authenticated:
            return self.filter(reviewed | Q(created_by=user))
        return self.filter(reviewed)


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

    class Weekday(models.IntegerChoices):
        # Sunday first, as in the Meeting Guide feed format.
        SUNDAY = 0, "Sunday"
        MONDAY = 1, "Monday"
        TUESDAY = 2, "Tuesday"
        WEDNESDAY = 3, "Wednesday"
        THURSDAY = 4, "Thursday"
        FRIDAY = 5, "Friday"
        SATURDAY = 6, "Saturday"

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    tagline = models.CharField(max_length=160)
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
    facilitator_credentials = models.CharField(max_length=200, blank=True)
    host_organization = models.CharField(max_length=150, blank=True)

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

    meeting_day = models.PositiveSmallIntegerField(
        choices=Weekday.choices, null=True, blank=True
    )
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    schedule_note = models.CharField(
        max_length=150, blank=True, help_text="For example “every other week”."
    )
    timezone = models.CharField(max_length=64, default="UTC")

    capacity = models.PositiveSmallIntegerField(null=True, blank=True)
    cost = models.CharField(max_length=10, choices=Cost.choices, default=Cost.FREE)
    cost_details = models.CharField(max_length=150, blank=True)
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
            models.CheckConstraint(
                condition=Q(meeting_day__isnull=True) | Q(meeting_day__lte=6),
                name="groups_group_meeting_day_range",
            ),
            models.CheckConstraint(
                condition=(
                    Q(start_time__isnull=True)
                    | Q(end_time__isnull=True)
                    | Q(end_time__gt=F("start_time"))
                ),
                name="groups_group_ends_after_start",
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
    def is_joinable(self) -> bool:
        return self.status == self.Status.ACTIVE

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
        """Meeting Guide type codes (code4recovery spec) for the open feed."""
        types = []
        if self.women_only:
            types.append("W")
        if self.childcare:
            types.append("BA")
        if self.child_friendly:
            types.append("CF")
        if self.wheelchair_accessible:
            types.append("X")
        if self.format in (self.Format.ONLINE, self.Format.HYBRID):
            types.append("ONL")
        types.extend(code.upper() for code in self.languages)
        return types


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
    def is_organizer(self) -> bool:
        return self.is_active and self.role == self.Role.ORGANIZER


class PrivateDetailView(models.Model):
    """Each time someone is shown a group's street address or meeting link."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="private_detail_views",
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

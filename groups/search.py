"""Finding groups: full-text search, filters, and "near a place" by great-circle
distance computed in SQL (core PostgreSQL only: no PostGIS, no extensions)."""

import math
from dataclasses import dataclass, field
from datetime import time, timedelta
from functools import cached_property

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import ASin, Cos, Least, Power, Radians, Sin, Sqrt
from django.utils import timezone

from groups import caching
from groups.models import Group, Place, Schedule, Topic
from groups_site import pagecache
from groups_site.lib.text import fold
from groups_site.lib.web import query_digest

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)
KM_PER_MILE = 1.609344
DEFAULT_RADIUS = 25
MAX_RADIUS = 500  # in her unit, km or miles
SEARCH_CONFIG = "english"
# "Time of day" by a schedule's local start time: [from, until).
TIMES_OF_DAY = {
    "morning": (None, time(12)),
    "afternoon": (time(12), time(17)),
    "evening": (time(17), None),
}
SORT_NEXT_MEETING = "next"

# Fields a card never shows. Deferring them keeps the list light, and means the
# members-only ones are not even read from the database for a public page.
CARD_DEFERRED_FIELDS = [
    "description",
    "street_address",
    "venue_notes",
    "online_link",
    "online_notes",
    "ground_rules",
    "join_question",
    "search_vector",
]


@dataclass(frozen=True)
class Origin:
    """Where "near" is measured from: a gazetteer place, or her own coordinates
    (which are only ever in the query string, never stored)."""

    latitude: float
    longitude: float
    place: Place | None = None

    @property
    def label(self) -> str:
        return self.place.label if self.place else "your location"


def to_km(distance: float, unit: str) -> float:
    return distance * KM_PER_MILE if unit == "mi" else distance


def from_km(distance_km: float, unit: str) -> float:
    return distance_km / KM_PER_MILE if unit == "mi" else distance_km


def place_query(place: Place) -> str:
    """The text that finds this place again through Place.objects.matching():
    "Portland, Maine" where there is a region, "Leeds, United Kingdom" otherwise."""
    return f"{place.name}, {place.region or place.country}"


def suggestion(place: Place) -> dict:
    """A place offered to her: the text to search by, and the full name to show."""
    return {"value": place_query(place), "label": place.label}


def names_a_place(text: str) -> bool:
    """Whether there is a name before any comma: ", France" alone would match
    every place in France, and "," every place in the world."""
    return bool(fold(text.partition(",")[0]).strip())


def resolve_place(text: str, *, alternatives: int = 4) -> tuple[Place | None, list]:
    """The best match for a typed town (the largest city whose name starts with
    it) and a few other matches to offer when the name is ambiguous. The one way a
    typed town becomes a Place, for searches and for listing a group alike.
    "Leeds, England, United Kingdom" works too: the town and either qualifier."""
    if not names_a_place(text):
        return None, []
    attempts = [text]
    parts = [part.strip() for part in text.split(",")]
    if len(parts) > 2:
        attempts += [f"{parts[0]}, {parts[-1]}", f"{parts[0]}, {parts[1]}"]
    for attempt in attempts:
        matches = list(Place.objects.matching(attempt)[: alternatives + 1])
        if matches:
            return matches[0], matches[1:]
    return None, []


def place_suggestions(text: str, *, limit: int = 8) -> list[dict]:
    """Up to ``limit`` places for the "near" autocomplete, each once."""
    if not names_a_place(text):
        return []
    suggestions = {}
    for place in Place.objects.matching(text)[: limit * 2]:
        offer = suggestion(place)
        suggestions.setdefault(offer["value"], offer)
        if len(suggestions) == limit:
            break
    return list(suggestions.values())


def bounding_box(
    latitude: float, longitude: float, radius_km: float
) -> tuple[tuple[float, float], list[tuple[float, float]] | None]:
    """Latitude range and longitude ranges (in degrees) of a box holding every point
    within ``radius_km`` of the origin, so an index can discard most rows before the
    exact distance is computed. After J. P. Matuschek, "Finding Points Within a
    Distance of a Latitude/Longitude Using Bounding Coordinates".

    The longitude ranges are None when a pole lies within the radius (every
    longitude then qualifies), and two ranges when the box crosses the 180th
    meridian."""
    angle = radius_km / EARTH_RADIUS_KM
    lat = math.radians(latitude)
    min_lat, max_lat = lat - angle, lat + angle
    if min_lat <= -math.pi / 2 or max_lat >= math.pi / 2:
        lat_range = (
            math.degrees(max(min_lat, -math.pi / 2)),
            math.degrees(min(max_lat, math.pi / 2)),
        )
        return lat_range, None
    delta = math.asin(min(1.0, math.sin(angle) / math.cos(lat)))
    # A hair of slack so floating-point rounding never drops a point on the edge.
    slack = 1e-9
    lat_range = (math.degrees(min_lat) - slack, math.degrees(max_lat) + slack)
    west = math.degrees(math.radians(longitude) - delta) - slack
    east = math.degrees(math.radians(longitude) + delta) + slack
    if west < -180:
        return lat_range, [(west + 360, 180.0), (-180.0, east)]
    if east > 180:
        return lat_range, [(west, 180.0), (-180.0, east - 360)]
    return lat_range, [(west, east)]


def distance_km_expression(origin: Origin, prefix: str = "place__"):
    """Great-circle distance in km from ``origin`` to the row's place, by the
    haversine formula, as a database expression."""
    lat1 = math.radians(origin.latitude)
    lon1 = math.radians(origin.longitude)
    lat2 = Radians(F(f"{prefix}latitude"))
    lon2 = Radians(F(f"{prefix}longitude"))
    half_dlat = Sin((lat2 - Value(lat1)) / Value(2.0))
    half_dlon = Sin((lon2 - Value(lon1)) / Value(2.0))
    a = Power(half_dlat, 2) + Value(math.cos(lat1)) * Cos(lat2) * Power(half_dlon, 2)
    # Least() guards asin() against a rounding error just above 1 (antipodes).
    return Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(Least(a, Value(1.0))))


def within_radius(queryset: QuerySet, origin: Origin, radius_km: float) -> QuerySet:
    """Groups whose place is within ``radius_km`` of ``origin``, annotated with
    ``distance_km``. Groups without a place (online ones) drop out."""
    (south, north), longitude_ranges = bounding_box(
        origin.latitude, origin.longitude, radius_km
    )
    box = Q(place__latitude__range=(south, north))
    if longitude_ranges is not None:
        in_any_range = Q()
        for west, east in longitude_ranges:
            in_any_range |= Q(place__longitude__range=(west, east))
        box &= in_any_range
    return (
        queryset.filter(box)
        .annotate(
            distance_km=distance_km_expression(origin),
        )
        .filter(distance_km__lte=radius_km)
    )


def meets_when(days: list[int], times: list[str], *, now=None) -> Exists:
    """Whether the group has a current schedule on any of ``days`` (0 = Sunday)
    starting at any of ``times`` (TIMES_OF_DAY), in its own local time. A
    subquery, so a group with several matching schedules is listed once."""
    now = now or timezone.now()
    # The earliest date on any clock (UTC-12): a schedule counts until its last
    # day is over everywhere.
    today = (now - timedelta(hours=12)).date()
    schedules = Schedule.objects.filter(group=OuterRef("pk")).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today),
        ~Q(kind=Schedule.Kind.ONCE) | Q(starts_on__gte=today),
    )
    if days:
        # A one-off meeting has no weekdays of its own: the day of its date.
        schedules = schedules.filter(
            Q(weekdays__overlap=days)
            | Q(kind=Schedule.Kind.ONCE, starts_on__week_day__in=[d + 1 for d in days])
        )
    if times:
        any_time = Q()
        for name in times:
            since, until = TIMES_OF_DAY[name]
            window = Q()
            if since is not None:
                window &= Q(start_time__gte=since)
            if until is not None:
                window &= Q(start_time__lt=until)
            any_time |= window
        schedules = schedules.filter(any_time)
    return Exists(schedules)


def has_lexemes(text: str) -> bool:
    """Whether PostgreSQL finds any searchable word in ``text``; "the" or "!!" have
    none, and a full-text match on them would find nothing. One query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT numnode(websearch_to_tsquery(%s::regconfig, %s))",
            [SEARCH_CONFIG, text],
        )
        return cursor.fetchone()[0] > 0


@dataclass
class GroupSearch:
    """What she asked for on /groups/, turned into one query over listed groups."""

    text: str = ""
    topic: Topic | None = None
    format: str = ""
    online_only: bool = False
    facilitation: str = ""
    women_only: bool = False
    childcare: bool = False
    child_friendly: bool = False
    wheelchair: bool = False
    language: str = ""
    cost: str = ""
    days: list[int] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    sort: str = ""
    origin: Origin | None = None
    radius: float = DEFAULT_RADIUS
    unit: str = "km"
    other_places: list = field(default_factory=list)

    @property
    def radius_km(self) -> float:
        return to_km(self.radius, self.unit)

    @property
    def unit_label(self) -> str:
        return "miles" if self.unit == "mi" else "km"

    @property
    def wider_radius(self) -> int | None:
        """Twice the radius, for "look further" (None when already at the limit)."""
        if self.radius >= MAX_RADIUS:
            return None
        return min(int(self.radius * 2), MAX_RADIUS)

    @property
    def wants_online(self) -> bool:
        """Looking for online groups: then where she is doesn't narrow anything."""
        return self.online_only or self.format == Group.Format.ONLINE

    @property
    def is_near(self) -> bool:
        """Whether results are limited to (and sorted by) distance."""
        return self.origin is not None and not self.wants_online

    @property
    def by_next_meeting(self) -> bool:
        """Soonest meeting first (then by distance or relevance)."""
        return self.sort == SORT_NEXT_MEETING

    @cached_property
    def uses_text_fallback(self) -> bool:
        """Searched words PostgreSQL can't index (only stop words or symbols):
        then we look for the text itself in names and taglines."""
        return bool(self.text) and not has_lexemes(self.text)

    def results(self) -> QuerySet:
        groups = (
            Group.objects.listed()
            .select_related("place")
            .prefetch_related(
                Prefetch("topics", queryset=Topic.objects.order_by("name")),
                "schedules",
            )
            .defer(*CARD_DEFERRED_FIELDS)
        )
        groups = self._filter(groups)
        ordering = []
        if self.by_next_meeting:
            # The cards' next meeting (with_next_meeting, below); groups with
            # nothing planned come last.
            ordering.append(F("next_meeting_at").asc(nulls_last=True))
        if self.is_near:
            groups = within_radius(groups, self.origin, self.radius_km)
            groups = groups.annotate(
                distance=F("distance_km") / Value(to_km(1.0, self.unit)),
            )
            ordering.append("distance_km")
        if self.text and not self.uses_text_fallback:
            query = SearchQuery(
                self.text, search_type="websearch", config=SEARCH_CONFIG
            )
            groups = groups.filter(search_vector=query).annotate(
                rank=SearchRank(F("search_vector"), query)
            )
            ordering.append(F("rank").desc())
        elif self.text:
            groups = groups.filter(
                Q(name__icontains=self.text) | Q(tagline__icontains=self.text)
            )
        # Each card's next meeting: a subquery, not a query per card.
        groups = groups.with_next_meeting()
        # Name then id: a stable order, so pages never repeat or skip a group.
        return groups.order_by(*ordering, "name", "pk")

    def _filter(self, groups: QuerySet) -> QuerySet:
        if self.topic:
            groups = groups.filter(topics=self.topic)
        if self.format:
            groups = groups.filter(format=self.format)
        if self.online_only:
            groups = groups.filter(
                format__in=[Group.Format.ONLINE, Group.Format.HYBRID]
            )
        if self.facilitation:
            groups = groups.filter(facilitation=self.facilitation)
        if self.women_only:
            groups = groups.filter(women_only=True)
        if self.childcare:
            groups = groups.filter(childcare=True)
        if self.child_friendly:
            groups = groups.filter(child_friendly=True)
        if self.wheelchair:
            groups = groups.filter(wheelchair_accessible=True)
        if self.language:
            groups = groups.filter(languages__contains=[self.language])
        if self.cost:
            groups = groups.filter(cost=self.cost)
        if self.days or self.times:
            groups = groups.filter(meets_when(self.days, self.times))
        return groups


# The search page's title and results, cached per query string (for members too;
# signed-out visitors get the whole page from groups_site.pagecache). Every change
# that can alter a card or what is listed (approval, edits, status, schedules)
# bumps the listing's version (groups.caching), so a stale page is never served;
# the timeout only bounds memory.
def listing_version() -> int:
    return pagecache.version(caching.LISTING)


def may_share_listing(params) -> bool:
    """Whether the results for a /groups/ query string may be shared between
    visitors: her own coordinates ("use my location") never go into a shared
    cache, and an order by next meeting changes as meetings pass or are
    cancelled, which bumps no version."""
    return not (
        "lat" in params or "lon" in params or params.get("sort") == SORT_NEXT_MEETING
    )


def listing_cache_key(params) -> str | None:
    """What the cached search results vary on for a /groups/ query string (the
    listing version and the whole query, filters by day and time included), or
    None when they must not be cached (may_share_listing)."""
    if not settings.GROUP_LISTING_CACHE_SECONDS or not may_share_listing(params):
        return None
    return f"groups:listing:{listing_version()}:{query_digest(params.lists())}"

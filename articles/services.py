"""Article images (one re-encoded original and responsive WebP renditions, made once
when the image is uploaded and reused by every page view), and what the reading
pages gather from the groups app."""

import math
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from articles import caching
from articles.models import Article
from groups import caching as groups_caching
from groups import search
from groups.models import Group, Place, Topic
from groups_site import pagecache
from groups_site.lib import images

RENDITION_WIDTHS = (480, 960, 1440)


@transaction.atomic
def process_hero_image(*, article: Article) -> Article:
    """Re-encode the uploaded hero image without metadata and make its renditions.
    Old files of this article are replaced."""
    storage = article.hero_image.storage
    with article.hero_image.open("rb") as upload:
        image = images.open_verified_image(upload, max_bytes=images.ARTICLE_MAX_BYTES)
        original_name = article.hero_image.name
        renditions = images.renditions_webp(image, RENDITION_WIDTHS)
    old = [*article.hero_renditions.values()]
    names = {}
    base = f"articles/renditions/{article.slug}"
    for width, content in renditions.items():
        names[str(width)] = storage.save(f"{base}-{width}.webp", content)
    largest = images.largest(renditions)
    article.hero_image.save(f"{article.slug}.webp", largest, save=False)
    article.hero_renditions = names
    article.hero_width, article.hero_height = images.size_of(largest)
    article.save(
        update_fields=["hero_image", "hero_renditions", "hero_width", "hero_height"]
    )
    stale = [name for name in [*old, original_name] if name not in names.values()]
    stale = [name for name in stale if name != article.hero_image.name]
    transaction.on_commit(lambda: [storage.delete(name) for name in stale])
    return article


# Reading pages -------------------------------------------------------------------

NEARBY_RADIUS_KM = 50
RELATED_GROUPS = 3


def topics_with_articles() -> QuerySet:
    """Topics that have at least one published article, by name, each with
    ``article_count``. One query."""
    published = Article.objects.published()
    return (
        Topic.objects.annotate(
            article_count=Count("articles", filter=Q(articles__in=published))
        )
        .filter(article_count__gt=0)
        .order_by("name")
    )


@dataclass
class GroupsNearYou:
    """The "Groups near you on this topic" box of an article page."""

    groups: list = field(default_factory=list)
    # The place she last searched near, when she did this session.
    place: Place | None = None
    # Whether ``groups`` are near ``place`` (else they meet online).
    is_near: bool = False
    topic: Topic | None = None

    @property
    def radius_km(self) -> int:
        return NEARBY_RADIUS_KM

    @property
    def search_url(self) -> str:
        """/groups/ searching the article's first topic (near her place if any)."""
        params = {}
        if self.place:
            params["near"] = search.place_query(self.place)
            params["radius"] = NEARBY_RADIUS_KM
            params["unit"] = "km"
        if self.topic:
            params["topic"] = self.topic.slug
        query = urlencode(params)
        return reverse("groups:group_list") + (f"?{query}" if query else "")


def groups_near_you(article: Article, *, place: Place | None) -> GroupsNearYou:
    """find_groups_near_you, shared from the cache for GROUP_LISTING_CACHE_SECONDS
    per article (and its topics), place and group listing version, which every
    change to what a group card shows or whether a group is listed bumps, and
    until its first card's next meeting starts. No query once cached."""
    seconds = settings.GROUP_LISTING_CACHE_SECONDS
    if not seconds:
        return find_groups_near_you(article, place=place)
    topic_ids = ",".join(str(topic.pk) for topic in article.topics.all())
    key = ":".join(
        str(part)
        for part in (
            "articles:groups-near:v2",  # (box, until) since v2
            article.pk,
            topic_ids,
            place.pk if place else 0,
            search.listing_version(),
        )
    )
    cached = cache.get(key)
    # Its cards name their next meeting: kept no longer than the first starts
    # (checked here too, whatever the cache's clock says).
    if cached is not None and (cached[1] is None or timezone.now() < cached[1]):
        return cached[0]
    box = find_groups_near_you(article, place=place)
    until = groups_caching.cards_change_at(box.groups)
    if until is not None:
        seconds = min(seconds, math.floor((until - timezone.now()).total_seconds()))
    if seconds > 0:
        cache.set(key, (box, until), seconds)
    return box


def find_groups_near_you(article: Article, *, place: Place | None) -> GroupsNearYou:
    """Up to three listed groups on the article's topics: near ``place`` (where
    she last searched this session; within 50 km, nearest first), otherwise (or
    when none is that near) groups that meet online. Never unlisted, pending or archived
    groups: both come from Group.objects.listed() through GroupSearch. Uses the
    article's prefetched topics."""
    topics = list(article.topics.all())
    box = GroupsNearYou(place=place)
    if not topics:
        return box
    box.topic = topics[0]
    on_topics = Group.topics.through.objects.filter(topic__in=topics).values("group_id")
    if box.place:
        origin = search.Origin(
            latitude=box.place.latitude,
            longitude=box.place.longitude,
            place=box.place,
        )
        nearby = search.GroupSearch(origin=origin, radius=NEARBY_RADIUS_KM)
        box.groups = list(nearby.results().filter(pk__in=on_topics)[:RELATED_GROUPS])
        box.is_near = bool(box.groups)
    if not box.groups:
        online = search.GroupSearch(format=Group.Format.ONLINE)
        box.groups = list(online.results().filter(pk__in=on_topics)[:RELATED_GROUPS])
    return box


def related_articles(article: Article, *, limit: int) -> list[Article]:
    """Article.objects.related_to(article) as cards (with_card_data), the first
    ``limit``. Shared from the page cache (pagecache.shared_fragment) per article
    and its topics under the "articles" version, which everything that publishes
    or edits articles bumps, until the next scheduled article comes out, and under
    the discussion versions of the articles listed (their cards count comments):
    no query while it holds."""
    topic_ids = ",".join(str(topic.pk) for topic in article.topics.all())

    def find() -> list[Article]:
        caching.shows_article_lists()
        related = Article.objects.related_to(article)
        ids = list(related.values_list("pk", flat=True)[:limit])
        # Before their counts are read, so a comment posted meanwhile is not
        # stored under the version that announces it.
        pagecache.depends_on(*(caching.discussion_tag(pk) for pk in ids))
        cards = Article.objects.filter(pk__in=ids).with_card_data().in_bulk()
        return [cards[pk] for pk in ids if pk in cards]

    name = f"articles:related:{article.pk}:{topic_ids}:{limit}"
    return pagecache.shared_fragment(name, [caching.LISTING], find)

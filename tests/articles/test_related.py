""" "You might also like" (related articles) and "Groups near you on this topic"."""

import re
from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client, RequestFactory
from django.utils import timezone

from articles import services
from articles.models import Article
from groups import moderation as group_moderation
from groups import searched_place
from groups.models import Group, Topic
from tests.articles.comment_factory import make_comment
from tests.articles.factory import make_article, make_draft
from tests.conftest import make_group, make_place

pytestmark = pytest.mark.django_db

ABUSE, CONFIDENCE, MONEY, GRIEF = (
    "domestic-abuse",
    "self-esteem-and-assertiveness",
    "career-and-money",
    "grief-and-loss",
)


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def related_titles(article, limit=10) -> list[str]:
    article = Article.objects.prefetch_related("topics").get(pk=article.pk)
    return [related.title for related in Article.objects.related_to(article)[:limit]]


# Related articles -------------------------------------------------------------------


def test_it_ranks_by_shared_topics_then_recency():
    article = make_article("Reading", topics=[ABUSE, CONFIDENCE, MONEY])
    make_article(
        "Shares three, old",
        topics=[ABUSE, CONFIDENCE, MONEY],
        published_at=days_ago(30),
    )
    make_article("Shares one, newest", topics=[MONEY], published_at=days_ago(1))
    make_article(
        "Shares two", topics=[ABUSE, CONFIDENCE, GRIEF], published_at=days_ago(20)
    )
    make_article("Shares one, older", topics=[ABUSE], published_at=days_ago(10))
    make_article("Shares none", topics=[GRIEF], published_at=days_ago(2))

    assert related_titles(article) == [
        "Shares three, old",
        "Shares two",
        "Shares one, newest",
        "Shares one, older",
        "Shares none",
    ]


def test_it_never_offers_the_article_itself_drafts_or_future_articles():
    article = make_article("Reading", topics=[ABUSE])
    make_draft("Draft on the topic", topics=[ABUSE])
    make_draft(
        "In review on the topic", topics=[ABUSE], status=Article.Status.IN_REVIEW
    )
    make_article(
        "Scheduled on the topic",
        topics=[ABUSE],
        published_at=timezone.now() + timedelta(days=1),
    )
    make_article("Public on the topic", topics=[ABUSE])

    assert related_titles(article) == ["Public on the topic"]


def test_it_offers_the_most_recent_articles_when_the_article_has_no_topics():
    article = make_article("No topics")
    make_article("Older", topics=[GRIEF], published_at=days_ago(9))
    make_article("Newer", topics=[MONEY], published_at=days_ago(3))

    assert related_titles(article) == ["Newer", "Older"]


def test_it_counts_each_shared_topic_once():
    article = make_article("Reading", topics=[ABUSE, CONFIDENCE])
    make_article(
        "Many topics, one shared",
        topics=[ABUSE, GRIEF, MONEY],
        published_at=days_ago(1),
    )
    make_article("Two shared", topics=[ABUSE, CONFIDENCE], published_at=days_ago(5))

    assert related_titles(article) == ["Two shared", "Many topics, one shared"]


# Groups near you ----------------------------------------------------------------------


@pytest.fixture
def leeds(db):
    return make_place(
        "Leeds", geonames_id=2644688, latitude=53.79648, longitude=-1.54785
    )


@pytest.fixture
def york(db):
    # About 35 km from Leeds.
    return make_place(
        "York",
        geonames_id=2633352,
        latitude=53.95763,
        longitude=-1.08271,
        population=153717,
    )


@pytest.fixture
def london(db):
    return make_place(
        "London",
        geonames_id=2643743,
        latitude=51.50853,
        longitude=-0.12574,
        population=8961989,
    )


def topics(*slugs):
    return list(Topic.objects.filter(slug__in=slugs))


def request_with_cookies(client, near: str | None = None):
    """A request carrying the test client's cookies, after she searched ``near``."""
    if near:
        assert client.get(f"/groups/?near={near}").status_code == 200
    request = RequestFactory().get("/articles/x/")
    request.COOKIES = {name: morsel.value for name, morsel in client.cookies.items()}
    return request


def box_for(client, article, near=None):
    article = Article.objects.prefetch_related("topics").get(pk=article.pk)
    # The article page reads her place from her cookie; the service takes it.
    place = searched_place.place(request_with_cookies(client, near))
    return services.groups_near_you(article, place=place)


def test_it_offers_listed_groups_on_the_topic_near_her_last_searched_place(
    client, leeds, york, london
):
    article = make_article(topics=[ABUSE])
    make_group(name="Leeds circle", place=leeds, topics=topics(ABUSE))
    make_group(name="York circle", place=york, topics=topics(ABUSE))
    make_group(name="London circle", place=london, topics=topics(ABUSE))
    make_group(name="Leeds grief group", place=leeds, topics=topics(GRIEF))
    make_group(name="Online circle", format=Group.Format.ONLINE, topics=topics(ABUSE))

    box = box_for(client, article, near="Leeds")

    assert box.place == leeds
    assert box.is_near
    assert [group.name for group in box.groups] == ["Leeds circle", "York circle"]
    assert round(box.groups[1].distance_km) == 35
    assert box.search_url == (
        "/groups/?near=Leeds%2C+United+Kingdom&radius=50&unit=km&topic=domestic-abuse"
    )


def test_it_offers_at_most_three_groups_nearest_first(client, leeds, york):
    article = make_article(topics=[ABUSE, CONFIDENCE])
    make_group(name="York one", place=york, topics=topics(ABUSE))
    for name in ["Leeds A", "Leeds B", "Leeds C"]:
        make_group(name=name, place=leeds, topics=topics(CONFIDENCE))

    box = box_for(client, article, near="Leeds")

    assert [group.name for group in box.groups] == ["Leeds A", "Leeds B", "Leeds C"]


def test_it_never_offers_unlisted_pending_or_archived_groups(client, leeds):
    article = make_article(topics=[ABUSE])
    make_group(
        name="Unlisted",
        place=leeds,
        topics=topics(ABUSE),
        visibility=Group.Visibility.UNLISTED,
    )
    make_group(
        name="Pending", place=leeds, topics=topics(ABUSE), status=Group.Status.PENDING
    )
    make_group(
        name="Archived", place=leeds, topics=topics(ABUSE), status=Group.Status.ARCHIVED
    )
    make_group(
        name="Unlisted online",
        format=Group.Format.ONLINE,
        topics=topics(ABUSE),
        visibility=Group.Visibility.UNLISTED,
    )
    make_group(
        name="Pending online",
        format=Group.Format.ONLINE,
        topics=topics(ABUSE),
        status=Group.Status.PENDING,
    )
    make_group(name="Listed", place=leeds, topics=topics(ABUSE))

    assert [group.name for group in box_for(client, article, near="Leeds").groups] == [
        "Listed"
    ]
    assert box_for(Client(), article).groups == []


def test_it_offers_online_groups_on_the_topic_without_a_searched_place(client, leeds):
    article = make_article(topics=[CONFIDENCE, ABUSE])
    make_group(
        name="Online abuse circle", format=Group.Format.ONLINE, topics=topics(ABUSE)
    )
    make_group(
        name="Online grief circle", format=Group.Format.ONLINE, topics=topics(GRIEF)
    )
    make_group(
        name="Hybrid circle",
        format=Group.Format.HYBRID,
        place=leeds,
        topics=topics(ABUSE),
    )
    make_group(name="Leeds circle", place=leeds, topics=topics(ABUSE))

    box = box_for(client, article)

    assert box.place is None
    assert not box.is_near
    assert [group.name for group in box.groups] == ["Online abuse circle"]
    assert box.topic.slug == ABUSE  # the first topic by name
    assert box.search_url == "/groups/?topic=domestic-abuse"


def test_it_offers_online_groups_when_none_is_near_her_place(client, leeds, london):
    article = make_article(topics=[ABUSE])
    make_group(name="London circle", place=london, topics=topics(ABUSE))
    make_group(name="Online circle", format=Group.Format.ONLINE, topics=topics(ABUSE))

    box = box_for(client, article, near="Leeds")

    assert box.place == leeds
    assert not box.is_near
    assert [group.name for group in box.groups] == ["Online circle"]


def test_it_forgets_a_place_that_no_longer_resolves(client):
    article = make_article(topics=[ABUSE])
    client.cookies[searched_place.COOKIE] = signing.dumps(
        "Atlantis", salt=searched_place.SALT
    )

    box = box_for(client, article)

    assert box.place is None


def test_it_offers_no_groups_but_a_search_link_without_topics(client):
    make_group(name="Online circle", format=Group.Format.ONLINE, topics=topics(ABUSE))
    article = make_article()

    box = box_for(client, article)

    assert box.groups == []
    assert box.search_url == "/groups/"


# Shared from the cache, refreshed by the changes --------------------------------


def related_on_page(client, article) -> str:
    html = client.get(article.get_absolute_url()).content.decode()
    match = re.search(r'<section class="article-related".*?</section>', html, re.S)
    return match.group(0) if match else ""


def test_it_lists_a_newly_published_related_article_at_once(client, bob):
    article = make_article("Reading", topics=[ABUSE])
    make_article("Older one", topics=[ABUSE], published_at=days_ago(5))
    draft = make_draft("Brand new", topics=[ABUSE])
    client.force_login(bob)
    assert "Older one" in related_on_page(client, article)

    draft.publish()

    assert "Brand new" in related_on_page(client, article)


def test_it_counts_a_related_articles_new_comment_once_its_discussion_changes(
    client, bob, django_capture_on_commit_callbacks
):
    article = make_article("Reading", topics=[ABUSE])
    other = make_article("Other", topics=[ABUSE])
    client.force_login(bob)
    assert "1 comment" not in related_on_page(client, article)

    with django_capture_on_commit_callbacks(execute=True):
        make_comment(other, bob)

    assert "1 comment" in related_on_page(client, article)


def test_it_offers_a_newly_approved_group_at_once(
    client, settings, moderator, leeds, django_capture_on_commit_callbacks
):
    settings.GROUP_LISTING_CACHE_SECONDS = 300
    article = make_article(topics=[ABUSE])
    make_group(name="Listed one", format=Group.Format.ONLINE, topics=topics(ABUSE))
    pending = make_group(
        name="Just approved",
        format=Group.Format.ONLINE,
        topics=topics(ABUSE),
        status=Group.Status.PENDING,
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Listed one" in page
    assert "Just approved" not in page

    with django_capture_on_commit_callbacks(execute=True):
        group_moderation.approve_group(group=pending, moderator=moderator)

    assert "Just approved" in client.get(article.get_absolute_url()).content.decode()

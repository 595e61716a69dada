import re
from datetime import timedelta
from html import unescape

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from groups.models import Group, Topic
from tests.articles.factory import (
    add_source,
    give_hero,
    make_article,
    make_draft,
)
from tests.conftest import make_group, make_place

pytestmark = pytest.mark.django_db

ABUSE = "domestic-abuse"
CONFIDENCE = "self-esteem-and-assertiveness"


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return unescape(response.content.decode())


def section(html: str, class_name: str) -> str:
    """The <section class="class_name …"> of the page (sections don't nest)."""
    match = re.search(rf'<section class="{class_name}[" ].*?</section>', html, re.S)
    assert match, class_name
    return match.group(0)


@pytest.fixture
def sourced_article(db):
    sourced_article = make_article(
        "Finding your voice again",
        slug="finding-your-voice",
        topics=[ABUSE, CONFIDENCE],
        body="Intro paragraph.\n\n## What helps\n\nSmall *steps*.\n\n> Heard.",
        sources=0,
        published_at=timezone.now() - timedelta(days=10),
    )
    add_source(
        sourced_article,
        position=1,
        title="Violence against women",
        publisher="World Health Organization",
        url="https://www.who.int/news-room/fact-sheets/detail/violence-against-women",
    )
    add_source(
        sourced_article,
        position=2,
        title="Domestic abuse: getting help",
        publisher="NHS",
        url="https://www.nhs.uk/live-well/getting-help-for-domestic-violence/",
    )
    return give_hero(sourced_article)


@pytest.fixture
def leeds(db):
    return make_place("Leeds", geonames_id=2644688)


# Who may see it --------------------------------------------------------------------


def test_it_shows_a_published_article(client, sourced_article):
    html = page(client, "/articles/finding-your-voice/")

    assert html.count("<h1") == 1
    assert re.search(r"<h1[^>]*>Finding your voice again</h1>", html)
    assert "<title>Finding your voice again · Kindred</title>" in html
    assert "Preview: not published" not in html
    assert 'name="robots"' not in html


def test_it_is_404_for_an_unknown_article(client):
    assert client.get("/articles/no-such-thing/").status_code == 404


@pytest.mark.parametrize(
    "overrides",
    [
        {"status": Article.Status.DRAFT, "published_at": None},
        {"status": Article.Status.IN_REVIEW, "published_at": None},
        {"published_at": timezone.now() + timedelta(days=3)},
    ],
    ids=["draft", "in-review", "future"],
)
def test_it_hides_unpublished_articles_from_the_public(client, charlie, overrides):
    make_article("Not yet", slug="not-yet", **overrides)

    assert client.get("/articles/not-yet/").status_code == 404
    client.force_login(charlie)
    assert client.get("/articles/not-yet/").status_code == 404


@pytest.mark.parametrize(
    ("overrides", "state"),
    [
        ({"status": Article.Status.DRAFT, "published_at": None}, "draft"),
        ({"status": Article.Status.IN_REVIEW, "published_at": None}, "in review"),
        ({"published_at": timezone.now() + timedelta(days=3)}, "scheduled for"),
    ],
    ids=["draft", "in-review", "future"],
)
def test_it_lets_staff_preview_unpublished_articles_with_a_banner(
    client, moderator, overrides, state
):
    make_article("Not yet", slug="not-yet", **overrides)
    client.force_login(moderator)

    html = page(client, "/articles/not-yet/")

    assert "Preview: not published" in html
    assert state in html
    assert '<meta name="robots" content="noindex">' in html
    assert html.count("<h1") == 1


# What it shows ---------------------------------------------------------------------


def test_it_shows_the_byline_review_dates_and_reading_time(client, sourced_article):
    html = page(client, "/articles/finding-your-voice/")

    assert re.search(
        r'Written by <a href="/authors/amara-okafor/">Amara Okafor</a>'
        r'<span class="byline__credentials">, LCSW, licensed clinical social worker',
        html,
    )
    assert re.search(
        r'Reviewed by <a href="/authors/helen-marsh/">Helen Marsh</a> '
        r'\(PhD, clinical psychologist\) on <time datetime="2026-03-04">'
        r"4 March 2026</time>",
        html,
    )
    published = timezone.localdate(sourced_article.published_at)
    assert f'Published <time datetime="{sourced_article.published_at:%Y-%m-%d}' in html
    assert f"{published.day} {published:%B %Y}" in html
    assert "Updated <time" in html  # give_hero saved it today, after publishing
    assert "1 minute read" in html
    assert f'<p class="article__lead">{sourced_article.summary}</p>' in html


def test_it_shows_the_hero_figure_with_srcset_and_caption(client, sourced_article):
    html = page(client, "/articles/finding-your-voice/")

    figure = re.search(r'<figure class="article-hero">.*?</figure>', html, re.S)
    assert figure
    figure = figure.group(0)
    base = "/media/articles/renditions/finding-your-voice"
    assert (
        f'srcset="{base}-480.webp 480w, {base}-960.webp 960w, {base}-1440.webp 1440w"'
        in figure
    )
    assert f'src="{base}-960.webp"' in figure
    assert 'sizes="' in figure
    assert 'width="960" height="540"' in figure
    assert 'alt="Soft circles of plum and terracotta, overlapping."' in figure
    assert "<figcaption" in figure and "Support grows in small circles." in figure
    # Above the fold: not lazy.
    assert 'loading="lazy"' not in figure


def test_it_shows_the_sanitized_body(client, sourced_article):
    html = page(client, "/articles/finding-your-voice/")

    assert "<h2>What helps</h2>" in html
    assert "<em>steps</em>" in html
    assert "<blockquote>" in html


def test_it_never_lets_markup_from_the_body_run(client):
    make_article(
        "Sneaky",
        slug="sneaky",
        body='<script>alert(1)</script> <b onclick="x()">hi</b> [a](javascript:x())',
    )

    raw = client.get("/articles/sneaky/").content.decode()

    body = re.search(r'<div class="article__body.*?</div>', raw, re.S).group(0)
    assert "<script" not in body
    assert "<b " not in body
    assert 'href="javascript' not in body


def test_it_lists_the_numbered_sources(client, sourced_article):
    html = page(client, "/articles/finding-your-voice/")

    sources = section(html, "article-sources")
    assert "<ol" in sources
    items = re.findall(r"<li class=\"article-sources__item\">(.*?)</li>", sources, re.S)
    assert len(items) == 2
    assert (
        '<a href="https://www.who.int/news-room/fact-sheets/detail/violence-against-women"'
        ' rel="noopener noreferrer">Violence against women</a>' in items[0]
    )
    assert "World Health Organization" in items[0]
    assert 'Accessed <time datetime="2026-02-10">10 February 2026</time>' in items[0]
    assert "NHS" in items[1]


def test_it_links_the_editorial_standards(client, sourced_article):
    html = page(client, "/articles/finding-your-voice/")

    assert 'href="/articles/standards/"' in html


def test_it_has_a_discussion_section_saying_there_are_no_comments_yet(
    client, sourced_article
):
    html = page(client, "/articles/finding-your-voice/")

    discussion = section(html, "article-discussion")
    assert 'id="discussion"' in discussion
    assert 'aria-labelledby="discussion-title"' in discussion
    assert '<h2 id="discussion-title">Discussion</h2>' in discussion
    assert "No comments yet." in discussion


def test_it_says_when_comments_are_closed(client, sourced_article):
    Article.objects.filter(pk=sourced_article.pk).update(comments_open=False)

    discussion = section(
        page(client, "/articles/finding-your-voice/"), "article-discussion"
    )

    assert "Comments are closed" in discussion


# You might also like ---------------------------------------------------------------


def test_it_offers_up_to_three_related_articles(client, sourced_article):
    make_article("Shares both", topics=[ABUSE, CONFIDENCE])
    make_article("Shares one", topics=[ABUSE])
    make_article("Shares none", topics=["grief-and-loss"])
    make_article("Shares none, older", published_at=timezone.now() - timedelta(days=30))
    make_draft("A draft sharing both", topics=[ABUSE, CONFIDENCE])

    related = section(
        page(client, sourced_article.get_absolute_url()), "article-related"
    )

    titles = re.findall(
        r'<h3 class="article-card__title"[^>]*><a href="[^"]+">([^<]+)</a>', related
    )
    assert titles == ["Shares both", "Shares one", "Shares none"]
    assert "You might also like" in related
    assert "Finding your voice again" not in related


def test_it_lazy_loads_the_small_picture_of_related_cards(client, sourced_article):
    give_hero(make_article("Other", slug="other", topics=[ABUSE]))

    related = section(
        page(client, sourced_article.get_absolute_url()), "article-related"
    )

    img = re.search(r"<img [^>]+>", related).group(0)
    assert 'src="/media/articles/renditions/other-480.webp"' in img
    assert 'width="480" height="270"' in img
    assert 'loading="lazy"' in img
    assert 'alt="Soft circles' in img


def test_it_leaves_out_related_articles_when_there_are_none(client, sourced_article):
    assert "You might also like" not in page(client, sourced_article.get_absolute_url())


# Groups near you ------------------------------------------------------------------


def test_it_shows_groups_near_the_place_she_searched(client, sourced_article, leeds):
    far = make_place(
        "London", geonames_id=2643743, latitude=51.50853, longitude=-0.12574
    )
    make_group(
        name="Leeds circle", place=leeds, topics=Topic.objects.filter(slug=ABUSE)
    )
    make_group(name="London circle", place=far, topics=Topic.objects.filter(slug=ABUSE))
    make_group(
        name="Online circle",
        format=Group.Format.ONLINE,
        topics=Topic.objects.filter(slug=ABUSE),
    )
    make_group(
        name="Hidden Leeds circle",
        place=leeds,
        topics=Topic.objects.filter(slug=ABUSE),
        visibility=Group.Visibility.UNLISTED,
    )
    assert client.get("/groups/?near=Leeds").status_code == 200

    box = section(page(client, sourced_article.get_absolute_url()), "article-groups")

    assert "Groups near you on this topic" in box
    assert "within 50 km of Leeds, United Kingdom" in box
    assert "Leeds circle" in box
    assert "Under 1 km away" in box
    assert "London circle" not in box
    assert "Online circle" not in box
    assert "Hidden Leeds circle" not in box
    # No members-only detail from the card.
    assert "12 Secret Lane" not in box
    assert (
        'href="/groups/?near=Leeds%2C+United+Kingdom&radius=50&unit=km'
        '&topic=domestic-abuse"' in box
    )


def test_it_shows_online_groups_and_a_search_link_without_a_searched_place(
    client, sourced_article, leeds
):
    make_group(
        name="Leeds circle", place=leeds, topics=Topic.objects.filter(slug=ABUSE)
    )
    make_group(
        name="Online circle",
        format=Group.Format.ONLINE,
        topics=Topic.objects.filter(slug=ABUSE),
    )
    make_group(
        name="Pending online circle",
        format=Group.Format.ONLINE,
        topics=Topic.objects.filter(slug=ABUSE),
        status=Group.Status.PENDING,
    )

    box = section(page(client, sourced_article.get_absolute_url()), "article-groups")

    assert "These groups meet online" in box
    assert "Online circle" in box
    assert "Leeds circle" not in box
    assert "Pending online circle" not in box
    assert 'href="/groups/?topic=domestic-abuse"' in box


# Cost ------------------------------------------------------------------------------


def add_related(sourced_article, count: int, *, start: int, place) -> None:
    """``count`` more of everything the page lists: topics, sources, related
    articles (each with two topics and a hero) and groups near Leeds and online."""
    new_topics = [
        Topic.objects.create(name=f"Extra topic {n}", slug=f"extra-topic-{n}")
        for n in range(start, start + count)
    ]
    sourced_article.topics.add(*new_topics)
    for n in range(start, start + count):
        add_source(sourced_article, position=10 + n)
        related = make_article(f"Related {n}", topics=[new_topics[n - start], ABUSE])
        give_hero(related)
        make_group(name=f"Leeds group {n}", place=place, topics=new_topics[:2])
        make_group(
            name=f"Online group {n}", format=Group.Format.ONLINE, topics=new_topics[:2]
        )


@pytest.mark.parametrize("searched", [True, False], ids=["near-leeds", "no-place"])
def test_it_keeps_the_query_count_with_related_items(
    client, django_assert_num_queries, sourced_article, leeds, searched
):
    add_related(sourced_article, 3, start=0, place=leeds)
    if searched:
        client.get("/groups/?near=Leeds")
    url = sourced_article.get_absolute_url()
    with CaptureQueriesContext(connection) as three:
        assert client.get(url).status_code == 200

    add_related(sourced_article, 27, start=3, place=leeds)
    assert (
        sourced_article.topics.count() == 32 and sourced_article.sources.count() == 32
    )

    with django_assert_num_queries(len(three)):
        html = page(client, url)
    assert html.count("Extra topic") >= 30  # every topic chip shown


def test_it_keeps_the_staff_preview_query_count(
    client, django_assert_num_queries, moderator, leeds
):
    draft = make_draft("Draft", slug="draft", topics=[ABUSE])
    client.force_login(moderator)
    add_related(draft, 3, start=0, place=leeds)
    client.get("/articles/draft/")  # the first request after signing in writes
    cache.clear()  # both counts without the cached related articles and groups
    with CaptureQueriesContext(connection) as three:
        client.get("/articles/draft/")

    add_related(draft, 27, start=3, place=leeds)

    cache.clear()
    with django_assert_num_queries(len(three)):
        client.get("/articles/draft/")

import json
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from tests.articles import factory

BREAKOUT = "</script><script>alert(1)</script>"


class MetaParser(HTMLParser):
    """<meta> tags by property or name, and the JSON-LD blocks, of a page."""

    def __init__(self):
        super().__init__()
        self.meta = {}
        self.canonical = None
        self.json_ld = []
        self.scripts = 0
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs.get("href")
        elif tag == "script":
            self.scripts += 1
            if attrs.get("type") == "application/ld+json":
                self._in_json_ld = True
                self.json_ld.append("")

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def one(self, key):
        [value] = self.meta[key]
        return value


def parse(html: str) -> MetaParser:
    parser = MetaParser()
    parser.feed(html)
    return parser


@pytest.fixture
def reviewed_article(db):
    author = factory.make_author("Ana Ortiz", slug="ana-ortiz")
    reviewer = factory.make_author(
        "Rae Kim", slug="rae-kim", credentials="PhD, psychologist"
    )
    reviewed_article = factory.make_article(
        "How groups help",
        slug="how-groups-help",
        summary="Why sitting in a circle with others can rebuild confidence.",
        author=author,
        reviewer=reviewer,
        last_reviewed=date(2026, 3, 2),
        published_at=timezone.now() - timedelta(days=10),
        topics=["self-esteem-and-assertiveness", "body-image"],
        sources=0,
    )
    factory.add_source(
        reviewed_article,
        position=1,
        title="Support groups: make connections, get help",
        publisher="Mayo Clinic",
        url="https://www.mayoclinic.org/support-groups",
    )
    factory.add_source(
        reviewed_article,
        position=2,
        title="Violence against women",
        url="https://www.who.int/violence-against-women",
    )
    return factory.give_hero(reviewed_article)


def render_meta(reviewed_article, *, secure=True) -> MetaParser:
    request = RequestFactory().get("/", secure=secure)
    html = render_to_string(
        "articles/includes/article_meta.html",
        {"article": reviewed_article, "request": request},
    )
    return parse(html)


def test_it_describes_the_article_for_link_previews(reviewed_article, settings):
    settings.SITE_DOMAIN = "kindred.example"

    meta = render_meta(reviewed_article)

    url = "https://kindred.example/articles/how-groups-help/"
    assert meta.canonical == url
    assert meta.one("og:type") == "article"
    assert meta.one("og:title") == "How groups help"
    assert meta.one("og:description") == reviewed_article.summary
    assert meta.one("og:url") == url
    assert meta.one("og:site_name") == settings.SITE_NAME
    assert meta.one("og:image") == (
        "https://kindred.example/media/articles/renditions/how-groups-help-1440.webp"
    )
    assert meta.one("og:image:width") == "1440"
    assert meta.one("og:image:height") == "810"
    assert (
        meta.one("og:image:alt") == "Soft circles of plum and terracotta, overlapping."
    )
    assert (
        meta.one("article:published_time") == reviewed_article.published_at.isoformat()
    )
    assert meta.one("article:modified_time")
    assert meta.one("article:author") == "https://kindred.example/authors/ana-ortiz/"
    assert meta.meta["article:tag"] == ["Body image", "Self-esteem and assertiveness"]
    assert meta.one("twitter:card") == "summary_large_image"
    assert meta.one("twitter:title") == "How groups help"
    assert meta.one("twitter:image") == meta.one("og:image")
    assert meta.one("twitter:image:alt") == meta.one("og:image:alt")


def test_it_uses_the_largest_rendition_of_a_small_image(reviewed_article, settings):
    settings.SITE_DOMAIN = "kindred.example"
    # A 900 px upload: the "960" and "1440" renditions are 900 px wide too.
    reviewed_article.hero_width, reviewed_article.hero_height = 900, 600

    meta = render_meta(reviewed_article)

    assert meta.one("og:image").endswith("how-groups-help-1440.webp")
    assert meta.one("og:image:width") == "900"
    assert meta.one("og:image:height") == "600"


def test_it_falls_back_to_a_small_card_without_an_image(reviewed_article):
    reviewed_article.hero_image = ""
    reviewed_article.hero_renditions = {}

    meta = render_meta(reviewed_article)

    assert "og:image" not in meta.meta
    assert meta.one("twitter:card") == "summary"


def test_it_describes_the_article_its_review_and_sources_in_json_ld(
    reviewed_article, settings
):
    settings.SITE_DOMAIN = "kindred.example"

    meta = render_meta(reviewed_article)

    [block] = meta.json_ld
    data = json.loads(block)
    url = "https://kindred.example/articles/how-groups-help/"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == "How groups help"
    assert data["description"] == reviewed_article.summary
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["image"]["url"] == meta.one("og:image")
    assert data["image"]["width"] == 1440
    assert data["datePublished"].startswith(
        reviewed_article.published_at.strftime("%Y-%m-%dT%H:%M:%S")
    )
    assert data["dateModified"] >= data["datePublished"]
    assert data["author"] == {
        "@type": "Person",
        "name": "Ana Ortiz",
        "url": "https://kindred.example/authors/ana-ortiz/",
        "jobTitle": "LCSW, licensed clinical social worker",
    }
    assert data["reviewedBy"] == {
        "@type": "Person",
        "name": "Rae Kim",
        "url": "https://kindred.example/authors/rae-kim/",
        "jobTitle": "PhD, psychologist",
    }
    assert data["lastReviewed"] == "2026-03-02"
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == settings.SITE_NAME
    assert data["articleSection"] == "Body image"
    assert data["keywords"] == ["Body image", "Self-esteem and assertiveness"]
    assert [citation["name"] for citation in data["citation"]] == [
        "Support groups: make connections, get help",
        "Violence against women",
    ]
    assert data["citation"][0]["url"] == "https://www.mayoclinic.org/support-groups"
    assert data["citation"][0]["publisher"]["name"] == "Mayo Clinic"


def test_it_uses_the_domain_from_settings_not_the_host_header(
    reviewed_article, settings
):
    settings.SITE_DOMAIN = "kindred.example"
    request = RequestFactory().get("/", HTTP_HOST="evil.example", secure=True)

    html = render_to_string(
        "articles/includes/article_meta.html",
        {"article": reviewed_article, "request": request},
    )

    assert "evil.example" not in html
    assert "https://kindred.example/articles/how-groups-help/" in html


def test_it_keeps_a_hostile_title_inside_the_json_ld(reviewed_article):
    reviewed_article.title = BREAKOUT
    reviewed_article.summary = "<!-- & --> " + BREAKOUT
    reviewed_article.author.name = BREAKOUT
    reviewed_article.hero_caption = "\u2028" + BREAKOUT

    meta = render_meta(reviewed_article)

    # One script element only: the JSON-LD block, never closed early.
    assert meta.scripts == 1
    [block] = meta.json_ld
    assert "<" not in block and ">" not in block
    data = json.loads(block)
    assert data["headline"] == BREAKOUT
    assert data["description"] == "<!-- & --> " + BREAKOUT
    assert data["author"]["name"] == BREAKOUT
    # The <meta> attributes are HTML-escaped as usual.
    assert meta.one("og:title") == BREAKOUT


def test_it_puts_the_tags_on_the_article_page(client, reviewed_article, settings):
    response = client.get("/articles/how-groups-help/")

    assert response.status_code == 200
    meta = parse(response.content.decode())
    url = f"http://{settings.SITE_DOMAIN}/articles/how-groups-help/"
    assert meta.one("og:url") == url
    assert meta.one("og:type") == "article"
    [block] = meta.json_ld
    data = json.loads(block)
    assert data["headline"] == "How groups help"
    assert data["reviewedBy"]["name"] == "Rae Kim"
    assert len(data["citation"]) == 2


def test_it_adds_no_queries_to_the_article_page_for_the_tags(
    client, reviewed_article, django_assert_max_num_queries
):
    """The page fetches the author, reviewer, topics and sources with the article;
    the tags reuse them."""
    with django_assert_max_num_queries(12) as queries:
        client.get("/articles/how-groups-help/")

    sql = [query["sql"] for query in queries.captured_queries]
    assert sum('FROM "articles_source"' in statement for statement in sql) == 1
    assert sum('FROM "articles_author"' in statement for statement in sql) == 0

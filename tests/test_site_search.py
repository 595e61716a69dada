from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article
from groups.models import Group, Topic
from tests.articles import factory
from tests.conftest import make_group


class SearchPageParser(HTMLParser):
    """Headings, links and the search forms of /search/."""

    def __init__(self):
        super().__init__()
        self.h1_count = 0
        self.links = []
        self.sections = {}
        self.forms = []
        self.inputs = []
        self.labels = set()
        self._heading = None
        self._section = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self.h1_count += 1
        elif tag == "section":
            self._section = attrs.get("aria-labelledby")
            self.sections[self._section] = []
        elif tag == "a":
            self.links.append(attrs.get("href"))
            if self._section and self._heading is None:
                self.sections[self._section].append(attrs.get("href"))
        elif tag == "h2":
            self._heading = attrs.get("id")
        elif tag == "form":
            self.forms.append(attrs)
        elif tag == "input":
            self.inputs.append(attrs)
        elif tag == "label":
            self.labels.add(attrs.get("for"))

    def handle_endtag(self, tag):
        if tag == "h2":
            self._heading = None
        elif tag == "section":
            self._section = None


def parse(response) -> SearchPageParser:
    assert response.status_code == 200
    parser = SearchPageParser()
    parser.feed(response.content.decode())
    return parser


def article_links(page) -> list[str]:
    return [
        href
        for href in page.sections.get("search-articles-title", [])
        if href.startswith("/articles/")
        and href != "/articles/"
        and "/topic/" not in href
    ]


def group_links(page) -> list[str]:
    return [
        href
        for href in page.sections.get("search-groups-title", [])
        if href.startswith("/groups/") and href != "/groups/" and "?" not in href
    ]


def make_article(title, **fields):
    """A published article at /articles/<slugified title>/."""
    return factory.make_article(title, slug=slugify(title), **fields)


@pytest.mark.django_db
def test_it_shows_a_helpful_page_without_a_query(client):
    response = client.get("/search/")

    page = parse(response)
    assert page.h1_count == 1
    html = response.content.decode()
    assert "Find a group near you" in html
    assert "Browse topics" in html
    assert "/groups/?topic=domestic-abuse" in page.links
    assert "/groups/" in page.links
    search = [form for form in page.forms if form.get("action") == "/search/"]
    assert search and all(form.get("method") == "get" for form in search)
    assert all(field["id"] in page.labels for field in page.inputs)


@pytest.mark.django_db
def test_it_finds_articles_and_groups_together(client):
    make_article("Finding your confidence again")
    make_group(name="Confidence Circle")
    make_group(name="Grief Cafe", tagline="Tea and company after a loss.")

    response = client.get("/search/?q=confidence")

    page = parse(response)
    assert page.h1_count == 1
    assert article_links(page) == ["/articles/finding-your-confidence-again/"]
    assert group_links(page) == ["/groups/confidence-circle/"]
    html = response.content.decode()
    assert "1 article and 1 group match “confidence”" in html
    assert "Grief Cafe" not in html


@pytest.mark.django_db
def test_it_ranks_a_title_match_above_a_body_only_match(client):
    body_only = make_article(
        "Small steps",
        published_at=timezone.now() - timedelta(hours=1),
        body="Some days boundaries feel hard. " * 5,
    )
    title_match = make_article(
        "Setting boundaries",
        published_at=timezone.now() - timedelta(days=30),
        body="How to say no kindly.",
    )

    page = parse(client.get("/search/?q=boundaries"))

    assert article_links(page) == [
        title_match.get_absolute_url(),
        body_only.get_absolute_url(),
    ]


@pytest.mark.django_db
def test_it_ranks_groups_by_name_above_description(client):
    make_group(
        name="Tuesday Circle", description="We talk about anxiety and small wins."
    )
    make_group(name="Anxiety Circle", description="A weekly group.")

    page = parse(client.get("/search/?q=anxiety"))

    assert group_links(page) == ["/groups/anxiety-circle/", "/groups/tuesday-circle/"]


@pytest.mark.django_db
def test_it_never_shows_unlisted_pending_or_archived_groups(client):
    make_group(name="Listed Hope Circle")
    make_group(name="Paused Hope Circle", status=Group.Status.PAUSED)
    make_group(name="Unlisted Hope Circle", visibility=Group.Visibility.UNLISTED)
    make_group(name="Pending Hope Circle", status=Group.Status.PENDING)
    make_group(name="Archived Hope Circle", status=Group.Status.ARCHIVED)

    response = client.get("/search/?q=hope")

    assert group_links(parse(response)) == [
        "/groups/listed-hope-circle/",
        "/groups/paused-hope-circle/",
    ]
    html = response.content.decode()
    for hidden in ("Unlisted", "Pending", "Archived"):
        assert f"{hidden} Hope Circle" not in html


@pytest.mark.django_db
def test_it_never_shows_drafts_in_review_or_future_articles(client, moderator):
    make_article("Hope after leaving")
    make_article("Hope draft", status=Article.Status.DRAFT, published_at=None)
    make_article("Hope in review", status=Article.Status.IN_REVIEW)
    make_article("Hope tomorrow", published_at=timezone.now() + timedelta(days=1))
    # Not even staff: search is the public view of the site.
    client.force_login(moderator)

    response = client.get("/search/?q=hope")

    assert article_links(parse(response)) == ["/articles/hope-after-leaving/"]
    html = response.content.decode()
    assert "Hope draft" not in html
    assert "Hope in review" not in html
    assert "Hope tomorrow" not in html


@pytest.mark.django_db
def test_it_suggests_ways_forward_when_nothing_matches(client):
    make_article("Finding your confidence again")

    response = client.get("/search/?q=xylophone")

    page = parse(response)
    assert page.h1_count == 1
    html = response.content.decode()
    assert "Nothing matches “xylophone” yet" in html
    assert "/groups/?topic=grief-and-loss" in page.links
    assert "/groups/" in page.links
    assert "/articles/" in page.links
    assert article_links(page) == []


@pytest.mark.django_db
def test_it_shows_one_section_empty_when_only_the_other_matches(client):
    make_group(name="Knitting Circle")

    response = client.get("/search/?q=knitting")

    page = parse(response)
    assert group_links(page) == ["/groups/knitting-circle/"]
    assert "No articles match “knitting”" in response.content.decode()


@pytest.mark.django_db
def test_it_shows_ten_of_each_and_links_to_all_the_groups(client):
    for number in range(12):
        make_group(name=f"Courage Circle {number:02}")
        make_article(f"Courage note {number:02}")

    response = client.get("/search/?q=courage")

    page = parse(response)
    assert len(group_links(page)) == 10
    assert len(article_links(page)) == 10
    assert "/groups/?q=courage" in page.links
    html = response.content.decode()
    assert "See all 12 groups" in html
    assert "12 articles and 12 groups match" in html


@pytest.mark.django_db
def test_it_finds_stop_words_in_titles(client):
    # "The" and "and" are not indexed; the plain-text fallback still finds them.
    make_article("The and the")
    make_group(name="The And")

    page = parse(client.get("/search/?q=the+and"))

    assert article_links(page) == ["/articles/the-and-the/"]
    assert group_links(page) == ["/groups/the-and/"]


@pytest.mark.django_db
def test_it_survives_hostile_input(client):
    for query in ["\x00", "a" * 5000, "'\"<script>", "!!! & | ()", "-"]:
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split("</header>")[1]


def test_it_rejects_post(client, db):
    assert client.post("/search/", {"q": "hope"}).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("matches", [3, 30])
def test_it_keeps_the_query_count_flat_whatever_the_matches(
    client, django_assert_num_queries, matches
):
    topics = list(Topic.objects.all()[:2])
    for number in range(matches):
        make_group(name=f"Calm Circle {number:02}", topics=topics)
        article = make_article(f"Calm note {number:02}")
        article.topics.set(topics)

    # Articles, their topics, their count; the stop-word check; groups (with
    # their next meeting), their topics, their schedules, their count.
    with django_assert_num_queries(8):
        response = client.get("/search/?q=calm")

    assert response.status_code == 200


@pytest.mark.django_db
def test_it_puts_the_search_box_in_every_page_header(client):
    page = parse(client.get("/about/"))

    header_search = [form for form in page.forms if form.get("action") == "/search/"]
    assert len(header_search) == 1
    assert header_search[0]["method"] == "get"
    assert header_search[0]["role"] == "search"
    field = next(field for field in page.inputs if field["id"] == "header-search-q")
    assert field["name"] == "q"
    assert "header-search-q" in page.labels

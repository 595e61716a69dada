from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.contrib.sites.models import Site
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article
from groups.models import Group, Topic
from tests.articles import factory
from tests.conftest import make_group

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def make_article(title, **fields):
    """A published article at /articles/<slugified title>/."""
    return factory.make_article(title, slug=slugify(title), **fields)


def sitemap(client) -> dict[str, str | None]:
    """{path: lastmod} for every URL in /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    domain = Site.objects.get_current().domain
    urls = {}
    for url in root.findall(f"{SITEMAP}url"):
        location = url.findtext(f"{SITEMAP}loc")
        prefix = f"http://{domain}"
        assert location.startswith(prefix), location
        urls[location.removeprefix(prefix)] = url.findtext(f"{SITEMAP}lastmod")
    return urls


@pytest.fixture
def writers(db):
    return (
        factory.make_author("Ana Ortiz", slug="ana"),
        factory.make_author("Rae Kim", slug="rae"),
    )


def test_it_uses_the_sites_domain_from_settings(client, db, settings):
    assert Site.objects.get_current().domain == settings.SITE_DOMAIN
    assert f"<loc>http://{settings.SITE_DOMAIN}/</loc>" in (
        client.get("/sitemap.xml").content.decode()
    )


def test_it_lists_the_static_pages(client, db):
    urls = sitemap(client)

    for path in [
        "/",
        "/about/",
        "/safety/",
        "/guidelines/",
        "/privacy/",
        "/groups/",
        "/articles/",
        "/articles/standards/",
    ]:
        assert path in urls, path


def test_it_lists_published_articles_with_their_last_change(client, writers):
    article = make_article("Saying no", author=writers[0], reviewer=writers[1])

    urls = sitemap(client)

    assert urls["/articles/saying-no/"] == article.updated_at.date().isoformat()


def test_it_never_lists_unpublished_articles(client, writers):
    author, reviewer = writers
    make_article("Public", author=author, reviewer=reviewer)
    make_article(
        "Draft",
        author=author,
        reviewer=reviewer,
        status=Article.Status.DRAFT,
        published_at=None,
    )
    make_article(
        "In review", author=author, reviewer=reviewer, status=Article.Status.IN_REVIEW
    )
    make_article(
        "Tomorrow",
        author=author,
        reviewer=reviewer,
        published_at=timezone.now() + timedelta(days=1),
    )

    urls = sitemap(client)

    articles = {path for path in urls if path.count("/") == 3}
    articles = {path for path in articles if path.startswith("/articles/")}
    assert articles == {"/articles/public/", "/articles/standards/"}


def test_it_lists_only_listed_groups_that_are_running(client, db):
    active = make_group(name="Active Circle")
    make_group(name="Paused Circle", status=Group.Status.PAUSED)
    make_group(name="Unlisted Circle", visibility=Group.Visibility.UNLISTED)
    make_group(name="Pending Circle", status=Group.Status.PENDING)
    make_group(name="Archived Circle", status=Group.Status.ARCHIVED)

    urls = sitemap(client)

    groups = {
        path for path in urls if path.startswith("/groups/") and path != "/groups/"
    }
    assert groups == {"/groups/active-circle/", "/groups/paused-circle/"}
    assert urls["/groups/active-circle/"] == active.updated_at.date().isoformat()


def test_it_lists_topics_and_authors_with_published_articles(client, writers):
    author, reviewer = writers
    make_article("Public", author=author, reviewer=reviewer, topics=["grief-and-loss"])
    make_article(
        "Draft",
        author=factory.make_author("Only Drafts", slug="drafty"),
        reviewer=reviewer,
        status=Article.Status.DRAFT,
        topics=["body-image"],
    )

    urls = sitemap(client)

    assert "/articles/topic/grief-and-loss/" in urls
    assert "/articles/topic/body-image/" not in urls
    # The reviewer's credentials page counts too: it is linked from the byline.
    authors = {path for path in urls if path.startswith("/authors/")}
    assert authors == {"/authors/ana/", "/authors/rae/"}


@pytest.mark.parametrize("count", [2, 20])
def test_it_keeps_the_query_count_flat_whatever_the_content(
    client, writers, django_assert_num_queries, count
):
    author, reviewer = writers
    for number in range(count):
        make_group(name=f"Circle {number:02}")
        make_article(
            f"Note {number:02}",
            author=author,
            reviewer=reviewer,
            topics=Topic.objects.all()[:3],
        )

    # The Site, then a count (the sitemap paginates) and a page of rows for each
    # section that has any: articles, topics, authors, groups.
    with django_assert_num_queries(9):
        client.get("/sitemap.xml")


def test_it_points_robots_txt_at_the_sitemap(client, db, settings):
    response = client.get("/robots.txt")

    lines = response.content.decode().splitlines()
    assert f"Sitemap: http://{settings.SITE_DOMAIN}/sitemap.xml" in lines
    assert "Disallow: /search/" in lines

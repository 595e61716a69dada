from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article
from groups.models import Topic
from tests.articles import factory

ATOM = "{http://www.w3.org/2005/Atom}"


def make_article(title, **fields):
    """A published article at /articles/<slugified title>/."""
    return factory.make_article(title, slug=slugify(title), **fields)


def entries(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    return feed.findall(f"{ATOM}entry")


def titles(response) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in entries(response)]


@pytest.mark.django_db
def test_it_describes_each_article(client, settings):
    article = make_article("Saying no kindly", topics=["grief-and-loss", "body-image"])

    response = client.get("/feeds/articles.xml")

    feed = ElementTree.fromstring(response.content)
    assert feed.findtext(f"{ATOM}title") == f"{settings.SITE_NAME}: articles"
    [entry] = entries(response)
    assert entry.findtext(f"{ATOM}title") == "Saying no kindly"
    assert entry.find(f"{ATOM}link").get("href") == (
        f"http://{settings.SITE_DOMAIN}/articles/saying-no-kindly/"
    )
    assert entry.findtext(f"{ATOM}summary") == article.summary
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == article.author.name
    assert entry.findtext(f"{ATOM}published").startswith(
        article.published_at.strftime("%Y-%m-%dT%H:%M")
    )
    assert entry.findtext(f"{ATOM}updated")
    categories = [tag.get("term") for tag in entry.findall(f"{ATOM}category")]
    assert categories == ["Body image", "Grief and loss"]


@pytest.mark.django_db
def test_it_lists_the_latest_first(client):
    make_article("Older", published_at=timezone.now() - timedelta(days=9))
    make_article("Newer", published_at=timezone.now() - timedelta(hours=2))

    assert titles(client.get("/feeds/articles.xml")) == ["Newer", "Older"]


@pytest.mark.django_db
def test_it_never_lists_drafts_articles_in_review_or_future_articles(client):
    make_article("Public")
    make_article("Draft", status=Article.Status.DRAFT, published_at=None)
    make_article("In review", status=Article.Status.IN_REVIEW)
    make_article("Tomorrow", published_at=timezone.now() + timedelta(days=1))

    response = client.get("/feeds/articles.xml")

    assert titles(response) == ["Public"]
    for hidden in (b"Draft", b"In review", b"Tomorrow", b"draft", b"tomorrow"):
        assert hidden not in response.content


@pytest.mark.django_db
def test_it_lists_the_20_latest(client):
    for day in range(25):
        make_article(
            f"Note {day:02}", published_at=timezone.now() - timedelta(days=day)
        )

    assert titles(client.get("/feeds/articles.xml")) == [
        f"Note {day:02}" for day in range(20)
    ]


@pytest.mark.django_db
def test_it_never_updates_a_scheduled_article_before_it_was_published(client):
    article = make_article("Scheduled")
    # Saved (updated) on Monday, set to go out on Wednesday: it is Thursday now.
    Article.objects.filter(pk=article.pk).update(
        updated_at=timezone.now() - timedelta(days=3)
    )

    [entry] = entries(client.get("/feeds/articles.xml"))

    assert entry.findtext(f"{ATOM}updated") >= entry.findtext(f"{ATOM}published")


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 20])
def test_it_keeps_the_query_count_whatever_the_articles(
    client, django_assert_num_queries, count
):
    topics = list(Topic.objects.all()[:3])
    for number in range(count):
        make_article(f"Note {number:02}", topics=topics)

    # The Site (cached after a process's first request), the articles with their
    # authors, then their topics.
    with django_assert_num_queries(3):
        response = client.get("/feeds/articles.xml")

    assert len(entries(response)) == count


@pytest.mark.django_db
def test_it_advertises_the_feed_on_every_page(client, settings):
    html = client.get("/about/").content.decode()

    assert (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="{settings.SITE_NAME} articles" href="/feeds/articles.xml">'
    ) in html

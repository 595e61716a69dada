import re
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.articles.factory import give_hero, make_article, make_draft

pytestmark = pytest.mark.django_db


def page(client, url: str = "/articles/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return unescape(response.content.decode())


def card_titles(html: str) -> list[str]:
    return re.findall(
        r'<h3 class="article-card__title"[^>]*><a href="[^"]+">([^<]+)</a>', html
    )


def section(html: str, title_id: str) -> str:
    match = re.search(
        rf'<section[^>]*aria-labelledby="{title_id}".*?</section>', html, re.S
    )
    assert match, title_id
    return match.group(0)


def hours_ago(hours: int):
    return timezone.now() - timedelta(hours=hours)


def test_it_lists_published_articles_latest_first(client):
    make_article("Older", published_at=hours_ago(30))
    make_article("Newer", published_at=hours_ago(3))

    html = page(client)

    assert html.count("<h1") == 1
    assert card_titles(section(html, "latest-title")) == ["Newer", "Older"]


def test_it_never_lists_drafts_articles_in_review_or_future_articles(client):
    make_article("Public")
    make_draft("Draft")
    make_draft("In review", status=Article.Status.IN_REVIEW)
    make_article("Scheduled", published_at=timezone.now() + timedelta(hours=2))
    make_article(
        "Scheduled and featured",
        is_featured=True,
        published_at=timezone.now() + timedelta(hours=2),
    )

    assert card_titles(page(client)) == ["Public"]


def test_it_puts_featured_articles_on_top_and_not_again_below(client):
    make_article("Latest", published_at=hours_ago(1))
    make_article("Featured", is_featured=True, published_at=hours_ago(40))

    html = page(client)

    assert card_titles(section(html, "featured-title")) == ["Featured"]
    assert card_titles(section(html, "latest-title")) == ["Latest"]
    assert "article-card--featured" in section(html, "featured-title")


def test_it_shows_no_featured_section_without_featured_articles(client):
    make_article("Latest")

    assert 'id="featured-title"' not in page(client)


def test_it_shows_twelve_articles_a_page(client):
    for number in range(14):
        make_article(f"Article {number:02d}", published_at=hours_ago(number + 1))
    make_article("Featured", is_featured=True)

    first = page(client)
    second = page(client, "/articles/?page=2")

    assert card_titles(section(first, "latest-title")) == [
        f"Article {number:02d}" for number in range(12)
    ]
    assert 'href="?page=2"' in first
    assert "Page 1 of 2" in first
    assert card_titles(section(second, "latest-title")) == ["Article 12", "Article 13"]
    # Featured articles sit on top of the first page only.
    assert "Featured" not in card_titles(second)
    assert 'href="?page=1"' in second
    assert "<title>Articles, page 2 · Kindred</title>" in second


def test_it_shows_the_last_page_for_a_page_out_of_range(client):
    make_article("Only one")

    assert card_titles(page(client, "/articles/?page=99")) == ["Only one"]
    assert card_titles(page(client, "/articles/?page=nope")) == ["Only one"]


def test_it_shows_the_card_details(client):
    article = give_hero(
        make_article(
            "Saying no kindly",
            slug="saying-no",
            topics=["self-esteem-and-assertiveness", "career-and-money"],
            body=" ".join(["word"] * 600),
        )
    )

    card = re.search(
        r"<article class=\"article-card.*?</article>", page(client), re.S
    ).group(0)

    assert '<a href="/articles/saying-no/">Saying no kindly</a>' in card
    assert article.summary in card
    assert "Amara Okafor" in card
    assert "LCSW, licensed clinical social worker" in card
    assert "3 minute read" in card
    assert "<li>Career and money</li><li>Self-esteem and assertiveness</li>" in card
    img = re.search(r"<img [^>]+>", card).group(0)
    assert 'src="/media/articles/renditions/saying-no-480.webp"' in img
    assert 'width="480" height="270"' in img
    assert f'alt="{article.hero_alt}"' in img
    assert 'loading="lazy"' in img


def test_it_offers_the_topics_that_have_published_articles(client):
    make_article(topics=["grief-and-loss", "career-and-money"])
    make_article(topics=["grief-and-loss"])
    make_draft(topics=["body-image"])
    make_article(
        topics=["new-mothers"], published_at=timezone.now() + timedelta(days=1)
    )

    topics = section(page(client), "topics-title")

    links = re.findall(r'href="(/articles/topic/[^"]+)"', topics)
    assert links == [
        "/articles/topic/career-and-money/",
        "/articles/topic/grief-and-loss/",
    ]
    assert "2 articles" in topics and "1 article<" in topics


def test_it_links_the_editorial_standards(client):
    assert 'href="/articles/standards/"' in page(client)


def test_it_says_when_there_are_no_articles_yet(client):
    html = page(client)

    assert "There are no articles yet" in html
    assert html.count("<h1") == 1


def add_articles(count: int, *, start: int) -> None:
    for number in range(start, start + count):
        article = make_article(
            f"Article {number}",
            topics=["grief-and-loss", "career-and-money", "body-image"],
            is_featured=number % 5 == 0,
        )
        give_hero(article)


def test_it_keeps_the_query_count_whatever_the_articles(
    client, django_assert_num_queries
):
    add_articles(3, start=0)
    with CaptureQueriesContext(connection) as three:
        page(client)

    add_articles(27, start=3)

    with django_assert_num_queries(len(three)):
        html = page(client)
    assert len(card_titles(html)) == 12 + 3

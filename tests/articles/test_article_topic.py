import re
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.articles.factory import give_hero, make_article, make_draft

pytestmark = pytest.mark.django_db

URL = "/articles/topic/grief-and-loss/"


def page(client, url: str = URL) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return unescape(response.content.decode())


def card_titles(html: str) -> list[str]:
    return re.findall(
        r'<h3 class="article-card__title"[^>]*><a href="[^"]+">([^<]+)</a>', html
    )


def test_it_lists_the_topics_published_articles(client):
    make_article(
        "On grief",
        topics=["grief-and-loss"],
        published_at=timezone.now() - timedelta(days=2),
    )
    make_article("Grief and work", topics=["grief-and-loss", "career-and-money"])
    make_article("On money", topics=["career-and-money"])
    make_draft("Draft on grief", topics=["grief-and-loss"])
    make_article(
        "Future grief",
        topics=["grief-and-loss"],
        published_at=timezone.now() + timedelta(days=1),
    )

    html = page(client)

    assert html.count("<h1") == 1
    assert re.search(r"<h1[^>]*>Grief and loss</h1>", html)
    assert card_titles(html) == ["Grief and work", "On grief"]


def test_it_shows_the_description_and_links_to_groups_on_the_topic(client):
    html = page(client)

    assert "After the death of someone you love" in html
    assert 'href="/groups/?topic=grief-and-loss"' in html
    assert "There are no articles on this topic yet" in html


def test_it_is_404_for_an_unknown_topic(client):
    assert client.get("/articles/topic/no-such-topic/").status_code == 404


def test_it_shows_twelve_articles_a_page(client):
    for number in range(13):
        make_article(
            f"Grief {number:02d}",
            topics=["grief-and-loss"],
            published_at=timezone.now() - timedelta(hours=number + 1),
        )

    first = page(client)
    second = page(client, f"{URL}?page=2")

    assert len(card_titles(first)) == 12
    assert 'href="?page=2"' in first
    assert card_titles(second) == ["Grief 12"]


def add_articles(count: int, *, start: int) -> None:
    for number in range(start, start + count):
        give_hero(
            make_article(f"Grief {number}", topics=["grief-and-loss", "body-image"])
        )


def test_it_keeps_the_query_count_whatever_the_articles(
    client, django_assert_num_queries
):
    add_articles(3, start=0)
    with CaptureQueriesContext(connection) as three:
        page(client)

    add_articles(27, start=3)

    with django_assert_num_queries(len(three)):
        assert len(card_titles(page(client))) == 12

import re
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Author
from tests.articles.factory import give_hero, make_article, make_author, make_draft

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return unescape(response.content.decode())


def section(html: str, title_id: str) -> str:
    match = re.search(
        rf'<section[^>]*aria-labelledby="{title_id}".*?</section>', html, re.S
    )
    assert match, title_id
    return match.group(0)


def card_titles(html: str) -> list[str]:
    return re.findall(
        r'<h3 class="article-card__title"[^>]*><a href="[^"]+">([^<]+)</a>', html
    )


@pytest.fixture
def priya(db):
    return make_author(
        "Priya Raman",
        slug="priya-raman",
        credentials="Employment lawyer",
        bio="Priya advises women facing *discrimination* at work.\n\n"
        "<script>alert(1)</script> [bad](javascript:alert(1))",
    )


def test_it_shows_the_author_with_credentials_and_bio(client, priya):
    html = page(client, "/authors/priya-raman/")

    assert html.count("<h1") == 1
    assert re.search(r"<h1[^>]*>Priya Raman</h1>", html)
    assert "Employment lawyer" in html
    assert "<em>discrimination</em>" in html
    raw = client.get("/authors/priya-raman/").content.decode()
    assert "<script>alert" not in raw
    assert 'href="javascript' not in raw
    assert "<title>Priya Raman, Employment lawyer · Kindred</title>" in html


def test_it_is_404_for_an_unknown_author(client):
    assert client.get("/authors/nobody/").status_code == 404


def test_it_shows_the_photo_when_there_is_one(client, priya):
    Author.objects.filter(pk=priya.pk).update(photo="authors/2026/03/priya.webp")

    html = page(client, "/authors/priya-raman/")

    assert (
        '<img class="avatar avatar--128 author-page__photo" '
        'src="/media/authors/2026/03/priya.webp"' in html
    )


def test_it_lists_her_published_articles_and_those_she_reviewed(client, priya):
    make_article("Written, newer", author=priya)
    make_article(
        "Written, older", author=priya, published_at=timezone.now() - timedelta(days=9)
    )
    make_draft("Written draft", author=priya)
    make_article(
        "Written, scheduled",
        author=priya,
        published_at=timezone.now() + timedelta(days=1),
    )
    make_article("Reviewed", reviewer=priya)
    make_draft("Reviewed draft", reviewer=priya)
    make_article("Someone else's")

    html = page(client, "/authors/priya-raman/")

    assert card_titles(section(html, "written-title")) == [
        "Written, newer",
        "Written, older",
    ]
    assert card_titles(section(html, "reviewed-title")) == ["Reviewed"]


def test_it_says_when_she_has_no_published_articles_yet(client, priya):
    html = page(client, "/authors/priya-raman/")

    assert "No published articles yet" in html
    assert 'id="reviewed-title"' not in html


def add_articles(author, count: int, *, start: int) -> None:
    for number in range(start, start + count):
        give_hero(
            make_article(
                f"Written {number}",
                author=author,
                topics=["body-image", "grief-and-loss"],
            )
        )
        make_article(f"Reviewed {number}", reviewer=author, topics=["body-image"])


def test_it_keeps_the_query_count_whatever_the_articles(
    client, django_assert_num_queries, priya
):
    add_articles(priya, 3, start=0)
    with CaptureQueriesContext(connection) as three:
        page(client, "/authors/priya-raman/")

    add_articles(priya, 27, start=3)

    with django_assert_num_queries(len(three)):
        assert len(card_titles(page(client, "/authors/priya-raman/"))) == 60

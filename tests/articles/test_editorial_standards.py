from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def test_it_explains_how_articles_are_written_reviewed_and_sourced(client):
    response = client.get("/articles/standards/")

    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert html.count("<h1") == 1
    assert "Editorial standards" in html
    for promise in [
        "credentials",
        "second expert",
        "World Health Organization",
        "National Institutes of Health",
        "NHS",
        "peer-reviewed",
        "last reviewed",
        "correct",
        "no adverts",
        "How to report an error",
    ]:
        assert promise.lower() in html.lower(), promise


def test_it_links_back_to_the_articles(client):
    assert 'href="/articles/"' in client.get("/articles/standards/").content.decode()

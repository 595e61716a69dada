"""Reading the discussion out of a page's HTML, for the discussion tests."""

import re
from html import unescape

from articles.models import Comment
from tests.articles.comment_factory import make_comment

URL = "/articles/finding-your-voice/"

ROW_RE = re.compile(
    r'<li class="comment-row comment--depth-(\d)[^"]*">\s*'
    r'<article class="comment[^"]*" id="comment-(\d+)"'
)


def page(client, url: str = URL) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return unescape(response.content.decode())


def discussion(html: str) -> str:
    match = re.search(r'<section class="article-discussion".*?</section>', html, re.S)
    assert match
    return match.group(0)


def rows(html: str) -> list[tuple[int, int]]:
    """(comment id, depth) in the order the page shows them."""
    return [(int(pk), int(depth)) for depth, pk in ROW_RE.findall(html)]


def shown_ids(html: str) -> list[int]:
    return [pk for pk, _ in rows(html)]


def make_tops(article, count: int, author, **fields) -> list[Comment]:
    return [make_comment(article, author, **fields) for _ in range(count)]

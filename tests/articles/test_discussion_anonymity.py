"""Who a reader of the discussion sees: anonymous comments, the marks a display
name cannot produce, blocks."""

import re

import pytest

from accounts.models import Block
from articles.comments import posting
from articles.models import Comment
from tests.articles.comment_factory import make_comment
from tests.articles.discussion_pages import URL, discussion, page
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


# Anonymity ------------------------------------------------------------------------


@pytest.fixture
def writer(db):
    return make_user("quillwriter", display_name="Rosalind Quill")


def assert_anonymous(html: str):
    lowered = html.lower()
    assert "quillwriter" not in lowered
    assert "rosalind" not in lowered
    assert "quill" not in lowered


def test_it_names_nobody_for_an_anonymous_comment(
    client, article, writer, alice, bob, charlie
):
    top = make_comment(article, writer, is_anonymous=True, body="My story")
    make_comment(article, alice, top)
    reply = make_comment(article, writer, top, is_anonymous=True)
    Block.objects.create(blocker=charlie, blocked=writer)

    for viewer in (None, alice, bob, charlie):
        client.logout()
        if viewer:
            client.force_login(viewer)
        for url in (URL, f"/articles/finding-your-voice/comments/{top.pk}/"):
            html = page(client, url)
            assert "My story" in html
            assert "Anonymous member" in html
            assert_anonymous(html)
            # A block would say who wrote it, so anonymous comments never fold.
            assert "You blocked this person" not in html
        response = client.get(f"/articles/finding-your-voice/c/{reply.pk}/")
        assert "quillwriter" not in response["Location"]


def test_it_shows_staff_who_wrote_an_anonymous_comment(
    client, article, writer, moderator
):
    make_comment(article, writer, is_anonymous=True)
    client.force_login(moderator)

    html = page(client)

    assert "Anonymous member (quillwriter)" in html
    assert "/u/quillwriter/" not in html


def test_it_marks_her_own_anonymous_comment_for_her(client, article, writer):
    make_comment(article, writer, is_anonymous=True)
    client.force_login(writer)

    html = discussion(page(client))

    assert "Anonymous member" in html
    assert "(you, posted anonymously)" in html
    assert "/u/quillwriter/" not in html


# Marks a display name cannot produce ------------------------------------------------


def comment_html(html: str, comment: Comment) -> str:
    match = re.search(
        rf'<article class="comment[^"]*" id="comment-{comment.pk}".*?</article>',
        html,
        re.S,
    )
    assert match
    return match.group(0)


def badges(html: str) -> list[str]:
    return re.findall(r'<span class="comment__badge comment__badge--(\w+)">', html)


def raw_page(client) -> str:
    """The page as sent (page() unescapes it)."""
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("viewer", [None, "bob"], ids=["signed-out", "member"])
def test_it_marks_real_anonymous_and_moderators_comments(
    client, article, writer, moderator, bob, viewer
):
    anonymous = make_comment(article, writer, is_anonymous=True)
    by_moderator = make_comment(article, moderator)
    # Staff posting anonymously stay anonymous: no moderator mark.
    anonymous_moderator = make_comment(article, moderator, is_anonymous=True)
    pretending = [
        make_comment(article, make_user(username, display_name=name))
        for username, name in [
            ("pretender", "Anonymous member"),
            ("sam", "Sam (moderator)"),
            ("markup", '<span class="comment__badge comment__badge--moderator">'),
        ]
    ]
    if viewer:
        client.force_login(bob)

    for _ in range(2):  # the second signed-out read comes from the cache
        html = raw_page(client)
        assert badges(comment_html(html, anonymous)) == ["anonymous"]
        assert badges(comment_html(html, anonymous_moderator)) == ["anonymous"]
        assert badges(comment_html(html, by_moderator)) == ["moderator"]
        for comment in pretending:
            assert badges(comment_html(html, comment)) == []


def test_it_makes_the_marks_an_icon_and_words_for_screen_readers(
    client, article, writer
):
    make_comment(article, writer, is_anonymous=True)
    make_comment(article, make_user("staffer", is_staff=True))

    html = raw_page(client)

    marks = re.findall(
        r'<span class="comment__badge comment__badge--(\w+)">'
        r"(<svg .*?</svg>)(.*?)</span>",
        html,
        re.S,
    )
    assert [(kind, words) for kind, _, words in marks] == [
        ("anonymous", '<span class="visually-hidden">Posted anonymously'),
        ("moderator", "Moderator"),
    ]
    for _, icon, _ in marks:
        assert icon.startswith('<svg class="comment__badge-icon" aria-hidden="true"')


def test_it_gives_a_deleted_comment_no_mark(client, article, moderator, bob):

    top = make_comment(article, moderator)
    make_comment(article, bob, top)
    posting.delete_comment(comment=top, user=moderator)

    assert badges(comment_html(raw_page(client), top)) == []


# Blocks ---------------------------------------------------------------------------


def test_it_folds_away_comments_by_someone_she_blocked(client, article, alice, bob):
    comment = make_comment(article, bob, body="Words by Bob")
    Block.objects.create(blocker=alice, blocked=bob)
    client.force_login(alice)

    html = discussion(page(client))

    folded = re.search(
        rf'id="comment-{comment.pk}".*?<details class="comment__blocked">\s*'
        r"<summary>.*?You blocked this person\..*?Show</span></summary>"
        r"(.*?)</details>",
        html,
        re.S,
    )
    assert folded
    assert "Words by Bob" in folded.group(1)


def test_it_folds_only_for_the_one_who_blocked(client, article, alice, bob, charlie):
    make_comment(article, bob)
    Block.objects.create(blocker=alice, blocked=bob)

    client.force_login(charlie)
    assert "You blocked this person" not in page(client)
    client.logout()
    assert "You blocked this person" not in page(client)

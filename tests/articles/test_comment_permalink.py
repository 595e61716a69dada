"""Comment permalinks, /articles/<slug>/c/<id>/: a redirect to the page that shows
the comment (oldest first), ending in #comment-<id>."""

import pytest

from articles.models import Comment
from tests.articles.comment_factory import make_comment, make_thread
from tests.articles.factory import make_article

pytestmark = pytest.mark.django_db

ARTICLE = "/articles/finding-your-voice/"


def permalink(comment) -> str:
    return f"/articles/finding-your-voice/c/{comment.pk}/"


def location(client, comment) -> str:
    response = client.get(permalink(comment))
    assert response.status_code == 302
    return response["Location"]


def test_it_goes_to_the_page_that_holds_a_top_level_comment(client, article, alice):
    tops = [make_comment(article, alice) for _ in range(45)]

    assert location(client, tops[29]) == f"{ARTICLE}?page=2#comment-{tops[29].pk}"
    assert location(client, tops[0]) == f"{ARTICLE}#comment-{tops[0].pk}"
    assert location(client, tops[19]) == f"{ARTICLE}#comment-{tops[19].pk}"
    assert location(client, tops[20]) == f"{ARTICLE}?page=2#comment-{tops[20].pk}"
    assert location(client, tops[44]) == f"{ARTICLE}?page=3#comment-{tops[44].pk}"


def test_it_names_a_page_that_shows_the_comment(client, article, alice):
    tops = [make_comment(article, alice) for _ in range(45)]

    address = location(client, tops[29])

    html = client.get(address.split("#")[0]).content.decode()
    assert f'id="comment-{tops[29].pk}"' in html


def test_it_sends_a_reply_to_the_page_of_its_thread(client, article, alice, bob):
    tops = [make_comment(article, alice) for _ in range(45)]
    reply = make_comment(article, bob, tops[42])
    answer = make_comment(article, alice, reply)

    assert location(client, answer) == f"{ARTICLE}?page=3#comment-{answer.pk}"


def test_it_does_not_count_held_comments_for_the_page(client, article, alice, bob):
    for _ in range(15):
        make_comment(article, bob, status=Comment.Status.HELD)
    tops = [make_comment(article, alice) for _ in range(21)]

    assert location(client, tops[19]) == f"{ARTICLE}#comment-{tops[19].pk}"


def test_it_sends_a_deep_reply_to_its_thread_page(client, article, alice):
    top, line = make_thread(article, alice, replies=14, branching=1)
    depth_six, depth_seven, depth_twelve, depth_thirteen = (
        line[5],
        line[6],
        line[11],
        line[12],
    )
    thread = "/articles/finding-your-voice/comments/"

    assert location(client, depth_six) == f"{ARTICLE}#comment-{depth_six.pk}"
    assert (
        location(client, depth_seven)
        == f"{thread}{depth_six.pk}/#comment-{depth_seven.pk}"
    )
    assert (
        location(client, depth_twelve)
        == f"{thread}{depth_six.pk}/#comment-{depth_twelve.pk}"
    )
    assert (
        location(client, depth_thirteen)
        == f"{thread}{depth_twelve.pk}/#comment-{depth_thirteen.pk}"
    )


def test_it_sends_a_reply_cut_from_the_article_page_to_its_thread_page(
    client, article, alice
):
    big, replies = make_thread(article, alice, replies=300)
    thread = f"/articles/finding-your-voice/comments/{big.pk}/"

    assert location(client, replies[10]) == f"{ARTICLE}#comment-{replies[10].pk}"
    # 199 of 300 fit on the article page; the thread page has 20 replies a page.
    assert location(client, replies[198]) == f"{ARTICLE}#comment-{replies[198].pk}"
    assert (
        location(client, replies[199]) == f"{thread}?page=10#comment-{replies[199].pk}"
    )
    assert (
        location(client, replies[250]) == f"{thread}?page=13#comment-{replies[250].pk}"
    )
    html = client.get(f"{thread}?page=13").content.decode()
    assert f'id="comment-{replies[250].pk}"' in html


def test_it_lands_every_permalink_on_a_page_that_shows_it(client, article, alice, bob):
    small = make_comment(article, bob)
    for _ in range(3):
        make_comment(article, alice, small)
    _, nested = make_thread(article, alice, replies=9, branching=1)
    big, replies = make_thread(article, bob, replies=250)
    make_thread(article, alice, replies=30, parent=replies[230], branching=1)

    for comment in Comment.objects.all():
        address = location(client, comment)
        path, anchor = address.split("#")
        html = client.get(path).content.decode()
        assert f'id="{anchor}"' in html, (comment.pk, comment.depth, address)


def test_it_404s_when_she_may_not_see_the_comment(
    client, article, alice, bob, moderator
):
    held = make_comment(article, alice, status=Comment.Status.HELD)
    under_held = make_comment(article, bob, held)
    hidden = make_comment(article, alice, status=Comment.Status.HIDDEN)
    under_hidden = make_comment(article, bob, hidden)

    for comment in (held, under_held):
        assert client.get(permalink(comment)).status_code == 404
    client.force_login(bob)
    assert client.get(permalink(held)).status_code == 404

    client.force_login(alice)
    assert location(client, held) == f"{ARTICLE}#comment-{held.pk}"
    # A hidden comment keeps its place ("Removed by a moderator"), and so do
    # the replies under it.
    client.logout()
    assert location(client, hidden) == f"{ARTICLE}#comment-{hidden.pk}"
    assert location(client, under_hidden) == f"{ARTICLE}#comment-{under_hidden.pk}"


def test_it_404s_for_another_articles_comment(client, article, alice):
    other = make_article("Other", slug="other")
    comment = make_comment(other, alice)

    assert client.get(permalink(comment)).status_code == 404
    assert client.get("/articles/finding-your-voice/c/999999/").status_code == 404


def test_it_gives_a_deleted_placeholder_a_permalink(client, article, alice, bob):
    gone = make_comment(article, alice, status=Comment.Status.DELETED)
    make_comment(article, bob, gone)

    assert location(client, gone) == f"{ARTICLE}#comment-{gone.pk}"


def test_it_rejects_post(client, article, alice):
    comment = make_comment(article, alice)

    assert client.post(permalink(comment)).status_code == 405

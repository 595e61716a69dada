"""POST /comments/<id>/hide-author/: "Hide comments from this person" on an
anonymous comment. Clover hides the author of an anonymous comment that Maya
wrote. Clover never learns it is Maya: the answer, the block list and her view
of Maya's NAMED comments show nothing of it; only the anonymous comments fold.
Maya notices nothing."""

import re
from html import unescape

import pytest
from django.test import Client

from accounts.models import Block, Notification
from articles.comments import posting
from tests.articles.discussion_pages import page
from tests.conftest import make_user, messages_of, submit_form

URL = "/articles/finding-your-voice/"
HIDDEN_NOTE = "You hid this person's comments."


@pytest.fixture
def clover(db):
    return make_user("clover", display_name="Clover")


@pytest.fixture
def maya(db):
    return make_user("maya", display_name="Maya")


def post(author, article, body, **kwargs):
    return posting.post_comment(article=article, author=author, body=body, **kwargs)


def fragment(html: str, comment_id: int) -> str:
    match = re.search(
        rf'<article class="comment[^"]*" id="comment-{comment_id}".*?</article>',
        html,
        re.S,
    )
    assert match, comment_id
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", match.group(0))


def hide(client, comment):
    return client.post(f"/comments/{comment.pk}/hide-author/")


def test_it_requires_login(client, article, maya):
    comment = post(maya, article, "Anonymous words.", is_anonymous=True)

    response = hide(client, comment)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not Block.objects.exists()


def test_it_rejects_get(client, article, clover, maya):
    comment = post(maya, article, "Anonymous words.", is_anonymous=True)
    client.force_login(clover)

    assert client.get(f"/comments/{comment.pk}/hide-author/").status_code == 405


def test_it_hides_from_the_report_page(article, clover, maya):
    comment = post(maya, article, "Anonymous words.", is_anonymous=True)

    response = submit_form(
        clover,
        f"/comments/{comment.pk}/report/",
        f"/comments/{comment.pk}/hide-author/",
    )

    assert response.status_code == 302
    block = Block.objects.get()
    assert (block.blocker, block.blocked, block.via_anonymous_comment) == (
        clover,
        maya,
        True,
    )


def test_it_answers_without_naming_anyone(client, article, clover, maya):
    comment = post(maya, article, "Anonymous words.", is_anonymous=True)
    client.force_login(clover)

    response = hide(client, comment)

    said = " ".join(
        [response["Location"], response.content.decode(), *messages_of(response)]
    ).lower()
    assert "maya" not in said
    assert response["Location"] == f"/articles/finding-your-voice/c/{comment.pk}/"
    assert messages_of(response) == [
        "This person's anonymous comments are folded away for you now. They are "
        "not told. You can undo it from People you've blocked."
    ]


def test_it_folds_only_the_authors_anonymous_comments(client, article, clover, maya):
    first = post(maya, article, "Anonymous words.", is_anonymous=True)
    second = post(maya, article, "More anonymous words.", is_anonymous=True)
    named = post(maya, article, "Maya's named words.")
    other = post(make_user("rowan"), article, "Rowan, anonymously.", is_anonymous=True)
    client.force_login(clover)
    named_before = fragment(page(client), named.pk)

    hide(client, first)

    html = page(client)
    assert HIDDEN_NOTE in fragment(html, first.pk)
    assert HIDDEN_NOTE in fragment(html, second.pk)
    assert HIDDEN_NOTE not in fragment(html, other.pk)
    # Her named comments stay exactly as they were: nothing to correlate.
    assert fragment(html, named.pk) == named_before
    assert "You blocked this person" not in html


def test_it_shows_an_anonymous_member_in_her_block_list(client, article, clover, maya):
    comment = post(maya, article, "Anonymous words.", is_anonymous=True)
    client.force_login(clover)
    hide(client, comment)

    html = unescape(client.get("/accounts/blocked/").content.decode())

    assert "An anonymous member" in html
    assert "maya" not in html.lower()
    assert "/u/" not in html


def test_it_keeps_a_named_block_and_an_anonymous_one_apart(
    client, article, clover, maya
):
    comment = post(maya, article, "Anonymous words.", is_anonymous=True)
    client.force_login(clover)
    hide(client, comment)

    client.post("/u/maya/block/")
    client.post("/u/maya/unblock/")

    assert Block.objects.get().via_anonymous_comment
    assert "An anonymous member" in client.get("/accounts/blocked/").content.decode()


def test_it_undoes_the_block_from_her_list(client, article, clover, maya):
    comment = post(maya, article, "Anonymous words.", is_anonymous=True)
    client.force_login(clover)
    hide(client, comment)
    block = Block.objects.get()

    response = submit_form(
        clover, "/accounts/blocked/", f"/accounts/blocked/{block.pk}/remove/"
    )

    assert response.status_code == 302
    assert not Block.objects.exists()
    assert HIDDEN_NOTE not in page(client)


def test_it_lets_nobody_else_undo_her_block(client, article, clover, maya):
    comment = post(maya, article, "Anonymous words.", is_anonymous=True)
    client.force_login(clover)
    hide(client, comment)
    block = Block.objects.get()
    client.force_login(maya)

    response = client.post(f"/accounts/blocked/{block.pk}/remove/")

    assert response.status_code == 404
    assert Block.objects.exists()


@pytest.mark.parametrize("case", ["named", "own"])
def test_it_refuses_what_it_cannot_hide_alike(client, article, clover, maya, case):
    author = clover if case == "own" else maya
    comment = post(author, article, "Words.", is_anonymous=case != "named")
    client.force_login(clover)

    response = hide(client, comment)

    assert response.status_code == 302
    assert messages_of(response) == ["This comment's author can't be hidden."]
    assert not Block.objects.exists()


def test_it_404s_for_a_comment_she_cannot_see(client, article, clover, maya):
    comment = post(maya, article, "Anonymous words.", is_anonymous=True)
    comment.status = comment.Status.HELD
    comment.save(update_fields=["status"])
    client.force_login(clover)

    assert hide(client, comment).status_code == 404
    assert not Block.objects.exists()


def test_it_changes_nothing_for_the_author(client, article, clover, maya):
    hidden = post(maya, article, "Anonymous words.", is_anonymous=True)
    by_clover = post(clover, article, "Clover's named words.")
    maya_client = Client()
    maya_client.force_login(maya)
    maya_client.get(URL)  # a first visit shows the exit notice once
    before = re.sub(r'value="[^"]*"', "", page(maya_client))
    client.force_login(clover)

    hide(client, hidden)

    after = re.sub(r'value="[^"]*"', "", page(maya_client))
    assert after == before
    # She can still reply to Clover and @mention her, and Clover is told.
    reply = post(maya, article, "Thank you @clover.", parent=by_clover)
    assert reply.is_visible
    assert Notification.objects.filter(recipient=clover, kind="comment_reply").exists()


def test_it_stops_her_anonymous_replies_and_mentions_notifying_the_one_who_hid_her(
    client, article, clover, maya
):
    hidden = post(maya, article, "Anonymous words.", is_anonymous=True)
    by_clover = post(clover, article, "Clover's named words.")
    client.force_login(clover)
    hide(client, hidden)

    post(maya, article, "Anonymous reply.", parent=by_clover, is_anonymous=True)
    post(maya, article, "Anonymous hello @clover.", is_anonymous=True)

    assert not Notification.objects.filter(recipient=clover).exists()
    # Someone else's anonymous reply still reaches her.
    rowan = make_user("rowan")
    post(rowan, article, "Another reply.", parent=by_clover, is_anonymous=True)
    assert Notification.objects.filter(recipient=clover).count() == 1

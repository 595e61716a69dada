"""Blocks in the discussion, as the people involved can observe them. Clover
blocks Maya. On Clover's NAMED comments Maya meets an ordinary refusal; on
ANONYMOUS comments the block changes nothing Maya can see (her replies are
accepted and simply never reach Clover), so an abuser whom a survivor blocked
cannot use it to list her anonymous comments. The block never unmasks an
anonymous author to the blocker either."""

import re
from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.test import Client

from accounts.models import Block, Notification
from articles.comments import posting
from articles.models import Comment
from tests.conftest import make_user

URL = "/articles/finding-your-voice/"
# Values that differ between two otherwise identical answers.
_VARYING_INPUTS = re.compile(
    r'(name="(?:csrfmiddlewaretoken|submission_key)" value=")[^"]*"'
)


@pytest.fixture
def clover(db):
    """She blocked Maya."""
    return make_user("clover", display_name="Clover")


@pytest.fixture
def maya(db):
    """Blocked by Clover."""
    return make_user("maya", display_name="Maya")


@pytest.fixture
def rowan(db):
    """Blocked nobody."""
    return make_user("rowan", display_name="Rowan")


def post(author, article, body, **kwargs) -> Comment:
    return posting.post_comment(article=article, author=author, body=body, **kwargs)


def normalised(text: str) -> str:
    """The answer with ids, tokens and keys taken out."""
    return re.sub(r"\d+", "N", _VARYING_INPUTS.sub(r'\1"', unescape(text)))


def comment_fragment(html: str, comment_id: int) -> str:
    match = re.search(
        rf'<article class="comment[^"]*" id="comment-{comment_id}".*?</article>',
        html,
        re.S,
    )
    assert match, f"comment {comment_id} is not on the page"
    return match.group(0)


def observed(response, fragment_of: int | None = None) -> dict:
    """What she can observe of an answer: status, headers (htmx's HX-* among
    them), cookies, body and the messages it queued."""
    body = response.content.decode()
    if fragment_of is not None:
        body = comment_fragment(body, fragment_of)
    return {
        "status": response.status_code,
        "headers": {
            name: normalised(value)
            for name, value in response.headers.items()
            # Every response has its own request id, whoever asks.
            if name not in {"Content-Length", "X-Request-ID"}
        },
        "cookies": sorted(response.cookies),
        "body": normalised(body),
        "messages": [
            (message.level, normalised(str(message)))
            for message in get_messages(response.wsgi_request)
        ],
    }


def everything_she_does(client, article, parent: Comment) -> dict:
    """Every way the blocked person can meet an anonymous comment, as she
    observes it: the thread, the reply form (plain and htmx), refusals, posting,
    helpful marks, reports, the permalink, editing and deleting her reply."""
    thread = f"/articles/finding-your-voice/comments/{parent.pk}/"
    create = "/articles/finding-your-voice/comments/"
    htmx = {"HTTP_HX_REQUEST": "true"}
    seen = {}
    seen["article page"] = observed(client.get(URL), parent.pk)
    seen["thread page"] = observed(client.get(thread))
    seen["permalink"] = observed(
        client.get(f"/articles/finding-your-voice/c/{parent.pk}/")
    )
    reply_form = f"{URL}?reply={parent.pk}"
    seen["reply form"] = observed(client.get(reply_form), parent.pk)
    seen["htmx reply form"] = observed(client.get(reply_form, **htmx), parent.pk)
    empty = {"body": " ", "parent": parent.pk, "submission_key": f"k0-{parent.pk}"}
    seen["refused reply"] = observed(client.post(create, empty))
    seen["htmx refused reply"] = observed(client.post(create, empty, **htmx))
    data = {
        "body": "I hear you.",
        "parent": parent.pk,
        "submission_key": f"k1-{parent.pk}",
    }
    seen["reply"] = observed(client.post(create, data))
    data = {"body": "Me too.", "parent": parent.pk, "submission_key": f"k2-{parent.pk}"}
    seen["htmx reply"] = observed(client.post(create, data, **htmx))
    data = {
        "body": "Anonymously, me too.",
        "parent": parent.pk,
        "submission_key": f"k3-{parent.pk}",
        "is_anonymous": "on",
    }
    seen["anonymous htmx reply"] = observed(client.post(create, data, **htmx))
    helpful = f"/comments/{parent.pk}/helpful/"
    seen["htmx helpful"] = observed(client.post(helpful, {"mark": "1"}, **htmx))
    seen["helpful"] = observed(client.post(helpful, {"mark": "0"}))
    report = f"/comments/{parent.pk}/report/"
    seen["report form"] = observed(client.get(report))
    seen["report"] = observed(client.post(report, {"reason": "other"}))
    seen["thread page with her replies"] = observed(client.get(thread))
    reply = Comment.objects.get(parent=parent, body="I hear you.")
    edit = f"/comments/{reply.pk}/edit/"
    seen["edit form"] = observed(client.get(edit))
    seen["edit"] = observed(client.post(edit, {"body": "I hear you, truly."}))
    delete = f"/comments/{reply.pk}/delete/"
    seen["delete form"] = observed(client.get(delete))
    seen["delete"] = observed(client.post(delete))
    return seen


def test_it_answers_her_on_a_blockers_anonymous_comment_as_on_anyone_elses(
    article, clover, maya, rowan
):
    by_clover = post(clover, article, "My story.", is_anonymous=True)
    by_rowan = post(rowan, article, "My story.", is_anonymous=True)
    Block.objects.create(blocker=clover, blocked=maya)

    answers = []
    for parent in (by_clover, by_rowan):
        client = Client()
        client.force_login(maya)
        client.get(URL)  # a first visit sets cookies of its own
        answers.append(everything_she_does(client, article, parent))

    on_blockers, on_others = answers
    for step, answer in on_blockers.items():
        assert answer == on_others[step], step
    assert on_blockers["reply"]["status"] == 302
    assert on_blockers["htmx reply"]["status"] == 200
    assert Comment.objects.filter(parent=by_clover).count() == 2


def test_it_never_brings_her_replies_to_a_blockers_anonymous_comment_to_the_blocker(
    client, article, clover, maya, rowan
):
    by_clover = post(clover, article, "Clover's story.", is_anonymous=True)
    Block.objects.create(blocker=clover, blocked=maya)
    client.force_login(maya)

    response = client.post(
        "/articles/finding-your-voice/comments/",
        {"body": "Words from Maya.", "parent": by_clover.pk, "submission_key": "k"},
    )

    assert response.status_code == 302
    reply = Comment.objects.get(parent=by_clover)
    assert not Notification.objects.filter(recipient=clover).exists()
    # Everyone else reads it...
    client.force_login(rowan)
    assert "Words from Maya." in client.get(URL).content.decode()
    # ...Clover finds it folded away, as every comment of Maya's.
    client.force_login(clover)
    html = client.get(URL).content.decode()
    folded = re.search(
        rf'id="comment-{reply.pk}".*?<details class="comment__blocked">'
        r"(.*?)</details>",
        html,
        re.S,
    )
    assert folded
    assert "Words from Maya." in folded.group(1)
    assert "Words from Maya." not in html.replace(folded.group(1), "")


def test_it_refuses_a_reply_to_a_blockers_named_comment_as_any_unrepliable_one(
    client, article, clover, maya, rowan
):
    named = post(clover, article, "Clover, named.")
    # An ordinary refusal: a "[deleted]" placeholder can't be replied to.
    gone = post(rowan, article, "Soon gone.")
    post(clover, article, "A reply keeps the placeholder.", parent=gone)
    posting.delete_comment(comment=gone, user=rowan)
    Block.objects.create(blocker=clover, blocked=maya)
    client.force_login(maya)
    client.get(URL)  # a first visit sets cookies of its own

    def attempt(parent, **headers):
        data = {"body": "A reply.", "parent": parent.pk, "submission_key": "k"}
        return client.post("/articles/finding-your-voice/comments/", data, **headers)

    blocked_htmx = attempt(named, HTTP_HX_REQUEST="true")
    ordinary_htmx = attempt(gone, HTTP_HX_REQUEST="true")
    assert observed(blocked_htmx) == observed(ordinary_htmx)
    assert "block" not in blocked_htmx.content.decode().lower()
    assert "This comment can&#x27;t be replied to." in blocked_htmx.content.decode()

    blocked, ordinary = attempt(named), attempt(gone)
    assert blocked.status_code == ordinary.status_code == 400
    errors = re.compile(r'<div class="form-errors" role="alert">.*?</div>', re.S)
    assert errors.findall(blocked.content.decode()) == errors.findall(
        ordinary.content.decode()
    )

    with pytest.raises(ValidationError) as refused_blocked:
        post(maya, article, "A reply.", parent=named)
    with pytest.raises(ValidationError) as refused_ordinary:
        post(maya, article, "A reply.", parent=Comment.objects.get(pk=gone.pk))
    assert refused_blocked.value.messages == refused_ordinary.value.messages
    assert refused_blocked.value.code == refused_ordinary.value.code == "not_visible"
    assert not Comment.objects.filter(author=maya).exists()


def test_it_shows_her_an_anonymous_comment_by_someone_she_blocked_like_any_other(
    client, article, clover, maya, rowan
):
    # Folding it, or leaving out its notification, would tell Clover (or an
    # abuser who blocks a survivor to find her out) who wrote it.
    hers = post(clover, article, "Clover's comment.", is_anonymous=True)
    Block.objects.create(blocker=clover, blocked=maya)
    comments = {}
    for author in (maya, rowan):
        comments[author.username] = [
            post(author, article, "Me too.", parent=hers, is_anonymous=True),
            post(author, article, "Thanks, @clover.", is_anonymous=True),
        ]

    def notifications(comment):
        return list(
            Notification.objects.filter(
                recipient=clover, url=comment.get_absolute_url()
            ).values_list("kind", "message")
        )

    for from_maya, from_rowan in zip(comments["maya"], comments["rowan"], strict=True):
        assert notifications(from_maya) == notifications(from_rowan) != []
    client.force_login(clover)
    html = client.get(URL).content.decode()
    for from_maya, from_rowan in zip(comments["maya"], comments["rowan"], strict=True):
        assert normalised(comment_fragment(html, from_maya.pk)) == normalised(
            comment_fragment(html, from_rowan.pk)
        )
    assert "You blocked this person" not in html


def test_it_changes_nothing_she_can_observe_when_her_anonymous_comment_is_hidden(
    article, clover, maya
):
    """Clover hides the author of one of Maya's anonymous comments. Maya meets
    Clover's named comments exactly as before."""
    post(maya, article, "Maya, anonymously.", is_anonymous=True)
    # Digits differ (the page's ids do too); the tests compare without them.
    before = post(clover, article, "My story, part 1.")
    after = post(clover, article, "My story, part 2.")
    seen = []
    for parent in (before, after):
        if parent is after:
            Block.objects.create(
                blocker=clover, blocked=maya, via_anonymous_comment=True
            )
        client = Client()
        client.force_login(maya)
        client.get(URL)  # a first visit sets cookies of its own
        seen.append(everything_she_does(client, article, parent))
    seen_before, seen_after = seen

    for step, answer in seen_before.items():
        assert answer == seen_after[step], step
    assert seen_after["reply"]["status"] == 302

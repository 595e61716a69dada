"""The comment form at the foot of the discussion
(articles/includes/comment_form.html) and what it explains."""

import re

from django.template.loader import render_to_string
from django.test import RequestFactory

from articles.comments import posting
from articles.forms import CommentForm
from tests.articles.factory import make_article
from tests.conftest import make_user

# The form at the foot of the discussion (articles/includes/comment_form.html) ---


def render_form(user, article, **form_kwargs):
    request = RequestFactory().get(article.get_absolute_url())
    request.user = user
    form = CommentForm(article=article, user=user, **form_kwargs)
    return render_to_string(
        "articles/includes/comment_form.html",
        {"form": form, "article": article, "user": user, "csrf_token": "t0k3n"},
        request=request,
    )


def test_it_asks_visitors_to_sign_in(article):
    from django.contrib.auth.models import AnonymousUser

    html = render_form(AnonymousUser(), article)

    assert "Sign in to join the discussion" in html
    assert "/accounts/login/?next=/articles/finding-your-voice/%23discussion" in html
    assert "<textarea" not in html


def test_it_says_when_comments_are_closed(alice, db):
    closed = make_article("Closed", comments_open=False)

    html = render_form(alice, closed)

    assert "Comments are closed on this article." in html
    assert "<textarea" not in html


def test_it_explains_an_unverified_email_address(article):
    dana = make_user("dana", verified=False)

    html = render_form(dana, article)

    assert "Please confirm your e-mail address" in html
    assert "<textarea" not in html


def test_it_leads_to_the_guidelines_page_and_back(article):
    erin = make_user("erin", guidelines_accepted_at=None)

    html = render_form(erin, article)

    assert "community guidelines" in html
    assert (
        'href="/accounts/guidelines/accept/'
        '?next=/articles/finding-your-voice/%23discussion"'
    ) in html
    assert "<textarea" not in html


def test_it_reminds_her_not_to_share_identifying_details(alice, article):
    html = render_form(alice, article)

    assert "<textarea" in html
    assert (
        "Please don&#x27;t share names, addresses, phone numbers or other details "
        "that could identify anyone, including you."
        in html
        or "Please don't share names, addresses, phone numbers or other details "
        "that could identify anyone, including you."
        in html
    )
    assert 'name="csrfmiddlewaretoken" value="t0k3n"' in html
    assert "Post anonymously: shown as “Anonymous member”" in html


def test_it_hides_the_honeypot_from_people(alice, article):
    html = render_form(alice, article)

    trap = re.search(
        r'<div class="comment-form__trap" aria-hidden="true">(.*?)</div>', html, re.S
    )
    assert trap
    assert "Leave this field empty" in trap.group(1)
    assert 'name="website"' in trap.group(1)
    assert 'tabindex="-1"' in trap.group(1)
    assert 'autocomplete="off"' in trap.group(1)


def test_it_gives_each_form_its_own_submission_key(alice, article):
    keys = {
        re.search(
            r'name="submission_key" value="([^"]+)"', render_form(alice, article)
        ).group(1)
        for _ in range(3)
    }

    assert len(keys) == 3


def test_it_gives_a_reply_form_its_own_ids_and_anchor(alice, bob, article):
    parent = posting.post_comment(article=article, author=bob, body="First.")

    html = render_form(alice, article, reply_to=parent)

    assert f'id="reply-{parent.pk}"' in html
    assert f'id="id_reply-{parent.pk}_body"' in html
    assert f'name="parent" value="{parent.pk}"' in html
    assert "Post reply" in html

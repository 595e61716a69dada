"""The signed-in article page from shared parts (issue: signed-in pages reuse
viewer-independent fragments): the article, its related groups and articles
(articles.views.articles.article_parts) and the posting form
(articles.comments.rendering.comment_form_html) are rendered once and shared,
under the same cache tags as the signed-out page. Every change made through the
services shows on the next request, signed in or not, and nothing of one reader
(her token, her form's submission key, why she can't post) reaches another."""

import re
from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core import signing
from django.test import Client
from django.utils import timezone

from articles import caching
from articles.comments.rendering import CSRF_PLACEHOLDER, SUBMISSION_KEY_PLACEHOLDER
from articles.models import Article, Comment
from groups import moderation as group_moderation
from groups import searched_place
from groups.models import Group, Topic
from tests.articles.comment_factory import make_comment
from tests.articles.factory import make_article, make_draft
from tests.conftest import make_group, make_meeting, make_place, make_user

pytestmark = pytest.mark.django_db

ABUSE = "domestic-abuse"
URL = "/articles/finding-your-voice/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.GROUP_LISTING_CACHE_SECONDS = 300


def page(client, url=URL) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def signed_in(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


def form_values(html: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}" value="([^"]*)"', html)


def related(html: str) -> str:
    match = re.search(r'<section class="article-related".*?</section>', html, re.S)
    return match.group(0) if match else ""


def topics(*slugs):
    return list(Topic.objects.filter(slug__in=slugs))


# The posting form -------------------------------------------------------------------


def test_it_gives_each_reader_her_own_token_and_submission_key(article, bob, charlie):
    bob_client = signed_in(bob, enforce_csrf_checks=True)
    charlie_client = signed_in(charlie, enforce_csrf_checks=True)

    first, again = page(bob_client), page(bob_client)
    theirs = page(charlie_client)

    for html in (first, again, theirs):
        assert "<textarea" in html
        assert str(CSRF_PLACEHOLDER) not in html
        assert str(SUBMISSION_KEY_PLACEHOLDER) not in html
    keys = [form_values(html, "submission_key")[0] for html in (first, again, theirs)]
    assert len(set(keys)) == 3
    # Each token is good for her own session only (the form posts).
    for client, html, body in (
        (bob_client, again, "Bob's words"),
        (charlie_client, theirs, "Charlie's words"),
    ):
        data = {
            "csrfmiddlewaretoken": form_values(html, "csrfmiddlewaretoken")[0],
            "submission_key": form_values(html, "submission_key")[0],
            "body": body,
        }
        response = client.post(f"{URL}comments/", data)
        assert response.status_code == 302
    assert set(Comment.objects.values_list("body", flat=True)) == {
        "Bob's words",
        "Charlie's words",
    }


def test_her_second_comment_from_a_reloaded_page_is_not_a_double_submit(article, bob):
    client = signed_in(bob)
    for body in ("First thought", "Second thought"):
        key = form_values(page(client), "submission_key")[0]
        response = client.post(f"{URL}comments/", {"body": body, "submission_key": key})
        assert response.status_code == 302

    assert Comment.objects.filter(author=bob).count() == 2


def test_a_reader_without_a_verified_address_is_told_why_at_once(article, bob):
    dana = make_user("dana", verified=False)
    page(signed_in(bob))  # The form is shared from here on.
    client = signed_in(dana)

    html = page(client)
    assert "Please confirm your e-mail address" in html
    assert "<textarea" not in html

    EmailAddress.objects.filter(user=dana).update(verified=True)
    assert "<textarea" in page(client)

    EmailAddress.objects.filter(user=dana).update(verified=False)
    assert "Please confirm your e-mail address" in page(client)


def test_a_reader_who_has_not_accepted_the_guidelines_is_led_to_them(article, bob):
    erin = make_user("erin", guidelines_accepted_at=None)
    page(signed_in(bob))

    html = page(signed_in(erin))

    assert "Read and agree to the community guidelines" in html
    assert "<textarea" not in html


def test_closing_comments_shows_at_once(article, bob):
    client = signed_in(bob)
    page(client)

    Article.objects.filter(pk=article.pk).update(comments_open=False)

    html = page(client)
    assert "Comments are closed for this article." in html
    assert "<textarea" not in html


def test_a_signed_out_reader_is_asked_to_sign_in(article, bob):
    page(signed_in(bob))

    html = page(Client())

    assert "Sign in to join the discussion" in html
    assert "<textarea" not in html
    assert "csrfmiddlewaretoken" not in html


# The shared parts -------------------------------------------------------------------


def test_a_signed_in_reader_costs_few_queries(
    article, bob, django_assert_max_num_queries
):
    make_article("Also on it", topics=topics(ABUSE))
    article.topics.set(topics(ABUSE))
    make_group(name="Online circle", format=Group.Format.ONLINE, topics=topics(ABUSE))
    client = signed_in(bob)
    page(client)

    # Her session and account, and the article (with whether she may post and
    # whether the members' discussion page is hers): nothing for its parts.
    with django_assert_max_num_queries(3):
        html = page(client)
    assert "Also on it" in html
    assert "Online circle" in html


def test_an_edit_shows_to_signed_in_readers_at_once(article, bob):
    client = signed_in(bob)
    page(client)

    Article.objects.filter(pk=article.pk).update(body_html="<p>Newly written.</p>")
    caching.articles_changed(article.slug)  # What the admin calls.

    assert "Newly written." in page(client)


def test_a_newly_published_related_article_shows_at_once(article, bob):
    draft = make_draft("Brand new")
    client = signed_in(bob)
    anonymous = Client()
    assert "Brand new" not in related(page(client))
    assert "Brand new" not in related(page(anonymous))

    draft.publish()

    assert "Brand new" in related(page(client))
    assert "Brand new" in related(page(anonymous))


def test_a_scheduled_related_article_shows_when_its_time_comes(article, bob):
    make_article("Out soon", published_at=timezone.now() + timedelta(hours=2))
    client = signed_in(bob)
    anonymous = Client()
    assert "Out soon" not in related(page(client))
    assert "Out soon" not in related(page(anonymous))

    with time_machine.travel(timezone.now() + timedelta(hours=3)):
        assert "Out soon" in related(page(client))
        assert "Out soon" in related(page(anonymous))


def test_a_related_articles_new_comment_counts_at_once(
    article, bob, django_capture_on_commit_callbacks
):
    other = make_article("Other")
    client = signed_in(bob)
    anonymous = Client()
    assert "1 comment" not in related(page(client))
    assert "1 comment" not in related(page(anonymous))

    with django_capture_on_commit_callbacks(execute=True):
        make_comment(other, bob)

    assert "1 comment" in related(page(client))
    assert "1 comment" in related(page(anonymous))


def test_a_newly_approved_group_shows_at_once(
    article, bob, moderator, django_capture_on_commit_callbacks
):
    article.topics.set(topics(ABUSE))
    caching.articles_changed(article.slug)
    pending = make_group(
        name="Just approved",
        format=Group.Format.ONLINE,
        topics=topics(ABUSE),
        status=Group.Status.PENDING,
    )
    client = signed_in(bob)
    assert "Just approved" not in page(client)

    with django_capture_on_commit_callbacks(execute=True):
        group_moderation.approve_group(group=pending, moderator=moderator)

    assert "Just approved" in page(client)


def test_a_group_cards_next_meeting_moves_on_once_it_starts(article, bob):
    article.topics.set(topics(ABUSE))
    caching.articles_changed(article.slug)
    group = make_group(
        name="Online circle",
        format=Group.Format.ONLINE,
        topics=topics(ABUSE),
        schedule=False,
    )
    first = make_meeting(group, days_ahead=1)
    make_meeting(group, days_ahead=2)
    client = signed_in(bob)
    assert first.starts_at.strftime("%Y-%m-%dT%H:%M") in page(client)

    with time_machine.travel(first.starts_at + timedelta(minutes=1)):
        html = page(client)
    assert first.starts_at.strftime("%Y-%m-%dT%H:%M") not in html


def test_groups_near_you_follow_her_own_searched_place(article, bob, charlie):
    article.topics.set(topics(ABUSE))
    caching.articles_changed(article.slug)
    searcher = signed_in(bob)
    make_place("Leeds")
    searcher.cookies[searched_place.COOKIE] = signing.dumps(
        "Leeds", salt=searched_place.SALT, compress=True
    )
    html = page(searcher)
    other = page(signed_in(charlie))

    assert "within 50 km of Leeds" in html
    assert "within 50 km of" not in other


def test_a_staff_preview_is_rendered_for_her_alone(bob, plain_staff):
    draft = make_draft("Still a draft")
    url = draft.get_absolute_url()
    staff = signed_in(plain_staff)

    assert "Preview: not published" in page(staff, url)
    assert signed_in(bob).get(url).status_code == 404

    draft.publish()

    html = page(signed_in(bob), url)
    assert "Still a draft" in html
    assert "Preview: not published" not in html

"""Signed-out pages from the shared cache (groups_site.pagecache, issue 12).

Correctness, not speed: every cached page shows a change made through the normal
service on the very next signed-out request; a cached page never holds a CSRF
token, a session cookie, a name or "Sign out"; signed-in members never get one;
a signed-out visit writes nothing to the database."""

import datetime
import re

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import crisis
from articles.comments import moderation as comment_moderation
from articles.comments import posting
from articles.models import Article
from groups import moderation as group_moderation
from groups import searched_place, services
from groups.meetings import changes, rsvp
from groups.models import Group, Topic
from groups_site import pagecache
from groups_site.middleware import EXIT_NOTICE_COOKIE
from tests.articles.factory import make_article
from tests.conftest import (
    MODERATOR_TOTP_SECRET,
    give_mfa,
    log_in,
    make_group,
    make_meeting,
    make_moderator,
    make_user,
)

pytestmark = pytest.mark.django_db

HEADER = "X-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache_on(settings, client):
    settings.PAGE_CACHE_SECONDS = 600
    settings.GROUP_LISTING_CACHE_SECONDS = 300
    # She has seen the note about "Exit this page" (it shows on a first visit).
    client.cookies[EXIT_NOTICE_COOKIE] = "1"


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def text(response) -> str:
    return response.content.decode()


def served(client, url) -> str:
    """The page twice: the second answer must come from the cache."""
    get(client, url)
    response = get(client, url)
    assert response[HEADER] == "hit", url
    return text(response)


@pytest.fixture
def online_group(alice, bob):
    return make_group(
        name="Evening Online Circle",
        organizer=alice,
        members=[bob],
        format=Group.Format.ONLINE,
    )


# What a cached page may hold -------------------------------------------------


def public_urls(group, article, meeting):
    topic = Topic.objects.first()
    return [
        "/",
        "/groups/",
        "/groups/?near=Leeds",
        group.get_absolute_url(),
        f"{group.get_absolute_url()}meetings/{meeting.code}/",
        "/articles/",
        article.get_absolute_url(),
        f"/articles/topic/{topic.slug}/",
        f"/authors/{article.author.slug}/",
        "/articles/standards/",
        "/search/?q=circle",
        "/safety/",
        "/guidelines/",
        "/privacy/",
        "/about/",
        "/support/",
    ]


def test_every_public_page_is_shared_and_holds_nothing_personal(
    client, group, article, alice, bob
):
    meeting = make_meeting(group)
    posting.post_comment(article=article, author=bob, body="Glad I read this.")
    for url in public_urls(group, article, meeting):
        get(client, url)
        with CaptureQueriesContext(connection) as queries:
            response = get(client, url)
        assert response[HEADER] == "hit", url
        assert len(queries) == 0, url
        html = text(response)
        assert "csrfmiddlewaretoken" not in html, url
        assert "Sign out" not in html, url
        assert "alice" not in html and "Alice" not in html, url
        assert not response.cookies, url
        assert "Cookie" in response["Vary"], url


def test_a_signed_out_visit_writes_nothing(client, group, article):
    meeting = make_meeting(group)
    with CaptureQueriesContext(connection) as queries:
        for url in public_urls(group, article, meeting):
            get(client, url)
            get(client, url)
    writes = [
        query["sql"]
        for query in queries
        if re.match(r"\s*(INSERT|UPDATE|DELETE)", query["sql"], re.I)
    ]
    assert writes == []
    assert not Session.objects.exists()
    assert client.cookies.get("sessionid") is None


def test_members_never_get_a_shared_page(client, group, bob, article):
    get(client, group.get_absolute_url())
    get(client, article.get_absolute_url())
    client.force_login(bob)

    for url in (group.get_absolute_url(), article.get_absolute_url(), "/"):
        response = get(client, url)
        assert HEADER not in response, url
        assert response["Cache-Control"] == "private, no-store"
        assert "Sign out" in text(response)


def test_a_visitor_with_a_session_gets_her_own_page(client, group):
    """Just signed out, say, with a message waiting: rendered for her."""
    get(client, group.get_absolute_url())
    client.cookies["sessionid"] = "anything"

    response = get(client, group.get_absolute_url())

    assert HEADER not in response


def test_made_up_query_parameters_are_not_shared(client, group):
    get(client, "/groups/?utm_source=x")
    response = get(client, "/groups/?utm_source=x")

    assert HEADER not in response


def test_her_coordinates_are_never_shared(client, group):
    get(client, "/groups/?lat=53.8&lon=-1.5")
    response = get(client, "/groups/?lat=53.8&lon=-1.5")

    assert HEADER not in response


def test_the_exit_note_is_part_of_the_key(db):
    visitor = Client()
    first = get(visitor, "/about/")
    assert EXIT_NOTICE_COOKIE in first.cookies
    assert "exit-notice" in text(first)

    later = get(visitor, "/about/")  # the cookie came back: the note is gone

    assert "exit-notice" not in text(later)
    newcomer = Client()
    response = get(newcomer, "/about/")
    assert response[HEADER] == "hit"
    assert "exit-notice" in text(response)
    assert EXIT_NOTICE_COOKIE in response.cookies


def test_a_page_that_used_a_csrf_token_is_not_stored(client, db):
    get(client, "/accounts/login/")
    response = get(client, "/accounts/login/")

    assert HEADER not in response
    assert "csrfmiddlewaretoken" in text(response)


def test_the_cache_is_skipped_when_it_cannot_keep_versions(client, group, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    }
    response = get(client, group.get_absolute_url())

    assert response[HEADER] == "skip"
    assert group.name in text(response)


# Changes through the services show on the next request --------------------------


def test_home_follows_the_featured_groups(client, online_group, alice):
    assert "Evening Online Circle" in served(client, "/")

    services.set_group_status(
        organizer=alice, group=online_group, status=Group.Status.PAUSED
    )

    assert "Evening Online Circle" not in text(get(client, "/"))


def test_the_search_follows_a_group_approved(client, alice, moderator):
    pending = make_group(
        name="Harbour Women's Circle", organizer=alice, status=Group.Status.PENDING
    )
    assert "Harbour Women" not in served(client, "/groups/?near=Leeds")
    assert "Harbour Women" not in served(client, "/search/?q=harbour")

    group_moderation.approve_group(group=pending, moderator=moderator)

    assert "Harbour Women" in text(get(client, "/groups/?near=Leeds"))
    assert "Harbour Women" in text(get(client, "/search/?q=harbour"))


def test_the_group_page_follows_seats_and_cancellations(client, group, alice, bob):
    meeting = make_meeting(group, capacity=2)
    url = group.get_absolute_url()
    meeting_url = f"{url}meetings/{meeting.code}/"
    served(client, url)
    served(client, meeting_url)

    rsvp.respond(user=bob, meeting=meeting, going=True)
    rsvp.respond(user=alice, meeting=meeting, going=True)
    assert re.search(r"\bFull\b", text(get(client, url)))

    changes.cancel_meeting(organizer=alice, meeting=meeting, reason="Venue closed")

    assert "Venue closed" in text(get(client, url))
    assert "Venue closed" in text(get(client, meeting_url))


def test_the_group_page_follows_a_member_joining_a_full_group(client, alice, bob):
    group = make_group(organizer=alice, capacity=2, schedule=False)
    url = group.get_absolute_url()
    assert "This group is full" not in served(client, url)

    services.join_group(user=bob, group=group)

    assert "This group is full" in text(get(client, url))


def test_an_unlisted_groups_old_link_goes_with_its_page(client, alice):
    group = make_group(
        organizer=alice, visibility=Group.Visibility.UNLISTED, schedule=False
    )
    old_url = group.get_absolute_url()
    served(client, old_url)

    group = services.rotate_group_link(organizer=alice, group=group)

    assert client.get(old_url).status_code == 404
    assert get(client, group.get_absolute_url()).status_code == 200


def test_a_paused_group_says_so_at_once(client, group, alice):
    url = group.get_absolute_url()
    assert "taking a break" not in served(client, url)

    services.set_group_status(organizer=alice, group=group, status=Group.Status.PAUSED)

    assert "taking a break" in text(get(client, url))


def test_the_article_page_follows_its_discussion(client, article, bob, moderator):
    url = article.get_absolute_url()
    served(client, url)

    comment = posting.post_comment(article=article, author=bob, body="Thank you.")
    assert "Thank you." in text(get(client, url))

    comment_moderation.hide_comment(comment=comment, moderator=moderator, reason="x")
    assert "Thank you." not in text(get(client, url))


def test_the_thread_page_follows_replies(client, article, alice, bob):
    root = posting.post_comment(article=article, author=bob, body="Where to start?")
    url = f"{article.get_absolute_url()}comments/{root.pk}/"
    served(client, url)

    posting.post_comment(
        article=article, author=alice, body="Small steps.", parent=root
    )

    assert "Small steps." in text(get(client, url))


@pytest.fixture
def editor(db):
    """An editor in the admin: staff with every permission, two-step sign-in."""
    make_moderator(give_mfa(make_user("ed", is_staff=True, is_superuser=True)))
    editor = Client()
    log_in(editor, "ed", totp_secret=MODERATOR_TOTP_SECRET)
    return editor


def test_article_lists_follow_publishing_in_the_admin(client, article, editor):
    draft = make_article(
        "A quiet new article",
        topics=[Topic.objects.first()],
        status=Article.Status.DRAFT,
        published_at=None,
    )
    topic_url = f"/articles/topic/{Topic.objects.first().slug}/"
    author_url = f"/authors/{draft.author.slug}/"
    for url in ("/articles/", topic_url, author_url):
        assert "A quiet new article" not in served(client, url)

    editor.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [draft.pk], "index": 0},
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED

    for url in ("/articles/", topic_url, author_url):
        assert "A quiet new article" in text(get(client, url)), url


def test_article_lists_follow_a_scheduled_publish_time(client, article):
    soon = timezone.now() + datetime.timedelta(minutes=5)
    make_article("Coming in five minutes", published_at=soon)
    assert "Coming in five minutes" not in served(client, "/articles/")

    with time_machine.travel(soon + datetime.timedelta(seconds=1)):
        assert "Coming in five minutes" in text(get(client, "/articles/"))


def test_the_group_page_is_due_when_its_next_meeting_starts(client, group):
    meeting = make_meeting(group, days_ahead=1)
    url = group.get_absolute_url()
    served(client, url)

    with time_machine.travel(meeting.starts_at + datetime.timedelta(minutes=1)):
        assert get(client, url)[HEADER] == "miss"


def test_crisis_resources_follow_a_moderator(client, moderator):
    from accounts.forms import CrisisResourceForm

    assert "Harbour Helpline" not in served(client, "/support/")

    form = CrisisResourceForm(
        {
            "region": "international",
            "name": "Harbour Helpline",
            "helps_with": "Someone to talk to, day or night.",
            "phone": "0800 000 000",
            "url": "",
            "order": 1,
        }
    )
    assert form.is_valid(), form.errors
    crisis.save_resource(form=form, moderator=moderator)

    assert "Harbour Helpline" in text(get(client, "/support/"))


def test_topics_renamed_in_the_admin_show_everywhere(client, article, editor):
    topic = Topic.objects.first()
    served(client, "/")

    editor.post(
        f"/admin/groups/topic/{topic.pk}/change/",
        {"name": "Finding calm again", "slug": topic.slug},
    )

    assert "Finding calm again" in text(get(client, "/"))


# The searched place ---------------------------------------------------------------


def test_groups_near_her_last_search_are_part_of_the_key(client, article, db):
    leeds_visitor = Client()
    leeds_visitor.cookies[EXIT_NOTICE_COOKIE] = "1"
    leeds_visitor.cookies[searched_place.COOKIE] = signing.dumps(
        "Leeds", salt=searched_place.SALT, compress=True
    )
    url = article.get_absolute_url()
    served(client, url)

    response = get(leeds_visitor, url)

    assert response[HEADER] == "miss"


def test_signing_out_forgets_the_place(client, bob):
    client.force_login(bob)
    client.get("/groups/?near=Leeds")
    assert searched_place.COOKIE in client.cookies

    response = client.post("/accounts/logout/")

    assert response.cookies[searched_place.COOKIE]["max-age"] == 0


def test_the_exit_page_forgets_the_place(client, db):
    client.get("/groups/?near=Leeds")

    response = client.get("/exit/")

    assert response.cookies[searched_place.COOKIE]["max-age"] == 0


def test_versions_lost_from_the_cache_never_serve_an_old_page(client, group):
    from django.core.cache import cache

    url = group.get_absolute_url()
    served(client, url)
    cache.delete(pagecache.version_key(f"group:{group.slug}"))

    assert get(client, url)[HEADER] == "miss"


def test_another_release_never_serves_this_ones_pages(client, group, monkeypatch):
    url = group.get_absolute_url()
    served(client, url)
    monkeypatch.setattr(pagecache, "release", lambda: "another")

    assert get(client, url)[HEADER] == "miss"


def test_a_stranger_with_a_made_up_session_is_refused_nothing_and_shown_nothing(
    client, alice
):
    """A cached page for a group is the public one: an unlisted group's page is
    only reachable by its link, like before."""
    group = make_group(
        organizer=alice, visibility=Group.Visibility.UNLISTED, schedule=False
    )
    served(client, group.get_absolute_url())
    guess = group.get_absolute_url().replace(group.slug[-4:], "aaaa")

    assert client.get(guess).status_code == 404


def test_a_bot_cannot_fill_the_cache_with_unknown_paths(client, db):
    assert client.get("/groups/no-such-group/").status_code == 404
    assert HEADER not in client.get("/groups/no-such-group/")


def test_user_named_pages_are_never_shared(client, bob):
    other = make_user("delia", display_name="Delia")
    url = f"/people/{other.username}/"
    client.get(url)
    assert client.get(url).get(HEADER) is None

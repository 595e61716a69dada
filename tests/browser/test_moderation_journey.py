"""A member reports a comment, a moderator hides it from the queue, and the
member is told it was looked at (never by whom, never naming anyone); every
tab of the queue passes axe."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from articles.comments import moderation, posting
from articles.models import Comment
from tests.articles.factory import make_article
from tests.browser.test_journeys import sign_in
from tests.conftest import give_mfa, make_moderator, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in_context(browser, live_server, user):
    """A browser context already signed in as her: the moderator's two-step
    sign-in is tested elsewhere; here a session made by the test client."""
    client = Client()
    client.force_login(user)
    context = browser.new_context()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context


def test_it_lets_a_moderator_hide_a_reported_comment_and_tells_the_reporter(
    browser, live_server, assert_accessible
):
    maya = make_user("maya", display_name="Maya")
    zoe = make_user("zoe", display_name="Zoe")
    mo = give_mfa(make_moderator(make_user("mo", display_name="Mo", is_staff=True)))
    article = make_article("Saying no without guilt", slug="saying-no-without-guilt")
    unkind = posting.post_comment(
        article=article, author=zoe, body="Nobody cares what you think."
    )
    posting.post_comment(
        article=article, author=maya, body="That hurt to read.", parent=unkind
    )

    # Maya reports Zoe's comment.
    member = browser.new_context().new_page()
    sign_in(member, live_server, "maya")
    member.goto(f"{live_server.url}/articles/saying-no-without-guilt/")
    member.locator(f"#comment-{unkind.pk}").get_by_role("link", name="Report").click()
    member.get_by_label("Harassment or bullying").check()
    member.get_by_role("button", name="Send report").click()
    expect(
        member.get_by_text("Thanks for telling us. A moderator will look at it.")
    ).to_be_visible()

    # The moderator finds it in the queue and hides it.
    page = signed_in_context(browser, live_server, mo).new_page()
    page.goto(f"{live_server.url}/moderation/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderation")
    expect(page.get_by_role("link", name="Reported comments (1)")).to_be_visible()
    item = page.locator(f"#comment-{unkind.pk}")
    expect(item.get_by_text("Nobody cares what you think.")).to_be_visible()
    expect(item.get_by_text("Harassment or bullying")).to_be_visible()
    assert_accessible(page, "moderation queue: reported comments")
    item.get_by_label("Reason (optional)").fill("A personal attack")
    item.get_by_role("button", name="Hide").click()
    expect(page.get_by_text("The comment is hidden.")).to_be_visible()
    expect(page.get_by_role("link", name="Reported comments (0)")).to_be_visible()
    assert Comment.objects.get(pk=unkind.pk).is_hidden

    # Every tab of the queue passes axe.
    for name in [
        "Held comments",
        "Flagged comments",
        "Groups to review",
        "Reported groups and people",
        "Flagged accounts",
        "Groups without an organizer",
        "Edited groups",
    ]:
        page.get_by_role("link", name=name).click()
        expect(page.get_by_role("heading", level=2, name=name)).to_be_visible()
        assert_accessible(page, f"moderation queue: {name}")
    nav = page.get_by_role("navigation", name="Moderation", exact=True)
    nav.get_by_role("link", name="Audit log").click()
    expect(page.get_by_text("A personal attack")).to_be_visible()
    assert_accessible(page, "audit log")
    # And the other moderators' pages, through their navigation.
    for name in ["Watched words", "Crisis resources", "People"]:
        nav.get_by_role("link", name=name).click()
        expect(page.get_by_role("heading", level=1, name=name)).to_be_visible()
        assert_accessible(page, name)

    # Maya is told, without anyone's name; readers see the placeholder with the
    # reply kept.
    member.goto(f"{live_server.url}/notifications/")
    expect(member.get_by_text(moderation.REPORT_HANDLED_MESSAGE)).to_be_visible()
    assert "Mo" not in member.locator("main").inner_text().split()
    member.goto(f"{live_server.url}/articles/saying-no-without-guilt/")
    expect(member.get_by_text("Removed by a moderator.")).to_be_visible()
    expect(member.get_by_text("That hurt to read.")).to_be_visible()
    expect(member.get_by_text("Nobody cares what you think.")).to_have_count(0)

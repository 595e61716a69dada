"""A member takes part in the discussion under an article: replies inline (htmx,
no reload), @mentions someone who then finds the notification, edits, reports and
deletes; every page on the way passes axe."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import Notification
from articles.comments import posting
from articles.models import Comment, CommentReport
from tests.articles.factory import make_article
from tests.browser.test_journeys import sign_in
from tests.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people(db):
    return {
        "maya": make_user("maya", display_name="Maya"),
        "zoe": make_user("zoe", display_name="Zoe"),
        "rosa": make_user("rosa", display_name="Rosa"),
    }


@pytest.fixture
def discussed_article(people):
    discussed_article = make_article(
        "Saying no without guilt",
        slug="saying-no-without-guilt",
        body="## Small steps\n\nStart with something that feels safe.",
    )
    posting.post_comment(
        article=discussed_article,
        author=people["zoe"],
        body="Practising with a friend first made it so much easier for me.",
    )
    posting.post_comment(
        article=discussed_article,
        author=people["rosa"],
        body="I still find it hard, but *naming the feeling* helps.",
        is_anonymous=True,
    )
    return discussed_article


def comment_box(page, comment):
    return page.locator(f"#comment-{comment.pk}")


def test_it_lets_her_reply_inline_and_tells_whom_she_mentions(
    browser, live_server, people, discussed_article, assert_accessible
):
    zoes = Comment.objects.get(author=people["zoe"])
    maya = browser.new_context().new_page()
    sign_in(maya, live_server, "maya")
    maya.goto(f"{live_server.url}/articles/saying-no-without-guilt/")
    expect(maya.get_by_role("heading", name="Discussion (2)")).to_be_visible()
    assert_accessible(maya, "article page with a discussion, signed in")

    # A flag on the window survives only if the page is never reloaded.
    maya.evaluate("window.stillThisPage = true")
    comment_box(maya, zoes).get_by_role("link", name="Reply").click()
    reply_box = maya.get_by_role("textbox", name="Your reply")
    expect(reply_box).to_be_visible()
    expect(reply_box).to_be_focused()
    reply_box.fill("Thank you, that is a kind idea. I will try it this week.")
    maya.get_by_role("button", name="Post reply").click()
    expect(
        maya.get_by_text("Thank you, that is a kind idea. I will try it this week.")
    ).to_be_visible()
    expect(
        maya.get_by_role("status").filter(has_text="Your comment is posted")
    ).to_have_count(1)
    assert maya.evaluate("window.stillThisPage") is True
    reply = Comment.objects.get(author=people["maya"], parent=zoes)
    assert reply.depth == 1

    # A new comment at the foot of the discussion, mentioning Rosa.
    main_box = maya.get_by_role("textbox", name="Your comment")
    main_box.fill("@rosa your words about naming the feeling stayed with me.")
    maya.get_by_role("button", name="Post comment").click()
    expect(maya.get_by_role("link", name="@rosa")).to_be_visible()
    expect(maya.get_by_role("textbox", name="Your comment")).to_have_value("")
    assert maya.evaluate("window.stillThisPage") is True
    assert_accessible(maya, "article page after posting in place")
    mention = Comment.objects.get(author=people["maya"], parent=None)

    # Rosa signs in and finds the mention.
    rosa = browser.new_context().new_page()
    sign_in(rosa, live_server, "rosa")
    rosa.goto(f"{live_server.url}/notifications/")
    notification = rosa.get_by_role("button", name=re.compile("Maya mentioned you"))
    expect(notification).to_be_visible()
    notification.click()
    expect(rosa).to_have_url(re.compile(rf"#comment-{mention.pk}$"))
    # Zoe was told about the reply too.
    assert Notification.objects.filter(
        recipient=people["zoe"], kind="comment_reply"
    ).exists()


def test_it_lets_her_edit_report_and_delete(
    page, live_server, people, discussed_article, assert_accessible
):
    anonymous = Comment.objects.get(is_anonymous=True)
    mine = posting.post_comment(
        article=discussed_article, author=people["maya"], body="My frist thought."
    )
    sign_in(page, live_server, "maya")
    page.goto(f"{live_server.url}/articles/saying-no-without-guilt/")

    # She fixes a typo.
    comment_box(page, mine).get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit your comment")
    assert_accessible(page, "edit page")
    page.get_by_label("Your comment").fill("My first thought.")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Your comment is updated.")).to_be_visible()
    expect(comment_box(page, mine).get_by_text("My first thought.")).to_be_visible()

    # She reports the anonymous comment; it never says who wrote it.
    comment_box(page, anonymous).get_by_role("link", name="Report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Report a comment")
    expect(page.get_by_text("Anonymous member wrote on")).to_be_visible()
    assert "Rosa" not in page.content()
    assert_accessible(page, "report page")
    page.get_by_label("Spam or advertising").check()
    page.get_by_role("button", name="Send report").click()
    expect(
        page.get_by_text("Thanks for telling us. A moderator will look at it.")
    ).to_be_visible()
    report = CommentReport.objects.get()
    assert (report.comment, report.reporter, report.reason) == (
        anonymous,
        people["maya"],
        "spam",
    )

    # She deletes her own comment, after a confirmation page.
    page.goto(f"{live_server.url}/articles/saying-no-without-guilt/")
    comment_box(page, mine).get_by_role("link", name="Delete").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete your comment?")
    assert_accessible(page, "delete page")
    page.get_by_role("button", name="Delete my comment").click()
    expect(page.get_by_text("Your comment is deleted.")).to_be_visible()
    expect(page.get_by_text("My first thought.")).to_have_count(0)
    assert not Comment.objects.filter(pk=mine.pk).exists()


def test_it_marks_a_comment_helpful_in_place(
    page, live_server, people, discussed_article
):
    zoes = Comment.objects.get(author=people["zoe"])
    sign_in(page, live_server, "maya")
    page.goto(f"{live_server.url}/articles/saying-no-without-guilt/")
    page.evaluate("window.stillThisPage = true")

    button = comment_box(page, zoes).get_by_role("button", name="Helpful")
    expect(button).to_have_attribute("aria-pressed", "false")
    button.click()
    pressed = comment_box(page, zoes).get_by_role(
        "button", name=re.compile(r"^Helpful\W+1$")
    )
    expect(pressed).to_have_attribute("aria-pressed", "true")
    expect(pressed).to_be_focused()
    assert page.evaluate("window.stillThisPage") is True
    zoes.refresh_from_db()
    assert zoes.helpful_count == 1


def test_it_passes_axe_in_dark_mode_on_a_phone(
    browser, live_server, people, discussed_article, assert_accessible
):
    mine = posting.post_comment(
        article=discussed_article, author=people["maya"], body="Thinking of you all."
    )
    zoes = Comment.objects.get(author=people["zoe"])
    context = browser.new_context(
        color_scheme="dark", viewport={"width": 390, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/articles/saying-no-without-guilt/")
    assert_accessible(page, "discussion, signed out, dark")
    sign_in(page, live_server, "maya")
    for path in [
        "/articles/saying-no-without-guilt/",
        f"/articles/saying-no-without-guilt/?reply={zoes.pk}",
        f"/comments/{mine.pk}/edit/",
        f"/comments/{mine.pk}/delete/",
        f"/comments/{zoes.pk}/report/",
        "/accounts/blocked/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page, f"{path} (dark, 390px)")
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_it_shows_her_crisis_lines_at_once_and_posts_her_words(
    browser, live_server, people, discussed_article, assert_accessible, javascript
):
    maya = browser.new_context(java_script_enabled=javascript).new_page()
    sign_in(maya, live_server, "maya")
    maya.goto(f"{live_server.url}/articles/saying-no-without-guilt/")

    maya.get_by_label("Your comment").fill("Some nights I want to end my life.")
    maya.get_by_role("button", name="Post comment").click()

    panel = maya.get_by_role("complementary", name="You don't have to face this alone")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("link", name="https://findahelpline.com/")).to_be_visible()
    expect(panel.get_by_role("link", name="Helplines in your country")).to_be_visible()
    if javascript:  # axe runs as a script in the page
        assert_accessible(maya, "crisis panel")
    comment = Comment.objects.get(author=people["maya"])
    assert comment.is_visible
    assert comment.flags.get().is_priority
    panel.get_by_role("link", name="Helplines in your country").click()
    expect(maya.get_by_role("heading", level=1, name="Crisis support")).to_be_visible()

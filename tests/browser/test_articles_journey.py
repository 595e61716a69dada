import pytest
from playwright.sync_api import expect

from groups.models import Topic
from tests.articles.factory import make_article
from tests.browser.test_journeys import sign_in
from tests.conftest import make_group, make_place, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def grief(db):
    # An earlier transactional test may have flushed the seeded topics.
    topic, _ = Topic.objects.get_or_create(
        slug="grief-and-loss", defaults={"name": "Grief and loss"}
    )
    leeds = make_place("Leeds", latitude=53.79648, longitude=-1.54785)
    make_group(name="Walk and Talk for Grief", place=leeds, topics=[topic])
    make_group(name="Online Grief Circle", format="online", topics=[topic])
    article = make_article(
        title="Grief in the first year",
        slug="grief-in-the-first-year",
        topics=[topic],
        body="## The first weeks\n\nGrief comes in waves.\n\n## Later\n\nIt changes.",
    )
    return article


def test_it_lets_her_read_an_article_and_follow_groups_near_her(
    page, live_server, grief, assert_accessible
):
    # Before any search: online groups are offered.
    page.goto(f"{live_server.url}/articles/grief-in-the-first-year/")
    nearby = page.get_by_role("region", name="Groups near you on this topic")
    expect(nearby.get_by_role("link", name="Online Grief Circle")).to_be_visible()
    assert_accessible(page, "article, no place yet")

    # She searches near Leeds, then comes back to the article.
    page.goto(f"{live_server.url}/groups/?near=Leeds")
    page.goto(f"{live_server.url}/articles/")
    assert_accessible(page, "/articles/")
    page.get_by_role("link", name="Grief in the first year").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Grief in the first year")
    expect(nearby.get_by_text("where you last searched")).to_be_visible()
    nearby.get_by_role("link", name="Walk and Talk for Grief").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Walk and Talk for Grief")


def test_it_passes_axe_on_article_pages(browser, live_server, grief, assert_accessible):
    context = browser.new_context(
        color_scheme="dark", viewport={"width": 390, "height": 900}
    )
    page = context.new_page()
    for path in [
        "/articles/",
        "/articles/grief-in-the-first-year/",
        "/articles/topic/grief-and-loss/",
        f"/authors/{grief.author.slug}/",
        "/articles/standards/",
        "/search/?q=grief",
        "/search/?q=zzzz",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page, path)
    context.close()


def test_it_lets_staff_preview_a_draft(page, live_server, grief, assert_accessible):
    make_user("editor", is_staff=True)
    draft = make_article(title="Still being written", status="draft", published_at=None)
    page.goto(f"{live_server.url}{draft.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Still being written")
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}{draft.get_absolute_url()}")
    expect(page.get_by_text("Preview: not published")).to_be_visible()
    assert_accessible(page, "draft preview")

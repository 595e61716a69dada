import re
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article
from tests.articles.factory import (
    default_people,
    give_hero,
    make_article,
    make_draft,
)
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


# Publishing rules ----------------------------------------------------------------


def test_it_publishes_a_reviewed_article_with_a_source():
    article = make_draft(last_reviewed=None)

    article.publish()

    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at <= timezone.now()
    assert article.last_reviewed == timezone.localdate()
    assert article in Article.objects.published()


def test_it_cannot_publish_without_a_reviewer():
    article = make_draft(reviewer=None)

    with pytest.raises(ValidationError, match="needs a reviewer"):
        article.publish()

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_it_cannot_publish_without_a_source():
    article = make_draft(sources=0)

    with pytest.raises(ValidationError, match="at least one source"):
        article.publish()

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_it_cannot_publish_when_the_author_reviewed_her_own_article():
    article = make_draft()
    # Bypass the database (which refuses it too, see below) to reach publish().
    article.reviewer = article.author

    with pytest.raises(ValidationError, match="someone other than the author"):
        article.publish()


def test_it_refuses_a_published_article_without_sources_in_clean():
    article = make_article(sources=0)

    with pytest.raises(ValidationError, match="at least one source"):
        article.clean()


def test_it_accepts_a_draft_without_reviewer_or_sources():
    make_draft(reviewer=None, sources=0).clean()


def test_it_refuses_a_published_article_without_a_reviewer_in_the_database():
    article = make_draft(reviewer=None)

    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(
            status=Article.Status.PUBLISHED, published_at=timezone.now()
        )


def test_it_refuses_the_author_as_reviewer_in_the_database():
    author, _ = default_people()

    with pytest.raises(IntegrityError), transaction.atomic():
        make_draft(reviewer=author)


def test_it_refuses_a_hero_image_without_alt_text_in_the_database():
    article = make_article()

    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(
            hero_image="articles/a.webp", hero_alt=""
        )


def test_it_hides_an_article_published_for_a_future_time_until_then():
    article = make_draft()
    later = timezone.now() + timedelta(days=2)

    article.publish(at=later)

    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert not article.is_public
    assert article not in Article.objects.published()
    with time_machine.travel(later + timedelta(minutes=1)):
        assert article in Article.objects.published()
        assert Article.objects.get(pk=article.pk).is_public


def test_it_shows_drafts_and_scheduled_articles_only_to_staff():
    public = make_article("Public")
    draft = make_draft("Draft")
    in_review = make_draft("In review", status=Article.Status.IN_REVIEW)
    scheduled = make_article(
        "Scheduled", published_at=timezone.now() + timedelta(hours=1)
    )
    staff = make_user("editor", is_staff=True)
    reader = make_user("reader")

    assert set(Article.objects.visible_to(reader)) == {public}
    assert set(Article.objects.visible_to(staff)) == {
        public,
        draft,
        in_review,
        scheduled,
    }


# Body: Markdown rendered and sanitized on save ----------------------------------


def render(body: str) -> str:
    return make_draft(body=body).body_html


def test_it_keeps_the_allowed_markdown():
    html = render(
        "## Where to start\n\n### Small steps\n\nSome *gentle* and **bold** words.\n\n"
        "- one\n- two\n\n1. first\n2. second\n\n> A quote.\n\n"
        "[NHS](https://www.nhs.uk/)"
    )

    assert "<h2>Where to start</h2>" in html
    assert "<h3>Small steps</h3>" in html
    assert "<em>gentle</em>" in html
    assert "<strong>bold</strong>" in html
    assert "<ul>" in html and "<li>one</li>" in html
    assert "<ol>" in html and "<li>first</li>" in html
    assert "<blockquote>" in html
    assert re.search(r'<a href="https://www.nhs.uk/" rel="noopener noreferrer">', html)


def test_it_removes_scripts_styles_event_handlers_and_javascript_urls():
    html = render(
        "Hello <script>alert('x')</script>\n\n"
        "<style>body { display: none }</style>\n\n"
        '<img src="x" onerror="alert(1)"> <a href="#" onclick="steal()">link</a>\n\n'
        "[click me](javascript:alert(1)) and "
        '<a href="javascript:alert(2)">raw</a>\n\n'
        "[sneaky](JaVaScRiPt:alert(3))"
    )

    assert "<script" not in html.lower()
    assert "<style" not in html.lower()
    assert "<img" not in html.lower()
    # No tag carries an event handler or a javascript: link; the text is shown
    # escaped, harmlessly.
    tags = re.findall(r"<[a-z][^>]*>", html)
    assert not [tag for tag in tags if re.search(r"\son\w+\s*=", tag)]
    assert not [tag for tag in tags if "javascript:" in tag.lower()]
    assert not [tag for tag in tags if "alert" in tag]


def test_it_renders_the_body_again_when_only_the_body_is_saved():
    article = make_article(body="Before.")
    article.body = "## After"

    article.save(update_fields=["body"])

    article.refresh_from_db()
    assert article.body_html.strip() == "<h2>After</h2>"


# Reading time ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "minutes"), [(0, 1), (10, 1), (220, 1), (221, 2), (1100, 5), (1101, 6)]
)
def test_it_counts_the_reading_time_at_220_words_a_minute(words, minutes):
    article = make_draft(body=" ".join(["word"] * words))

    assert article.reading_minutes == minutes


def test_it_updates_the_reading_time_when_the_body_changes():
    article = make_article(body="short")
    article.body = " ".join(["word"] * 700)

    article.save()

    article.refresh_from_db()
    assert article.reading_minutes == 4


# Hero image fields ----------------------------------------------------------------


def test_it_offers_every_rendition_in_the_srcset():
    article = give_hero(make_article(slug="circles"))

    assert article.has_hero
    assert article.hero_srcset == (
        "/media/articles/renditions/circles-480.webp 480w, "
        "/media/articles/renditions/circles-960.webp 960w, "
        "/media/articles/renditions/circles-1440.webp 1440w"
    )
    assert article.hero_card.url == "/media/articles/renditions/circles-480.webp"
    assert (article.hero_card.width, article.hero_card.height) == (480, 270)
    assert article.hero_default.width == 960


def test_it_gives_the_real_width_of_renditions_of_a_small_picture():
    # A 700 px upload: its "960" and "1440" renditions are 700 px wide (never
    # upscaled), so the srcset names that width once.
    article = give_hero(make_article(slug="small"), width=700, height=350)

    assert article.hero_srcset == (
        "/media/articles/renditions/small-480.webp 480w, "
        "/media/articles/renditions/small-960.webp 700w"
    )
    assert (article.hero_default.width, article.hero_default.height) == (700, 350)
    assert (article.hero_card.width, article.hero_card.height) == (480, 240)


def test_it_shows_no_hero_without_a_processed_image():
    article = make_article()

    assert not article.has_hero
    assert article.hero_card is None
    assert article.hero_srcset == ""


def test_it_shows_an_update_only_when_changed_on_a_later_day():
    article = make_article(published_at=timezone.now() - timedelta(days=3))
    assert article.was_updated

    same_day = make_article(published_at=timezone.now())
    assert not same_day.was_updated

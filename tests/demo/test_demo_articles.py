"""The demo authors and articles, as the shared demo site has them, and how a
new run treats them and their pictures."""

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.forms.models import model_to_dict
from django.utils import timezone
from PIL import Image

from accounts.models import User
from articles.models import Article, Author, Source
from articles.services import RENDITION_WIDTHS
from groups.models import Topic
from groups_site.demo import content, illustrations
from groups_site.demo.articles import seed_articles, seed_authors

pytestmark = pytest.mark.usefixtures("seeded")

FIRST_SLUG = "how-self-help-groups-help-women-find-confidence"


def seed_again() -> list[Article]:
    """Seed authors and articles as seed_demo does."""
    users = {user.username: user for user in User.objects.all()}
    return seed_articles(seed_authors(users))


def snapshot():
    articles = []
    for article in Article.objects.order_by("slug"):
        row = model_to_dict(article, exclude=["hero_image", "topics"])
        row["hero_image"] = article.hero_image.name
        row["updated_at"] = article.updated_at
        row["topics"] = sorted(article.topics.values_list("slug", flat=True))
        articles.append(row)
    sources = list(Source.objects.order_by("id").values())
    authors = list(Author.objects.order_by("slug").values())
    return articles, sources, authors


def test_it_seeds_every_article():
    slugs = list(Article.objects.order_by("pk").values_list("slug", flat=True))

    assert slugs == [spec["slug"] for spec in content.articles()]
    assert len(slugs) >= 12


def test_it_starts_with_how_self_help_groups_help():
    article = Article.objects.get(slug=FIRST_SLUG)

    assert content.articles()[0]["slug"] == FIRST_SLUG
    assert article.topics.filter(slug="self-esteem-and-assertiveness").exists()
    assert article.is_featured
    assert "self-help group" in article.body.lower()
    assert article.author.credentials.startswith("LCSW")


def test_it_publishes_every_article_by_the_rules():
    now = timezone.now()
    for article in Article.objects.select_related("author", "reviewer"):
        assert article.status == Article.Status.PUBLISHED, article.slug
        assert article.is_public, article.slug
        assert article.published_at < now - timedelta(hours=12), article.slug
        assert article.reviewer is not None, article.slug
        assert article.reviewer != article.author, article.slug
        assert article.publishing_problems() == [], article.slug
        assert article.published_at.date() <= article.last_reviewed, article.slug
        assert article.last_reviewed <= now.date(), article.slug
    assert Article.objects.published().count() == Article.objects.count()


def test_it_cites_real_looking_sources():
    for article in Article.objects.prefetch_related("sources"):
        sources = list(article.sources.all())
        assert 2 <= len(sources) <= 4, article.slug
        assert [source.position for source in sources] == list(range(len(sources)))
        for source in sources:
            assert source.url.startswith("https://"), source.url
            assert source.title and source.publisher, article.slug
            assert source.accessed_on <= timezone.now().date()
        assert len({source.url for source in sources}) == len(sources)


def test_it_writes_articles_of_600_to_1200_words():
    for article in Article.objects.all():
        words = len(article.body.split())
        assert 600 <= words <= 1200, (article.slug, words)
        assert article.body_html.count("<h2>") >= 3, article.slug
        assert 3 <= article.reading_minutes <= 6, article.slug
        assert len(article.summary) <= 300, article.slug
        # An indented paragraph would turn into a code block.
        assert "<pre>" not in article.body_html, article.slug


def test_it_varies_authors_topics_dates_and_settings():
    articles = Article.objects.all()

    assert articles.values("author").distinct().count() >= 5
    assert articles.values("reviewer").distinct().count() >= 3
    assert articles.values("topics").distinct().count() >= 6
    assert 1 <= articles.filter(is_featured=True).count() <= 2
    assert articles.filter(comments_open=False).count() == 1
    dates = sorted(articles.values_list("published_at", flat=True))
    assert len(set(dates)) == len(dates)
    assert dates[-1] - dates[0] >= timedelta(days=60)
    known = set(Topic.objects.values_list("slug", flat=True))
    for spec in content.articles():
        assert set(spec["topics"]) <= known, spec["slug"]


def test_it_describes_each_picture_in_its_alt_text():
    alts = list(Article.objects.values_list("hero_alt", flat=True))

    assert len(set(alts)) == len(alts)
    for alt in alts:
        assert 30 <= len(alt) <= 250
        assert not alt.lower().startswith(("image of", "picture of", "decorative"))


def test_it_creates_authors_with_different_credentials():
    authors = Author.objects.all()

    assert authors.count() == len(content.authors()) >= 4
    assert len(set(authors.values_list("credentials", flat=True))) == authors.count()
    for author in authors:
        assert author.bio and "\n" not in author.bio.split("\n\n")[0], author.slug
        assert author.articles.exists() or author.reviewed_articles.exists()


def test_it_links_an_author_to_her_demo_account():
    assert Author.objects.get(slug="fern-ashby").user.username == "fern"
    assert Author.objects.exclude(user=None).count() == 1


def test_it_makes_renditions_without_exif():
    for article in Article.objects.all():
        assert set(article.hero_renditions) == {str(w) for w in RENDITION_WIDTHS}
        assert (article.hero_width, article.hero_height) == (1440, 810)
        names = [article.hero_image.name, *article.hero_renditions.values()]
        for name in names:
            with default_storage.open(name) as file, Image.open(file) as image:
                assert image.format == "WEBP", name
                assert not image.getexif(), name
                assert "exif" not in image.info and "xmp" not in image.info
        with default_storage.open(article.hero_renditions["480"]) as file:
            assert Image.open(file).size == (480, 270)


def test_it_is_idempotent(monkeypatch):
    first = snapshot()

    def fail(**kwargs):
        pytest.fail("a picture was drawn again")

    monkeypatch.setattr(illustrations, "draw", fail)
    seed_again()

    assert snapshot() == first


def test_it_puts_back_what_was_changed():
    article = Article.objects.get(slug=FIRST_SLUG)
    article.title = "Changed by hand"
    article.status = Article.Status.DRAFT
    article.save()
    article.topics.clear()
    article.sources.all().delete()

    seed_again()

    article.refresh_from_db()
    assert article.title.startswith("How self-help groups")
    assert article.status == Article.Status.PUBLISHED
    assert article.topics.count() == 2
    assert article.sources.count() == 3


def test_it_redraws_only_the_picture_whose_seed_changed(monkeypatch):
    grief = Article.objects.get(slug="grief-in-the-first-year")
    old_renditions = grief.hero_renditions
    spec = next(s for s in content.articles() if s["slug"] == grief.slug)
    monkeypatch.setitem(spec["illustration"], "seed", 99)
    drawn = []
    draw = illustrations.draw

    def spy(**kwargs):
        drawn.append(kwargs)
        return draw(**kwargs)

    monkeypatch.setattr(illustrations, "draw", spy)

    seed_again()

    assert drawn == [{"seed": 99, "palette": "dusk", "motif": "waves"}]
    grief.refresh_from_db()
    assert grief.hero_renditions != old_renditions
    assert default_storage.exists(grief.hero_renditions["960"])


def test_it_redraws_pictures_whose_files_are_gone():
    article = Article.objects.get(slug=FIRST_SLUG)
    default_storage.delete(article.hero_renditions["480"])

    seed_again()

    article.refresh_from_db()
    assert default_storage.exists(article.hero_renditions["480"])


def test_it_redraws_pictures_a_rolled_back_run_left_behind():
    # A run that drew new files and then rolled back leaves the database pointing
    # at other files than the manifest lists.
    article = Article.objects.get(slug=FIRST_SLUG)
    other = Article.objects.exclude(pk=article.pk).first()
    Article.objects.filter(pk=article.pk).update(
        hero_image=other.hero_image.name, hero_renditions=other.hero_renditions
    )

    seed_again()

    article.refresh_from_db()
    assert article.slug in article.hero_renditions["480"]
    assert article.slug in article.hero_image.name

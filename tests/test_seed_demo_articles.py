import importlib.util
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.utils import timezone
from PIL import Image

from accounts.models import User
from articles.models import Article, Author, Source
from articles.services import RENDITION_WIDTHS
from groups.models import Topic
from groups_site import demo_articles
from groups_site.demo_articles import (
    AUTHORS,
    illustrations,
    part_one,
    seed_articles,
    seed_authors,
)
from tests.conftest import make_place, make_user

article_specs = demo_articles.demo_articles

HAS_PART_TWO = (
    importlib.util.find_spec("groups_site.demo_articles.part_two") is not None
)
FIRST_SLUG = "how-self-help-groups-help-women-find-confidence"


@pytest.fixture
def seed(db):
    """Seeds authors and articles as seed_demo does."""

    def run(*, with_users=None):
        return seed_articles(seed_authors(with_users))

    return run


@pytest.fixture
def seeded(seed):
    """Every demo article, with its hero picture drawn and processed."""
    return seed()


@pytest.fixture
def seeded_text(seed, monkeypatch):
    """Every demo article without pictures, for tests about the writing."""
    monkeypatch.setattr(demo_articles, "_draw_hero", lambda article, spec: None)
    return seed()


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


def test_it_seeds_the_articles_of_every_part(seeded_text):
    slugs = set(Article.objects.values_list("slug", flat=True))

    assert {spec["slug"] for spec in part_one.ARTICLES} <= slugs
    assert len(part_one.ARTICLES) == 6
    assert len(slugs) >= (12 if HAS_PART_TWO else 6)
    assert len(slugs) == len(article_specs())


def test_it_starts_with_how_self_help_groups_help(seeded_text):
    first = article_specs()[0]
    article = Article.objects.get(slug=FIRST_SLUG)

    assert first["slug"] == FIRST_SLUG
    assert article.topics.filter(slug="self-esteem-and-assertiveness").exists()
    assert article.is_featured
    assert "self-help group" in article.body.lower()
    assert article.author.credentials.startswith("LCSW")


def test_it_publishes_every_article_by_the_rules(seeded_text):
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


def test_it_cites_real_looking_sources(seeded_text):
    for article in Article.objects.prefetch_related("sources"):
        sources = list(article.sources.all())
        assert 2 <= len(sources) <= 4, article.slug
        assert [source.position for source in sources] == list(range(len(sources)))
        for source in sources:
            assert source.url.startswith("https://"), source.url
            assert source.title and source.publisher, article.slug
            assert source.accessed_on <= timezone.now().date()
        assert len({source.url for source in sources}) == len(sources)


def test_it_writes_articles_of_600_to_1200_words(seeded_text):
    for article in Article.objects.all():
        words = len(article.body.split())
        assert 600 <= words <= 1200, (article.slug, words)
        assert article.body_html.count("<h2>") >= 3, article.slug
        assert 3 <= article.reading_minutes <= 6, article.slug
        assert len(article.summary) <= 300, article.slug
        # Dedented: an indented paragraph would turn into a code block.
        assert "<pre>" not in article.body_html, article.slug


def test_it_varies_authors_topics_dates_and_settings(seeded_text):
    mine = Article.objects.filter(slug__in=[s["slug"] for s in part_one.ARTICLES])

    assert mine.values("author").distinct().count() >= 5
    assert mine.values("reviewer").distinct().count() >= 3
    assert mine.values("topics").distinct().count() >= 6
    assert 1 <= mine.filter(is_featured=True).count() <= 2
    assert mine.filter(comments_open=False).count() == 1
    dates = sorted(mine.values_list("published_at", flat=True))
    assert len(set(dates)) == 6
    assert dates[-1] - dates[0] >= timedelta(days=60)
    known = set(Topic.objects.values_list("slug", flat=True))
    for spec in article_specs():
        assert set(spec["topics"]) <= known, spec["slug"]


def test_it_describes_each_picture_in_its_alt_text(seeded_text):
    alts = list(Article.objects.values_list("hero_alt", flat=True))

    assert len(set(alts)) == len(alts)
    for alt in alts:
        assert 30 <= len(alt) <= 250
        assert not alt.lower().startswith(("image of", "picture of", "decorative"))
    for spec in part_one.ARTICLES:
        assert spec["palette"] in illustrations.PALETTES
        assert spec["motif"] in illustrations.MOTIFS


def test_it_creates_authors_with_different_credentials(seeded_text):
    authors = Author.objects.all()

    assert authors.count() == len(AUTHORS) >= 4
    assert len(set(authors.values_list("credentials", flat=True))) == authors.count()
    for author in authors:
        assert author.bio and "\n" not in author.bio.split("\n\n")[0], author.slug
        assert author.articles.exists() or author.reviewed_articles.exists()


def test_it_links_an_author_to_her_demo_account(seed, monkeypatch):
    monkeypatch.setattr(demo_articles, "_draw_hero", lambda article, spec: None)
    fern = make_user("fern")

    seed(with_users={"fern": fern})

    assert Author.objects.get(slug="fern-ashby").user == fern
    assert Author.objects.exclude(user=None).count() == 1


def test_it_makes_renditions_without_exif(seeded):
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


def test_it_is_idempotent(seed, seeded, monkeypatch):
    first = snapshot()

    def fail(**kwargs):
        pytest.fail("a picture was drawn again")

    monkeypatch.setattr(illustrations, "draw", fail)
    seed()

    assert snapshot() == first


def test_it_puts_back_what_was_changed(seed, seeded_text):
    article = Article.objects.get(slug=FIRST_SLUG)
    article.title = "Changed by hand"
    article.status = Article.Status.DRAFT
    article.save()
    article.topics.clear()
    article.sources.all().delete()

    seed()

    article.refresh_from_db()
    assert article.title.startswith("How self-help groups")
    assert article.status == Article.Status.PUBLISHED
    assert article.topics.count() == 2
    assert article.sources.count() == 3


def test_it_redraws_only_the_picture_whose_seed_changed(seed, seeded, monkeypatch):
    grief = Article.objects.get(slug="grief-in-the-first-year")
    old_renditions = grief.hero_renditions
    spec = next(s for s in part_one.ARTICLES if s["slug"] == grief.slug)
    monkeypatch.setitem(spec, "seed", 99)
    drawn = []
    draw = illustrations.draw

    def spy(**kwargs):
        drawn.append(kwargs)
        return draw(**kwargs)

    monkeypatch.setattr(illustrations, "draw", spy)

    seed()

    assert drawn == [{"seed": 99, "palette": "dusk", "motif": "waves"}]
    grief.refresh_from_db()
    assert grief.hero_renditions != old_renditions
    assert default_storage.exists(grief.hero_renditions["960"])


def test_it_redraws_pictures_whose_files_are_gone(seed, seeded):
    article = Article.objects.get(slug=FIRST_SLUG)
    default_storage.delete(article.hero_renditions["480"])

    seed()

    article.refresh_from_db()
    assert default_storage.exists(article.hero_renditions["480"])


def test_it_redraws_pictures_a_rolled_back_run_left_behind(seed, seeded):
    # A run that drew new files and then rolled back leaves the database pointing
    # at other files than the manifest lists.
    article = Article.objects.get(slug=FIRST_SLUG)
    other = Article.objects.exclude(pk=article.pk).first()
    Article.objects.filter(pk=article.pk).update(
        hero_image=other.hero_image.name, hero_renditions=other.hero_renditions
    )

    seed()

    article.refresh_from_db()
    assert article.slug in article.hero_renditions["480"]
    assert article.slug in article.hero_image.name


def test_it_draws_the_same_picture_for_the_same_seed():
    one = illustrations.draw(seed=7, palette="sea", motif="hills")
    two = illustrations.draw(seed=7, palette="sea", motif="hills")
    other = illustrations.draw(seed=8, palette="sea", motif="hills")

    assert one.size == (illustrations.WIDTH, illustrations.HEIGHT) == (1440, 810)
    assert one.tobytes() == two.tobytes()
    assert one.tobytes() != other.tobytes()


def test_it_is_fast(seed):
    started = time.monotonic()
    seed()
    seed()
    assert time.monotonic() - started < 20


def test_seed_demo_seeds_and_mentions_the_articles(db, settings):
    settings.DEBUG = True
    make_place("Leeds")
    out, err = StringIO(), StringIO()

    call_command("seed_demo", stdout=out, stderr=err)

    count = len(article_specs())
    assert f"{count} published articles by {len(AUTHORS)} authors" in out.getvalue()
    assert Article.objects.published().count() == count
    fern = User.objects.get(username="fern")
    assert Author.objects.get(slug="fern-ashby").user == fern

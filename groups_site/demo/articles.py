"""Demo articles for development: authors, articles and their illustrated heroes.

The articles are Markdown files with TOML front matter in data/articles/ (the
format is in content.py), the authors are data/authors.toml. ``days_ago`` must be at
least 1 (published at 09:30 UTC that day, so the article is already public). Dates
count back from the day of the run, so the demo stays recent: a run on a later day
moves them. ``hero_alt`` describes what is drawn, for example "Soft overlapping
circles in rose and sand, like people sitting together".

Seeding is idempotent: authors and articles are matched by slug and updated only
where they differ from their spec; an article's hero picture is drawn and processed
only when it has no renditions yet, its files are gone, or its illustration (seed,
palette, motif) changed.
"""

import json
from datetime import UTC, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from accounts.models import User
from articles import services
from articles.models import Article, Author, Source
from groups.models import Topic
from groups_site.demo import content, illustrations
from groups_site.demo.groups import tidy

# Which illustration each demo article's picture was drawn from, and the files it
# made: {slug: {"picture": fingerprint, "files": [...]}}. Kept with the images, so
# a fresh media folder means fresh drawings. The files make it safe against a
# rolled-back run: its new files never reach the database, so they won't match.
MANIFEST = "articles/demo/illustrations.json"
ILLUSTRATION_VERSION = 1
PUBLISH_TIME = time(9, 30)


def seed_authors(users: dict[str, User] | None = None) -> dict[str, Author]:
    """Create or refresh the demo authors; returns {slug: author}. `users` maps
    demo usernames to users, for authors who have a site account."""
    users = users or {}
    authors = {}
    for spec in content.authors():
        user = users.get(spec["user"]) if "user" in spec else None
        fields = {
            "name": spec["name"],
            "credentials": spec["credentials"],
            "bio": tidy(spec["bio"]),
            "user_id": user.pk if user else None,
        }
        author = Author.objects.filter(slug=spec["slug"]).first()
        if author is None:
            author = Author.objects.create(slug=spec["slug"], **fields)
        else:
            changed = [k for k, v in fields.items() if getattr(author, k) != v]
            if changed:
                for name in changed:
                    setattr(author, name, fields[name])
                author.save(update_fields=changed)
        authors[spec["slug"]] = author
    return authors


def seed_articles(authors: dict[str, Author]) -> list[Article]:
    """Create or refresh every demo article, publish it, and draw its hero
    picture when it has none yet or its illustration changed."""
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    manifest = _read_manifest()
    drawn = {}
    articles = []
    today = timezone.now().date()
    for spec in content.articles():
        article = _save_article(spec, authors, today)
        article.topics.set([topics[slug] for slug in spec["topics"]])
        _save_sources(article, spec["sources"])
        if article.status != Article.Status.PUBLISHED:
            article.publish(at=article.published_at)
        record = {"picture": _fingerprint(spec), "files": _files(article)}
        if manifest.get(article.slug) != record or not _files_exist(article):
            _draw_hero(article, spec)
            drawn[article.slug] = {**record, "files": _files(article)}
        articles.append(article)
    if drawn:
        _write_manifest({**manifest, **drawn})
    return articles


def _article_fields(spec: dict, authors: dict[str, Author], today) -> dict:
    if spec["days_ago"] < 1 or spec["last_reviewed_days_ago"] > spec["days_ago"]:
        raise ValueError(f"{spec['slug']}: check days_ago and last_reviewed_days_ago")
    published_on = today - timedelta(days=spec["days_ago"])
    return {
        "title": spec["title"],
        "summary": spec["summary"],
        "body": spec["body"],
        "author_id": authors[spec["author"]].pk,
        "reviewer_id": authors[spec["reviewer"]].pk,
        "last_reviewed": today - timedelta(days=spec["last_reviewed_days_ago"]),
        "published_at": datetime.combine(published_on, PUBLISH_TIME, tzinfo=UTC),
        "is_featured": spec["featured"],
        "comments_open": spec.get("comments_open", True),
        "hero_alt": spec["hero_alt"],
        "hero_caption": spec["hero_caption"],
    }


def _save_article(spec: dict, authors: dict[str, Author], today) -> Article:
    """Create the article as a draft, or update it only where it differs from its
    spec, so a second run writes nothing (and leaves updated_at alone)."""
    fields = _article_fields(spec, authors, today)
    article = Article.objects.filter(slug=spec["slug"]).first()
    if article is None:
        return Article.objects.create(slug=spec["slug"], **fields)
    changed = [k for k, v in fields.items() if getattr(article, k) != v]
    if changed:
        for name in changed:
            setattr(article, name, fields[name])
        article.save(update_fields=[*changed, "updated_at"])
    return article


def _save_sources(article: Article, specs: list[dict]) -> None:
    wanted = [
        (spec["title"], spec["publisher"], spec["url"], _date(spec["accessed"]))
        for spec in specs
    ]
    existing = list(
        article.sources.values_list("title", "publisher", "url", "accessed_on")
    )
    if existing == wanted:
        return
    article.sources.all().delete()
    Source.objects.bulk_create(
        Source(
            article=article,
            position=position,
            title=title,
            publisher=publisher,
            url=url,
            accessed_on=accessed_on,
        )
        for position, (title, publisher, url, accessed_on) in enumerate(wanted)
    )


def _date(value: str):
    return datetime.strptime(value, "%Y-%m-%d").date()


def _fingerprint(spec: dict) -> str:
    recipe = spec["illustration"]
    motif = recipe.get("motif", "")
    return f"v{ILLUSTRATION_VERSION}:{recipe['seed']}:{recipe['palette']}:{motif}"


def _files(article: Article) -> list[str]:
    renditions = [
        article.hero_renditions[key] for key in sorted(article.hero_renditions)
    ]
    return [article.hero_image.name or "", *renditions]


def _files_exist(article: Article) -> bool:
    storage = article.hero_image.storage
    names = _files(article)
    return len(names) > 1 and all(name and storage.exists(name) for name in names)


def _draw_hero(article: Article, spec: dict) -> None:
    recipe = spec["illustration"]
    picture = illustrations.draw(
        seed=recipe["seed"], palette=recipe["palette"], motif=recipe.get("motif", "")
    )
    upload = illustrations.as_jpeg(picture, name=f"{article.slug}.jpg")
    article.hero_image.save(upload.name, upload, save=False)
    article.save(update_fields=["hero_image"])
    services.process_hero_image(article=article)


def _read_manifest() -> dict[str, dict]:
    if not default_storage.exists(MANIFEST):
        return {}
    with default_storage.open(MANIFEST, "rb") as manifest:
        try:
            return json.loads(manifest.read())
        except ValueError:
            return {}


def _write_manifest(manifest: dict[str, dict]) -> None:
    if default_storage.exists(MANIFEST):
        default_storage.delete(MANIFEST)
    content = json.dumps(manifest, indent=2, sort_keys=True)
    default_storage.save(MANIFEST, ContentFile(content.encode()))

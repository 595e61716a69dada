"""Test data for the article pages (after djangoproject.com checklists/tests/
factory.py): make_<thing>(**overrides) with sensible, published defaults."""

import itertools
from datetime import date, timedelta

from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Author, Source
from groups.models import Topic

_numbers = itertools.count(1)


def make_author(name: str = "Amara Okafor", **overrides) -> Author:
    fields = {
        "slug": slugify(name),
        "credentials": "LCSW, licensed clinical social worker",
        "bio": "Fifteen years with survivors of domestic abuse.",
    }
    fields.update(overrides)
    return Author.objects.create(name=name, **fields)


def default_people() -> tuple[Author, Author]:
    author = Author.objects.filter(slug="amara-okafor").first() or make_author()
    reviewer = Author.objects.filter(slug="helen-marsh").first() or make_author(
        "Helen Marsh", slug="helen-marsh", credentials="PhD, clinical psychologist"
    )
    return author, reviewer


def make_article(title: str = "", *, topics=(), sources: int = 1, **overrides):
    """A published article (reviewed, with sources, public since yesterday).
    ``topics`` are slugs or Topic objects."""
    number = next(_numbers)
    title = title or f"Article number {number}"
    author, reviewer = default_people()
    fields = {
        "slug": f"{slugify(title)}-{number}",
        "summary": f"What “{title}” is about, in a sentence.",
        "body": "## A first step\n\nSome *gentle* words.",
        "author": author,
        "reviewer": reviewer,
        "last_reviewed": date(2026, 3, 4),
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(days=1),
    }
    fields.update(overrides)
    article = Article.objects.create(title=title, **fields)
    for position in range(sources):
        add_source(article, position=position)
    if topics:
        slugs = [topic for topic in topics if isinstance(topic, str)]
        objects = [topic for topic in topics if not isinstance(topic, str)]
        article.topics.set([*objects, *Topic.objects.filter(slug__in=slugs)])
    return article


def make_draft(title: str = "A draft", **overrides) -> Article:
    fields = {"status": Article.Status.DRAFT, "published_at": None}
    fields.update(overrides)
    return make_article(title, **fields)


def add_source(article: Article, *, position: int = 0, **overrides) -> Source:
    fields = {
        "position": position,
        "title": f"Violence against women, fact sheet {position + 1}",
        "publisher": "World Health Organization",
        "url": f"https://www.who.int/news-room/fact-sheets/{position + 1}",
        "accessed_on": date(2026, 2, 10),
    }
    fields.update(overrides)
    return Source.objects.create(article=article, **fields)


def give_hero(article: Article, *, width: int = 1440, height: int = 810) -> Article:
    """Hero fields as process_hero_image leaves them (no files: pages only need
    the names)."""
    base = f"articles/renditions/{article.slug}"
    article.hero_image = f"articles/2026/03/{article.slug}.webp"
    article.hero_alt = "Soft circles of plum and terracotta, overlapping."
    article.hero_caption = "Support grows in small circles."
    article.hero_renditions = {str(w): f"{base}-{w}.webp" for w in (480, 960, 1440)}
    article.hero_width, article.hero_height = width, height
    article.save()
    return article

"""What an article page tells other machines: Open Graph and Twitter card tags, and
schema.org Article JSON-LD. Uses the article's author, reviewer, topics and sources:
the page should fetch them with the article (select_related/prefetch_related)."""

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from groups_site.lib import web

register = template.Library()


@register.filter
def json_ld(data) -> str:
    """``data`` as JSON safe to place inside <script type="application/ld+json">."""
    return mark_safe(web.script_json(data))


def absolute_url(path: str, request=None) -> str:
    """The site's canonical address for ``path``: the domain from settings (never
    the request's Host header), the scheme of the request (https in production)."""
    return web.absolute_url(path, request.scheme if request is not None else "https")


def largest_hero(article):
    """The widest stored rendition of the hero image (1440 px unless the upload
    was smaller), or None without one."""
    if not article.has_hero:
        return None
    return article.hero_rendition(max(int(width) for width in article.hero_renditions))


def person(author, request) -> dict:
    return {
        "@type": "Person",
        "name": author.name,
        "url": absolute_url(author.get_absolute_url(), request),
        "jobTitle": author.credentials,
    }


def article_schema(article, request, *, url: str, image: dict | None) -> dict:
    """schema.org Article, with the review and sources that make it trustworthy."""
    topics = [topic.name for topic in article.topics.all()]
    schema = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "description": article.summary,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": article.published_at,
        "dateModified": modified_time(article),
        "author": person(article.author, request),
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": absolute_url("/", request),
        },
        "inLanguage": "en",
    }
    if article.published_at is None:  # a draft, previewed by staff
        del schema["datePublished"]
    if image:
        schema["image"] = {
            "@type": "ImageObject",
            "url": image["url"],
            "width": image["width"],
            "height": image["height"],
            "caption": article.hero_caption or article.hero_alt,
        }
    if article.reviewer_id:
        schema["reviewedBy"] = person(article.reviewer, request)
    if article.last_reviewed:
        schema["lastReviewed"] = article.last_reviewed
    if topics:
        schema["articleSection"] = topics[0]
        schema["keywords"] = topics
    citations = [
        {
            "@type": "CreativeWork",
            "name": source.title,
            "url": source.url,
            "publisher": {"@type": "Organization", "name": source.publisher},
        }
        for source in article.sources.all()
    ]
    if citations:
        schema["citation"] = citations
    return schema


def modified_time(article):
    """When the article last changed, never before it went out (an article
    scheduled ahead was last saved before its publish time)."""
    if article.published_at and article.updated_at:
        return max(article.published_at, article.updated_at)
    return article.updated_at


@register.simple_tag
def article_seo(article, request=None) -> dict:
    """Everything the Open Graph, Twitter card and JSON-LD tags need, with
    absolute URLs: ``{% article_seo article request as seo %}``."""
    url = absolute_url(article.get_absolute_url(), request)
    hero = largest_hero(article)
    image = None
    if hero:
        image = {
            "url": absolute_url(hero.url, request),
            "width": hero.width,
            "height": hero.height,
            "alt": article.hero_alt,
        }
    return {
        "url": url,
        "site_name": settings.SITE_NAME,
        "image": image,
        "published_time": article.published_at,
        "modified_time": modified_time(article),
        "author_url": absolute_url(article.author.get_absolute_url(), request),
        "topics": [topic.name for topic in article.topics.all()],
        "twitter_card": "summary_large_image" if image else "summary",
        "schema": article_schema(article, request, url=url, image=image),
    }

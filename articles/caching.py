"""What signed-out visitors see of articles, as tags of the shared page cache
(groups_site.pagecache): "articles" for every list of them (the index, topic and
author pages, related articles, search), "article:<slug>" for one article's
pages, "discussion:<id>" for its discussion (articles.comments.tree owns that
version). Whatever publishes or edits articles and authors calls
articles_changed; nothing else bumps these tags."""

from django.db.models import Min
from django.utils import timezone

from groups_site import pagecache

LISTING = "articles"


def article_tag(slug: str) -> str:
    return f"article:{slug}"


def discussion_tag(article_id) -> str:
    return f"discussion:{article_id}"


def articles_changed(*slugs: str) -> None:
    """Articles (by slug; old slugs too) or their authors changed: their pages
    and every list of articles."""
    pagecache.changed(LISTING, *(article_tag(slug) for slug in slugs))


def shows_article_lists() -> None:
    """The page being rendered lists published articles: it is due again when the
    next scheduled article's publish time comes (a query, only while rendering)."""
    from articles.models import Article

    if not pagecache.is_collecting():
        return
    upcoming = Article.objects.filter(
        status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
    ).aggregate(first=Min("published_at"))["first"]
    pagecache.valid_until(upcoming)

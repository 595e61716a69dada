from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from articles.models import Article
from groups.models import Topic

FEED_LENGTH = 20


class LatestArticlesFeed(Feed):
    """The latest published articles as Atom. Published means public: drafts,
    articles in review and those scheduled for later never appear."""

    feed_type = Atom1Feed

    def title(self):
        return f"{settings.SITE_NAME}: articles"

    def subtitle(self):
        return (
            "Practical self-help articles written by experts and checked by a "
            "second reviewer."
        )

    def link(self):
        return reverse("articles:article_list")

    def feed_url(self):
        return reverse("article_feed")

    def items(self):
        return (
            Article.objects.published()
            .select_related("author")
            .prefetch_related(
                Prefetch("topics", queryset=Topic.objects.order_by("name"))
            )
            .defer("body", "body_html", "search_vector")
            .order_by("-published_at", "-id")[:FEED_LENGTH]
        )

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_author_name(self, article):
        return article.author.name

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        # An article scheduled ahead was last saved before it went out.
        return max(article.updated_at, article.published_at)

    def item_categories(self, article):
        return [topic.name for topic in article.topics.all()]

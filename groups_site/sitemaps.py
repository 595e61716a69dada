"""/sitemap.xml: every public page a search engine may list. Only what anyone can
find on the site: published articles, listed groups that are running, and the pages
around them. Unlisted, pending and archived groups and unpublished articles never
appear."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from articles.models import Article, Author
from groups.models import Group, Topic


class ArticleSitemap(Sitemap):
    def items(self):
        return (
            Article.objects.published()
            .only("slug", "published_at", "updated_at")
            .order_by("-published_at", "-id")
        )

    def lastmod(self, article):
        # An article scheduled ahead was last saved before it went out.
        return max(article.updated_at, article.published_at)


class GroupSitemap(Sitemap):
    def items(self):
        return Group.objects.listed().only("slug", "updated_at").order_by("pk")

    def lastmod(self, group):
        return group.updated_at


class ArticleTopicSitemap(Sitemap):
    """Topic pages with something to read on them. (The groups list by topic is
    /groups/?topic=..., a search; search engines find it from these pages.)"""

    def items(self):
        published = Article.objects.published().filter(topics=OuterRef("pk"))
        return Topic.objects.filter(Exists(published)).order_by("slug")

    def location(self, topic):
        return reverse("articles:article_topic", args=[topic.slug])


class AuthorSitemap(Sitemap):
    """Authors who wrote or reviewed a published article."""

    def items(self):
        published = Article.objects.published().filter(
            Q(author=OuterRef("pk")) | Q(reviewer=OuterRef("pk"))
        )
        return Author.objects.filter(Exists(published)).only("slug").order_by("slug")


class StaticPageSitemap(Sitemap):
    def items(self):
        return [
            "home",
            "about",
            "safety",
            "guidelines",
            "privacy",
            "groups:group_list",
            "articles:article_list",
            "articles:editorial_standards",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": StaticPageSitemap,
    "articles": ArticleSitemap,
    "topics": ArticleTopicSitemap,
    "authors": AuthorSitemap,
    "groups": GroupSitemap,
}

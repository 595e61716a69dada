from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from articles import caching, services
from articles.comments import reading
from articles.forms import CommentForm
from articles.models import Article, Author
from articles.views.reading import discussion_html
from groups import caching as groups_caching
from groups import searched_place
from groups.models import Topic
from groups_site import pagecache
from groups_site.lib.pagination import paginate

ARTICLES_PER_PAGE = 12
FEATURED_ARTICLES = 3
RELATED_ARTICLES = 3


@require_safe
@pagecache.shared_when_signed_out(tags=[caching.LISTING], params=["page"])
def article_list(request):
    caching.shows_article_lists()
    articles = Article.objects.published().with_card_data()
    featured = list(articles.filter(is_featured=True)[:FEATURED_ARTICLES])
    # Featured articles sit on top of the first page, so the list leaves them out.
    latest = articles.exclude(pk__in=[article.pk for article in featured])
    page_obj = paginate(latest, request.GET.get("page"), per_page=ARTICLES_PER_PAGE)
    context = {
        "featured": featured if page_obj.number == 1 else [],
        "page_obj": page_obj,
        "topics": services.topics_with_articles(),
    }
    return render(request, "articles/article_list.html", context)


@require_safe
@pagecache.shared_when_signed_out(tags=[caching.LISTING], params=["page"])
def article_topic(request, slug):
    caching.shows_article_lists()
    topic = get_object_or_404(Topic, slug=slug)
    articles = Article.objects.published().filter(topics=topic).with_card_data()
    page_obj = paginate(articles, request.GET.get("page"), per_page=ARTICLES_PER_PAGE)
    context = {"topic": topic, "page_obj": page_obj}
    return render(request, "articles/article_topic.html", context)


@require_safe
@pagecache.shared_when_signed_out(
    tags=lambda slug: [
        caching.LISTING,
        caching.article_tag(slug),
        groups_caching.LISTING,
    ],
    params=["page", "sort"],
    variant=searched_place.text,
)
def article_detail(request, slug):
    caching.shows_article_lists()
    articles = Article.objects.visible_to(request.user).with_comment_count()
    article = get_object_or_404(
        articles.select_related("author", "reviewer").prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("name")), "sources"
        ),
        slug=slug,
    )
    pagecache.depends_on(caching.discussion_tag(article.pk))
    viewer = reading.Viewer.of(request.user)
    place = searched_place.place(request)
    context = {
        "article": article,
        "related_articles": services.related_articles(article, limit=RELATED_ARTICLES),
        "groups_near_you": services.groups_near_you(article, place=place),
        "discussion_html": discussion_html(request, article, viewer),
        "comment_form": CommentForm(article=article, user=request.user),
    }
    return render(request, "articles/article_detail.html", context)


@require_safe
@pagecache.shared_when_signed_out(tags=[caching.LISTING])
def author_detail(request, slug):
    caching.shows_article_lists()
    author = get_object_or_404(Author, slug=slug)
    published = Article.objects.published().with_card_data()
    context = {
        "author": author,
        "articles": published.filter(author=author),
        "reviewed_articles": published.filter(reviewer=author),
    }
    return render(request, "articles/author_detail.html", context)

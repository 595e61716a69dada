from django.db.models import Prefetch
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from articles import caching, services
from articles.comments import members, reading, rendering, rules
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
META_TEMPLATE = "articles/includes/article_meta.html"
MAIN_TEMPLATE = "articles/includes/article_main.html"
# What only the article's shared parts show (article_parts reads them itself).
PARTS_FIELDS = ("body", "body_html", "search_vector")


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
    articles = Article.objects.visible_to(request.user).with_comment_count()
    if request.user.is_authenticated:
        # Whether she may post, asked in the same query (comment_form_html).
        # And whether the members' discussion page is hers (render_discussion).
        articles = articles.annotate(
            reader_has_verified_email=rules.has_verified_email(request.user),
            **members.reader_marks(request.user),
        )
    # Its text, people and sources are in its shared parts (article_parts).
    article = get_object_or_404(articles.defer(*PARTS_FIELDS), slug=slug)
    pagecache.depends_on(caching.discussion_tag(article.pk))
    viewer = reading.Viewer.of(request.user)
    context = {
        "article": article,
        "parts": article_parts(request, article),
        "discussion_html": discussion_html(request, article, viewer),
    }
    if article.comments_open:
        context["comment_form_html"] = rendering.comment_form_html(
            article,
            request.user,
            # Signed-out readers get a cached page with no token in it.
            csrf_token=get_token(request) if viewer.is_authenticated else "",
            verified_email=getattr(article, "reader_has_verified_email", None),
        )
    return render(request, "articles/article_detail.html", context)


def article_parts(request, article) -> dict:
    """The article page's parts that every reader sees alike, as HTML: "head"
    (article_meta.html) and "main" (article_main.html: the article, groups near
    the place she last searched, related articles). A published article's parts
    are shared from the page cache (pagecache.shared_fragment) under the tags its
    signed-out page has, so a signed-in reader gets them without a query; a
    staff preview's are rendered for her."""

    def render_parts() -> dict:
        # Read afresh with everything the parts show (the page's own read of
        # the article leaves that out).
        shown = (
            Article.objects.select_related("author", "reviewer")
            .prefetch_related(
                Prefetch("topics", queryset=Topic.objects.order_by("name")), "sources"
            )
            .get(pk=article.pk)
        )
        box = services.groups_near_you(shown, place=searched_place.place(request))
        # Its cards name their next meeting: due again when the first one starts.
        pagecache.valid_until(groups_caching.cards_change_at(box.groups))
        context = {
            "article": shown,
            "groups_near_you": box,
            "related_articles": services.related_articles(
                shown, limit=RELATED_ARTICLES
            ),
        }
        head = {"article": shown, "request": request}
        return {
            "head": str(render_to_string(META_TEMPLATE, head)),
            "main": str(render_to_string(MAIN_TEMPLATE, context)),
        }

    if article.is_public:
        place = searched_place.text(request)
        name = ":".join(("articles:parts", article.slug, request.scheme, place))
        tags = [
            caching.LISTING,
            caching.article_tag(article.slug),
            groups_caching.LISTING,
        ]
        parts = pagecache.shared_fragment(name, tags, render_parts)
    else:
        parts = render_parts()
    return {name: mark_safe(html) for name, html in parts.items()}


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

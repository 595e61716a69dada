"""Reading the discussion: the part of an article page, a thread page for replies
past the indentation cap (or cut to fit a page), and comment permalinks. The
rules are in articles.comments.reading and rendering; these views read what they
need from the request (who reads, ?sort=, ?page=, ?reply=) and pass it down as
plain values."""

from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from articles import caching
from articles.comments import reading, rendering
from articles.models import Article, Comment
from groups_site import pagecache


def discussion_html(request, article, viewer: reading.Viewer, *, root=None):
    """The discussion of ``article`` (or under ``root``) for this request."""
    return rendering.render_discussion(
        article,
        viewer,
        sort=request.GET.get("sort"),
        page=reading.page_number(request.GET.get("page")),
        root=root,
        reply_to=request.GET.get("reply", ""),
        query=request.GET,
        # Signed-out readers get a cached page with no form and no token in it.
        csrf_token=get_token(request) if viewer.is_authenticated else "",
    )


@require_safe
@pagecache.shared_when_signed_out(
    tags=lambda slug, comment_id: [caching.article_tag(slug)], params=["page", "sort"]
)
def comment_thread(request, slug, comment_id):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    pagecache.depends_on(caching.discussion_tag(article.pk))
    viewer = reading.Viewer.of(request.user)
    root = reading.get_thread_root(article, comment_id, viewer)
    context = {
        "article": article,
        "root": root,
        "discussion_html": discussion_html(request, article, viewer, root=root),
    }
    return render(request, "articles/comment_thread.html", context)


@require_safe
def comment_permalink(request, slug, comment_id):
    """Redirects to the page that shows the comment (default sort), #comment-<id>."""
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    comment = get_object_or_404(Comment, article=article, pk=comment_id)
    url = reading.comment_location(article, comment, reading.Viewer(request.user))
    if url is None:
        raise Http404("No such comment.")
    return redirect(url)

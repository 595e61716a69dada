"""Reading the discussion beyond the article page: a thread page for replies past
the indentation cap (or cut to fit a page), and comment permalinks. The rules are
in articles.threads."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from articles import threads
from articles.models import Article, Comment


@require_safe
def comment_thread(request, slug, comment_id):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    viewer = threads.Viewer.of(request.user)
    root = threads.get_thread_root(article, comment_id, viewer)
    context = {
        "article": article,
        "root": root,
        "discussion_html": threads.render_discussion(
            request, article, viewer, root=root
        ),
    }
    return render(request, "articles/comment_thread.html", context)


@require_safe
def comment_permalink(request, slug, comment_id):
    """Redirects to the page that shows the comment (default sort), #comment-<id>."""
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    comment = get_object_or_404(Comment, article=article, pk=comment_id)
    url = threads.comment_location(article, comment, threads.Viewer(request.user))
    if url is None:
        raise Http404("No such comment.")
    return redirect(url)

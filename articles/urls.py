from django.urls import path

from articles.views import articles, posting, reading
from groups_site.pagecache import shared_page

app_name = "articles"

urlpatterns = [
    path("articles/", articles.article_list, name="article_list"),
    path(
        "articles/standards/",
        shared_page("articles/editorial_standards.html"),
        name="editorial_standards",
    ),
    path("articles/topic/<slug:slug>/", articles.article_topic, name="article_topic"),
    path("articles/<slug:slug>/", articles.article_detail, name="article_detail"),
    path(
        "articles/<slug:slug>/comments/",
        posting.comment_create,
        name="comment_create",
    ),
    path(
        "articles/<slug:slug>/comments/<int:comment_id>/",
        reading.comment_thread,
        name="comment_thread",
    ),
    path(
        "articles/<slug:slug>/c/<int:comment_id>/",
        reading.comment_permalink,
        name="comment_permalink",
    ),
    path("comments/<int:comment_id>/edit/", posting.comment_edit, name="comment_edit"),
    path(
        "comments/<int:comment_id>/delete/",
        posting.comment_delete,
        name="comment_delete",
    ),
    path(
        "comments/<int:comment_id>/helpful/",
        posting.comment_helpful,
        name="comment_helpful",
    ),
    path(
        "comments/<int:comment_id>/report/",
        posting.comment_report,
        name="comment_report",
    ),
    path(
        "comments/<int:comment_id>/hide-author/",
        posting.comment_hide_author,
        name="comment_hide_author",
    ),
    path("authors/<slug:slug>/", articles.author_detail, name="author_detail"),
]

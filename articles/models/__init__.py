# Split by subject: the articles themselves, and the discussion under them.
from articles.models.article import Article, ArticleQuerySet, Author, Rendition, Source
from articles.models.comment import (
    Comment,
    CommentHelpful,
    CommentQuerySet,
    CommentReport,
    CommentRevision,
)
from articles.models.screening import CommentFlag, WatchedWord

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Author",
    "Comment",
    "CommentFlag",
    "CommentHelpful",
    "CommentQuerySet",
    "CommentReport",
    "CommentRevision",
    "Rendition",
    "Source",
    "WatchedWord",
]

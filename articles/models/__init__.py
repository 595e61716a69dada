# Split by subject: the articles themselves, and the discussion under them.
from articles.models.article import Article, ArticleQuerySet, Author, Rendition, Source
from articles.models.comment import (
    Comment,
    CommentHelpful,
    CommentQuerySet,
    CommentReport,
    CommentRevision,
)

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Author",
    "Comment",
    "CommentHelpful",
    "CommentQuerySet",
    "CommentReport",
    "CommentRevision",
    "Rendition",
    "Source",
]

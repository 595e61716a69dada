"""The discussion as members see it: what articles.comments.rendering shares
between members, beyond each comment's own fragment.

A page of threads (its rows of comments, their depths and links) is the same for
every member who is not a moderator and has no comment waiting for review on the
article (which only she sees, and which counts in her pages): it is kept in the
cache under the discussion version that articles.comments.tree bumps on every
change, and only what is hers is put on its rows for her (who she blocked, what
she marked helpful; her own comments get her controls when rendered). The whole
HTML of a page is shared too, with every member who has nothing on it: no
comment by her or by someone she blocked, no comment waiting for review, no
helpful mark on the article."""

import copy
import dataclasses
import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.utils import translation

from articles.comments.reading import (
    THREADS_PER_PAGE,
    Discussion,
    Viewer,
    load_discussion,
)
from articles.comments.tree import discussion_version
from articles.models import Comment, CommentHelpful
from groups_site import pagecache

# Relative times ("5 minutes ago") in a kept page may be this much behind; a
# comment's shared fragment is kept as long (rendering.FRAGMENT_SECONDS).
SECONDS = 300


def page_key(article, viewer: Viewer, *, sort, page, root, query: str):
    """The cache key of a discussion page as every member who is not in it sees
    it (None when she is not such a reader: signed out, a moderator, a thread
    page). ``query``: the page's query as its Reply links keep it (the caller
    shares only pages with no query parameter but page and sort). A page is
    shared only while nothing on it is hers (see differs_for_her), under the
    discussion version that every change to it bumps (a comment posted, edited,
    moderated, marked helpful, its author's new name), and for SECONDS
    at most (its "5 minutes ago")."""
    if root is not None or not viewer.is_authenticated or viewer.is_moderator:
        return None
    return _key(
        "members-discussion",
        article,
        translation.get_language(),
        int(article.comments_open),
        sort,
        page,
        # Its Reply links keep the query as it was given.
        hashlib.blake2b(query.encode(), digest_size=8).hexdigest(),
    )


def _key(kind: str, article, *parts) -> str:
    """A key of this release's under the article's current discussion version."""
    common = (pagecache.release(), article.pk, article.slug)
    version = discussion_version(article.pk)
    return ":".join(str(part) for part in (kind, *common, version, *parts))


def threads(article, viewer: Viewer, *, sort: str, page: int) -> Discussion:
    """The page of threads (articles.comments.reading.load_discussion) for a
    member who is not a moderator. Its comments and their places are the same
    for every such member but one who has a comment waiting for review on the
    article (shown to her alone): for the others they are kept in the cache
    under the discussion version, and only what is hers is put on each row (who
    she blocked, what she marked helpful; her own rows get her controls when
    rendered). No query from the cache, or one for her helpful marks."""
    if _has_held_comment(article, viewer):
        return load_discussion(article, viewer, sort=sort, page=page)
    key = _key("members-threads", article, sort, page)
    stored = cache.get(key)
    if stored is None:
        discussion = load_discussion(article, viewer, sort=sort, page=page)
        if discussion.page_obj.number == page:
            cache.set(key, _storable(discussion), SECONDS)
        return discussion
    rows, count, number = stored
    marked = _helpful_marks(article, viewer, rows)
    for row in rows:
        if row.comment is not None:
            row.is_blocked = viewer.has_blocked(row.comment)
            row.is_helpful = row.comment.pk in marked
    page_obj = Paginator(range(count), THREADS_PER_PAGE).get_page(number)
    return Discussion(article, None, rows, page_obj, sort)


def _storable(discussion: Discussion) -> tuple:
    """A page of threads as every member (not a moderator) sees it: its rows
    without her marks, how many threads there are, and the page's number."""
    rows = []
    for row in discussion.rows:
        comment = copy.copy(row.comment)
        if comment is not None:
            comment.marked_helpful = False
        rows.append(
            dataclasses.replace(
                row, comment=comment, is_blocked=False, is_helpful=False, html=""
            )
        )
    return rows, discussion.count, discussion.page_obj.number


def _has_held_comment(article, viewer: Viewer) -> bool:
    known = getattr(article, "reader_has_held_comment", None)
    if known is not None:
        return known
    return Comment.objects.filter(
        article=article, author=viewer.user, status=Comment.Status.HELD
    ).exists()


def _helpful_marks(article, viewer: Viewer, rows) -> set:
    """The comments of ``rows`` she marked helpful (a query only when she marked
    any on the article, or when the article was read without reader_marks)."""
    if getattr(article, "reader_has_helpful_mark", None) is False:
        return set()
    ids = [row.comment.pk for row in rows if row.comment is not None]
    return set(
        CommentHelpful.objects.filter(user=viewer.user, comment_id__in=ids).values_list(
            "comment_id", flat=True
        )
    )


def _comment_rows(discussion: Discussion):
    return [row for row in discussion.rows if row.comment is not None]


def author_ids(discussion: Discussion) -> frozenset:
    return frozenset(
        row.comment.author_id
        for row in _comment_rows(discussion)
        if row.comment.author_id is not None
    )


def differs_for_her(entry: dict, article, viewer: Viewer) -> bool:
    """Whether the members' page would look different for her: it has comments
    by her (the "(you)" mark, Edit, Delete) or by someone she blocked (folded
    away), or she has a comment waiting for review on the article (shown to her
    alone, and counted in her pages) or marked one of its comments helpful (the
    pressed button). The last two: one query, unless the article was read with
    them (reader_marks)."""
    user = viewer.user
    people = {user.pk} | viewer.blocked_ids | viewer.hidden_anonymous_ids
    if entry["author_ids"] & people:
        return True
    known = [getattr(article, name, None) for name in READER_MARKS]
    if None not in known:
        return any(known)
    marks = type(article).objects.filter(pk=article.pk).annotate(**reader_marks(user))
    return any(marks.values_list(*READER_MARKS).get())


READER_MARKS = ("reader_has_held_comment", "reader_has_helpful_mark")


def reader_marks(user) -> dict:
    """Annotations for a query of articles: whether she has a comment waiting
    for review on the article, and whether she marked one of its comments
    helpful. A page that reads its article anyway asks them there, and saves
    differs_for_her its query."""
    return {
        "reader_has_held_comment": Exists(
            Comment.objects.filter(
                article=OuterRef("pk"), author=user, status=Comment.Status.HELD
            )
        ),
        "reader_has_helpful_mark": Exists(
            CommentHelpful.objects.filter(user=user, comment__article=OuterRef("pk"))
        ),
    }

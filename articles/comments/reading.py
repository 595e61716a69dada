"""Reading the discussion: a page of threads, their replies, and where a comment is.

A page costs the same few queries whatever the size of its threads: one COUNT and
one query for the page of top-level comments, then ONE query for the replies under
them (by stored thread root and path, depth capped, at most about
COMMENTS_PER_PAGE rows), built into a flat list of rows in Python. The templates
render that list with one loop and a depth class, not a recursive include (see
DESIGN.md "Notes from measurement").

A thread page (/articles/<slug>/comments/<id>/) is the same thing one level down:
the comment is the root, its direct replies are the "top-level" comments, and
depth counts from it. Replies deeper than INDENT_MAX_DEPTH continue on the thread
page of their ancestor at INDENT_MAX_DEPTH; threads cut to fit the page end in "N
more replies", which opens the thread page of their top comment.

articles.comments.rendering turns a page into HTML (and caches what it can)."""

from collections import defaultdict
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Exists, F, OuterRef, Q, Value, Window
from django.db.models.functions import Left, RowNumber
from django.http import Http404
from django.urls import reverse

from accounts.access import is_moderator
from accounts.services import blocked_ids
from articles.models import Comment, CommentHelpful
from articles.models.comment import PATH_DIGITS, SHOWN_STATUSES
from groups_site.lib.text import positive_int

THREADS_PER_PAGE = 20
COMMENTS_PER_PAGE = 200
# Indentation stops here; deeper replies continue on a thread page.
INDENT_MAX_DEPTH = 6
SEGMENT_LENGTH = PATH_DIGITS + 1  # "0000000012/"
DEFAULT_SORT = "oldest"
SORTS = {
    "oldest": ("Oldest first", ("created_at", "id")),
    "newest": ("Newest first", ("-created_at", "-id")),
    "helpful": ("Most helpful", ("-helpful_count", "created_at", "id")),
}


# Who is reading ---------------------------------------------------------------


@dataclass(frozen=True)
class Viewer:
    """The person reading, and what changes the discussion for her."""

    user: object
    blocked_ids: frozenset = frozenset()
    # Authors whose anonymous comments she hid ("Hide comments from this person").
    hidden_anonymous_ids: frozenset = frozenset()

    @classmethod
    def of(cls, user) -> "Viewer":
        """Runs one query for a signed-in viewer: the people she blocked."""
        if not user.is_authenticated:
            return cls(user)
        named, anonymous = blocked_ids(user)
        return cls(user, frozenset(named), frozenset(anonymous))

    @property
    def is_authenticated(self) -> bool:
        return self.user.is_authenticated

    @property
    def is_moderator(self) -> bool:
        return is_moderator(self.user)

    def shown_filter(self) -> Q:
        """The comments that take a place in the tree for her: visible ones,
        "[deleted]" placeholders and hidden ones (a "Removed by a moderator"
        placeholder but for moderators); her own comments waiting for review.
        Nobody else ever sees a held comment."""
        shown = Q(status__in=SHOWN_STATUSES)
        if self.is_authenticated:
            shown |= Q(status=Comment.Status.HELD, author_id=self.user.pk)
        return shown

    def can_see(self, comment: Comment) -> bool:
        """shown_filter() for one comment in memory."""
        if comment.is_shown:
            return True
        return self.is_authenticated and comment.author_id == self.user.pk

    def has_blocked(self, comment: Comment) -> bool:
        """Whether to collapse the comment. A named block folds named comments
        only (and anonymous ones for moderators, who see who wrote them): "You
        blocked this person" on an anonymous comment would say who wrote it. A
        block made from an anonymous comment folds that author's anonymous
        comments only: folding her named ones too would give her away."""
        if comment.is_deleted:
            return False
        if comment.is_anonymous:
            return comment.author_id in self.hidden_anonymous_ids or (
                self.is_moderator and comment.author_id in self.blocked_ids
            )
        return comment.author_id in self.blocked_ids


# The rows of a page -------------------------------------------------------------


@dataclass
class Row:
    """One line of the flat list: a comment at a depth (0 to INDENT_MAX_DEPTH, counted
    from the page's root), or, without a comment, an "N more replies" link."""

    depth: int
    comment: Comment | None = None
    is_blocked: bool = False
    is_helpful: bool = False
    # Its replies go on past the depth cap: "Continue this thread".
    continue_url: str = ""
    continue_count: int = 0
    # An "N more replies" row: the thread was cut to fit the page.
    more_url: str = ""
    more_count: int = 0
    # Its HTML (articles/includes/comment_row.html), given by
    # articles.comments.rendering.
    html: str = ""

    @property
    def is_more(self) -> bool:
        return self.comment is None


@dataclass
class Discussion:
    """One page of the discussion under an article (root is None) or under one
    comment (a thread page)."""

    article: object
    root: Comment | None
    rows: list[Row]
    page_obj: Page
    sort: str

    @property
    def count(self) -> int:
        """Top-level comments (or direct replies to the root) in all pages."""
        return self.page_obj.paginator.count

    @property
    def sort_links(self) -> list[dict]:
        return [
            {
                "label": label,
                "url": f"?sort={key}#discussion",
                "is_current": key == self.sort,
            }
            for key, (label, _) in SORTS.items()
        ]

    def page_url(self, number: int) -> str:
        query = f"sort={self.sort}&page={number}"
        if self.sort == DEFAULT_SORT:
            query = f"page={number}"
        return f"?{query}#discussion"

    @property
    def previous_url(self) -> str:
        if not self.page_obj.has_previous():
            return ""
        return self.page_url(self.page_obj.previous_page_number())

    @property
    def next_url(self) -> str:
        if not self.page_obj.has_next():
            return ""
        return self.page_url(self.page_obj.next_page_number())


def parse_sort(value) -> str:
    return value if value in SORTS else DEFAULT_SORT


def thread_url(article, comment: Comment) -> str:
    return reverse("articles:comment_thread", args=[article.slug, comment.pk])


def load_discussion(
    article, viewer: Viewer, *, sort=DEFAULT_SORT, page=None, root=None
) -> Discussion:
    """A page of threads with their replies, as a flat list of rows. Three
    queries (the count, the page, the replies) whatever the threads' size; two
    when there is nothing on the page."""
    sort = parse_sort(sort)
    tops = _tops(article, viewer, root=root, sort=sort)
    page_obj = Paginator(tops, THREADS_PER_PAGE).get_page(page)
    top_list = list(page_obj.object_list) if page_obj.paginator.count else []
    level = _thread_allowance(top_list, root)
    descendants = []
    if top_list and level:
        descendants = list(_descendants(top_list, viewer, root=root, level=level))
    rows = []
    if root is not None:
        rows.append(_row(root, 0, article, viewer))
    base_depth = root.depth if root is not None else 0
    replies_by_top = defaultdict(list)
    for comment in descendants:
        replies_by_top[comment.path[: len(top_list[0].path)]].append(comment)
    for top in top_list:
        # One row past the allowance was fetched to tell whether there is more.
        replies = replies_by_top[top.path]
        is_cut = len(replies) > level
        replies = replies[:level]
        rows.append(_row(top, top.depth - base_depth, article, viewer))
        # In path order a parent comes before its replies: a reply whose parent
        # is not shown (held for review) is left out, and so is
        # everything under it.
        shown = {top.pk}
        for reply in replies:
            if reply.parent_id in shown:
                shown.add(reply.pk)
                rows.append(_row(reply, reply.depth - base_depth, article, viewer))
        if is_cut:
            # The stored count leaves out held replies (which their authors
            # see): then the link says no number.
            not_here = top.descendant_count - (len(shown) - 1)
            rows.append(
                Row(
                    depth=top.depth - base_depth + 1,
                    more_url=thread_url(article, top),
                    more_count=max(not_here, 0),
                )
            )
    return Discussion(article, root, rows, page_obj, sort)


def _tops(article, viewer: Viewer, *, root=None, sort=DEFAULT_SORT):
    """The top-level comments shown to her (or the root's direct replies)."""
    comments = Comment.objects.filter(article=article).filter(viewer.shown_filter())
    if root is None:
        comments = comments.filter(parent__isnull=True)
    else:
        comments = comments.filter(parent=root)
    comments = _with_viewer_marks(_with_authors(comments), viewer)
    return comments.order_by(*SORTS[sort][1])


def _replies_under(tops, viewer: Viewer, *, root=None):
    """The replies under ``tops`` (all of one depth) that a page shows: shown to
    her, no deeper than INDENT_MAX_DEPTH below the page's root."""
    base_depth = root.depth if root is not None else 0
    top_depth = tops[0].depth
    comments = Comment.objects.filter(
        viewer.shown_filter(),
        depth__gt=top_depth,
        depth__lte=base_depth + INDENT_MAX_DEPTH,
    )
    if root is None:
        # Uses the (root, path) index.
        return comments.filter(root_id__in=[top.pk for top in tops])
    return comments.filter(
        root_id=root.thread_id,
        path__startswith=root.path,
    ).filter(Q.create([("path__startswith", top.path) for top in tops], connector=Q.OR))


def _descendants(tops, viewer: Viewer, *, root=None, level: int):
    """The first ``level`` replies (in path order) under each of ``tops``, and one
    more where there are more, with their authors, in one query."""
    prefix_length = len(tops[0].path)
    # Numbered in a subquery of ids only, so the authors and her helpful marks
    # are looked up for the rows the page keeps, not for the whole threads.
    first_ones = (
        _replies_under(tops, viewer, root=root)
        .annotate(
            position=Window(
                RowNumber(),
                partition_by=[Left("path", prefix_length)],
                order_by=F("path").asc(),
            )
        )
        .filter(position__lte=level + 1)
        .values("pk")
    )
    comments = _with_authors(Comment.objects.filter(pk__in=first_ones))
    return _with_viewer_marks(comments, viewer).order_by("path")


# What a page of comments shows of each comment and its author: a page loads up
# to COMMENTS_PER_PAGE of them, and the raw text and the rest of the author's
# account were most of the time spent making them.
LISTED_COMMENT_FIELDS = [
    field.name
    for field in Comment._meta.concrete_fields
    if field.name not in ("body", "submission_key")
]
LISTED_AUTHOR_FIELDS = ["author__username", "author__display_name", "author__is_staff"]


def _with_authors(comments):
    """The comments with what their rows show of their authors, in the same
    query (articles/includes/comment.html: the name, the profile link, the
    moderator badge)."""
    return comments.select_related("author").only(
        *LISTED_COMMENT_FIELDS, *LISTED_AUTHOR_FIELDS
    )


def _with_viewer_marks(comments, viewer: Viewer):
    """Whether she marked each comment helpful, in the same query."""
    if not viewer.is_authenticated:
        return comments.annotate(marked_helpful=Value(False))
    marks = CommentHelpful.objects.filter(comment=OuterRef("pk"), user=viewer.user)
    return comments.annotate(marked_helpful=Exists(marks))


def _thread_allowance(tops, root=None) -> int:
    """How many replies each thread on the page may show, so the page holds at
    most about COMMENTS_PER_PAGE comments: small threads show whole, big ones
    share what is left equally (by their stored descendant counts)."""
    budget = COMMENTS_PER_PAGE - len(tops) - (1 if root is not None else 0)
    wanted = sorted(top.descendant_count for top in tops)
    if sum(wanted) <= budget:
        # Everything fits. Held replies (which their authors see) are not in
        # the stored counts: leave them room too.
        return budget
    for index, count in enumerate(wanted):
        share = budget // (len(wanted) - index)
        if count > share:
            return share
        budget -= count
    return wanted[-1]


def _row(comment: Comment, depth: int, article, viewer: Viewer) -> Row:
    row = Row(
        depth=depth,
        comment=comment,
        is_blocked=viewer.has_blocked(comment),
        is_helpful=getattr(comment, "marked_helpful", False),
    )
    if depth >= INDENT_MAX_DEPTH and comment.reply_count:
        row.continue_url = thread_url(article, comment)
        row.continue_count = comment.descendant_count
    return row


# A thread page's root and a comment's place ---------------------------------------


def ancestor_ids(comment: Comment) -> list[int]:
    """From the thread root down to the comment's parent, read off its path."""
    return [int(segment) for segment in comment.path.split("/") if segment][:-1]


def _line_of(comment: Comment, viewer: Viewer) -> list[Comment] | None:
    """The comment's ancestors and the comment (line[i] has depth i), or None when
    she may not see one of them. One query for the ancestors."""
    if not viewer.can_see(comment):
        return None
    ids = ancestor_ids(comment)
    ancestors = (
        list(Comment.objects.filter(pk__in=ids).order_by("depth")) if ids else []
    )
    if len(ancestors) != len(ids) or not all(map(viewer.can_see, ancestors)):
        return None
    return [*ancestors, comment]


def get_thread_root(article, comment_id: int, viewer: Viewer) -> Comment:
    """The comment a thread page starts from; 404 unless she can see it and every
    comment above it. Two queries."""
    comments = Comment.objects.filter(article=article, pk=comment_id)
    comment = _with_viewer_marks(comments.select_related("author"), viewer).first()
    if comment is None or _line_of(comment, viewer) is None:
        raise Http404("No such comment.")
    return comment


def comment_location(article, comment: Comment, viewer: Viewer) -> str | None:
    """The address of the page that shows ``comment`` to her, with the default
    sort, ending in #comment-<id>; None when she may not see it. The article's
    discussion for depths up to INDENT_MAX_DEPTH, otherwise the thread page of its
    ancestor at INDENT_MAX_DEPTH (or 2 x INDENT_MAX_DEPTH...); when its thread is
    cut on that page, the thread page of its top comment, and so on down. A few
    queries per step, at most INDENT_MAX_DEPTH steps."""
    line = _line_of(comment, viewer)
    if line is None:
        return None
    base_depth = max(comment.depth - 1, 0) // INDENT_MAX_DEPTH * INDENT_MAX_DEPTH
    root = line[base_depth] if base_depth else None
    while True:
        top = line[base_depth + 1] if root is not None else line[0]
        tops = _tops(article, viewer, root=root)
        earlier = tops.filter(
            Q(created_at__lt=top.created_at)
            | Q(created_at=top.created_at, pk__lt=top.pk)
        ).count()
        number = earlier // THREADS_PER_PAGE + 1
        url = thread_url(article, root) if root else article.get_absolute_url()
        url = (f"{url}?page={number}" if number > 1 else url) + f"#comment-{comment.pk}"
        if comment is top:
            return url
        start = (number - 1) * THREADS_PER_PAGE
        page = tops.select_related(None).only("descendant_count", "path")
        page = list(page[start : start + THREADS_PER_PAGE])
        level = _thread_allowance(page, root)
        earlier_replies = (
            _replies_under([top], viewer, root=root)
            .filter(path__lt=comment.path)
            .count()
        )
        if earlier_replies < level:
            return url
        # Cut from this page: its thread's own page shows more.
        root, base_depth = top, top.depth


# The request's page number -------------------------------------------------------


def page_number(value) -> int:
    """A ?page= value as a page number (1 for anything else)."""
    return positive_int(value) or 1

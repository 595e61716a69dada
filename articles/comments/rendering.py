"""The discussion's HTML: one page of threads (articles/includes/discussion.html)
built from the HTML of each row (articles/includes/comment_row.html).

Most of a comment's HTML is the same for everyone who reads it: who wrote it,
when, what it says, its links and the controls every signed-in reader gets. That
HTML is cached per comment and shared by all readers of one kind (signed out,
signed in, moderator), and only the rows that differ for her are rendered for her
alone: her own comments (the "(you)" mark, Edit, Delete, her comments waiting for
review), comments by people she blocked (folded away), comments she marked
helpful (the pressed button) and the comment she is replying to (the form under
it). So a discussion costs about the same to render whoever reads it.

A comment's shared HTML is stored with a version read off everything it shows
(its status, text, edit time, helpful count, its author's name and role, the
depth and "Continue this thread" of its row, the article's openness, the page's
query and language): any change through any service, the admin or a moderator
gives the comment a new version, so a stale fragment is never used, whether or
not the writer remembered to refresh anything. The fragments of one page (one
article or thread, sort, page and kind of reader) are kept together under one
key, so a page costs one cache read, and each fragment is at most
FRAGMENT_SECONDS old (its "5 minutes ago").

The signed-in readers' CSRF token is the one thing in a shared fragment that is
hers: fragments hold a placeholder (a value derived from SECRET_KEY, which no
comment can contain) that is replaced by her token when the page is put
together (fill_placeholders). The posting form at the foot of the discussion is
shared the same way by everyone who may post (comment_form_html), with a second
placeholder for its submission key, which every page gets afresh.

Signed-out readers' whole discussion HTML is also cached per article, sort, page
and the discussion version that articles.comments.tree bumps on every change.
So is the page as members see it, for every member who is not in it: the page is
stored with the authors on it, and a member gets it (with her token) only when
none of them is her or someone she blocked and she has no comment waiting for
review and no helpful mark on the article (one query); anyone else, moderators,
thread pages and pages with a reply form get theirs rendered as above. Below
that, the page's threads themselves (its rows of comments) are kept for members
with no comment waiting for review, so a member whose own comments are on the
page gets it without loading the threads (articles.comments.members)."""

import hashlib
import time

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import QueryDict
from django.template.loader import get_template, render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString, mark_safe

from articles.comments import members, rules
from articles.comments.reading import (
    DEFAULT_SORT,
    Discussion,
    Row,
    Viewer,
    load_discussion,
    parse_sort,
)
from articles.comments.tree import discussion_version
from articles.forms import CommentForm, new_submission_key
from articles.models import Comment
from groups_site import pagecache

# Relative times ("5 minutes ago") in a cached fragment may be this much behind.
FRAGMENT_SECONDS = members.SECONDS
# The posting form shows nothing that changes but the code (which is in its key):
# the time limit only bounds memory.
COMMENT_FORM_SECONDS = 60 * 60
ROW_TEMPLATE = "articles/includes/comment_row.html"
# Query parameters a discussion page understands; with any other, its Reply links
# would carry it too, so the page is rendered for her alone (and nothing cached).
SHARED_QUERY_KEYS = {"page", "sort", "reply"}
# Version of the fragments' layout: change it when comment_row.html, comment.html
# or what they include change in a way the stored fragments must not survive.
FRAGMENT_LAYOUT = 1

CSRF_PLACEHOLDER = SimpleLazyObject(
    lambda: salted_hmac("articles.comments.rendering", "csrf-placeholder").hexdigest()
)
SUBMISSION_KEY_PLACEHOLDER = SimpleLazyObject(
    lambda: salted_hmac(
        "articles.comments.rendering", "submission-key-placeholder"
    ).hexdigest()
)
FORM_TEMPLATE = "articles/includes/comment_form.html"


def fill_placeholders(html: str, csrf_token: str) -> str:
    """A shared fragment made hers: her CSRF token, and a fresh submission key
    for each posting form (a key is how post_comment tells a double submit from
    her next comment, so no two pages may share one)."""
    html = html.replace(str(CSRF_PLACEHOLDER), csrf_token)
    placeholder = str(SUBMISSION_KEY_PLACEHOLDER)
    while placeholder in html:
        html = html.replace(placeholder, new_submission_key(), 1)
    return html


def comment_form_html(
    article, user, *, csrf_token: str = "", verified_email: bool | None = None
) -> SafeString:
    """The posting form at the foot of the article's discussion, for her. When she
    may post, the form is the same for everyone who may (only her token and its
    submission key differ): it is rendered once per article and shared from the
    cache (its Django widget templates are most of its cost). Why she can't post,
    or the invitation to sign in, is rendered for her. One query for a signed-in
    reader (posting_problem: her verified e-mail address) unless
    ``verified_email`` was read with the article (rules.has_verified_email)."""
    form = CommentForm(article=article, user=user, verified_email=verified_email)
    context = {"form": form, "article": article, "user": user}
    if not user.is_authenticated or form.posting_problem:
        return render_to_string(FORM_TEMPLATE, context | {"csrf_token": csrf_token})
    key = ":".join(
        (
            "comment-form",
            pagecache.release(),
            translation.get_language() or "",
            # The form's script: its address changes with its content.
            static("js/discussion.js"),
            article.slug,
        )
    )
    html = cache.get(key)
    if html is None:
        form.initial["submission_key"] = str(SUBMISSION_KEY_PLACEHOLDER)
        context["csrf_token"] = str(CSRF_PLACEHOLDER)
        html = str(render_to_string(FORM_TEMPLATE, context))
        cache.set(key, html, COMMENT_FORM_SECONDS)
    return mark_safe(fill_placeholders(html, csrf_token))


def render_discussion(
    article,
    viewer: Viewer,
    *,
    sort: str = DEFAULT_SORT,
    page: int = 1,
    root: Comment | None = None,
    reply_to: str = "",
    query=None,
    csrf_token: str = "",
) -> SafeString:
    """The discussion's HTML (articles/includes/discussion.html) for one sort
    and page. ``reply_to`` is the id of the comment whose reply form to show
    (?reply=), ``query`` the page's query parameters (QueryDict) that the Reply
    links keep, ``csrf_token`` the signed-in reader's token for the forms (never
    given for signed-out readers: their cached page holds none)."""
    sort = parse_sort(sort)
    query = query if query is not None else QueryDict()
    context = {"article": article, "user": viewer.user, "csrf_token": csrf_token}
    if _has_nothing_to_show(article, viewer, root):
        discussion = Discussion(article, None, [], Paginator([], 1).get_page(1), sort)
        context["discussion"] = discussion
        return render_to_string("articles/includes/discussion.html", context)
    cacheable = root is None and not viewer.is_authenticated
    if cacheable:
        key = ":".join(
            str(part)
            for part in (
                "discussion",
                article.pk,
                discussion_version(article.pk),
                int(article.comments_open),
                sort,
                page,
            )
        )
        html = cache.get(key)
        if html is not None:
            return mark_safe(html)
    members_key = None
    if set(query) <= {"page", "sort"}:
        members_key = members.page_key(
            article, viewer, sort=sort, page=page, root=root, query=_query_key(query)
        )
    if members_key is not None:
        entry = cache.get(members_key)
        if entry is not None and not members.differs_for_her(entry, article, viewer):
            return mark_safe(fill_placeholders(entry["html"], csrf_token))
    if root is None and viewer.is_authenticated and not viewer.is_moderator:
        discussion = members.threads(article, viewer, sort=sort, page=page)
    else:
        discussion = load_discussion(article, viewer, sort=sort, page=page, root=root)
    reply_form = _reply_form(article, discussion, viewer, reply_to)
    _render_rows(
        discussion,
        viewer,
        reply_form=reply_form,
        query=query,
        # Her token goes in below, once the page may have been stored.
        csrf_token=str(CSRF_PLACEHOLDER) if members_key else csrf_token,
    )
    context["discussion"] = discussion
    html = render_to_string("articles/includes/discussion.html", context)
    if cacheable and discussion.page_obj.number == page:
        cache.set(key, str(html), FRAGMENT_SECONDS)
    if members_key is not None:
        author_ids = members.author_ids(discussion)
        if discussion.page_obj.number == page and not members.differs_for_her(
            {"author_ids": author_ids}, article, viewer
        ):
            entry = {"html": str(html), "author_ids": author_ids}
            cache.set(members_key, entry, members.SECONDS)
        html = fill_placeholders(html, csrf_token)
    return mark_safe(html)


def _has_nothing_to_show(article, viewer: Viewer, root) -> bool:
    """Most articles have no comments: when the article was fetched with its
    count (ArticleQuerySet.with_comment_count) and it is 0, a signed-out reader
    sees the empty discussion without a query. (Members may have a comment held
    for review.)"""
    return (
        root is None
        and not viewer.is_authenticated
        and getattr(article, "comment_count", None) == 0
    )


def _reply_form(article, discussion: Discussion, viewer: Viewer, reply_to: str):
    """?reply=<id>: the reply form under that comment, when it is on this page
    (the Reply link of articles/includes/comment_actions.html)."""
    if not (viewer.is_authenticated and article.comments_open):
        return None
    for row in discussion.rows:
        if row.comment is not None and str(row.comment.pk) == str(reply_to):
            if not row.comment.is_visible:
                return None
            return CommentForm(article=article, reply_to=row.comment, user=viewer.user)
    return None


# The rows: shared fragments and hers ---------------------------------------------


def _render_rows(
    discussion: Discussion, viewer: Viewer, *, reply_form, query, csrf_token
):
    """Give each row of the page its HTML (row.html): the shared fragment where
    the row is the same for every reader of her kind, else rendered for her."""
    template = get_template(ROW_TEMPLATE)
    article = discussion.article

    def render(row: Row, token: str) -> str:
        return template.render(
            {
                "row": row,
                "article": article,
                "user": viewer.user,
                "reply_form": reply_form,
                "csrf_token": token,
                "query": query,
            }
        )

    def editable(row: Row) -> bool:
        return rules.can_edit_comment(comment=row.comment, user=viewer.user)

    reply_to_id = reply_form.parent_id if reply_form is not None else None
    shared = [
        row
        for row in discussion.rows
        if not row.is_more and not _is_hers(row, viewer, reply_to_id)
    ]
    # Her own comments look the same every time she reads them (but for the
    # Edit link, which its time limit takes away): kept for her too.
    own = [
        row
        for row in discussion.rows
        if viewer.is_authenticated
        and not row.is_more
        and row.comment.author_id == viewer.user.pk
        and not row.is_blocked
        and not row.is_helpful
        and row.comment.pk != reply_to_id
    ]
    fragments = {}
    placeholder = str(CSRF_PLACEHOLDER) if viewer.is_authenticated else ""
    if shared and set(query) <= SHARED_QUERY_KEYS:
        fragments = _shared_fragments(
            discussion, shared, viewer, query, lambda row: render(row, placeholder)
        )
    if own and set(query) <= SHARED_QUERY_KEYS:
        fragments |= _shared_fragments(
            discussion,
            own,
            viewer,
            query,
            lambda row: render(row, placeholder),
            audience=f"author-{_audience(viewer)}",
            mark=lambda row: "edit" if editable(row) else "",
        )
    for row in discussion.rows:
        html = fragments.get(row.comment.pk) if row.comment is not None else None
        if html is None:
            html = render(row, csrf_token)
        elif viewer.is_authenticated:
            html = fill_placeholders(html, csrf_token)
        row.html = mark_safe(html)


def _is_hers(row: Row, viewer: Viewer, reply_to_id) -> bool:
    """Whether the row looks different for her than for others of her kind."""
    comment = row.comment
    return (
        row.is_blocked
        or row.is_helpful
        or comment.pk == reply_to_id
        or (viewer.is_authenticated and comment.author_id == viewer.user.pk)
    )


def _audience(viewer: Viewer) -> str:
    """The kinds of reader whose shared fragments differ: signed-out readers
    (no controls), members, and moderators (who see hidden comments' text and
    anonymous authors' usernames)."""
    if not viewer.is_authenticated:
        return "reader"
    return "moderator" if viewer.is_moderator else "member"


def _shared_fragments(
    discussion, rows, viewer: Viewer, query, render, *, audience="", mark=None
) -> dict:
    """{comment id: HTML} for ``rows``, from the page's cached fragments where
    their version still matches, rendering (and storing) the others.
    ``audience``: whose fragments they are (by default her kind of reader;
    "author-..." for her own comments, which only their author is given);
    ``mark``: what else a row's fragment varies on, as a string."""
    audience = audience or _audience(viewer)
    # Signed-out readers' Reply links don't keep the query ("Sign in to reply").
    query_key = _query_key(query) if viewer.is_authenticated else ""
    language = translation.get_language()
    key = "comment-fragments:" + ":".join(
        str(part)
        for part in (
            FRAGMENT_LAYOUT,
            discussion.article.pk,
            discussion.root.pk if discussion.root is not None else 0,
            discussion.sort,
            discussion.page_obj.number,
            audience,
            hashlib.blake2b(query_key.encode(), digest_size=8).hexdigest(),
            language,
        )
    )
    stored = cache.get(key) or {}
    now = int(time.time())
    fresh_after = now - FRAGMENT_SECONDS
    # The rows that are hers stay stored for the other readers of the page.
    on_page = {row.comment.pk for row in discussion.rows if row.comment is not None}
    kept = {
        pk: entry
        for pk, entry in stored.items()
        if pk in on_page and entry[2] >= fresh_after
    }
    fragments, changed = {}, False
    for row in rows:
        version = fragment_version(row, discussion.article, audience, query_key)
        if mark is not None:
            version += mark(row)
        entry = stored.get(row.comment.pk)
        if entry is None or entry[0] != version or entry[2] < fresh_after:
            entry = (version, render(row), now)
            changed = True
        kept[row.comment.pk] = entry
        fragments[row.comment.pk] = entry[1]
    if changed:
        cache.set(key, kept, FRAGMENT_SECONDS)
    return fragments


def _query_key(query) -> str:
    """The page's query as its Reply links keep it (each sets its own ?reply=)."""
    if "reply" not in query:
        return query.urlencode()
    query = query.copy()
    query["reply"] = ""
    return query.urlencode()


def fragment_version(row: Row, article, audience: str, query_key: str) -> str:
    """Everything a comment's shared fragment shows, as a short digest: any
    change to one of them (an edit, a status change, a helpful mark, its author's
    new name or role, a new reply that makes "Continue this thread" count one
    more) is a new version."""
    comment = row.comment
    author = comment.author
    shown = (
        comment.pk,
        comment.status,
        comment.hidden_by_reports,
        comment.is_anonymous,
        comment.body_html,
        comment.created_at.timestamp(),
        comment.edited_at.timestamp() if comment.edited_at else None,
        comment.helpful_count,
        comment.author_id,
        (author.username, author.display_name, author.is_staff) if author else None,
        row.depth,
        row.continue_url,
        row.continue_count,
        article.slug,
        article.comments_open,
        audience,
        query_key,
    )
    return hashlib.blake2b(repr(shown).encode(), digest_size=12).hexdigest()

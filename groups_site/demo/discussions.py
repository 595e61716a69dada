"""Demo discussions under the demo articles, and a big thread for benchmarks.

The discussions are data, one file per article in data/discussions/ (the format is
in content.py). They are posted through the real services in
articles/comments/posting.py (mentions link and notify, counters are kept, a deleted
comment with replies becomes "[deleted]"), then their timestamps are moved back to
when they were "written".

``add_big_thread`` gives one article many generated comments at once, for
`seed_demo --big-thread N` and `make bench`; comment_tree.py writes them.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from accounts.models import Notification, User
from articles.comments import posting, tree
from articles.models import Article, Comment, CommentHelpful
from groups_site.demo import content
from groups_site.demo.comment_tree import PlannedComment, insert_comments
from groups_site.demo.content import Remark

# Seeding posts many comments per person within seconds, far past the limits meant
# for people typing, and the demo accounts are all less than a day old.
_SEEDING_SETTINGS = {
    "COMMENT_RATE_LIMITS": {
        "account": {"minute": 10_000, "day": 10_000},
        "new_account": {"minute": 10_000, "day": 10_000},
    },
    "COMMENT_HOLD_NEW_ACCOUNTS": False,
}


def seed_discussions(users: dict[str, User]) -> int:
    """Post the demo discussions; returns how many comments were posted. An
    article that has comments already, or whose comments are closed, is left as
    it is, so running again adds nothing."""
    discussions = content.discussions()
    articles = Article.objects.in_bulk(list(discussions), field_name="slug")
    posted = 0
    with override_settings(**_SEEDING_SETTINGS):
        for slug, remarks in discussions.items():
            article = articles.get(slug)
            if article is None or not article.comments_open or not article.is_public:
                continue
            if article.comments.exists():
                continue
            with transaction.atomic():
                posted += _seed_discussion(article, remarks, users)
            # The services refresh the page cache; this catches the moved dates.
            tree.bump_discussion_version(article.pk)
    return posted


def walk(remarks, parent: Remark | None = None):
    """(remark, parent) pairs, each parent before its replies."""
    for remark in remarks:
        yield remark, parent
        yield from walk(remark.replies, remark)


def _seed_discussion(article: Article, remarks: list[Remark], users) -> int:
    pairs = list(walk(remarks))
    comments: dict[int, Comment] = {}  # id(remark) -> its comment
    for remark, parent in sorted(pairs, key=lambda pair: pair[0].at):
        author = users[remark.by]
        comments[id(remark)] = posting.post_comment(
            article=article,
            author=author,
            body=remark.first_draft or remark.body,
            parent=comments[id(parent)] if parent else None,
            is_anonymous=remark.anonymous,
        )
        if remark.first_draft:
            posting.edit_comment(
                comment=comments[id(remark)], user=author, body=remark.body
            )
    for remark, _ in pairs:
        for username in remark.helpful:
            posting.toggle_helpful(
                comment=comments[id(remark)], user=users[username], mark=True
            )
    when = _timestamps(article, [remark for remark, _ in pairs])
    for remark, _ in pairs:
        comment = comments[id(remark)]
        comment.created_at = when[id(remark)]
        if comment.edited_at is not None:
            comment.edited_at = comment.created_at + timedelta(minutes=6)
    Comment.objects.bulk_update(comments.values(), ["created_at", "edited_at"])
    for remark, _ in pairs:
        comment = comments[id(remark)]
        # A mark comes a little after the comment; notifications come with it.
        CommentHelpful.objects.filter(comment=comment).update(
            created_at=min(comment.created_at + timedelta(hours=2), timezone.now())
        )
        Notification.objects.filter(url=comment.get_absolute_url()).update(
            created_at=comment.created_at
        )
    for remark, _ in pairs:
        if remark.deleted:
            posting.delete_comment(comment=comments[id(remark)], user=users[remark.by])
    return len(pairs)


def _timestamps(article: Article, remarks: list[Remark]) -> dict:
    """When each remark was "written": ``at`` hours after publication, squeezed
    proportionally when the article is too recent for the whole discussion (the
    order stays the same), and always in the past."""
    now = timezone.now()
    published = article.published_at
    latest = max(remark.at for remark in remarks)
    available = (now - published - timedelta(minutes=30)).total_seconds() / 3600
    scale = min(1.0, max(available, 0) / latest) if latest else 1.0
    return {
        id(remark): min(published + timedelta(hours=remark.at * scale), now)
        for remark in remarks
    }


# The big thread ------------------------------------------------------------------

BIG_THREAD_TOP_LEVEL_SHARE = 0.25
BIG_THREAD_MAX_DEPTH = 8


def big_thread_size(article: Article) -> int:
    """How many generated big-thread comments the article has."""
    return article.comments.filter(body__in=content.big_thread_lines()).count()


def add_big_thread(
    article: Article, total: int, authors: list[User], *, seed: int = 2026
) -> int:
    """Give the article generated comments until it has ``total`` of them (those
    from earlier runs count), and return how many were added. The thread is
    planned here and written in bulk by comment_tree.insert_comments, so a few
    thousand take a second or two. About a quarter start threads, the rest reply
    at depths up to 8, mostly to recent comments, a few anonymously; about one in
    ten has helpful marks."""
    if len(authors) < 2:
        raise ValueError("A big thread needs at least two authors.")
    count = total - big_thread_size(article)
    if count <= 0:
        return 0
    rng = random.Random(seed + total - count)
    lines = content.big_thread_lines()
    now = timezone.now()
    start = max(article.published_at, now - timedelta(days=30))
    step = (now - start - timedelta(minutes=1)) / count
    planned: list[PlannedComment] = []
    can_take_replies: list[int] = []  # positions in `planned`
    for position in range(count):
        parent = None
        if can_take_replies and rng.random() >= BIG_THREAD_TOP_LEVEL_SHARE:
            recent = rng.random() < 0.6
            pool = can_take_replies[-25:] if recent else can_take_replies
            parent = rng.choice(pool)
        author = rng.choice(authors)
        if parent is not None and author == planned[parent].author:
            author = authors[(authors.index(author) + 1) % len(authors)]
        comment = PlannedComment(
            author=author,
            parent=parent,
            depth=0 if parent is None else planned[parent].depth + 1,
            body=rng.choice(lines),
            is_anonymous=rng.random() < 0.03,
            created_at=start + step * position,
        )
        planned.append(comment)
        if comment.depth < BIG_THREAD_MAX_DEPTH:
            can_take_replies.append(position)
    for comment in planned:
        if rng.random() < 0.1:
            others = [user for user in authors if user != comment.author]
            comment.helpful_by = rng.sample(others, min(len(others), rng.randint(1, 3)))
    insert_comments(article, planned)
    tree.bump_discussion_version(article.pk)
    return count


def featured_article() -> Article | None:
    """The article `seed_demo --big-thread` fills: the first featured demo article
    open for comments."""
    return (
        Article.objects.published()
        .filter(comments_open=True)
        .order_by("-is_featured", "-published_at")
        .first()
    )


def demo_authors(users: dict[str, User]) -> list[User]:
    """Who writes the big thread: the demo members (not the moderators)."""
    return [user for user in users.values() if not user.is_staff]

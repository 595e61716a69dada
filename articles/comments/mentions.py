"""@mentions and the notifications a comment sends: who is mentioned, the
comment's HTML with their profile links, and who is told about it."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower

from accounts import services as account_services
from accounts.models import Block, Notification, User
from articles.models import Comment
from groups_site.lib.text import MENTION_RE, render_comment

ANONYMOUS_NAME = "Anonymous member"
# At most this many distinct @usernames are looked up and notified per comment.
MAX_MENTIONS = 20
NOTIFICATION_KINDS = ("comment_reply", "comment_mention")


def mentioned_names(body: str) -> list[str]:
    names = dict.fromkeys(match.group(1).lower() for match in MENTION_RE.finditer(body))
    return list(names)[:MAX_MENTIONS]


def mentioned_users(body: str, *, author) -> list[User]:
    """Active users @mentioned in the text, each annotated with whether she has
    blocked the author by name, and whether she hid the author's anonymous
    comments. One query (none when there is no @)."""
    names = mentioned_names(body)
    if not names:
        return []
    return list(
        User.objects.annotate(lower_username=Lower("username"))
        .filter(lower_username__in=names, is_active=True)
        .annotate(
            has_blocked_author=Exists(
                Block.objects.named().filter(blocker=OuterRef("pk"), blocked=author)
            ),
            has_hidden_author=Exists(
                Block.objects.filter(
                    blocker=OuterRef("pk"), blocked=author, via_anonymous_comment=True
                )
            ),
        )
        .order_by("username")
    )


def render(body: str, mentioned: list[User]) -> str:
    links = {user.username.lower(): user.get_absolute_url() for user in mentioned}
    return render_comment(body, links)


def notified_recipient_ids(comment: Comment) -> set[int]:
    return set(
        Notification.objects.filter(
            url=comment.get_absolute_url(), kind__in=NOTIFICATION_KINDS
        ).values_list("recipient_id", flat=True)
    )


def send_notifications(
    comment,
    *,
    parent,
    mentioned,
    already_notified=(),
    parent_blocked=None,
    parent_hid_anonymous=None,
    is_new=False,
) -> None:
    """A reply tells the parent's author; a mention tells the one mentioned. Never
    twice for one comment, never to the author herself, and never naming an
    anonymous author.

    Never to someone who blocked her, for her named comments. Her anonymous
    comments notify as anyone's do: a notification missing for one anonymous
    comment would tell the one who blocked her who wrote it (and an abuser could
    block a survivor just to find her anonymous replies out). Except for someone
    who hid her anonymous comments (Block.via_anonymous_comment): they fold away
    for that person, and do not notify her either (she is not told who it is,
    and the author cannot see others' notifications).

    ``parent_blocked`` and ``parent_hid_anonymous``, when the caller read them,
    save a query each. ``is_new``: the comment was just posted, so no earlier
    notification can carry its address (accounts.services.notify need not look
    for one to refresh)."""
    author = comment.author
    # An anonymous comment's notification names no one and stores no actor, so
    # nothing links it to her; otherwise her name is filled in when it is read.
    actor = None if comment.is_anonymous else author
    name = ANONYMOUS_NAME if comment.is_anonymous else Notification.ACTOR_PLACEHOLDER
    title = comment.article.title
    url = comment.get_absolute_url()
    notified = {author.pk, *already_notified}
    heeds_blocks = not comment.is_anonymous
    if parent is not None and parent.author_id is not None:
        if comment.is_anonymous:
            parent_blocked = parent_hid_anonymous
            if parent_blocked is None:
                parent_blocked = account_services.has_hidden_anonymous(
                    parent.author_id, author
                )
        elif parent_blocked is None:
            parent_blocked = account_services.has_blocked(parent.author_id, author)
        if parent.author_id not in notified and not parent_blocked:
            account_services.notify(
                recipient=parent.author,
                kind="comment_reply",
                message=f"{name} replied to your comment on “{title}”",
                url=url,
                actor=actor,
                is_new=is_new,
            )
        notified.add(parent.author_id)
    for user in mentioned:
        if (
            user.pk in notified
            or not user.mention_notifications
            or (heeds_blocks and user.has_blocked_author)
            or (comment.is_anonymous and getattr(user, "has_hidden_author", False))
        ):
            continue
        account_services.notify(
            recipient=user,
            kind="comment_mention",
            message=f"{name} mentioned you in a comment on “{title}”",
            url=url,
            actor=actor,
            is_new=is_new,
        )
        notified.add(user.pk)

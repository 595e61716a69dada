"""The moderators' watched words: the list posting reads (cached, one query when
it changed) and the services that change it, each writing an audit entry; and
what posting does with articles.comments.screening's reading of a text (refuse
it, or flag it for moderators)."""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts import audit
from accounts.access import is_moderator
from articles.comments import screening
from articles.comments.screening import phrase_tokens
from articles.models import Comment, CommentFlag, WatchedWord

CACHE_KEY = "comments:watched-words"
CACHE_SECONDS = 60 * 60


def watched_words() -> list[tuple[str, str]]:
    """(word or phrase, action) pairs for articles.comments.screening.screen."""
    words = cache.get(CACHE_KEY)
    if words is None:
        words = list(WatchedWord.objects.values_list("word", "action"))
        cache.set(CACHE_KEY, words, CACHE_SECONDS)
    return words


class BlockedComment(ValidationError):
    """A watched word refuses the text. ``is_crisis``: it also holds crisis
    language, so she still sees the crisis panel."""

    def __init__(self, result: screening.Screening):
        super().__init__(result.block_message, code="blocked_word")
        self.is_crisis = result.is_crisis


def screen_text(body: str) -> screening.Screening:
    """Read her text against the watched words, personal data and crisis
    language; refuse it (BlockedComment) when a watched word blocks it."""
    result = screening.screen(body, watched_words())
    if result.blocked_by:
        raise BlockedComment(result)
    return result


def flag_comment(comment: Comment, reasons) -> None:
    """Flags for moderators, one per reason while it is open; crisis language
    is a priority flag."""
    if not reasons:
        return
    already = set(
        comment.flags.filter(resolved_at__isnull=True).values_list("reason", flat=True)
    )
    CommentFlag.objects.bulk_create(
        CommentFlag(
            comment=comment,
            reason=reason[:200],
            is_priority=reason == screening.CRISIS_FLAG,
        )
        for reason in reasons
        if reason[:200] not in already
    )


def _list_changed() -> None:
    cache.delete(CACHE_KEY)
    # Again once committed: a post read the old list in between.
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def add_watched_word(*, moderator, word: str, action: str) -> WatchedWord:
    if not is_moderator(moderator):
        raise ValidationError("Only moderators can change watched words.", "denied")
    word = " ".join((word or "").split())
    if not phrase_tokens(word):
        raise ValidationError("Please enter a word or phrase.", code="empty")
    if action not in WatchedWord.Action.values:
        raise ValidationError("Please choose what happens.", code="action")
    try:
        with transaction.atomic():
            watched = WatchedWord.objects.create(
                word=word, action=action, created_by=moderator
            )
            audit.record(
                moderator=moderator,
                action="word_add",
                target_type="watched_word",
                target_id=watched.pk,
                target_label=f"{word} ({action})",
            )
    except IntegrityError:
        raise ValidationError(
            "That word is already on the list.", code="duplicate"
        ) from None
    _list_changed()
    return watched


def remove_watched_word(*, moderator, watched: WatchedWord) -> None:
    if not is_moderator(moderator):
        raise ValidationError("Only moderators can change watched words.", "denied")
    with transaction.atomic():
        audit.record(
            moderator=moderator,
            action="word_remove",
            target_type="watched_word",
            target_id=watched.pk,
            target_label=f"{watched.word} ({watched.action})",
        )
        WatchedWord.objects.filter(pk=watched.pk).delete()
    _list_changed()

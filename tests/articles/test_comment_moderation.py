"""articles.comments.moderation: hiding and restoring comments."""

import pytest
from django.core.exceptions import ValidationError

from articles.comments import moderation
from articles.models import (
    Comment,
)
from tests.articles.comment_factory import post, refreshed

# Hiding and restoring -------------------------------------------------------------


def test_it_lets_a_moderator_hide_a_comment_and_the_replies_under_it(
    alice, bob, charlie, moderator, staff_without_mfa, article
):
    top = post(alice, article, "Top")
    reply = post(bob, article, "Reply", parent=top)
    under = post(charlie, article, "Under", parent=reply)
    other = post(charlie, article, "Other", parent=top)

    with pytest.raises(ValidationError, match="Only moderators"):
        moderation.hide_comment(comment=reply, moderator=alice)
    with pytest.raises(ValidationError, match="Only moderators"):
        moderation.hide_comment(comment=reply, moderator=staff_without_mfa)
    moderation.hide_comment(comment=reply, moderator=moderator, reason="Harassment")

    refreshed(top, reply, under, other)
    assert reply.status == Comment.Status.HIDDEN
    assert (top.reply_count, top.descendant_count) == (1, 1)
    # Its own counters still count what hangs under it, for when it comes back.
    assert (reply.reply_count, reply.descendant_count) == (1, 1)
    with pytest.raises(ValidationError, match="already hidden"):
        moderation.hide_comment(comment=reply, moderator=moderator)


def test_it_lets_a_moderator_restore_a_hidden_comment(
    alice, bob, charlie, moderator, article
):
    top = post(alice, article, "Top")
    reply = post(bob, article, "Reply", parent=top)
    post(charlie, article, "Under", parent=reply)
    moderation.hide_comment(comment=reply, moderator=moderator)

    with pytest.raises(ValidationError, match="Only moderators"):
        moderation.restore_comment(comment=reply, moderator=bob)
    moderation.restore_comment(comment=reply, moderator=moderator)

    refreshed(top, reply)
    assert reply.status == Comment.Status.VISIBLE
    assert (top.reply_count, top.descendant_count) == (1, 2)
    with pytest.raises(ValidationError, match="isn't hidden"):
        moderation.restore_comment(comment=reply, moderator=moderator)


def test_it_leaves_the_counters_above_a_hidden_comment_when_hiding_under_it(
    alice, bob, charlie, moderator, article
):
    top = post(alice, article, "Top")
    reply = post(bob, article, "Reply", parent=top)
    under = post(charlie, article, "Under", parent=reply)
    deepest = post(alice, article, "Deepest", parent=under)

    moderation.hide_comment(comment=reply, moderator=moderator)
    moderation.hide_comment(comment=under, moderator=moderator)
    refreshed(top, reply)
    assert (top.reply_count, top.descendant_count) == (0, 0)
    assert (reply.reply_count, reply.descendant_count) == (0, 0)

    moderation.restore_comment(comment=reply, moderator=moderator)
    refreshed(top, reply)
    assert (top.reply_count, top.descendant_count) == (1, 1)
    moderation.restore_comment(comment=under, moderator=moderator)
    refreshed(top, reply, under, deepest)
    assert (top.reply_count, top.descendant_count) == (1, 3)
    assert (reply.reply_count, reply.descendant_count) == (1, 2)
    assert (under.reply_count, under.descendant_count) == (1, 1)


def test_it_lets_a_moderator_hide_a_held_comment(
    settings, alice, bob, moderator, article
):
    top = post(alice, article, "Top")
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    held = post(bob, article, "Held", parent=top)

    moderation.hide_comment(comment=held, moderator=moderator)

    refreshed(top, held)
    assert held.status == Comment.Status.HIDDEN
    assert (top.reply_count, top.descendant_count) == (0, 0)

"""Anti-abuse in articles.comments.posting: rate limits, double submits, the
honeypot, holding new accounts' first comments."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import Notification
from articles.comments import moderation, posting, rules, tree
from articles.models import (
    Comment,
)
from tests.articles.comment_factory import post, soon

# Anti-abuse -----------------------------------------------------------------------


def test_it_limits_an_account_to_5_a_minute(settings, alice, article):
    settings.COMMENT_RATE_LIMITS = posting.DEFAULT_RATE_LIMITS
    alice.date_joined = timezone.now() - timedelta(days=30)
    alice.save()

    with time_machine.travel(soon(), tick=False) as traveller:
        for number in range(5):
            post(alice, article, f"Comment {number}")
        with pytest.raises(ValidationError) as error:
            post(alice, article, "One too many")
        assert error.value.messages == [
            "You're posting very quickly. Please wait a minute and try again."
        ]
        traveller.shift(60)
        post(alice, article, "A minute later")

    assert Comment.objects.count() == 6


def test_it_limits_an_account_to_50_a_day(settings, alice, article):
    settings.COMMENT_RATE_LIMITS = posting.DEFAULT_RATE_LIMITS
    alice.date_joined = timezone.now() - timedelta(days=30)
    alice.save()

    with time_machine.travel(soon(), tick=False) as traveller:
        for number in range(50):
            if number and number % 5 == 0:
                traveller.shift(60)
            post(alice, article, f"Comment {number}")
        traveller.shift(60)
        with pytest.raises(ValidationError, match="come back tomorrow"):
            post(alice, article, "One too many")
        traveller.shift(timedelta(days=1))
        post(alice, article, "The next day")

    assert Comment.objects.count() == 51


def test_it_limits_new_accounts_more(settings, alice, article):
    settings.COMMENT_RATE_LIMITS = posting.DEFAULT_RATE_LIMITS

    with time_machine.travel(soon(), tick=False) as traveller:
        alice.date_joined = timezone.now() - timedelta(hours=3)
        alice.save()
        post(alice, article, "One")
        post(alice, article, "Two")
        with pytest.raises(ValidationError, match="very quickly"):
            post(alice, article, "Three")
        for number in range(8):
            traveller.shift(60)
            post(alice, article, f"Later {number}")
        traveller.shift(60)
        with pytest.raises(ValidationError, match="come back tomorrow"):
            post(alice, article, "Eleventh")

    assert Comment.objects.count() == 10


def test_it_takes_the_rate_limits_from_settings(settings, alice, bob, article):
    settings.COMMENT_RATE_LIMITS = {
        "account": {"minute": 1, "day": 1},
        "new_account": {"minute": 1, "day": 1},
    }
    post(alice, article, "One")

    with pytest.raises(ValidationError, match="very quickly"):
        post(alice, article, "Two")
    post(bob, article, "Bob's first")  # counted per person


def test_it_does_not_count_a_refused_comment_towards_the_limit(
    settings, alice, article
):
    settings.COMMENT_RATE_LIMITS = {
        "account": {"minute": 1, "day": 5},
        "new_account": {"minute": 1, "day": 5},
    }
    with pytest.raises(ValidationError):
        post(alice, article, "x" * 5001)

    post(alice, article, "Shorter")


def test_it_posts_a_double_submit_once(alice, bob, article):
    parent = post(bob, article, "Parent")

    first = post(alice, article, "Same words", parent=parent)
    second = post(alice, article, "Same words", parent=parent)

    assert first.pk == second.pk
    assert Comment.objects.filter(author=alice).count() == 1
    parent.refresh_from_db()
    assert parent.reply_count == 1
    assert Notification.objects.filter(recipient=bob).count() == 1


def test_it_posts_the_same_words_again_later(alice, article):
    with time_machine.travel(soon(), tick=False) as traveller:
        first = post(alice, article, "Thank you")
        traveller.shift(11)
        second = post(alice, article, "Thank you")

    assert first.pk != second.pk


def test_it_does_not_take_the_same_words_elsewhere_for_a_double_submit(
    alice, bob, article
):
    parent = post(bob, article, "Parent")

    top = post(alice, article, "Thank you")
    reply = post(alice, article, "Thank you", parent=parent)
    by_bob = post(bob, article, "Thank you")

    assert len({top.pk, reply.pk, by_bob.pk}) == 3


def test_it_posts_the_same_submission_key_once(alice, article):
    first = post(alice, article, "Draft one", submission_key="k-123")
    second = post(alice, article, "Draft one, edited", submission_key="k-123")
    third = post(alice, article, "Another", submission_key="k-456")

    assert second.pk == first.pk
    assert third.pk != first.pk
    assert Comment.objects.count() == 2


def test_it_refuses_a_second_comment_with_her_submission_key_in_the_database(
    alice, article
):
    tree.insert_comment(article=article, author=alice, body="One", submission_key="k")

    with pytest.raises(IntegrityError), transaction.atomic():
        tree.insert_comment(
            article=article, author=alice, body="Two", submission_key="k"
        )
    # Keys are hers alone, and a comment without one is never a copy.
    tree.insert_comment(article=article, author=None, body="Three", submission_key="k")
    tree.insert_comment(article=article, author=alice, body="Four")
    tree.insert_comment(article=article, author=alice, body="Five")


def test_it_returns_the_first_copy_when_the_constraint_stops_the_second(
    alice, article, monkeypatch
):
    first = post(alice, article, "Sent once", submission_key="k-1")
    # As if the second copy looked before the first was committed: it finds
    # nothing, writes, and meets the constraint.
    calls = []
    real_lookup = posting._earlier_copy

    def earlier_copy(*args):
        calls.append(args)
        return None if len(calls) == 1 else real_lookup(*args)

    monkeypatch.setattr(posting, "_earlier_copy", earlier_copy)

    second = post(alice, article, "Sent once", submission_key="k-1")

    assert second.pk == first.pk
    assert len(calls) == 2
    assert Comment.objects.count() == 1


def test_it_takes_a_refused_submission_sent_again(alice, article):
    article.comments_open = False
    article.save()
    with pytest.raises(ValidationError):
        post(alice, article, "Hello", submission_key="k-1")
    article.comments_open = True
    article.save()

    comment = post(alice, article, "Hello", submission_key="k-1")

    assert comment.pk


def test_it_does_not_return_a_deleted_comment_as_a_double_submit(alice, article):
    first = post(alice, article, "Oops")
    first_pk = first.pk
    posting.delete_comment(comment=first, user=alice)

    again = post(alice, article, "Oops")

    assert again.pk != first_pk
    assert Comment.objects.filter(pk=again.pk).exists()


def test_it_tells_a_filled_honeypot():
    assert rules.is_honeypot_filled({"website": "http://spam.example"})
    assert not rules.is_honeypot_filled({"website": "  "})
    assert not rules.is_honeypot_filled({})


def test_it_holds_a_new_account_s_first_comments(settings, alice, bob, article):
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    parent = post(bob, article, "Parent")  # bob's first is held too
    parent.status = Comment.Status.VISIBLE
    parent.save()
    Notification.objects.all().delete()

    held = post(alice, article, "Hi @charlie and @bob", parent=parent)

    assert held.status == Comment.Status.HELD
    parent.refresh_from_db()
    assert (parent.reply_count, parent.descendant_count) == (0, 0)
    assert not Notification.objects.exists()
    assert Comment.objects.filter(article=article).shown().count() == 1


def test_it_lets_a_moderator_approve_a_held_comment(
    settings, alice, bob, charlie, moderator, article
):
    settings.COMMENT_HOLD_NEW_ACCOUNTS = True
    parent = post(moderator, article, "Welcome, everyone.")  # staff: never held
    parent_by_bob = post(charlie, article, "Parent")
    Comment.objects.filter(pk=parent_by_bob.pk).update(author=bob, status="visible")
    parent_by_bob.refresh_from_db()
    held = post(alice, article, "Thank you @charlie", parent=parent_by_bob)
    assert parent.status == Comment.Status.VISIBLE
    assert held.status == Comment.Status.HELD

    with pytest.raises(ValidationError, match="Only moderators"):
        moderation.approve_held_comment(held, bob)
    moderation.approve_held_comment(held, moderator)

    held.refresh_from_db()
    parent_by_bob.refresh_from_db()
    assert held.status == Comment.Status.VISIBLE
    assert (parent_by_bob.reply_count, parent_by_bob.descendant_count) == (1, 1)
    assert Notification.objects.filter(recipient=bob, kind="comment_reply").exists()
    assert Notification.objects.filter(
        recipient=charlie, kind="comment_mention"
    ).exists()
    with pytest.raises(ValidationError, match="isn't waiting"):
        moderation.approve_held_comment(held, moderator)
    # Once one comment is through, hers are no longer held.
    assert post(alice, article, "Second").status == Comment.Status.VISIBLE


def test_it_holds_nothing_by_default(alice, article):
    assert post(alice, article, "First").status == Comment.Status.VISIBLE

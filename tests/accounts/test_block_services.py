"""Blocking someone (accounts.services): the records, and what it changes in the
discussion."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts import services
from accounts.models import Block, Notification
from articles.comments import posting
from tests.articles.factory import make_article

pytestmark = pytest.mark.django_db


def test_it_blocks_someone(alice, bob):
    block = services.block_user(blocker=alice, blocked=bob)

    assert (block.blocker, block.blocked) == (alice, bob)
    assert services.has_blocked(alice, bob)
    assert not services.has_blocked(bob, alice)
    assert str(block) == "alice blocked bob"


def test_it_keeps_one_block_when_blocking_twice(alice, bob):
    first = services.block_user(blocker=alice, blocked=bob)
    second = services.block_user(blocker=alice, blocked=bob)

    assert first.pk == second.pk
    assert Block.objects.count() == 1


def test_it_refuses_to_block_herself(alice):
    with pytest.raises(ValidationError, match="can't block yourself"):
        services.block_user(blocker=alice, blocked=alice)

    assert not Block.objects.exists()
    # The database refuses it too.
    with transaction.atomic(), pytest.raises(IntegrityError):
        Block.objects.create(blocker=alice, blocked=alice)


def test_it_unblocks_someone(alice, bob, charlie):
    services.block_user(blocker=alice, blocked=bob)
    services.block_user(blocker=alice, blocked=charlie)

    services.unblock_user(blocker=alice, blocked=bob)
    services.unblock_user(blocker=alice, blocked=bob)  # twice is harmless

    assert not services.has_blocked(alice, bob)
    assert services.has_blocked(alice, charlie)


def test_it_takes_users_or_ids_and_never_blocks_visitors(alice, bob):
    services.block_user(blocker=alice, blocked=bob)

    assert services.has_blocked(alice.pk, bob.pk)
    assert services.has_blocked(alice, bob.pk)
    assert not services.has_blocked(None, bob)
    assert not services.has_blocked(alice, None)
    assert not services.has_blocked(AnonymousUser(), bob)
    assert not services.has_blocked(alice, AnonymousUser())


def test_it_lists_blocked_user_ids(alice, bob, charlie):
    services.block_user(blocker=alice, blocked=bob)
    services.block_user(blocker=alice, blocked=charlie)
    services.block_user(blocker=bob, blocked=alice)

    assert services.blocked_user_ids(alice) == {bob.pk, charlie.pk}
    assert services.blocked_user_ids(bob) == {alice.pk}
    assert services.blocked_user_ids(charlie) == set()
    assert services.blocked_user_ids(AnonymousUser()) == set()


def test_it_stops_replies_from_a_blocked_person_until_she_unblocks(
    settings, alice, bob
):
    article = make_article("Finding your voice")
    comment = posting.post_comment(article=article, author=alice, body="Mine")
    services.block_user(blocker=alice, blocked=bob)

    with pytest.raises(ValidationError, match="can't be replied to"):
        posting.post_comment(article=article, author=bob, body="Reply", parent=comment)
    posting.post_comment(article=article, author=bob, body="Hi @alice")
    assert not Notification.objects.filter(recipient=alice).exists()

    services.unblock_user(blocker=alice, blocked=bob)
    posting.post_comment(article=article, author=bob, body="Reply", parent=comment)
    assert Notification.objects.filter(recipient=alice, kind="comment_reply").exists()


def test_it_never_tells_her_she_was_blocked(alice, bob):
    services.block_user(blocker=alice, blocked=bob)

    assert not Notification.objects.exists()

"""articles.comments.tree through the services: how a comment is stored in its
thread, the counters, what a reply costs, concurrent writers and the cached
discussion's refresh."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Block, Notification
from articles.comments import moderation, posting, tree, watched
from articles.models import (
    Comment,
    CommentHelpful,
)
from articles.models.comment import path_segment
from tests.articles.comment_factory import make_thread, post, refreshed
from tests.articles.factory import make_article
from tests.conftest import concurrent, make_user, run_at_once


def tree_rows(article):
    """Everything about the article's comments except their counters."""
    return {
        row[0]: row
        for row in Comment.objects.filter(article=article).values_list(
            "pk",
            "path",
            "depth",
            "parent_id",
            "root_id",
            "body",
            "body_html",
            "status",
            "author_id",
            "edited_at",
        )
    }


# The tree -------------------------------------------------------------------------


def test_it_stores_replies_with_their_root_path_and_depth(alice, bob, article):
    top = post(alice, article, "Top")
    reply = post(bob, article, "Reply", parent=top)
    deeper = post(alice, article, "Deeper", parent=reply)

    assert (reply.parent, reply.root, reply.depth) == (top, top, 1)
    assert (deeper.parent_id, deeper.root_id, deeper.depth) == (reply.pk, top.pk, 2)
    assert reply.path == top.path + path_segment(reply.pk)
    assert deeper.path == reply.path + path_segment(deeper.pk)


def test_it_orders_a_thread_by_path(alice, bob, charlie, article):
    first = post(alice, article, "First thread")
    second = post(bob, article, "Second thread")
    a = post(bob, article, "A", parent=first)
    b = post(charlie, article, "B", parent=first)
    a1 = post(alice, article, "A1", parent=a)
    b1 = post(alice, article, "B1", parent=b)
    a2 = post(charlie, article, "A2", parent=a)
    c = post(alice, article, "C", parent=second)
    a1x = post(bob, article, "A1x", parent=a1)

    ordered = list(Comment.objects.filter(article=article).order_by("path"))

    assert ordered == [first, a, a1, a1x, a2, b, b1, second, c]
    assert [comment.depth for comment in ordered] == [0, 1, 2, 3, 2, 1, 2, 0, 1]
    # One thread's descendants load by their stored root, in tree order.
    thread = Comment.objects.filter(root=first).order_by("path")
    assert list(thread) == [a, a1, a1x, a2, b, b1]


def test_it_keeps_reply_and_descendant_counts(alice, bob, charlie, article):
    top = post(alice, article, "Top")
    a = post(bob, article, "A", parent=top)
    b = post(charlie, article, "B", parent=top)
    a1 = post(alice, article, "A1", parent=a)
    a1x = post(charlie, article, "A1x", parent=a1)

    refreshed(top, a, b, a1, a1x)
    assert (top.reply_count, top.descendant_count) == (2, 4)
    assert (a.reply_count, a.descendant_count) == (1, 2)
    assert (a1.reply_count, a1.descendant_count) == (1, 1)
    assert (b.reply_count, b.descendant_count) == (0, 0)
    assert (a1x.reply_count, a1x.descendant_count) == (0, 0)


REPLY_QUERIES = 12


@pytest.mark.parametrize("size", [10, 2000])
def test_it_posts_a_reply_in_the_same_queries_whatever_the_thread_size(
    django_assert_num_queries, alice, bob, charlie, article, size
):
    top, replies = make_thread(article, [alice, bob], replies=size - 1, branching=3)
    thread = [top, *replies]
    target = thread[-1]  # the deepest, newest comment (written by bob)
    watched.watched_words()  # cached, as after the first post

    # A savepoint, her locked row (with her verified e-mail, the block check and
    # the new id), the look for an earlier copy, the locked line of ancestors,
    # the mentioned user, ONE insert, ONE counter update, two notifications
    # (each: insert, record its e-mail; a new comment's can't refresh an earlier
    # one), the savepoint's release.
    with django_assert_num_queries(REPLY_QUERIES):
        reply = post(charlie, article, "Me too, @alice.", parent=target)

    assert reply.depth == target.depth + 1
    assert Notification.objects.filter(recipient=bob, kind="comment_reply").exists()
    assert Notification.objects.filter(recipient=alice, kind="comment_mention").exists()


def test_it_rewrites_no_other_comment_for_a_reply(alice, bob, charlie, article):
    top, replies = make_thread(article, [alice, bob], replies=1999, branching=3)
    thread = [top, *replies]
    target = thread[1234]
    before = tree_rows(article)
    counters_before = dict(
        Comment.objects.filter(article=article).values_list("pk", "descendant_count")
    )

    with CaptureQueriesContext(connection) as queries:
        reply = post(charlie, article, "A reply deep in a big thread.", parent=target)

    after = tree_rows(article)
    del after[reply.pk]
    assert after == before
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith(('INSERT INTO "articles_comment"', "UPDATE"))
    ]
    assert len(writes) == 2  # one insert, one counter update
    changed = {
        pk
        for pk, count in Comment.objects.filter(article=article)
        .exclude(pk=reply.pk)
        .values_list("pk", "descendant_count")
        if count != counters_before[pk]
    }
    assert changed == set(tree.path_ids(target.path))
    target.refresh_from_db()
    assert target.reply_count == 1


def test_it_refuses_a_reply_to_a_comment_on_another_article(alice, bob, article):
    elsewhere = post(alice, make_article("Another"), "Elsewhere")

    with pytest.raises(ValidationError, match="comments on this article"):
        post(bob, article, "Reply", parent=elsewhere)


@pytest.mark.parametrize(
    "status",
    [Comment.Status.HELD, Comment.Status.HIDDEN, Comment.Status.DELETED],
)
def test_it_refuses_a_reply_to_a_comment_not_shown(alice, bob, article, status):
    parent = post(alice, article, "Parent")
    Comment.objects.filter(pk=parent.pk).update(status=status)
    parent.refresh_from_db()

    with pytest.raises(ValidationError, match="can't be replied to"):
        post(bob, article, "Reply", parent=parent)
    assert Comment.objects.count() == 1


def test_it_refuses_a_reply_to_a_comment_hidden_since_the_page_loaded(
    alice, bob, article
):
    parent = post(alice, article, "Parent")
    Comment.objects.filter(pk=parent.pk).update(status=Comment.Status.HIDDEN)

    with pytest.raises(ValidationError, match="can't be replied to"):
        post(bob, article, "Reply", parent=parent)  # parent is stale in memory
    parent.refresh_from_db()
    assert parent.reply_count == 0


def test_it_refuses_a_reply_deeper_than_a_path_can_hold(alice, bob, article):
    parent = post(alice, article, "Parent", parent=post(bob, article, "Top"))
    # A path of 63 segments (11 characters each) is as long as the column.
    assert tree.PATH_MAX_DEPTH == 62
    Comment.objects.filter(pk=parent.pk).update(depth=tree.PATH_MAX_DEPTH)
    parent.refresh_from_db()

    with pytest.raises(ValidationError, match="can't go any deeper"):
        post(bob, article, "Reply", parent=parent)


def test_it_does_not_let_her_reply_to_a_named_comment_of_someone_who_blocked_her(
    alice, bob, article
):
    parent = post(alice, article, "Parent")
    Block.objects.create(blocker=alice, blocked=bob)

    with pytest.raises(ValidationError) as error:
        post(bob, article, "Reply", parent=parent)

    # The refusal any comment that can't be replied to gets.
    assert error.value.messages == ["This comment can't be replied to."]
    assert error.value.code == "not_visible"
    assert Comment.objects.count() == 1


def test_it_posts_her_reply_to_an_anonymous_comment_of_someone_who_blocked_her(
    alice, bob, article
):
    parent = post(alice, article, "Parent", is_anonymous=True)
    Block.objects.create(blocker=alice, blocked=bob)

    reply = post(bob, article, "Reply", parent=parent)

    assert reply.parent == parent
    assert not Notification.objects.filter(recipient=alice).exists()


def test_it_lets_her_reply_to_those_she_blocked(alice, bob, article):
    parent = post(bob, article, "Parent")
    Block.objects.create(blocker=alice, blocked=bob)

    reply = post(alice, article, "Reply", parent=parent)

    assert reply.parent == parent


@concurrent
def test_it_counts_eight_when_eight_people_mark_at_once():
    author = make_user("writer")
    article = make_article("Marked at once")
    comment = post(author, article, "Worth reading")
    readers = [make_user(f"reader{number}") for number in range(8)]

    results = run_at_once(
        *[
            lambda reader=reader: posting.toggle_helpful(comment=comment, user=reader)
            for reader in readers
        ]
    )

    assert results == [True] * 8
    comment.refresh_from_db()
    assert comment.helpful_count == 8
    assert CommentHelpful.objects.filter(comment=comment).count() == 8


@concurrent
def test_it_counts_once_when_one_person_marks_twice_at_once():
    author, reader = make_user("writer"), make_user("reader")
    comment = post(author, make_article("Twice"), "Worth reading")

    results = run_at_once(
        *[
            lambda: posting.toggle_helpful(comment=comment, user=reader, mark=True)
            for _ in range(4)
        ]
    )

    assert results == [True] * 4
    comment.refresh_from_db()
    assert comment.helpful_count == 1


@concurrent
def test_it_keeps_the_counters_right_for_replies_posted_at_once():
    people = [make_user(f"member{number}") for number in range(6)]
    article = make_article("Busy thread")
    top = post(people[0], article, "Top")
    middle = post(people[1], article, "Middle", parent=top)
    leaf = post(people[2], article, "Leaf", parent=middle)
    parents = [top, middle, leaf, top, middle, leaf]

    results = run_at_once(
        *[
            lambda person=person, parent=parent: post(
                person, article, f"Reply by {person.username}", parent=parent
            )
            for person, parent in zip(people, parents, strict=True)
        ]
    )

    assert all(isinstance(result, Comment) for result in results), results
    refreshed(top, middle, leaf)
    assert (top.reply_count, top.descendant_count) == (3, 8)
    assert (middle.reply_count, middle.descendant_count) == (3, 5)
    assert (leaf.reply_count, leaf.descendant_count) == (2, 2)


@concurrent
def test_it_posts_a_double_submit_at_once_only_once():
    author = make_user("writer")
    article = make_article("Double")

    results = run_at_once(
        *[lambda: post(author, article, "Clicked twice") for _ in range(3)]
    )

    assert all(isinstance(result, Comment) for result in results), results
    assert len({result.pk for result in results}) == 1
    assert Comment.objects.count() == 1


def test_it_refreshes_the_cached_discussion_on_every_change(
    alice, bob, moderator, article, django_capture_on_commit_callbacks
):
    from articles.comments import tree

    def changes(action):
        before = tree.discussion_version(article.pk)
        with django_capture_on_commit_callbacks(execute=True):
            action()
        return tree.discussion_version(article.pk) != before

    holder = {}
    assert changes(lambda: holder.update(c=post(alice, article, "First words.")))
    comment = holder["c"]
    assert changes(
        lambda: posting.edit_comment(comment=comment, user=alice, body="Changed.")
    )
    assert changes(lambda: posting.toggle_helpful(comment=comment, user=bob))
    assert changes(lambda: posting.toggle_helpful(comment=comment, user=bob))
    assert changes(
        lambda: moderation.hide_comment(comment=comment, moderator=moderator)
    )
    assert changes(
        lambda: moderation.restore_comment(comment=comment, moderator=moderator)
    )
    assert changes(lambda: posting.delete_comment(comment=comment, user=alice))


# Loading many at once (the demo loader, bench data) ------------------------------


def test_it_inserts_many_comments_as_posting_them_one_by_one_would(alice, bob, article):
    top = post(alice, article, "Already there.")
    reply = tree.NewComment(author=bob, body="A reply.", parent=top)
    under = tree.NewComment(author=alice, body="Under it.", parent=reply)
    held = tree.NewComment(
        author=bob, body="Held.", parent=top, status=Comment.Status.HELD
    )
    when = timezone.now() - timedelta(days=3)
    anonymous = tree.NewComment(
        author=bob, body="Quietly.", is_anonymous=True, created_at=when
    )

    with transaction.atomic():
        comments = tree.insert_comments(article, [reply, under, held, anonymous])

    saved_reply, saved_under, saved_held, saved_anonymous = refreshed(*comments)
    top.refresh_from_db()
    assert (top.reply_count, top.descendant_count) == (1, 2)
    assert (saved_reply.reply_count, saved_reply.descendant_count) == (1, 1)
    assert saved_under.path == top.path + path_segment(saved_reply.pk) + (
        path_segment(saved_under.pk)
    )
    assert saved_under.root_id == top.pk and saved_under.depth == 2
    assert saved_held.is_held
    assert saved_anonymous.is_anonymous and saved_anonymous.created_at == when
    assert saved_anonymous.parent_id is None and saved_anonymous.depth == 0


def test_it_inserts_a_comment_with_a_given_moment_status_and_anonymity(alice, article):
    when = timezone.now() - timedelta(days=5)
    top = tree.insert_comment(article=article, author=alice, body="Top.")

    with transaction.atomic():
        hidden = tree.insert_comment(
            article=article,
            author=alice,
            body="Hidden.",
            parent=top,
            status=Comment.Status.HIDDEN,
            is_anonymous=True,
            created_at=when,
        )

    hidden.refresh_from_db()
    top.refresh_from_db()
    assert hidden.is_hidden and hidden.is_anonymous and hidden.created_at == when
    # A hidden comment keeps its place ("Removed by a moderator").
    assert (top.reply_count, top.descendant_count) == (1, 1)

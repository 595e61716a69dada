"""articles 0005: hidden comments count in their thread's counters from now on;
the migration recounts the threads that hold one."""

import importlib

from django.apps import apps

from articles.models import Comment
from tests.articles.comment_factory import make_comment, refreshed

migration = importlib.import_module(
    "articles.migrations.0005_count_hidden_comments_as_placeholders"
)


def test_it_recounts_threads_with_hidden_comments(article, alice, bob):
    top = make_comment(article, alice)
    hidden = make_comment(article, bob, top, status=Comment.Status.HIDDEN)
    make_comment(article, alice, hidden)
    make_comment(article, alice, top, status=Comment.Status.HELD)
    # As the counters stood before: the hidden reply and what hangs under it
    # left out above it.
    Comment.objects.filter(pk=top.pk).update(reply_count=0, descendant_count=0)

    migration.forwards(apps, None)

    refreshed(top, hidden)
    assert (top.reply_count, top.descendant_count) == (1, 2)
    assert (hidden.reply_count, hidden.descendant_count) == (1, 1)

    migration.backwards(apps, None)

    refreshed(top, hidden)
    assert (top.reply_count, top.descendant_count) == (0, 0)
    assert (hidden.reply_count, hidden.descendant_count) == (1, 1)

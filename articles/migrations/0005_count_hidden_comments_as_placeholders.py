"""Hidden comments now take their place in the tree for readers ("Removed by a
moderator", replies kept) and count in the counters: recount the threads that
hold one, as articles.comments.tree would have counted them."""

from collections import defaultdict

from django.db import migrations

SHOWN = {"visible", "deleted", "hidden"}


def recount(apps, schema_editor, shown):
    Comment = apps.get_model("articles", "Comment")
    hidden = Comment.objects.filter(status="hidden")
    threads = set(hidden.values_list("root_id", flat=True)) | set(
        hidden.filter(root__isnull=True).values_list("pk", flat=True)
    )
    threads.discard(None)
    for thread_id in threads:
        comments = list(
            Comment.objects.filter(pk=thread_id)
            | Comment.objects.filter(root_id=thread_id)
        )
        children = defaultdict(list)
        for comment in comments:
            children[comment.parent_id].append(comment)
        # Deepest first, so a comment's replies are counted before it.
        for comment in sorted(comments, key=lambda c: -c.depth):
            counted = [child for child in children[comment.pk] if child.status in shown]
            comment.reply_count = len(counted)
            comment.descendant_count = sum(
                1 + child.descendant_count for child in counted
            )
        Comment.objects.bulk_update(comments, ["reply_count", "descendant_count"])


def forwards(apps, schema_editor):
    recount(apps, schema_editor, SHOWN)


def backwards(apps, schema_editor):
    recount(apps, schema_editor, SHOWN - {"hidden"})


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_add_comment_hidden_by_reports"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

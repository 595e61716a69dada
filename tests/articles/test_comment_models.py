"""The Comment tree models: paths, constraints, names shown to readers."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction

from articles.comments import posting
from articles.models import Comment, CommentHelpful, CommentReport, CommentRevision
from articles.models.comment import path_segment

pytestmark = pytest.mark.django_db


def post(author, article, body, **kwargs) -> Comment:
    return posting.post_comment(article=article, author=author, body=body, **kwargs)


def raw_comment(article, **fields) -> Comment:
    """A comment written straight to the table (no services)."""
    defaults = {"body": "Words", "path": "", "depth": 0}
    defaults.update(fields)
    return Comment.objects.create(article=article, **defaults)


def test_it_makes_a_path_segment_of_ten_zero_padded_digits_and_a_slash():
    assert path_segment(12) == "0000000012/"
    assert path_segment(9_999_999_999) == "9999999999/"


def test_it_sorts_paths_as_the_tree(alice, bob, article):
    first = post(alice, article, "First")
    second = post(bob, article, "Second")
    reply = post(bob, article, "Reply to first", parent=first)

    assert list(Comment.objects.filter(article=article)) == [first, reply, second]
    assert first.path < reply.path < second.path


def test_it_filters_top_level_and_shown(alice, bob, article):
    top = post(alice, article, "Top")
    reply = post(bob, article, "Reply", parent=top)
    held = post(bob, article, "Held")
    hidden = post(alice, article, "Hidden")
    Comment.objects.filter(pk=held.pk).update(status=Comment.Status.HELD)
    Comment.objects.filter(pk=hidden.pk).update(status=Comment.Status.HIDDEN)
    Comment.objects.filter(pk=top.pk).update(status=Comment.Status.DELETED)

    assert list(Comment.objects.top_level()) == [top, held, hidden]
    # A hidden comment stays as "Removed by a moderator"; a held one waits.
    assert list(Comment.objects.shown()) == [top, reply, hidden]
    assert list(Comment.objects.top_level().shown()) == [top, hidden]


def test_it_takes_the_root_as_the_thread_id(alice, bob, article):
    top = post(alice, article, "Top")
    reply = post(bob, article, "Reply", parent=top)
    deeper = post(alice, article, "Deeper", parent=reply)

    assert top.thread_id == reply.thread_id == deeper.thread_id == top.pk


def test_it_has_a_permalink(alice, article):
    comment = post(alice, article, "Words")

    assert comment.get_absolute_url() == f"/articles/{article.slug}/c/{comment.pk}/"


def test_it_shows_the_author_name(alice, bob, moderator, article):
    named = post(alice, article, "Named")
    anonymous = post(alice, article, "Anonymous", is_anonymous=True)

    assert named.shown_author_name() == "Alice"
    assert named.shown_author_name(bob) == "Alice"
    assert anonymous.shown_author_name() == "Anonymous member"
    assert anonymous.shown_author_name(AnonymousUser()) == "Anonymous member"
    assert anonymous.shown_author_name(bob) == "Anonymous member"
    assert anonymous.shown_author_name(alice) == "Anonymous member"
    assert anonymous.shown_author_name(moderator) == "Anonymous member (alice)"


def test_it_shows_who_wrote_it_only_to_staff_with_two_step_sign_in(
    alice, staff_without_mfa, article
):
    anonymous = post(alice, article, "Anonymous", is_anonymous=True)

    assert anonymous.shown_author_name(staff_without_mfa) == "Anonymous member"


def test_it_shows_a_placeholder_as_deleted(alice, bob, article):
    top = post(alice, article, "Top", is_anonymous=True)
    post(bob, article, "Reply", parent=top)
    posting.delete_comment(comment=top, user=alice)
    top.refresh_from_db()

    assert top.is_deleted
    assert not top.is_visible
    assert top.shown_author_name() == "[deleted]"


def test_it_knows_when_it_was_edited(alice, article):
    comment = post(alice, article, "Frist")
    assert not comment.was_edited

    posting.edit_comment(comment=comment, user=alice, body="First")

    assert comment.was_edited


def test_it_enforces_the_tree_shape(alice, article):
    top = post(alice, article, "Top")

    with transaction.atomic(), pytest.raises(IntegrityError):
        raw_comment(article, path="x/", parent=top, root=None, depth=1)
    with transaction.atomic(), pytest.raises(IntegrityError):
        raw_comment(article, path="y/", parent=None, root=None, depth=2)
    with transaction.atomic(), pytest.raises(IntegrityError):
        raw_comment(article, path="z/", parent=top, root=top, depth=0)


def test_it_keeps_paths_unique(alice, article):
    top = post(alice, article, "Top")

    with transaction.atomic(), pytest.raises(IntegrityError):
        raw_comment(article, path=top.path)


def test_it_refuses_an_empty_body(article):
    with transaction.atomic(), pytest.raises(IntegrityError):
        raw_comment(article, path="e/", body="")


def test_it_allows_one_helpful_mark_per_person(alice, bob, article):
    comment = post(alice, article, "Useful")
    CommentHelpful.objects.create(comment=comment, user=bob)

    with transaction.atomic(), pytest.raises(IntegrityError):
        CommentHelpful.objects.create(comment=comment, user=bob)


def test_it_allows_one_report_per_reporter_but_many_without_one(alice, bob, article):
    comment = post(alice, article, "Words")
    CommentReport.objects.create(comment=comment, reporter=bob, reason="spam")
    with transaction.atomic(), pytest.raises(IntegrityError):
        CommentReport.objects.create(comment=comment, reporter=bob, reason="hate")

    # Reports from deleted accounts (reporter NULL) never collide.
    CommentReport.objects.create(comment=comment, reporter=None, reason="spam")
    CommentReport.objects.create(comment=comment, reporter=None, reason="spam")

    assert CommentReport.objects.filter(comment=comment).count() == 3


def test_it_removes_revisions_with_their_comment(alice, article):
    comment = post(alice, article, "Frist")
    posting.edit_comment(comment=comment, user=alice, body="First")
    assert CommentRevision.objects.filter(comment=comment).count() == 1

    posting.delete_comment(comment=comment, user=alice)

    assert not CommentRevision.objects.exists()


def test_it_has_string_forms(alice, bob, article):
    comment = post(alice, article, "Words")
    posting.edit_comment(comment=comment, user=alice, body="More words")
    mark = CommentHelpful.objects.create(comment=comment, user=bob)
    report = CommentReport.objects.create(comment=comment, reporter=bob, reason="spam")

    assert str(comment) == f"Comment {comment.pk} on {article.pk}"
    assert str(comment.revisions.get()) == f"Earlier text of comment {comment.pk}"
    assert str(mark) == f"{bob.pk} found {comment.pk} helpful"
    assert str(report) == f"Report on comment {comment.pk}: spam"

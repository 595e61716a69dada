"""The moderation audit log (accounts.audit): written inside the action's
transaction, never edited or deleted."""

import pytest
from django.db import DatabaseError, transaction

from accounts.audit import record
from accounts.models import AuditEntry
from accounts.services import delete_account
from tests.conftest import concurrent, make_user


def entry(moderator, **fields) -> AuditEntry:
    values = {
        "action": "comment_hide",
        "target_type": "comment",
        "target_id": 42,
        "target_label": "Comment 42 on Boundaries",
        "reason": " Personal attack. ",
    }
    values.update(fields)
    with transaction.atomic():
        return record(moderator=moderator, **values)


def test_it_records_who_did_what_to_what_and_why(moderator):
    written = entry(moderator)

    assert (written.moderator, written.moderator_name) == (moderator, "mod")
    assert (written.action, written.target_type, written.target_id) == (
        "comment_hide",
        "comment",
        "42",
    )
    assert written.reason == "Personal attack."
    assert written.created_at is not None


@concurrent  # outside the test's own transaction
def test_it_refuses_to_record_outside_the_actions_transaction():
    moderator = make_user("modtx")

    with pytest.raises(RuntimeError):
        record(
            moderator=moderator,
            action="x",
            target_type="comment",
            target_id=1,
            target_label="x",
        )


def test_it_can_never_be_edited(moderator):
    written = entry(moderator)

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=written.pk).update(reason="Nothing happened.")

    assert AuditEntry.objects.get(pk=written.pk).reason == "Personal attack."


def test_it_can_never_be_deleted(moderator):
    written = entry(moderator)

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=written.pk).delete()

    assert AuditEntry.objects.filter(pk=written.pk).exists()


def test_it_keeps_a_deleted_moderators_entries_under_her_name(moderator):
    written = entry(moderator)

    delete_account(user=moderator)

    kept = AuditEntry.objects.get(pk=written.pk)
    assert kept.moderator is None
    assert kept.moderator_name == "mod"
    assert kept.target_label == "Comment 42 on Boundaries"

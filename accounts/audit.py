"""The moderation audit log: every moderator action writes one entry, through
record(), in the same transaction as the action (so an action that fails leaves
no entry, and an entry never describes something that did not happen)."""

from django.db import transaction

from accounts.models import AuditEntry


def record(
    *,
    moderator,
    action: str,
    target_type: str,
    target_id,
    target_label: str,
    reason: str = "",
) -> AuditEntry:
    """Write one audit entry. Call it from inside the service that acts."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Record audit entries inside the action's transaction.")
    return AuditEntry.objects.create(
        moderator=moderator,
        moderator_name=moderator.username,
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        target_label=str(target_label)[:200],
        reason=reason.strip(),
    )

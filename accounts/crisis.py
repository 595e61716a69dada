"""Moderators keep the crisis resources (accounts.models.CrisisResource): each
change writes its audit entry in the same transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts import audit
from accounts.access import is_moderator
from accounts.models import CrisisResource
from groups_site import pagecache


def _check(moderator) -> None:
    if not is_moderator(moderator):
        raise ValidationError(
            "Only moderators can change crisis resources.", code="denied"
        )


def save_resource(*, form, moderator) -> CrisisResource:
    """Add or edit one (a valid CrisisResourceForm). An edit keeps the default
    entry mark: checking it is its own action (verify_resource)."""
    _check(moderator)
    is_new = form.instance.pk is None
    with transaction.atomic():
        resource = form.save()
        _record(moderator, "resource_add" if is_new else "resource_edit", resource)
        _shown_changed()
    return resource


def verify_resource(*, resource: CrisisResource, moderator) -> None:
    _check(moderator)
    with transaction.atomic():
        CrisisResource.objects.filter(pk=resource.pk).update(
            is_default_unverified=False
        )
        _record(moderator, "resource_verify", resource)
        _shown_changed()
    resource.is_default_unverified = False


def delete_resource(*, resource: CrisisResource, moderator) -> None:
    _check(moderator)
    with transaction.atomic():
        _record(moderator, "resource_delete", resource)
        CrisisResource.objects.filter(pk=resource.pk).delete()
        _shown_changed()


def _shown_changed() -> None:
    # The crisis panel and /support/ can be on any page (groups_site.pagecache).
    pagecache.changed(pagecache.SITE)


def _record(moderator, action: str, resource: CrisisResource) -> None:
    audit.record(
        moderator=moderator,
        action=action,
        target_type="crisis_resource",
        target_id=resource.pk,
        target_label=f"{resource.name} ({resource.region})",
    )

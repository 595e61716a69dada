"""groups 0004: unlisted groups made before private links get one."""

import importlib
import re

from django.apps import apps

from groups.models import Group
from tests.conftest import make_group

migration = importlib.import_module(
    "groups.migrations.0004_give_unlisted_groups_private_links"
)


def test_it_gives_existing_unlisted_groups_an_unguessable_slug(db, alice):
    unlisted = make_group(
        name="Hidden Circle",
        slug="hidden-circle",
        organizer=alice,
        visibility=Group.Visibility.UNLISTED,
    )
    listed = make_group(name="Open Circle", organizer=alice)

    migration.give_private_links(apps, None)

    unlisted.refresh_from_db()
    listed.refresh_from_db()
    assert re.fullmatch(r"hidden-circle-[a-z2-7]{16}", unlisted.slug)
    assert listed.slug == "open-circle"

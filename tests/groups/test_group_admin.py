"""The group admin: staff change a group's visibility, and its address follows."""

import re
from types import SimpleNamespace

from django.contrib import admin

from groups.admin import GroupAdmin
from groups.models import Group


def save_in_admin(rf, group, *, changed_data):
    model_admin = GroupAdmin(Group, admin.site)
    form = SimpleNamespace(changed_data=changed_data)
    model_admin.save_model(rf.post("/"), group, form, change=True)


def test_it_never_lets_staff_type_a_slug():
    assert "slug" in GroupAdmin.readonly_fields


def test_it_gives_a_group_made_unlisted_an_unguessable_address(rf, group):
    group.visibility = Group.Visibility.UNLISTED

    save_in_admin(rf, group, changed_data=["visibility"])

    group.refresh_from_db()
    assert re.fullmatch(r"tuesday-evening-circle-[a-z2-7]{16}", group.slug)


def test_it_keeps_the_address_when_the_visibility_stays(rf, group):
    group.tagline = "Edited by a moderator."

    save_in_admin(rf, group, changed_data=["tagline"])

    group.refresh_from_db()
    assert group.slug == "tuesday-evening-circle"

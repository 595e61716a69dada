"""The group admin: staff change a group's visibility, and its address follows."""

import re
from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.utils import timezone

from groups.admin import GroupAdmin
from groups.models import AccessFlag, Group, Membership


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


@pytest.fixture
def site_admin(moderator):
    moderator.is_superuser = True
    moderator.save()
    return moderator


def test_it_shows_memberships_read_only(client, site_admin, group, bob):
    membership = Membership.objects.get(user=bob)
    client.force_login(site_admin)

    assert client.get("/admin/groups/membership/").status_code == 200
    form = client.get(f"/admin/groups/membership/{membership.pk}/change/")
    assert 'name="role"' not in form.content.decode()
    response = client.post(
        f"/admin/groups/membership/{membership.pk}/change/",
        {"role": "organizer", "state": "active"},
    )
    client.post(f"/admin/groups/membership/{membership.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.role == Membership.Role.MEMBER
    assert client.get("/admin/groups/membership/add/").status_code == 403


def test_it_shows_memberships_in_a_group_read_only(client, site_admin, group):
    client.force_login(site_admin)

    page = client.get(f"/admin/groups/group/{group.pk}/change/").content.decode()

    assert "memberships-0-role" not in page


def test_it_leaves_access_flags_to_the_queue(client, site_admin, bob):
    flag = AccessFlag.objects.create(user=bob, day=timezone.localdate(), group_count=9)
    client.force_login(site_admin)

    assert client.get("/admin/groups/accessflag/").status_code == 200
    client.post(f"/admin/groups/accessflag/{flag.pk}/change/", {"reviewed": "on"})

    flag.refresh_from_db()
    assert not flag.reviewed

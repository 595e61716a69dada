"""Moderators are staff holding the moderate_community permission, with two-step
sign-in; plain staff get the read-only admin and no moderator powers."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from accounts.access import can_use_admin, is_moderator, needs_mfa_setup
from articles.comments import moderation
from tests.conftest import give_mfa, make_user


def moderator_command(*args) -> str:
    out = StringIO()
    call_command("moderator", *args, stdout=out)
    return out.getvalue()


def test_it_gives_moderator_powers_only_with_the_permission_and_mfa(
    moderator, staff_without_mfa, plain_staff, alice
):
    assert is_moderator(moderator)
    assert not is_moderator(staff_without_mfa)
    assert not is_moderator(plain_staff)
    assert not is_moderator(alice)
    assert needs_mfa_setup(staff_without_mfa)
    assert not needs_mfa_setup(plain_staff)


def test_it_lets_plain_staff_into_the_admin_only(client, plain_staff):
    assert can_use_admin(plain_staff)
    client.force_login(plain_staff)

    assert client.get("/admin/").status_code == 200


def test_it_refuses_plain_staff_a_moderator_power(plain_staff, alice, article):
    from articles.comments.posting import post_comment

    comment = post_comment(article=article, author=alice, body="Thank you all.")

    with pytest.raises(ValidationError, match="Only moderators"):
        moderation.hide_comment(comment=comment, moderator=plain_staff)


def test_it_adds_lists_and_removes_moderators(db):
    wren = give_mfa(make_user("wren"))

    assert "wren is a moderator" in moderator_command("add", "Wren")
    wren.refresh_from_db()
    assert wren.is_staff and is_moderator(wren)
    assert moderator_command("list").split() == ["wren"]

    moderator_command("remove", "wren")
    wren = type(wren).objects.get(pk=wren.pk)
    assert not is_moderator(wren)
    assert wren.is_staff
    assert moderator_command("list").split() == []


def test_it_names_a_missing_account(db):
    with pytest.raises(CommandError, match="No account called nobody"):
        moderator_command("add", "nobody")

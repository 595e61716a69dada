"""Account deletion and data export, as the groups app plugs into them
(settings.ACCOUNT_DELETION_STEPS and ACCOUNT_EXPORT_SECTIONS)."""

import json

from accounts import services
from accounts.models import Notification, User
from groups.models import Group, Membership
from tests.conftest import log_in, make_group, make_place, make_user, reauthenticate


def test_it_removes_her_memberships_when_she_deletes_her_account(client, alice, bob):
    leeds = make_place()
    organized = make_group(name="Alice Organizes", organizer=alice, place=leeds)
    joined = make_group(name="Bob Organizes", organizer=bob, place=leeds)
    Membership.objects.create(group=joined, user=alice, state=Membership.State.ACTIVE)
    waiting = make_group(
        name="Waiting Circle",
        organizer=bob,
        place=leeds,
        join_policy=Group.JoinPolicy.APPROVAL,
    )
    Membership.objects.create(
        group=waiting,
        user=alice,
        state=Membership.State.PENDING,
        answer="Something personal.",
    )
    alice_pk = alice.pk
    log_in(client, "alice")
    reauthenticate(client)

    response = client.post("/accounts/delete/", {"confirm": "delete my account"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=alice_pk).exists()
    assert not Membership.objects.filter(user_id=alice_pk).exists()
    assert not Membership.objects.filter(answer="Something personal.").exists()
    # The groups and everyone else's memberships stay.
    assert Group.objects.filter(pk=organized.pk).exists()
    organized.refresh_from_db()
    assert organized.created_by is None
    assert Membership.objects.filter(user=bob).count() == 2


def test_it_lists_her_memberships_in_her_data_export(client, alice, bob):
    leeds = make_place()
    make_group(name="Alice Organizes", organizer=alice, place=leeds)
    waiting = make_group(
        name="Waiting Circle",
        organizer=bob,
        place=leeds,
        join_policy=Group.JoinPolicy.APPROVAL,
    )
    Membership.objects.create(
        group=waiting, user=alice, state="pending", answer="My answer."
    )
    make_group(name="Not Hers", organizer=bob, place=leeds)
    client.force_login(alice)

    response = client.post("/accounts/export/download/")

    data = json.loads(response.content)
    rows = data["group_memberships"]
    assert [(row["group"], row["role"], row["state"]) for row in rows] == [
        ("Alice Organizes", "organizer", "active"),
        ("Waiting Circle", "member", "pending"),
    ]
    assert rows[1]["answer"] == "My answer."
    assert rows[1]["url"] == "/groups/waiting-circle/"
    assert rows[0]["visible_to_members"] is False
    assert "Not Hers" not in response.content.decode()


def test_it_takes_her_name_out_of_older_notifications(alice):
    delia = make_user("delia", display_name="Delia Realname")
    # Made before notifications named their actor: her name is in the text.
    for kind, message in [
        ("member_joined", "Delia Realname joined Morning Circle."),
        ("join_requested", "Delia Realname asked to join Evening Circle."),
        ("member_joined", "Delia Realnameson joined Morning Circle."),
        ("group_paused", "Delia Realname joined Circle is taking a break."),
    ]:
        Notification.objects.create(recipient=alice, kind=kind, message=message)

    services.delete_account(user=delia)

    texts = [n.text for n in alice.notifications.order_by("id")]
    assert texts == [
        "A former member joined Morning Circle.",
        "A former member asked to join Evening Circle.",
        "Delia Realnameson joined Morning Circle.",
        "Delia Realname joined Circle is taking a break.",
    ]

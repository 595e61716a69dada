"""accounts.services.notify: the one place notifications are made."""

import pytest
import time_machine

from accounts import services
from accounts.models import Notification
from tests.conftest import make_user


def test_it_fills_in_the_actors_name_when_read(alice, bob):
    note = services.notify(
        recipient=alice, kind="member_joined", message="{actor} joined.", actor=bob
    )

    assert note.actor == bob
    assert note.message == "{actor} joined."
    assert note.text == "Bobbie joined."


def test_it_says_a_former_member_once_the_actor_is_gone(alice):
    delia = make_user("delia", display_name="Delia Realname")
    services.notify(
        recipient=alice, kind="member_joined", message="{actor} joined.", actor=delia
    )

    services.delete_account(user=delia)

    note = Notification.objects.get(recipient=alice)
    assert note.actor is None
    assert note.text == "A former member joined."


def test_it_leaves_a_message_without_an_actor_as_it_is(alice):
    note = services.notify(
        recipient=alice, kind="group_approved", message="{actor} Circle is live."
    )

    assert note.text == "{actor} Circle is live."


def test_it_refuses_an_actor_without_a_placeholder(alice, bob):
    with pytest.raises(ValueError):
        services.notify(
            recipient=alice, kind="member_joined", message="Bob joined.", actor=bob
        )


def test_it_refreshes_the_same_unread_news_from_the_same_person(alice, bob):
    with time_machine.travel("2026-03-02 10:00Z", tick=False):
        first = services.notify(
            recipient=alice,
            kind="join_requested",
            message="{actor} asked to join A.",
            url="/groups/a/manage/",
            actor=bob,
        )
    with time_machine.travel("2026-03-02 10:05Z", tick=False):
        services.notify(recipient=alice, kind="member_joined", message="Other news.")
    with time_machine.travel("2026-03-02 10:10Z", tick=False):
        again = services.notify(
            recipient=alice,
            kind="join_requested",
            message="{actor} asked to join A again.",
            url="/groups/a/manage/",
            actor=bob,
        )

    assert again.pk == first.pk
    assert Notification.objects.filter(recipient=alice).count() == 2
    newest = alice.notifications.first()
    assert newest.pk == first.pk
    assert newest.is_unread
    assert newest.text == "Bobbie asked to join A again."


def test_it_makes_a_new_one_once_the_old_one_is_read(alice, bob):
    def ask():
        return services.notify(
            recipient=alice,
            kind="join_requested",
            message="{actor} asked to join A.",
            url="/groups/a/manage/",
            actor=bob,
        )

    ask()
    services.mark_notifications_read(user=alice)
    ask()

    assert alice.notifications.count() == 2
    assert alice.notifications.unread().count() == 1


def test_it_keeps_news_from_different_people_or_places_apart(alice, bob, charlie):
    for actor, url in [(bob, "/a/"), (charlie, "/a/"), (bob, "/b/")]:
        services.notify(
            recipient=alice,
            kind="join_requested",
            message="{actor} asked.",
            url=url,
            actor=actor,
        )
    services.notify(recipient=alice, kind="join_requested", message="Someone.")
    services.notify(recipient=alice, kind="join_requested", message="Someone.")

    assert alice.notifications.count() == 5


def test_it_exports_the_message_as_she_reads_it(alice):
    delia = make_user("delia", display_name="Delia Realname")
    services.notify(
        recipient=alice, kind="member_joined", message="{actor} joined.", actor=delia
    )
    services.delete_account(user=delia)

    data = services.export_data(user=alice)

    assert [n["message"] for n in data["notifications"]] == ["A former member joined."]

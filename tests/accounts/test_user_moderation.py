"""accounts.moderation: warn, suspend, ban and lift, each with its audit entry,
the moderator checks, and what a suspension refuses (sign-in, sessions,
posting, joining, answering meetings)."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from accounts import moderation
from accounts.models import AuditEntry, Notification, User
from articles.comments.posting import post_comment
from groups.meetings import rsvp
from groups.services import join_group
from tests.conftest import PASSWORD, log_in, make_group, make_meeting


def audit_actions(user) -> list[str]:
    entries = AuditEntry.objects.filter(target_type="user", target_id=str(user.pk))
    return list(entries.values_list("action", flat=True))


def is_signed_in(client) -> bool:
    return client.get("/accounts/profile/").status_code == 200


def test_it_warns_her_with_an_audit_entry_and_a_notification(moderator, bob):
    warning = moderation.warn_user(
        moderator=moderator, user=bob, reason=" Please keep it kind. "
    )

    bob.refresh_from_db()
    assert warning.reason == "Please keep it kind."
    assert bob.has_pending_warning
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.target_type, entry.target_id) == (
        "user_warn",
        "user",
        str(bob.pk),
    )
    assert entry.moderator == moderator
    assert entry.reason == "Please keep it kind."
    note = Notification.objects.get(recipient=bob)
    assert "Please keep it kind." in note.text
    assert note.url == "/accounts/warnings/"


def test_it_suspends_her_for_some_days(moderator, bob):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)):
        moderation.suspend_user(
            moderator=moderator, user=bob, reason="Repeated insults", days=7
        )

    bob.refresh_from_db()
    assert bob.suspended_until == datetime.datetime(
        2026, 3, 9, 10, 0, tzinfo=datetime.UTC
    )
    assert bob.suspension_reason == "Repeated insults"
    assert audit_actions(bob) == ["user_suspend"]
    assert AuditEntry.objects.get().reason == "7 days: Repeated insults"
    note = Notification.objects.get(recipient=bob).text
    assert "9 March 2026, 10:00 UTC" in note
    assert "Repeated insults" in note


def test_it_bans_and_lifts(moderator, bob):
    moderation.ban_user(moderator=moderator, user=bob, reason="Threats")
    bob.refresh_from_db()
    assert bob.is_banned and bob.is_suspended

    moderation.lift_suspension(moderator=moderator, user=bob, reason="Appeal heard")

    bob.refresh_from_db()
    assert not bob.is_banned and not bob.is_suspended
    assert bob.suspension_reason == ""
    assert audit_actions(bob) == ["user_lift", "user_ban"]
    assert Notification.objects.filter(recipient=bob).count() == 2


@pytest.mark.parametrize("days", [0, 366, -1, "7"])
def test_it_refuses_a_suspension_out_of_range(moderator, bob, days):
    with pytest.raises(ValidationError, match="1 to 365 days"):
        moderation.suspend_user(moderator=moderator, user=bob, reason="x", days=days)

    assert not AuditEntry.objects.exists()


def test_it_needs_a_reason(moderator, bob):
    with pytest.raises(ValidationError, match="reason"):
        moderation.warn_user(moderator=moderator, user=bob, reason="   ")

    assert not bob.warnings.exists()
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("persona", ["alice", "plain_staff", "staff_without_mfa"])
def test_it_refuses_people_who_are_not_moderators(request, bob, persona):
    actor = request.getfixturevalue(persona)

    with pytest.raises(ValidationError, match="Only moderators"):
        moderation.suspend_user(moderator=actor, user=bob, reason="x", days=3)

    bob.refresh_from_db()
    assert not bob.is_suspended


def test_it_refuses_a_moderator_acting_on_herself(moderator):
    with pytest.raises(ValidationError, match="your own account"):
        moderation.suspend_user(moderator=moderator, user=moderator, reason="x", days=1)

    moderator.refresh_from_db()
    assert not moderator.is_suspended


def test_it_refuses_acting_on_another_moderator(moderator, staff_without_mfa):
    with pytest.raises(ValidationError, match="superuser"):
        moderation.ban_user(moderator=moderator, user=staff_without_mfa, reason="x")


def test_a_superuser_moderator_may_act_on_another_moderator(
    moderator, staff_without_mfa
):
    User.objects.filter(pk=moderator.pk).update(is_superuser=True)
    moderator.refresh_from_db()

    moderation.ban_user(moderator=moderator, user=staff_without_mfa, reason="x")

    staff_without_mfa.refresh_from_db()
    assert staff_without_mfa.is_banned


def test_it_refuses_to_lift_what_is_not_there(moderator, bob):
    with pytest.raises(ValidationError, match="isn't suspended"):
        moderation.lift_suspension(moderator=moderator, user=bob, reason="x")


def test_it_ends_every_session_of_hers_at_once(moderator, bob, alice):
    laptop, phone, alices = Client(), Client(), Client()
    log_in(laptop, "bob")
    log_in(phone, "bob")
    log_in(alices, "alice")
    assert is_signed_in(laptop) and is_signed_in(phone)

    moderation.suspend_user(moderator=moderator, user=bob, reason="Insults", days=3)

    assert not is_signed_in(laptop)
    assert not is_signed_in(phone)
    assert is_signed_in(alices)


def test_it_signs_out_a_session_the_ending_missed(client, moderator, bob):
    # force_login makes a session allauth does not track: the backend refuses it.
    client.force_login(bob)

    moderation.ban_user(moderator=moderator, user=bob, reason="Threats")

    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_sign_in_with_the_reason_and_the_end(client, moderator, bob):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)):
        moderation.suspend_user(
            moderator=moderator, user=bob, reason="Repeated insults", days=7
        )
        response = client.post(
            "/accounts/login/", {"login": "bob", "password": PASSWORD}
        )

    assert response.status_code == 403
    page = response.content.decode()
    assert "suspended" in page
    assert "Repeated insults" in page
    assert "9 March 2026, 10:00 UTC" in page
    assert "_auth_user_id" not in client.session


def test_it_refuses_a_banned_sign_in_by_e_mail_too(client, moderator, bob):
    moderation.ban_user(moderator=moderator, user=bob, reason="Threats")

    response = client.post(
        "/accounts/login/", {"login": "bob@example.org", "password": PASSWORD}
    )

    assert response.status_code == 403
    assert "banned" in response.content.decode()
    assert "Threats" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_tells_a_wrong_password_nothing_about_a_suspension(
    client, moderator, bob, hash_counter
):
    moderation.ban_user(moderator=moderator, user=bob, reason="Threats")
    hash_counter.calls = 0

    response = client.post("/accounts/login/", {"login": "bob", "password": "nope"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Threats" not in page
    assert "banned" not in page
    # The same single hash as a wrong password for anyone else.
    assert hash_counter.calls == 1


def test_the_suspension_ends_by_itself(client, moderator, bob):
    start = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start):
        moderation.suspend_user(moderator=moderator, user=bob, reason="x", days=2)
    with time_machine.travel(start + datetime.timedelta(days=2, seconds=1)):
        bob.refresh_from_db()
        assert not bob.is_suspended

        log_in(client, "bob")

        assert is_signed_in(client)


def test_a_lift_lets_her_sign_in_again(client, moderator, bob):
    moderation.suspend_user(moderator=moderator, user=bob, reason="x", days=30)
    moderation.lift_suspension(moderator=moderator, user=bob, reason="Mistake")

    log_in(client, "bob")

    assert is_signed_in(client)


def test_it_refuses_her_comments_while_suspended(moderator, bob, article):
    moderation.suspend_user(moderator=moderator, user=bob, reason="x", days=3)
    bob.refresh_from_db()

    with pytest.raises(ValidationError, match="suspended until"):
        post_comment(article=article, author=bob, body="Hello again")

    assert not article.comments.exists()


def test_it_refuses_joining_while_banned(moderator, bob, alice):
    group = make_group(organizer=alice, name="Thursday Circle")
    moderation.ban_user(moderator=moderator, user=bob, reason="x")
    bob.refresh_from_db()

    with pytest.raises(ValidationError, match="banned"):
        join_group(user=bob, group=group)

    assert not group.memberships.filter(user=bob).exists()


def test_it_refuses_a_seat_but_lets_her_give_one_up(moderator, bob, group):
    meeting = make_meeting(group)
    rsvp.respond(user=bob, meeting=meeting, going=True)
    moderation.suspend_user(moderator=moderator, user=bob, reason="x", days=3)
    bob.refresh_from_db()

    with pytest.raises(ValidationError, match="suspended until"):
        rsvp.respond(user=bob, meeting=meeting, going=True)
    answer = rsvp.respond(user=bob, meeting=meeting, going=False)

    assert answer.is_not_going
    meeting.refresh_from_db()
    assert meeting.going_count == 0


def test_posting_works_again_after_the_suspension(moderator, bob, article):
    start = timezone.now()
    moderation.suspend_user(moderator=moderator, user=bob, reason="x", days=1)
    with time_machine.travel(start + datetime.timedelta(days=1, minutes=1)):
        bob.refresh_from_db()

        comment = post_comment(article=article, author=bob, body="I'm back")

    assert comment.author == bob

"""groups.moderation: moderators approve, reject, hand on and review groups,
dismiss access flags and resolve members' reports, each with an audit entry;
members report a group or a person leading it."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import AuditEntry, Notification
from groups import moderation
from groups.models import AccessFlag, Group, GroupReport, Membership
from tests.conftest import make_group


@pytest.fixture
def pending(alice):
    return make_group(organizer=alice, name="New Circle", status=Group.Status.PENDING)


def test_it_approves_a_group_with_an_audit_entry(alice, moderator, pending):
    moderation.approve_group(group=pending, moderator=moderator, reason="Looks good")

    pending.refresh_from_db()
    assert pending.is_active
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.target_label, entry.reason) == (
        "group_approve",
        "New Circle",
        "Looks good",
    )
    assert Notification.objects.filter(recipient=alice, kind="group_approved")


@pytest.mark.parametrize(
    "persona", ["alice", "bob", "plain_staff", "staff_without_mfa"]
)
def test_it_refuses_everyone_but_moderators(request, bob, pending, persona):
    user = request.getfixturevalue(persona)

    with pytest.raises(ValidationError):
        moderation.approve_group(group=pending, moderator=user)
    with pytest.raises(ValidationError):
        moderation.reject_group(group=pending, moderator=user, reason="No")

    pending.refresh_from_db()
    assert pending.is_pending
    assert not AuditEntry.objects.exists()


def test_it_rejects_a_group_and_tells_the_organizer_why(
    client, alice, bob, moderator, pending
):
    with pytest.raises(ValidationError, match="say why"):
        moderation.reject_group(group=pending, moderator=moderator, reason=" ")

    moderation.reject_group(
        group=pending, moderator=moderator, reason="It sells a course."
    )

    pending.refresh_from_db()
    assert pending.is_rejected
    note = Notification.objects.get(recipient=alice, kind="group_rejected")
    assert "It sells a course." in note.message
    assert AuditEntry.objects.get().action == "group_reject"
    client.force_login(bob)
    assert client.get(pending.get_absolute_url()).status_code == 404
    client.force_login(alice)
    assert client.get(pending.get_absolute_url()).status_code == 200


def test_it_assigns_a_new_organizer_by_username(moderator, charlie, group):
    with pytest.raises(ValidationError, match="no active account"):
        moderation.assign_organizer(group=group, moderator=moderator, username="nobody")

    moderation.assign_organizer(group=group, moderator=moderator, username="Charlie")

    membership = Membership.objects.get(group=group, user=charlie)
    assert membership.is_organizer and membership.is_active
    assert Notification.objects.filter(recipient=charlie, kind="organizer_assigned")
    assert AuditEntry.objects.get().action == "group_assign_organizer"
    with pytest.raises(ValidationError, match="already organizes"):
        moderation.assign_organizer(
            group=group, moderator=moderator, username="charlie"
        )


def test_it_makes_a_member_an_organizer(moderator, bob, group):
    moderation.assign_organizer(group=group, moderator=moderator, username="bob")

    assert Membership.objects.get(group=group, user=bob).is_organizer


def test_it_marks_an_edited_group_reviewed(moderator, group):
    with pytest.raises(ValidationError):
        moderation.mark_group_reviewed(group=group, moderator=moderator)
    Group.objects.filter(pk=group.pk).update(needs_review_since=timezone.now())

    moderation.mark_group_reviewed(group=group, moderator=moderator)

    group.refresh_from_db()
    assert group.needs_review_since is None
    assert AuditEntry.objects.get().action == "group_edit_reviewed"


def test_it_dismisses_an_access_flag(moderator, bob):
    flag = AccessFlag.objects.create(user=bob, day=timezone.localdate(), group_count=9)

    with pytest.raises(ValidationError):
        moderation.dismiss_access_flag(flag=flag, moderator=bob)
    moderation.dismiss_access_flag(flag=flag, moderator=moderator, reason="A helper")

    flag.refresh_from_db()
    assert flag.reviewed
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.target_id) == ("access_flag_dismiss", str(bob.pk))


# Reports from members ---------------------------------------------------------------


def test_it_lets_a_member_report_the_group_and_its_organizer(alice, bob, group):
    moderation.report_group(reporter=bob, group=group, reason="unsafe")
    moderation.report_group(
        reporter=bob, group=group, reason="money", details="Asks $50", subject=alice
    )

    assert GroupReport.objects.count() == 2
    assert not Notification.objects.filter(recipient=alice).exists()


def test_it_refuses_reporting_a_plain_member_unless_organizer(
    alice, bob, charlie, group
):
    Membership.objects.create(group=group, user=charlie, state=Membership.State.ACTIVE)

    with pytest.raises(ValidationError, match="can't report this person"):
        moderation.report_group(
            reporter=bob, group=group, reason="harassment", subject=charlie
        )
    moderation.report_group(
        reporter=alice, group=group, reason="harassment", subject=charlie
    )

    assert GroupReport.objects.get().subject == charlie


def test_it_refuses_a_report_without_a_reason_or_on_herself(alice, bob, group):
    with pytest.raises(ValidationError, match="reason"):
        moderation.report_group(reporter=bob, group=group, reason="")
    with pytest.raises(ValidationError, match="yourself"):
        moderation.report_group(
            reporter=alice, group=group, reason="other", subject=alice
        )

    assert not GroupReport.objects.exists()


def test_it_limits_reports_per_day(bob, group):
    for _ in range(moderation.REPORTS_PER_DAY):
        moderation.report_group(reporter=bob, group=group, reason="other")

    with pytest.raises(ValidationError, match="many reports"):
        moderation.report_group(reporter=bob, group=group, reason="other")


def test_it_resolves_a_report_and_thanks_the_reporter(alice, bob, moderator, group):
    report = moderation.report_group(
        reporter=bob, group=group, reason="unsafe", subject=alice
    )

    moderation.resolve_group_report(report=report, moderator=moderator)

    report.refresh_from_db()
    assert report.resolved_at is not None
    assert AuditEntry.objects.get().action == "group_report_resolve"
    assert Notification.objects.filter(recipient=bob, kind="group_report_handled")
    assert not Notification.objects.filter(recipient=alice).exists()
    with pytest.raises(ValidationError, match="already resolved"):
        moderation.resolve_group_report(report=report, moderator=moderator)

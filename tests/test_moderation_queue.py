"""/moderation/: the queue's tabs (counts, oldest first, constant queries) and
its actions (moderators only, through the services, audited)."""

import itertools
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from accounts.models import AuditEntry, Notification
from articles.comments import posting
from articles.models import Comment
from groups import moderation as group_moderation
from groups.models import AccessFlag, Group, Membership
from tests.articles.comment_factory import make_comment, post
from tests.conftest import make_group, make_user, messages_of, submit_form

TABS = [
    "comments",
    "held",
    "groups",
    "group-reports",
    "flags",
    "no-organizer",
    "edited",
]


def reported(article, author, reporters, body="A cruel remark"):
    comment = post(author, article, body)
    for reporter in reporters:
        posting.report_comment(comment=comment, reporter=reporter, reason="harassment")
    return comment


_names = itertools.count()


def fill_queue(article, alice, count: int):
    """``count`` items in every tab."""
    readers = [make_user(f"reader{next(_names)}") for _ in range(2)]
    for number in range(count):
        reported(article, alice, readers, body=f"Remark {number}")
        make_comment(article, alice, status=Comment.Status.HELD)
        make_group(
            name=f"Pending {number}", organizer=alice, status=Group.Status.PENDING
        )
        orphan = make_group(name=f"Orphan {number}")
        edited = make_group(name=f"Edited {number}", organizer=alice)
        Group.objects.filter(pk=edited.pk).update(needs_review_since=timezone.now())
        group_moderation.report_group(
            reporter=readers[number % 2], group=orphan, reason="unsafe"
        )
        AccessFlag.objects.create(
            user=readers[0],
            day=timezone.localdate() - timedelta(days=next(_names)),
            group_count=9,
        )


@pytest.mark.parametrize("tab", TABS)
def test_it_costs_the_same_queries_whatever_a_tab_holds(
    client, moderator, article, alice, tab, django_assert_num_queries
):
    client.force_login(moderator)
    fill_queue(article, alice, 3)
    client.get(f"/moderation/?tab={tab}")  # warm up sessions and caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        response = client.get(f"/moderation/?tab={tab}")
    assert response.status_code == 200
    fill_queue(article, alice, 8)

    with django_assert_num_queries(len(few.captured_queries)):
        client.get(f"/moderation/?tab={tab}")


def test_it_counts_each_tab(client, moderator, article, alice):
    fill_queue(article, alice, 2)
    client.force_login(moderator)

    page = client.get("/moderation/").content.decode()

    assert page.count('<span class="queue-tabs__count">(2)</span>') == 7
    assert 'aria-current="page">Reported comments' in page


def test_it_groups_reports_by_comment_oldest_first(
    client, moderator, article, alice, bob, charlie
):
    later = post(alice, article, "Reported later")
    earlier = post(alice, article, "Reported earlier")
    posting.report_comment(comment=earlier, reporter=bob, reason="hate", note="Mean")
    posting.report_comment(comment=earlier, reporter=charlie, reason="spam")
    posting.report_comment(comment=later, reporter=bob, reason="spam")
    client.force_login(moderator)

    page = client.get("/moderation/?tab=comments").content.decode()

    assert page.index("Reported earlier") < page.index("Reported later")
    assert "<strong>2 reports</strong>" in page
    assert "<strong>1 report</strong>" in page
    assert "Hate or discrimination: “Mean”" in page


def test_it_lists_groups_without_an_organizer(client, moderator, alice, bob, group):
    client.force_login(moderator)
    assert (
        group.name not in client.get("/moderation/?tab=no-organizer").content.decode()
    )

    Membership.objects.filter(user=alice).delete()

    page = client.get("/moderation/?tab=no-organizer").content.decode()
    assert group.name in page


def test_it_falls_back_to_the_first_tab_for_an_unknown_one(client, moderator):
    client.force_login(moderator)

    page = client.get("/moderation/?tab=nope").content.decode()

    assert 'aria-current="page">Reported comments' in page


# Actions ----------------------------------------------------------------------------


@pytest.fixture
def reported_comment(article, alice, bob):
    return reported(article, alice, [bob])


def action_urls(comment, group, flag, report):
    return [
        f"/moderation/comments/{comment.pk}/hide/",
        f"/moderation/comments/{comment.pk}/dismiss/",
        f"/moderation/groups/{group.pk}/approve/",
        f"/moderation/groups/{group.pk}/reject/",
        f"/moderation/groups/{group.pk}/assign/",
        f"/moderation/groups/{group.pk}/reviewed/",
        f"/moderation/flags/{flag.pk}/dismiss/",
        f"/moderation/group-reports/{report.code}/resolve/",
    ]


@pytest.mark.parametrize(
    "persona", ["bob", "alice", "plain_staff", "staff_without_mfa"]
)
def test_it_refuses_every_action_to_everyone_but_moderators(
    client, request, reported_comment, group, bob, persona
):
    flag = AccessFlag.objects.create(user=bob, day=timezone.localdate(), group_count=9)
    report = group_moderation.report_group(reporter=bob, group=group, reason="other")
    client.force_login(request.getfixturevalue(persona))

    for url in action_urls(reported_comment, group, flag, report):
        assert client.post(url, {"reason": "x", "username": "bob"}).status_code == 403

    assert not AuditEntry.objects.exists()


def test_it_sends_visitors_to_sign_in(client, reported_comment):
    url = f"/moderation/comments/{reported_comment.pk}/hide/"

    response = client.post(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_404s_for_unknown_ids_and_actions(client, moderator, reported_comment):
    client.force_login(moderator)

    assert client.post("/moderation/comments/999999/hide/").status_code == 404
    assert (
        client.post(f"/moderation/comments/{reported_comment.pk}/x/").status_code == 404
    )
    assert client.post("/moderation/groups/999999/approve/").status_code == 404
    assert client.post("/moderation/flags/999999/dismiss/").status_code == 404
    missing = "/moderation/group-reports/00000000-0000-0000-0000-000000000000/resolve/"
    assert client.post(missing).status_code == 404


def test_it_rejects_get(client, moderator, reported_comment):
    client.force_login(moderator)

    response = client.get(f"/moderation/comments/{reported_comment.pk}/hide/")

    assert response.status_code == 405


def test_it_hides_a_reported_comment_from_the_queue(moderator, bob, reported_comment):
    url = f"/moderation/comments/{reported_comment.pk}/hide/"

    response = submit_form(
        moderator,
        "/moderation/?tab=comments",
        url,
        {"reason": "Cruel", "tab": "comments"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/moderation/?tab=comments"
    assert messages_of(response) == ["The comment is hidden."]
    reported_comment.refresh_from_db()
    assert reported_comment.is_hidden
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.reason) == ("comment_hide", "Cruel")
    assert Notification.objects.filter(recipient=bob, kind="comment_report_handled")


def test_it_approves_a_held_comment_from_the_queue(moderator, article, alice):
    held = make_comment(article, alice, status=Comment.Status.HELD)
    url = f"/moderation/comments/{held.pk}/approve/"

    response = submit_form(moderator, "/moderation/?tab=held", url, {"tab": "held"})

    assert response["Location"] == "/moderation/?tab=held"
    held.refresh_from_db()
    assert held.is_visible
    assert AuditEntry.objects.get().action == "comment_approve"


def test_it_shows_a_refusal_as_a_message(client, moderator, article, alice):
    comment = post(alice, article, "Fine words")
    client.force_login(moderator)

    response = client.post(
        f"/moderation/comments/{comment.pk}/restore/", {"tab": "comments"}
    )

    assert response.status_code == 302
    assert messages_of(response) == ["This comment isn't hidden."]
    assert not AuditEntry.objects.exists()


def test_it_rejects_a_group_with_a_reason_from_the_queue(moderator, alice):
    pending = make_group(organizer=alice, name="New one", status=Group.Status.PENDING)
    url = f"/moderation/groups/{pending.pk}/reject/"

    submit_form(moderator, "/moderation/?tab=groups", url, {"reason": "Spam"})

    pending.refresh_from_db()
    assert pending.is_rejected
    assert "Spam" in Notification.objects.get(kind="group_rejected").message


def test_it_assigns_an_organizer_from_the_queue(moderator, alice, bob, group):
    Membership.objects.filter(user=alice).delete()
    url = f"/moderation/groups/{group.pk}/assign/"

    submit_form(moderator, "/moderation/?tab=no-organizer", url, {"username": "bob"})

    assert Membership.objects.get(user=bob, group=group).is_organizer


def test_it_marks_an_edited_group_reviewed_from_the_queue(moderator, group):
    Group.objects.filter(pk=group.pk).update(needs_review_since=timezone.now())
    url = f"/moderation/groups/{group.pk}/reviewed/"

    submit_form(moderator, "/moderation/?tab=edited", url)

    group.refresh_from_db()
    assert group.needs_review_since is None


def test_it_dismisses_a_flag_and_resolves_a_report_from_the_queue(
    moderator, bob, group
):
    flag = AccessFlag.objects.create(user=bob, day=timezone.localdate(), group_count=9)
    report = group_moderation.report_group(reporter=bob, group=group, reason="other")

    submit_form(
        moderator, "/moderation/?tab=flags", f"/moderation/flags/{flag.pk}/dismiss/"
    )
    submit_form(
        moderator,
        "/moderation/?tab=group-reports",
        f"/moderation/group-reports/{report.code}/resolve/",
    )

    flag.refresh_from_db()
    report.refresh_from_db()
    assert flag.reviewed and report.resolved_at is not None
    assert [e.action for e in AuditEntry.objects.order_by("pk")] == [
        "access_flag_dismiss",
        "group_report_resolve",
    ]


def test_it_lists_a_comment_hidden_after_reports(client, moderator, article, alice):
    with time_machine.travel(timezone.now() - timedelta(days=30), tick=False):
        readers = [make_user(f"old{number}") for number in range(3)]
    comment = reported(article, alice, readers)
    client.force_login(moderator)

    page = client.get("/moderation/?tab=comments").content.decode()

    comment.refresh_from_db()
    assert comment.hidden_by_reports
    assert "Hidden after reports" in page


def test_it_filters_reported_comments_by_reason(
    client, moderator, article, alice, bob, charlie
):
    spam = post(alice, article, "Buy my course")
    cruel = post(alice, article, "A cruel remark")
    posting.report_comment(comment=spam, reporter=bob, reason="spam")
    posting.report_comment(comment=cruel, reporter=charlie, reason="harassment")
    client.force_login(moderator)

    page = client.get("/moderation/?tab=comments&reason=spam").content.decode()
    everything = client.get("/moderation/?tab=comments&reason=nope").content.decode()

    assert "Buy my course" in page and "A cruel remark" not in page
    assert "Buy my course" in everything and "A cruel remark" in everything

"""/groups/<slug>/report/: a member reports the group or a person leading it,
an organizer reports a member; privately, and nobody reported is told."""

from accounts.models import Notification
from groups.models import Group, GroupReport, Membership
from tests.conftest import make_group, messages_of, submit_form

URL = "/groups/tuesday-evening-circle/report/"


def test_it_requires_login(client, group):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}"


def test_it_404s_for_a_group_she_may_not_see(client, charlie, alice):
    make_group(organizer=alice, name="Hidden", status=Group.Status.PENDING)
    client.force_login(charlie)

    assert client.get("/groups/hidden/report/").status_code == 404


def test_it_lets_a_member_report_the_facilitator(client, alice, bob, group):
    client.force_login(bob)
    page = client.get(f"{URL}?about=facilitator").content.decode()
    code = Membership.objects.get(user=alice).code
    assert f'value="{code}"' in page and "Organizer: Alice" in page

    response = submit_form(
        bob, URL, URL, {"about": str(code), "reason": "money", "details": "Fees"}
    )

    assert response.status_code == 302
    assert "nobody is told who reported" in messages_of(response)[0]
    report = GroupReport.objects.get()
    assert (report.reporter, report.subject, report.reason) == (bob, alice, "money")
    assert not Notification.objects.filter(recipient=alice).exists()


def test_it_never_names_the_leaders_to_a_stranger(client, charlie, group):
    client.force_login(charlie)

    page = client.get(URL).content.decode()

    assert "Alice" not in page
    assert "The group&#x27;s organizer" in page or "The group's organizer" in page


def test_it_lets_a_stranger_report_the_group(client, charlie, group):
    client.force_login(charlie)

    client.post(URL, {"about": "group", "reason": "unsafe"})

    report = GroupReport.objects.get()
    assert report.subject is None and report.group == group


def test_it_refuses_reporting_a_plain_member_unless_organizer(
    client, alice, bob, charlie, group
):
    Membership.objects.create(group=group, user=charlie, state=Membership.State.ACTIVE)
    code = Membership.objects.get(user=charlie).code
    client.force_login(bob)

    response = client.post(URL, {"about": str(code), "reason": "harassment"})

    assert response.status_code == 200
    assert not GroupReport.objects.exists()

    client.force_login(alice)
    page = client.get("/groups/tuesday-evening-circle/manage/").content.decode()
    assert f"{URL}?about={code}" in page
    client.post(URL, {"about": str(code), "reason": "harassment"})
    assert GroupReport.objects.get().subject == charlie


def test_it_re_renders_without_a_reason(client, bob, group):
    client.force_login(bob)

    response = client.post(URL, {"about": "group"})

    assert response.status_code == 200
    assert not GroupReport.objects.exists()

"""/moderation/resources/: moderators add, edit, check and delete the crisis
resources; every change writes an audit entry. Everyone else is refused."""

import pytest

from accounts.models import AuditEntry, CrisisResource
from tests.conftest import submit_form

VALID = {
    "name": "Leeds Women's Aid",
    "helps_with": "Domestic abuse, refuge",
    "phone": "0808 802 1414",
    "url": "https://example.org/lwa/",
    "region": "GB",
    "order": "5",
}


@pytest.fixture
def resource(db):
    return CrisisResource.objects.create(
        name="Old line",
        helps_with="Anything",
        phone="0800 000",
        region="GB",
        is_default_unverified=True,
    )


def paths(resource):
    return [
        "/moderation/resources/",
        "/moderation/resources/add/",
        f"/moderation/resources/{resource.pk}/edit/",
        f"/moderation/resources/{resource.pk}/delete/",
    ]


def test_it_sends_visitors_to_sign_in(client, resource):
    for url in paths(resource):
        response = client.get(url)
        assert response["Location"] == f"/accounts/login/?next={url}"


@pytest.mark.parametrize(
    "persona", ["bob", "alice", "plain_staff", "staff_without_mfa"]
)
def test_it_refuses_everyone_but_moderators(client, request, resource, persona):
    client.force_login(request.getfixturevalue(persona))

    for url in paths(resource):
        assert client.get(url).status_code == 403
    for url in [*paths(resource)[1:], f"/moderation/resources/{resource.pk}/verify/"]:
        assert client.post(url, VALID).status_code == 403
    resource.refresh_from_db()
    assert resource.name == "Old line"
    assert resource.is_default_unverified
    assert not AuditEntry.objects.exists()


def test_it_adds_a_resource_with_an_audit_entry(moderator):
    response = submit_form(
        moderator,
        "/moderation/resources/add/",
        "/moderation/resources/add/",
        VALID,
    )

    assert response.status_code == 302
    added = CrisisResource.objects.get(name="Leeds Women's Aid")
    assert not added.is_default_unverified
    entry = AuditEntry.objects.get()
    assert (entry.moderator_name, entry.action, entry.target_id) == (
        "mod",
        "resource_add",
        str(added.pk),
    )


def test_it_refuses_a_resource_without_phone_or_website(client, moderator):
    client.force_login(moderator)

    response = client.post(
        "/moderation/resources/add/", {**VALID, "phone": "", "url": ""}
    )

    assert response.status_code == 400
    assert "Give a phone number, a website or both." in response.content.decode()
    assert not CrisisResource.objects.filter(name="Leeds Women's Aid").exists()
    assert not AuditEntry.objects.exists()


def test_it_edits_a_resource_and_keeps_the_default_mark(client, moderator, resource):
    client.force_login(moderator)

    client.post(f"/moderation/resources/{resource.pk}/edit/", VALID)

    resource.refresh_from_db()
    assert resource.phone == "0808 802 1414"
    assert resource.is_default_unverified
    assert AuditEntry.objects.get().action == "resource_edit"


def test_it_marks_a_resource_checked(moderator, resource):
    response = submit_form(
        moderator,
        "/moderation/resources/",
        f"/moderation/resources/{resource.pk}/verify/",
    )

    resource.refresh_from_db()
    assert response.status_code == 302
    assert not resource.is_default_unverified
    assert AuditEntry.objects.get().action == "resource_verify"


def test_it_rejects_get_for_verify(client, moderator, resource):
    client.force_login(moderator)

    assert client.get(f"/moderation/resources/{resource.pk}/verify/").status_code == 405


def test_it_asks_before_deleting_then_deletes(client, moderator, resource):
    client.force_login(moderator)

    page = client.get(f"/moderation/resources/{resource.pk}/delete/")
    assert "Delete Old line?" in page.content.decode()
    assert CrisisResource.objects.filter(pk=resource.pk).exists()

    response = submit_form(
        moderator,
        f"/moderation/resources/{resource.pk}/delete/",
        f"/moderation/resources/{resource.pk}/delete/",
    )

    assert response.status_code == 302
    assert not CrisisResource.objects.filter(pk=resource.pk).exists()
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.target_label) == ("resource_delete", "Old line (GB)")


def test_it_marks_default_entries_in_the_list(client, moderator, resource):
    client.force_login(moderator)

    html = client.get("/moderation/resources/").content.decode()

    assert "Default entry: the site owner should check this" in html


def test_it_lists_resources_in_the_same_queries_whatever_their_number(
    client, moderator, resource, django_assert_num_queries
):
    client.force_login(moderator)
    client.get("/moderation/resources/")
    CrisisResource.objects.create(name="More", helps_with="x", phone="1", region="KE")

    with django_assert_num_queries(len(_queries(client))):
        client.get("/moderation/resources/")


def _queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get("/moderation/resources/")
    return captured.captured_queries

import re

import pytest

from accounts.models import Notification
from groups.models import Group
from tests.conftest import make_group, make_place, messages_of

URL = "/groups/tuesday-evening-circle/manage/edit/"


@pytest.fixture
def group(alice, bob, leeds):
    return make_group(
        organizer=alice, members=[bob], place=leeds, timezone="Europe/London"
    )


def form_data(group, **overrides) -> dict:
    """What the edit form sends back unchanged."""
    data = {
        "name": group.name,
        "tagline": group.tagline,
        "description": group.description,
        "topics": [topic.pk for topic in group.topics.all()],
        "facilitation": group.facilitation,
        "facilitator_credentials": group.facilitator_credentials,
        "host_organization": group.host_organization,
        "format": group.format,
        "place_name": "Leeds, United Kingdom",
        "venue_type": group.venue_type,
        "area_description": group.area_description,
        "street_address": group.street_address,
        "venue_notes": group.venue_notes,
        "online_link": group.online_link,
        "online_notes": group.online_notes,
        "schedule_note": group.schedule_note,
        "timezone": group.timezone,
        "allows_drop_ins": "on" if group.allows_drop_ins else "",
        "women_only": "on",
        "languages": "",
        "cost": group.cost,
        "cost_details": group.cost_details,
        "capacity": "",
        "ground_rules": group.ground_rules,
        "visibility": group.visibility,
        "join_policy": group.join_policy,
        "join_question": group.join_question,
    }
    data.update(overrides)
    return data


def test_it_requires_login(client, group):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}"


def test_it_404s_for_an_outsider(client, group, charlie):
    client.force_login(charlie)

    assert client.get(URL).status_code == 404
    assert client.post(URL, form_data(group, name="Hijacked")).status_code == 404
    group.refresh_from_db()
    assert group.name == "Tuesday Evening Circle"


def test_it_403s_for_a_member(client, group, bob):
    client.force_login(bob)

    assert client.get(URL).status_code == 403
    assert client.post(URL, form_data(group, name="Hijacked")).status_code == 403
    group.refresh_from_db()
    assert group.name == "Tuesday Evening Circle"


def test_it_shows_the_form_filled_in(client, group, alice):
    client.force_login(alice)

    response = client.get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1") == 1
    assert 'value="Tuesday Evening Circle"' in page
    assert 'value="Leeds, United Kingdom"' in page
    assert "12 Secret Lane, Room 4" in page
    assert 'name="allows_drop_ins"' in page
    # Schedules have their own pages; the form points there.
    assert 'name="schedule-kind"' not in page
    assert 'href="/groups/tuesday-evening-circle/manage/#schedules-title"' in page


def test_it_saves_her_changes_and_keeps_address_and_status(client, group, alice):
    client.force_login(alice)

    response = client.post(
        URL, form_data(group, name="Tuesday Circle", tagline="A new tagline.")
    )

    assert response.status_code == 302
    assert response["Location"] == "/groups/tuesday-evening-circle/manage/"
    group.refresh_from_db()
    assert group.name == "Tuesday Circle"
    assert group.tagline == "A new tagline."
    assert group.slug == "tuesday-evening-circle"
    assert group.status == Group.Status.ACTIVE
    assert messages_of(response) == ["Your changes are saved."]


def test_it_tells_members_when_where_they_meet_changes(client, group, alice, bob):
    client.force_login(alice)

    client.post(URL, form_data(group, street_address="1 New Street"))

    group.refresh_from_db()
    assert group.street_address == "1 New Street"
    note = Notification.objects.get(recipient=bob)
    assert note.kind == "group_details_changed"
    assert note.url == "/groups/tuesday-evening-circle/"
    # The new address is only ever on the group page, for members.
    assert "New Street" not in note.message
    assert not Notification.objects.filter(recipient=alice).exists()


def test_it_does_not_bother_members_with_other_edits(client, group, alice, bob):
    client.force_login(alice)

    client.post(URL, form_data(group, tagline="Slightly better words."))

    assert not Notification.objects.exists()


def test_it_welcomes_drop_ins(client, group, alice):
    client.force_login(alice)

    client.post(URL, form_data(group, allows_drop_ins="on"))

    group.refresh_from_db()
    assert group.allows_drop_ins


def test_it_keeps_meeting_times_local_when_the_time_zone_changes(client, group, alice):
    meeting = group.meetings.order_by("starts_at").first()
    before = meeting.local_start.time()
    client.force_login(alice)

    client.post(URL, form_data(group, timezone="America/New_York"))

    meeting.refresh_from_db()
    group.refresh_from_db()
    assert group.timezone == "America/New_York"
    assert meeting.local_start.time() == before
    assert str(meeting.local_start.tzinfo) == "America/New_York"


def test_it_moves_the_group_to_another_town(client, group, alice):
    york = make_place("York", geonames_id=77, timezone="Europe/London")
    client.force_login(alice)

    client.post(URL, form_data(group, place_name="York"))

    group.refresh_from_db()
    assert group.place == york


def test_it_rerenders_with_errors_and_changes_nothing(client, group, alice, bob):
    client.force_login(alice)

    response = client.post(
        URL, form_data(group, name="", cost="fee", cost_details="", capacity="0")
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"name", "cost_details", "capacity"}
    group.refresh_from_db()
    assert group.name == "Tuesday Evening Circle"
    assert group.cost == Group.Cost.FREE
    assert not Notification.objects.exists()


def test_it_lets_an_organizer_edit_a_group_waiting_for_review(client, alice, leeds):
    group = make_group(organizer=alice, status=Group.Status.PENDING, place=leeds)
    client.force_login(alice)

    client.post(URL, form_data(group, tagline="Fixed a typo."))

    group.refresh_from_db()
    assert group.tagline == "Fixed a typo."
    assert group.status == Group.Status.PENDING


# Visibility and the group's address --------------------------------------------


def test_it_gives_a_group_made_unlisted_an_unguessable_address(client, alice, group):
    client.force_login(alice)

    response = client.post(URL, form_data(group, visibility="unlisted"))

    group.refresh_from_db()
    assert re.fullmatch(r"tuesday-evening-circle-[a-z2-7]{16}", group.slug)
    assert response["Location"] == f"/groups/{group.slug}/manage/"
    assert client.get("/groups/tuesday-evening-circle/").status_code == 404
    client.logout()
    assert client.get("/groups/tuesday-evening-circle/").status_code == 404
    assert client.get(f"/groups/{group.slug}/").status_code == 200


def test_it_gives_a_group_made_listed_a_readable_address_again(client, alice, bob):
    group = make_group(
        organizer=alice, members=[bob], visibility=Group.Visibility.UNLISTED
    )
    private_url = f"/groups/{group.slug}/"
    client.force_login(alice)

    client.post(
        f"{private_url}manage/edit/",
        form_data(group, visibility="listed", place_name="Leeds, United Kingdom"),
    )

    group.refresh_from_db()
    assert group.slug == "tuesday-evening-circle"
    assert client.get("/groups/tuesday-evening-circle/").status_code == 200
    assert client.get(private_url).status_code == 404


def test_it_keeps_the_address_when_the_visibility_stays(client, alice):
    group = make_group(organizer=alice, visibility=Group.Visibility.UNLISTED)
    slug = group.slug
    client.force_login(alice)

    client.post(
        f"/groups/{slug}/manage/edit/",
        form_data(group, tagline="A new tagline for the same circle."),
    )

    group.refresh_from_db()
    assert group.tagline == "A new tagline for the same circle."
    assert group.slug == slug


def test_it_lists_an_edited_public_text_for_review_after_the_fact(client, alice, group):
    client.force_login(alice)

    client.post(URL, form_data(group, tagline="A new line about us."))

    group.refresh_from_db()
    assert group.tagline == "A new line about us."
    assert group.needs_review_since is not None


def test_it_does_not_list_edits_to_private_details_for_review(client, alice, group):
    client.force_login(alice)

    client.post(URL, form_data(group, venue_notes="Use the side door."))

    group.refresh_from_db()
    assert group.venue_notes == "Use the side door."
    assert group.needs_review_since is None

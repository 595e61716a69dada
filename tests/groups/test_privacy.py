"""DESIGN.md's privacy table, row by row, on the group page (/groups/<slug>/), for
every kind of viewer: anonymous, a signed-in stranger, a pending member, a member,
an organizer and a site moderator."""

from html import unescape

import pytest

from groups.models import Group, Membership
from tests.conftest import make_group, make_user

SLUG = "harbour-women-s-circle"
URL = f"/groups/{SLUG}/"

STREET_ADDRESS = "27 Quayside Walk, Flat 3"
VENUE_NOTES = "Buzz flat 3 and say you're here for the circle."
ONLINE_LINK = "https://meet.example.org/harbour-9931"
ONLINE_NOTES = "Passcode: lighthouse"
PRIVATE_DETAILS = [STREET_ADDRESS, VENUE_NOTES, ONLINE_LINK, ONLINE_NOTES]

# Who sees what, straight from the table: (private details, member list).
VIEWERS = {
    "anonymous": (False, False),
    "stranger": (False, False),
    "pending": (False, False),
    "member": (True, True),
    "organizer": (True, True),
    "moderator": (False, True),
    # Staff without two-step sign-in have no moderator powers.
    "staff_without_mfa": (False, False),
    # Nor staff without the moderation permission.
    "plain_staff": (False, False),
}


@pytest.fixture
def dana(db):
    """Asked to join and is waiting for an answer."""
    return make_user("dana", display_name="Dana")


@pytest.fixture
def hybrid_group(alice, bob, dana):
    group = make_group(
        name="Harbour Women's Circle",
        slug=SLUG,
        organizer=alice,
        members=[bob],
        format=Group.Format.HYBRID,
        street_address=STREET_ADDRESS,
        venue_notes=VENUE_NOTES,
        online_link=ONLINE_LINK,
        online_notes=ONLINE_NOTES,
        join_policy=Group.JoinPolicy.APPROVAL,
        join_question="What brings you here?",
    )
    Membership.objects.create(
        group=group, user=dana, state=Membership.State.PENDING, answer="I'm new."
    )
    return group


@pytest.fixture
def viewer_client(
    client, alice, bob, charlie, dana, moderator, staff_without_mfa, plain_staff
):
    def sign_in(viewer):
        users = {
            "stranger": charlie,
            "pending": dana,
            "member": bob,
            "organizer": alice,
            "moderator": moderator,
            "staff_without_mfa": staff_without_mfa,
            "plain_staff": plain_staff,
        }
        if viewer != "anonymous":
            client.force_login(users[viewer])
        return client

    return sign_in


@pytest.mark.parametrize("viewer", VIEWERS)
def test_it_shows_the_public_listing_to_everyone(viewer, viewer_client, hybrid_group):
    response = viewer_client(viewer).get(URL)

    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert "Harbour Women's Circle" in page
    assert "Self-esteem and assertiveness" in page
    assert "Leeds, United Kingdom" in page
    assert "Near the central library" in page
    assert "Hybrid (in person and online)" in page
    assert "Tuesdays" in page
    assert "Peer with lived experience" in page


@pytest.mark.parametrize("viewer", VIEWERS)
def test_it_shows_address_and_link_only_to_active_members(
    viewer, viewer_client, hybrid_group
):
    sees_private_details, _ = VIEWERS[viewer]

    page = unescape(viewer_client(viewer).get(URL).content.decode())

    for detail in PRIVATE_DETAILS:
        assert (detail in page) is sees_private_details, detail
    assert ("meet.example.org" in page) is sees_private_details
    assert ("Quayside" in page) is sees_private_details


# Who sees every member's name, linked to her profile.
SEES_ALL_MEMBERS = {"organizer", "moderator"}


@pytest.mark.parametrize("viewer", VIEWERS)
def test_it_shows_every_member_only_to_organizers_and_moderators(
    viewer, viewer_client, hybrid_group
):
    _, sees_member_list = VIEWERS[viewer]
    sees_all = viewer in SEES_ALL_MEMBERS

    page = unescape(viewer_client(viewer).get(URL).content.decode())

    # Nobody has chosen to be visible to fellow members (it is off by default).
    for name, profile_url in [("Alice", "/u/alice/"), ("Bobbie", "/u/bob/")]:
        assert (name in page) is sees_all, name
        assert (profile_url in page) is sees_all, profile_url
    assert ('id="members-title"' in page) is sees_member_list


@pytest.mark.parametrize(
    "viewer", ["anonymous", "stranger", "pending", "staff_without_mfa"]
)
def test_it_never_shows_visible_members_to_outsiders(
    viewer, viewer_client, hybrid_group
):
    hybrid_group.memberships.update(is_visible_to_members=True)

    page = unescape(viewer_client(viewer).get(URL).content.decode())

    for text in ["Alice", "Bobbie", "/u/", 'id="members-title"']:
        assert text not in page


def test_it_shows_a_member_only_those_who_chose_to_be_seen(viewer_client, hybrid_group):
    visible = make_user("vera", display_name="Vera Visible")
    hidden = make_user("hana", display_name="Hana Hidden")
    for user, is_visible in [(visible, True), (hidden, False)]:
        Membership.objects.create(
            group=hybrid_group,
            user=user,
            state=Membership.State.ACTIVE,
            is_visible_to_members=is_visible,
        )

    page = unescape(viewer_client("member").get(URL).content.decode())

    assert "Vera Visible" in page
    assert "Hana Hidden" not in page
    assert "Alice" not in page
    # Names only: no way from the list to anyone's profile.
    assert "/u/" not in page
    assert 'Members <span class="member-section__count">(4)</span>' in page
    assert "and 3 more who keep their names private." in page


def test_it_shows_the_organizer_everyone_however_they_chose(
    viewer_client, hybrid_group
):
    hidden = make_user("hana", display_name="Hana Hidden")
    Membership.objects.create(
        group=hybrid_group, user=hidden, state=Membership.State.ACTIVE
    )

    page = unescape(viewer_client("organizer").get(URL).content.decode())

    for name, profile_url in [
        ("Alice", "/u/alice/"),
        ("Bobbie", "/u/bob/"),
        ("Hana Hidden", "/u/hana/"),
    ]:
        assert name in page
        assert profile_url in page
    assert "keep their names private" not in page


@pytest.mark.parametrize("viewer", VIEWERS)
def test_it_never_lists_someone_who_is_only_asking_to_join(
    viewer, viewer_client, hybrid_group
):
    page = unescape(viewer_client(viewer).get(URL).content.decode())

    assert "Dana" not in page
    assert "/u/dana/" not in page
    assert "I'm new." not in page


@pytest.mark.parametrize("viewer", VIEWERS)
def test_it_never_shows_an_email_address(viewer, viewer_client, hybrid_group):
    page = unescape(viewer_client(viewer).get(URL).content.decode())

    assert "@example.org" not in page
    for username in ["alice", "bob", "charlie", "dana", "mod"]:
        assert f"{username}@" not in page


@pytest.mark.parametrize("viewer", VIEWERS)
def test_it_explains_where_the_address_went(viewer, viewer_client, hybrid_group):
    sees_private_details, _ = VIEWERS[viewer]

    page = unescape(viewer_client(viewer).get(URL).content.decode())

    explanation = "The address and meeting link are shared with members only."
    assert (explanation in page) is not sees_private_details


@pytest.mark.parametrize("viewer", VIEWERS)
def test_it_keeps_private_pages_out_of_shared_caches(
    viewer, viewer_client, hybrid_group
):
    response = viewer_client(viewer).get(URL)

    # Every signed-in response is private (a pending request, her membership...);
    # the signed-out page is the same for everyone.
    is_private = response.get("Cache-Control") == "private, no-store"
    assert is_private is (viewer != "anonymous")


def test_it_never_shows_which_other_groups_a_member_belongs_to(
    client, alice, bob, hybrid_group
):
    make_group(
        name="Grief Support Evenings",
        organizer=alice,
        members=[bob],
        place=hybrid_group.place,
    )
    client.force_login(bob)

    page = unescape(client.get(URL).content.decode())

    assert "Grief Support Evenings" not in page
    assert "grief-support-evenings" not in page


def test_it_hides_an_online_link_from_strangers(client, alice, bob, charlie):
    make_group(
        name="Online Mornings",
        organizer=alice,
        members=[bob],
        format=Group.Format.ONLINE,
        online_link="https://meet.example.org/mornings-77",
        online_notes="Passcode: sunrise",
    )
    client.force_login(charlie)

    page = unescape(client.get("/groups/online-mornings/").content.decode())

    assert "mornings-77" not in page
    assert "sunrise" not in page
    assert "The meeting link is shared with members only." in page


def test_it_shows_an_online_link_to_members(client, alice, bob):
    make_group(
        name="Online Mornings",
        organizer=alice,
        members=[bob],
        format=Group.Format.ONLINE,
        online_link="https://meet.example.org/mornings-77",
        online_notes="Passcode: sunrise",
    )
    client.force_login(bob)

    page = unescape(client.get("/groups/online-mornings/").content.decode())

    assert 'href="https://meet.example.org/mornings-77"' in page
    assert "Passcode: sunrise" in page


@pytest.mark.parametrize(
    "state", [Membership.State.DECLINED, Membership.State.REMOVED, "left"]
)
def test_it_hides_private_details_from_former_members(state, client, bob, hybrid_group):
    Membership.objects.filter(group=hybrid_group, user=bob).update(state=state)
    client.force_login(bob)

    page = unescape(client.get(URL).content.decode())

    for detail in PRIVATE_DETAILS:
        assert detail not in page
    assert "/u/alice/" not in page


def test_it_hides_private_details_from_a_superuser_who_is_not_a_member(
    client, hybrid_group
):
    admin = make_user("root", display_name="Root", is_staff=True, is_superuser=True)
    client.force_login(admin)

    page = unescape(client.get(URL).content.decode())

    for detail in PRIVATE_DETAILS:
        assert detail not in page


def test_it_shows_private_details_to_members_of_a_paused_group(
    client, bob, hybrid_group
):
    hybrid_group.status = Group.Status.PAUSED
    hybrid_group.save()
    client.force_login(bob)

    page = unescape(client.get(URL).content.decode())

    assert STREET_ADDRESS in page
    assert ONLINE_LINK in page


# Unlisted groups: by their unguessable link only -------------------------------


@pytest.mark.parametrize("viewer", VIEWERS)
def test_it_never_opens_an_unlisted_group_by_its_guessable_name(
    viewer, viewer_client, alice, bob
):
    group = make_group(
        name="Domestic Abuse Survivors Circle",
        organizer=alice,
        members=[bob],
        visibility=Group.Visibility.UNLISTED,
    )
    client = viewer_client(viewer)

    guessed = client.get("/groups/domestic-abuse-survivors-circle/")
    by_link = client.get(f"/groups/{group.slug}/")

    assert guessed.status_code == 404
    assert "Domestic Abuse Survivors Circle" not in guessed.content.decode()
    assert by_link.status_code == 200
    assert "Domestic Abuse Survivors Circle" in unescape(by_link.content.decode())

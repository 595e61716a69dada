import uuid
from datetime import UTC, datetime, timedelta
from html import unescape

import pytest
import time_machine

from groups.meetings import changes, rsvp
from groups.models import Group, Membership, PrivateDetailView
from tests.conftest import make_group, make_meeting, make_place, make_user
from tests.groups.conftest import count_queries, fill_calendar

SECRET = "12 Secret Lane"


def page_of(response) -> str:
    assert response.status_code == 200
    return unescape(response.content.decode())


def url_of(meeting) -> str:
    return f"/groups/tuesday-evening-circle/meetings/{meeting.code}/"


def welcome_drop_ins(group) -> None:
    group.allows_drop_ins = True
    group.save(update_fields=["allows_drop_ins"])


# What everyone sees ----------------------------------------------------------------


def test_it_shows_the_meeting_in_the_groups_time(client, alice):
    with time_machine.travel(datetime(2026, 3, 1, 10, tzinfo=UTC), tick=False):
        group = make_group(organizer=alice, timezone="America/New_York")
        meeting = make_meeting(group, days_ahead=2, capacity=5)

        page = page_of(client.get(url_of(meeting)))

    assert "<h1" in page and page.count("<h1") == 1
    assert "Tuesday 3 March</h1>" in page
    assert "Tuesday 3 March, 7:00–8:00 pm" in page
    assert "<dd>New York time</dd>" in page
    # 7 pm in New York is midnight in UTC; no microseconds.
    assert '<time datetime="2026-03-04T00:00:00Z" data-local-time' in page
    assert 'data-zone="America/New_York"' in page
    assert "5 seats left" in page
    assert "Meeting of Tuesday Evening Circle" in page
    assert '<script type="module" src="/static/js/local-times.js">' in page


def test_it_asks_visitors_to_sign_in_to_answer(client, meeting):
    page = page_of(client.get(url_of(meeting)))

    next_url = f"/groups/tuesday-evening-circle/meetings/{meeting.code}/"
    assert f'href="/accounts/login/?next={next_url}"' in page
    assert "Sign in to say you're coming" in page
    assert 'name="going"' not in page


def test_it_says_when_a_meeting_is_cancelled(client, alice, meeting):
    changes.cancel_meeting(organizer=alice, meeting=meeting, reason="The hall is shut.")

    page = page_of(client.get(url_of(meeting)))

    assert "Cancelled</strong>: The hall is shut." in page
    assert "seats left" not in page


def test_it_says_when_a_meeting_has_ended(client, bob, meeting):
    client.force_login(bob)

    with time_machine.travel(meeting.ends_at + timedelta(minutes=1)):
        page = page_of(client.get(url_of(meeting)))

    assert "This meeting has ended." in page
    assert 'name="going"' not in page


def test_it_returns_404_for_an_unknown_meeting(client, group):
    response = client.get(f"/groups/tuesday-evening-circle/meetings/{uuid.uuid4()}/")

    assert response.status_code == 404


def test_it_returns_404_for_another_groups_meeting_under_this_address(
    client, group, alice
):
    other = make_group(name="Other Circle", organizer=alice)
    elsewhere = make_meeting(other)

    response = client.get(url_of(elsewhere))

    assert response.status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "charlie", "bob"])
def test_it_hides_the_meetings_of_a_group_waiting_for_review(who, client, bob, charlie):
    creator = make_user("rosa")
    group = make_group(organizer=creator, members=[bob], status=Group.Status.PENDING)
    meeting = group.meetings.first()
    if who != "anonymous":
        client.force_login({"bob": bob, "charlie": charlie}[who])

    response = client.get(url_of(meeting))

    assert response.status_code == 404


def test_it_opens_an_unlisted_groups_meeting_by_its_link(client, alice):
    group = make_group(organizer=alice, visibility=Group.Visibility.UNLISTED)
    meeting = group.meetings.first()

    response = client.get(f"/groups/{group.slug}/meetings/{meeting.code}/")

    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.content.decode()


# Private details ------------------------------------------------------------------


def test_it_shows_members_the_address_and_logs_it(client, bob, meeting):
    client.force_login(bob)

    page = page_of(client.get(url_of(meeting)))

    assert SECRET in page
    view = PrivateDetailView.objects.get(user=bob)
    assert view.group == meeting.group
    assert view.meeting is None


def test_it_shows_members_a_hybrid_meetings_link(client, alice, bob):
    group = make_group(
        organizer=alice,
        members=[bob],
        format=Group.Format.HYBRID,
        online_link="https://meet.example.org/secret-room",
    )
    client.force_login(bob)

    page = page_of(client.get(url_of(group.meetings.first())))

    assert SECRET in page
    assert 'href="https://meet.example.org/secret-room"' in page


def test_it_shows_a_changed_meetings_own_place(client, alice, bob, meeting):
    change = changes.MeetingChange(
        day=meeting.local_date,
        start_time=meeting.local_start.time(),
        end_time=meeting.local_end.time(),
        format=Group.Format.IN_PERSON,
        street_address="The Garden Room, 3 Willow Yard",
        note="We're in the garden room this week.",
    )
    changes.change_meeting(organizer=alice, meeting=meeting, change=change)
    client.force_login(bob)

    page = page_of(client.get(url_of(meeting)))

    assert "The Garden Room, 3 Willow Yard" in page
    assert SECRET not in page
    assert "Changed</strong>: We're in the garden room this week." in page


@pytest.mark.parametrize("who", ["anonymous", "charlie", "pending", "left"])
def test_it_hides_the_address_from_non_members(who, client, group, charlie, meeting):
    if who == "pending":
        Membership.objects.create(
            group=group, user=charlie, state=Membership.State.PENDING
        )
    if who == "left":
        Membership.objects.create(group=group, user=charlie, state="left")
    if who != "anonymous":
        client.force_login(charlie)

    page = page_of(client.get(url_of(meeting)))

    assert SECRET not in page
    assert "shared with members only" in page
    assert not PrivateDetailView.objects.exists()


def test_it_hides_the_address_from_moderators(client, moderator, meeting):
    client.force_login(moderator)

    page = page_of(client.get(url_of(meeting)))

    assert SECRET not in page


def test_it_shows_a_drop_in_the_address_of_the_meeting_she_has_a_seat_at(
    client, group, charlie, meeting
):
    welcome_drop_ins(group)
    rsvp.respond(user=charlie, meeting=meeting, going=True)
    client.force_login(charlie)

    page = page_of(client.get(url_of(meeting)))

    assert SECRET in page
    assert "You see this because you have a seat at this meeting." in page
    view = PrivateDetailView.objects.get(user=charlie)
    assert view.meeting == meeting
    # Only that meeting's: not the group page's, not another meeting's.
    other = group.meetings.exclude(pk=meeting.pk).first()
    assert SECRET not in page_of(client.get(url_of(other)))
    assert SECRET not in page_of(client.get("/groups/tuesday-evening-circle/"))
    assert PrivateDetailView.objects.count() == 1


def test_it_hides_the_address_from_a_drop_in_who_has_not_answered(
    client, group, charlie, meeting
):
    welcome_drop_ins(group)
    client.force_login(charlie)

    page = page_of(client.get(url_of(meeting)))

    assert SECRET not in page
    assert "and with women who have a seat at this meeting" in page
    assert 'name="going" value="yes"' in page


def test_it_hides_the_address_from_a_waitlisted_drop_in(client, group, bob, charlie):
    welcome_drop_ins(group)
    meeting = make_meeting(group, capacity=1)
    rsvp.respond(user=bob, meeting=meeting, going=True)
    rsvp.respond(user=charlie, meeting=meeting, going=True)
    client.force_login(charlie)

    page = page_of(client.get(url_of(meeting)))

    assert "You're 1st on the waitlist" in page
    assert SECRET not in page
    assert not PrivateDetailView.objects.exists()


def test_it_hides_the_address_from_a_drop_in_once_the_meeting_is_cancelled(
    client, group, alice, charlie, meeting
):
    welcome_drop_ins(group)
    rsvp.respond(user=charlie, meeting=meeting, going=True)
    changes.cancel_meeting(organizer=alice, meeting=meeting, reason="Snow.")
    client.force_login(charlie)

    page = page_of(client.get(url_of(meeting)))

    assert SECRET not in page
    assert "You're going" not in page


def test_it_hides_the_address_from_a_drop_in_who_said_no(
    client, group, charlie, meeting
):
    welcome_drop_ins(group)
    rsvp.respond(user=charlie, meeting=meeting, going=True)
    rsvp.respond(user=charlie, meeting=meeting, going=False)
    client.force_login(charlie)

    page = page_of(client.get(url_of(meeting)))

    assert "Not going" in page
    assert SECRET not in page


# Who is going ---------------------------------------------------------------------


@pytest.fixture
def answered(group, bob, meeting):
    """Bobbie and Dana are going to the meeting; Erin waits (it has two seats)."""
    dana = make_user("dana", display_name="Dana")
    erin = make_user("erin", display_name="Erin")
    for member in (dana, erin):
        Membership.objects.create(group=group, user=member, state="active")
    meeting = rsvp.set_capacity(meeting, 2)
    for member in (bob, dana, erin):
        rsvp.respond(user=member, meeting=meeting, going=True)
    return meeting


@pytest.mark.parametrize("who", ["anonymous", "charlie", "member", "alice"])
def test_it_never_names_who_is_going(who, client, group, alice, charlie, answered):
    viewers = {"charlie": charlie, "alice": alice, "member": make_user("fay")}
    if who == "member":
        Membership.objects.create(group=group, user=viewers["member"], state="active")
    if who != "anonymous":
        client.force_login(viewers[who])

    page = page_of(client.get(url_of(answered)))

    for name in ("Bobbie", "Dana", "Erin", "bob@example.org"):
        assert name not in page


def test_it_counts_for_members_but_not_for_strangers(client, group, charlie, answered):
    fay = make_user("fay")
    Membership.objects.create(group=group, user=fay, state="active")
    client.force_login(fay)
    member_page = page_of(client.get(url_of(answered)))
    client.force_login(charlie)
    stranger_page = page_of(client.get(url_of(answered)))

    assert "2 going of 2 seats" in member_page
    assert "on the waitlist" not in member_page
    assert "going of" not in stranger_page
    assert "Full: join the waitlist" in stranger_page


def test_it_counts_the_waitlist_for_organizers_and_moderators(
    client, alice, moderator, answered
):
    for viewer in (alice, moderator):
        client.force_login(viewer)

        page = page_of(client.get(url_of(answered)))

        assert "2 going of 2 seats, 1 on the waitlist" in page


def test_it_shows_her_place_on_the_waitlist(client, answered):
    client.force_login(answered.rsvps.get(state="waitlisted").user)

    page = page_of(client.get(url_of(answered)))

    assert "You're 1st on the waitlist" in page
    assert "Leave the waitlist" in page
    assert "the first person waiting gets the seat" in page


def test_it_shows_her_own_answer(client, bob, answered):
    client.force_login(bob)

    page = page_of(client.get(url_of(answered)))

    assert "You're going" in page
    assert "Can't go after all" in page
    assert "Full</p>" in page


def test_it_explains_to_outsiders_why_they_cannot_answer(client, charlie, meeting):
    client.force_login(charlie)

    page = page_of(client.get(url_of(meeting)))

    assert "Only members of the group can say here whether they're coming." in page
    assert 'name="going"' not in page


def test_it_offers_no_answer_to_a_removed_member(client, group, charlie, meeting):
    welcome_drop_ins(group)
    Membership.objects.create(group=group, user=charlie, state="removed")
    client.force_login(charlie)

    page = page_of(client.get(url_of(meeting)))

    assert 'name="going"' not in page
    assert SECRET not in page


# Queries --------------------------------------------------------------------------


def test_it_costs_the_same_queries_however_many_meetings_and_answers(
    client, alice, bob
):
    group = make_group(organizer=alice, members=[bob], place=make_place())
    meeting = make_meeting(group, capacity=1)
    rsvp.respond(user=alice, meeting=meeting, going=True)
    rsvp.respond(user=bob, meeting=meeting, going=True)
    client.force_login(bob)
    client.get(url_of(meeting))
    few = count_queries(client, url_of(meeting))

    assert fill_calendar(group) > 200
    for number in range(20):
        waiting = make_user(f"waiting{number}")
        Membership.objects.create(group=group, user=waiting, state="active")
        rsvp.respond(user=waiting, meeting=meeting, going=True)

    assert count_queries(client, url_of(meeting)) == few

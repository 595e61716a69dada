from datetime import timedelta
from html import unescape

import time_machine

from groups.meetings import changes, rsvp
from groups.models import Group, Membership
from tests.conftest import make_group, make_meeting, make_place
from tests.groups.conftest import count_queries, fill_calendar

URL = "/meetings/"


def page_of(response) -> str:
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_it_requires_login(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}"


def test_it_says_when_nothing_is_coming_up(client, charlie):
    client.force_login(charlie)

    page = page_of(client.get(URL))

    assert "No meetings coming up" in page
    assert 'href="/groups/"' in page
    assert page.count("<h1") == 1


def test_it_lists_the_meetings_of_her_groups_to_answer(client, group, bob):
    client.force_login(bob)

    response = client.get(URL)

    page = page_of(response)
    items = response.context["items"]
    assert len(items) == group.meetings.count() == 12
    assert not any(item.has_answered for item in items)
    first = items[0].meeting
    assert f'href="/groups/tuesday-evening-circle/meetings/{first.code}/"' in page
    assert 'href="/groups/tuesday-evening-circle/"' in page
    assert f'action="/groups/tuesday-evening-circle/meetings/{first.code}/rsvp/"' in (
        page
    )
    assert 'name="next" value="/meetings/"' in page


def test_it_shows_her_answers(client, group, alice, bob, meeting):
    meeting = rsvp.set_capacity(meeting, 1)
    rsvp.respond(user=alice, meeting=meeting, going=True)
    rsvp.respond(user=bob, meeting=meeting, going=True)
    tuesdays = list(group.meetings.exclude(pk=meeting.pk))
    rsvp.respond(user=bob, meeting=tuesdays[0], going=True)
    rsvp.respond(user=bob, meeting=tuesdays[1], going=False)
    client.force_login(bob)

    page = page_of(client.get(URL))

    assert "You're 1st on the waitlist" in page
    assert "You're going" in page
    assert "Not going" in page
    assert "Leave the waitlist" in page


def test_it_lists_a_drop_ins_meetings_in_groups_she_is_not_in(client, alice, charlie):
    group = make_group(
        name="Open Door", organizer=alice, allows_drop_ins=True, place=make_place()
    )
    meeting = make_meeting(group)
    rsvp.respond(user=charlie, meeting=meeting, going=True)
    client.force_login(charlie)

    response = client.get(URL)

    # Only the one she is going to, not the group's every Tuesday.
    assert [item.meeting for item in response.context["items"]] == [meeting]
    assert "Open Door" in page_of(response)


def test_it_shows_a_cancelled_meeting_as_cancelled(client, alice, bob, meeting):
    rsvp.respond(user=bob, meeting=meeting, going=True)
    changes.cancel_meeting(organizer=alice, meeting=meeting, reason="The hall flooded.")
    client.force_login(bob)

    page = page_of(client.get(URL))

    assert "Cancelled</strong>: The hall flooded." in page
    assert "meeting-item--cancelled" in page


def test_it_leaves_out_groups_she_is_not_an_active_member_of(client, alice, charlie):
    place = make_place()
    for state in ["pending", "left", "removed", "declined"]:
        group = make_group(name=f"{state.title()} Circle", organizer=alice, place=place)
        Membership.objects.create(group=group, user=charlie, state=state)
    make_group(name="Stranger Circle", organizer=alice, place=place)
    client.force_login(charlie)

    response = client.get(URL)

    assert response.context["items"] == []
    assert "Circle" not in page_of(response)


def test_it_leaves_out_resting_groups_she_has_not_answered_for(client, group, bob):
    group.status = Group.Status.PAUSED
    group.save(update_fields=["status"])
    client.force_login(bob)

    assert client.get(URL).context["items"] == []


def test_it_leaves_out_meetings_that_are_over(client, group, bob, meeting):
    rsvp.respond(user=bob, meeting=meeting, going=True)
    client.force_login(bob)

    with time_machine.travel(meeting.ends_at + timedelta(minutes=1)):
        response = client.get(URL)

    assert meeting not in [item.meeting for item in response.context["items"]]


def test_it_shows_only_her_own_answers(client, group, alice, bob, charlie, meeting):
    rsvp.respond(user=alice, meeting=meeting, going=True)
    client.force_login(bob)

    response = client.get(URL)

    item = next(i for i in response.context["items"] if i.meeting == meeting)
    assert not item.has_answered
    page = page_of(response)
    assert "You're going" not in page
    assert "Alice" not in page


def test_it_links_to_the_calendar_settings(client, bob):
    client.force_login(bob)

    page = page_of(client.get(URL))

    assert 'href="/accounts/privacy/"' in page


def test_it_is_in_the_signed_in_navigation(client, bob):
    assert 'href="/meetings/"' not in client.get("/").content.decode()
    client.force_login(bob)

    page = page_of(client.get(URL))

    assert '<a class="site-nav__link" href="/meetings/" aria-current="page">' in page


def test_it_costs_the_same_queries_however_many_meetings(client, alice, bob):
    place = make_place()
    mine = make_group(name="Mine", organizer=alice, members=[bob], place=place)
    drop_in = make_group(
        name="Drop In", organizer=alice, allows_drop_ins=True, place=place
    )
    meeting = make_meeting(drop_in, capacity=1)
    rsvp.respond(user=alice, meeting=meeting, going=True)
    rsvp.respond(user=bob, meeting=meeting, going=True)
    rsvp.respond(user=bob, meeting=mine.meetings.first(), going=True)
    client.force_login(bob)
    client.get(URL)
    few = count_queries(client, URL)

    assert fill_calendar(mine) > 200
    for other in mine.meetings.all()[:50]:
        rsvp.respond(user=bob, meeting=other, going=True)

    assert count_queries(client, URL) == few

"""The group page's "Next meetings" (the rest of the page: test_group_detail.py)."""

from datetime import UTC, datetime
from html import unescape

import pytest
import time_machine

from groups import services
from groups.meetings import changes, rsvp
from groups.models import RSVP, Group, Membership
from tests.conftest import make_group, make_meeting, make_place, make_user
from tests.groups.conftest import count_queries, fill_calendar

URL = "/groups/tuesday-evening-circle/"
# A Sunday: the group's Tuesday meetings start on the 3rd.
SUNDAY = datetime(2026, 3, 1, 10, tzinfo=UTC)


def page_of(response) -> str:
    assert response.status_code == 200
    return unescape(response.content.decode())


def meetings_of(response) -> list:
    return [item.meeting for item in response.context["next_meetings"]]


def test_it_lists_the_next_six_meetings(client, group):
    response = client.get(URL)

    assert meetings_of(response) == list(group.meetings.order_by("starts_at")[:6])
    page = page_of(response)
    assert "Next meetings</h2>" in page
    assert page.count('class="meeting-list__item"') == 6
    for meeting in meetings_of(response):
        assert f'href="/groups/tuesday-evening-circle/meetings/{meeting.code}/"' in page


def test_it_writes_the_time_in_the_groups_zone(client, alice):
    with time_machine.travel(SUNDAY, tick=False):
        make_group(organizer=alice, timezone="Europe/London")

        page = page_of(client.get(URL))

    assert (
        'Tuesday 3 March, <span class="meeting-time__hours">7:00–8:30 pm</span></time>'
    ) in page
    assert '<time datetime="2026-03-03T19:00:00Z" data-local-time' in page
    assert 'data-zone="Europe/London"' in page
    # An in-person group's members are in its town: no zone label.
    assert "London time</span>" not in page
    assert '<script type="module" src="/static/js/local-times.js">' in page


def test_it_names_the_zone_for_an_online_group(client, alice):
    with time_machine.travel(SUNDAY, tick=False):
        make_group(
            organizer=alice, format=Group.Format.ONLINE, timezone="America/New_York"
        )

        page = page_of(client.get(URL))

    assert (
        'Tuesday 3 March, <span class="meeting-time__hours">7:00–8:30 pm</span></time>'
    ) in page
    assert '<time datetime="2026-03-04T00:00:00Z"' in page
    assert '<span class="meeting-time__zone">New York time</span>' in page


def test_it_says_how_many_seats_are_left(client, group, alice, bob):
    meeting = make_meeting(group, days_ahead=1, capacity=3)
    rsvp.respond(user=alice, meeting=meeting, going=True)
    full = make_meeting(group, days_ahead=2, capacity=1)
    rsvp.respond(user=alice, meeting=full, going=True)

    page = page_of(client.get(URL))

    assert "2 seats left" in page
    assert "Full: join the waitlist" in page


def test_it_says_when_a_meeting_is_cancelled_or_changed(client, group, alice):
    first, second = group.meetings.order_by("starts_at")[:2]
    changes.cancel_meeting(organizer=alice, meeting=first, reason="Half term.")
    change = changes.MeetingChange(
        day=second.local_date,
        start_time=second.local_start.time().replace(hour=18),
        end_time=second.local_end.time(),
        format=Group.Format.IN_PERSON,
        note="Starting early for the talk.",
    )
    changes.change_meeting(organizer=alice, meeting=second, change=change)

    page = page_of(client.get(URL))

    assert "Cancelled</strong>: Half term." in page
    assert "Changed</strong>: Starting early for the talk." in page
    assert "6:00–8:30 pm" in page


def test_it_shows_her_answers(client, group, alice, bob):
    first, second, third = group.meetings.order_by("starts_at")[:3]
    rsvp.respond(user=bob, meeting=first, going=True)
    rsvp.respond(user=bob, meeting=second, going=False)
    third = rsvp.set_capacity(third, 1)
    dana = make_user("dana")
    Membership.objects.create(group=group, user=dana, state="active")
    rsvp.respond(user=alice, meeting=third, going=True)
    rsvp.respond(user=dana, meeting=third, going=True)
    rsvp.respond(user=bob, meeting=third, going=True)
    client.force_login(bob)

    page = page_of(client.get(URL))

    assert "You're going" in page
    assert "Not going" in page
    assert "You're 2nd on the waitlist" in page


def test_it_offers_members_the_buttons(client, group, bob):
    client.force_login(bob)

    page = page_of(client.get(URL))

    assert page.count('name="going" value="yes"') == 6
    assert page.count('name="going" value="no"') == 6
    assert 'data-hx-post="/groups/tuesday-evening-circle/meetings/' in page
    assert 'href="/meetings/"' in page


def test_it_offers_a_drop_in_the_buttons_when_the_group_welcomes_them(
    client, group, charlie
):
    group.allows_drop_ins = True
    group.save(update_fields=["allows_drop_ins"])
    client.force_login(charlie)

    page = page_of(client.get(URL))

    assert page.count('name="going" value="yes"') == 6
    assert "Secret Lane" not in page


@pytest.mark.parametrize(
    "state, drop_ins",
    [
        (None, False),
        ("pending", False),
        ("left", False),
        ("declined", False),
        ("removed", False),
        ("removed", True),
    ],
)
def test_it_offers_no_buttons_to_those_who_may_not_answer(
    state, drop_ins, client, group, charlie
):
    group.allows_drop_ins = drop_ins
    group.save(update_fields=["allows_drop_ins"])
    if state:
        Membership.objects.create(group=group, user=charlie, state=state)
    client.force_login(charlie)

    page = page_of(client.get(URL))

    assert 'name="going"' not in page
    assert "Next meetings" in page


def test_it_asks_visitors_to_sign_in(client, group):
    page = page_of(client.get(URL))

    first = group.meetings.order_by("starts_at").first()
    next_url = f"/groups/tuesday-evening-circle/meetings/{first.code}/"
    assert f'href="/accounts/login/?next={next_url}"' in page
    assert page.count("Sign in to say you're coming") == 6
    assert 'name="going"' not in page


def test_it_shows_no_answer_after_she_left(client, group, bob):
    first = group.meetings.order_by("starts_at").first()
    rsvp.respond(user=bob, meeting=first, going=True)
    services.leave_group(user=bob, group=group)
    client.force_login(bob)

    page = page_of(client.get(URL))

    assert "You're going" not in page
    assert 'name="going"' not in page


def test_it_ignores_a_members_answer_that_outlived_her_membership(
    client, group, charlie
):
    # Leaving deletes her answers; should one ever survive, the page still
    # must not show it.
    first = group.meetings.order_by("starts_at").first()
    RSVP.objects.create(meeting=first, user=charlie, state=RSVP.State.GOING)
    client.force_login(charlie)

    page = page_of(client.get(URL))

    assert "You're going" not in page


def test_it_lists_no_meetings_for_a_group_taking_a_break(client, group, bob):
    group.status = Group.Status.PAUSED
    group.save(update_fields=["status"])
    client.force_login(bob)

    response = client.get(URL)

    assert response.context["next_meetings"] == []
    assert "Next meetings" not in page_of(response)


def test_it_never_names_who_is_going(client, group, alice, bob, charlie):
    first = group.meetings.order_by("starts_at").first()
    rsvp.respond(user=bob, meeting=first, going=True)
    client.force_login(charlie)

    page = page_of(client.get(URL))

    assert "Bobbie" not in page


# Queries --------------------------------------------------------------------------


@pytest.mark.parametrize("signed_in", [False, True])
def test_it_costs_the_same_queries_however_many_meetings(signed_in, client, alice, bob):
    group = make_group(organizer=alice, members=[bob], place=make_place())
    for meeting in group.meetings.all()[:3]:
        rsvp.respond(user=bob, meeting=meeting, going=True)
    if signed_in:
        client.force_login(bob)
        client.get(URL)
    few = count_queries(client, URL)

    assert fill_calendar(group) > 200
    for meeting in group.meetings.all():
        rsvp.respond(user=bob, meeting=meeting, going=True)

    assert count_queries(client, URL) == few


def test_it_sets_no_csrf_cookie_for_signed_out_readers(client, group):
    # The meeting items ask for a token only when they show a form.
    response = client.get(URL)

    assert page_of(response).count('class="meeting-list__item"') == 6
    assert "csrftoken" not in response.cookies
    assert "csrfmiddlewaretoken" not in page_of(response)


def test_it_gives_members_forms_with_their_token(client, group, bob):
    client.force_login(bob)

    page = page_of(client.get(URL))

    assert page.count('name="csrfmiddlewaretoken"') >= 6
    assert "csrftoken" in client.cookies

"""Fixtures shared by the groups tests; the personas and make_* helpers are in
tests/conftest.py."""

import re
from datetime import UTC, datetime, time
from html import unescape

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groups.models import Group, Meeting, Membership
from tests.conftest import make_group, make_meeting, make_place, make_schedule


@pytest.fixture
def approval_group(alice, bob):
    """Tuesday Evening Circle, joined by approval: Alice organizes, Bob is in it."""
    return make_group(
        organizer=alice, members=[bob], join_policy=Group.JoinPolicy.APPROVAL
    )


@pytest.fixture
def request_to_join(approval_group, charlie):
    """Charlie asked to join the approval group and waits for an answer."""
    return Membership.objects.create(
        group=approval_group,
        user=charlie,
        state=Membership.State.PENDING,
        answer="I just moved here.",
    )


def state_of(membership) -> str:
    membership.refresh_from_db()
    return membership.state


@pytest.fixture
def leeds(db):
    return make_place("Leeds")


def count_queries(client, url: str) -> int:
    """How many queries a page costs, after a successful GET."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def calendar_of(response):
    """The .ics file a response carries, parsed back with icalendar (which
    refuses what is not a calendar)."""
    import icalendar

    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


@pytest.fixture
def bob_feed(bob):
    """Bob's private calendar address (through the service that makes them)."""
    from groups.meetings import feeds

    return feeds.reset_feed(user=bob)


def fill_calendar(group, *, schedules: int = 3) -> int:
    """Give the group ``schedules`` more schedules meeting every day (84 meetings
    each over the twelve weeks), at different hours; returns how many upcoming
    meetings it now has."""
    for hour in range(8, 8 + schedules):
        make_schedule(
            group,
            weekdays=list(range(7)),
            start_time=time(hour),
            end_time=time(hour, 45),
        )
    return Meeting.objects.filter(group=group).upcoming().count()


@pytest.fixture
def meeting(group):
    """A one-off meeting of Tuesday Evening Circle in three days, 7-8 pm, with
    four seats (the group also meets every Tuesday)."""
    return make_meeting(group, days_ahead=3, capacity=4)


# Monday 2 March 2026, 9:00 am UTC: the fixture group's first Tuesday meeting is
# on 3 March.
MONDAY_MORNING = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def frozen_now():
    """Time stands still on MONDAY_MORNING (ask for it before the group, so the
    group's meetings are made then); travel on with frozen_now.move_to(...)."""
    with time_machine.travel(MONDAY_MORNING, tick=False) as traveller:
        yield traveller


def going_to(meeting, *people):
    """Each of them says she is going (a seat, or the waitlist when it is full),
    through the RSVP service."""
    from groups.meetings import rsvp

    for person in people:
        rsvp.respond(user=person, meeting=meeting, going=True)
    meeting.refresh_from_db()
    return meeting


def page(client, url) -> str:
    """A page's HTML, entities decoded, after checking it answered 200."""
    response = client.get(url)
    assert response.status_code == 200
    return unescape(response.content.decode())


def card_names(html: str) -> list[str]:
    """The names on the group cards of a /groups/ page, in order."""
    return re.findall(r'<h3 class="card__title"[^>]*><a href="[^"]+">([^<]+)</a>', html)

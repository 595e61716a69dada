"""Fixtures shared by the groups tests; the personas and make_* helpers are in
tests/conftest.py."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groups.models import Group, Membership
from tests.conftest import make_group, make_place


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


def add_daily_meetings(group, schedules: int = 3):
    """``schedules`` schedules meeting every day at different hours: 84 meetings
    each over the twelve weeks generated."""
    import datetime

    from tests.conftest import make_schedule

    for n in range(schedules):
        make_schedule(
            group,
            weekdays=list(range(7)),
            start_time=datetime.time(8 + n * 2),
            end_time=datetime.time(9 + n * 2),
        )

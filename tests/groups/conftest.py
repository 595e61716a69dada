"""Fixtures shared by the groups tests; the personas and make_* helpers are in
tests/conftest.py."""

from datetime import UTC, datetime

import pytest
import time_machine
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

"""Seats under real concurrency: many members answering one meeting at the same
moment, each in her own transaction on her own database connection. The meeting
row lock in groups.meetings.rsvp must leave exactly as many going as there are
seats, a gap-free queue behind them, and counters that match the rows."""

import random

from groups.meetings import rsvp
from groups.models import RSVP
from tests.conftest import concurrent, make_group, make_meeting, make_user, run_at_once

MEMBERS = 20
SEATS = 5
ROUNDS = 20


def crowd(rounds: int):
    """A group of MEMBERS members and ``rounds`` meetings of SEATS seats each,
    one a day from tomorrow."""
    members = [make_user(f"member{number:02d}") for number in range(MEMBERS)]
    group = make_group(
        organizer=make_user("organizer"), members=members, schedule=False
    )
    meetings = [
        make_meeting(group, days_ahead=day, capacity=SEATS)
        for day in range(1, rounds + 1)
    ]
    return members, meetings


def answers(meeting):
    """What the rows say: who is going, and the waitlist (user pk -> position)."""
    rows = RSVP.objects.filter(meeting=meeting)
    going = {row.user_id for row in rows if row.is_going}
    waiting = {row.user_id: row.position for row in rows if row.is_waitlisted}
    return going, waiting


def counters_match(meeting) -> None:
    meeting.refresh_from_db()
    going, waiting = answers(meeting)
    assert meeting.going_count == len(going)
    assert meeting.waitlist_count == len(waiting)


@concurrent
def test_it_gives_five_seats_to_exactly_five_of_twenty_every_time():
    members, meetings = crowd(ROUNDS)

    for meeting in meetings:
        results = run_at_once(
            *[
                lambda user=user, meeting=meeting: rsvp.respond(
                    user=user, meeting=meeting, going=True
                )
                for user in members
            ]
        )

        assert all(isinstance(result, RSVP) for result in results), results
        going, waiting = answers(meeting)
        assert len(going) == SEATS
        assert len(waiting) == MEMBERS - SEATS
        assert sorted(waiting.values()) == list(range(1, MEMBERS - SEATS + 1))
        assert going.isdisjoint(waiting)
        meeting.refresh_from_db()
        assert meeting.going_count == SEATS
        assert meeting.waitlist_count == MEMBERS - SEATS
        assert meeting.waitlist_sequence == MEMBERS - SEATS


@concurrent
def test_it_keeps_counts_and_promotes_in_order_when_ten_leave_at_once():
    members, meetings = crowd(5)
    by_pk = {member.pk: member for member in members}
    pick = random.Random(10)

    for meeting in meetings:
        for member in members:  # Fill it: the first SEATS go, the rest wait.
            rsvp.respond(user=member, meeting=meeting, going=True)
        going, waiting = answers(meeting)
        queue = sorted(waiting, key=waiting.get)
        leaving = pick.sample(sorted(going), 3) + pick.sample(queue, 7)

        results = run_at_once(
            *[
                lambda pk=pk, meeting=meeting: rsvp.respond(
                    user=by_pk[pk], meeting=meeting, going=False
                )
                for pk in leaving
            ]
        )

        assert all(isinstance(result, RSVP) for result in results), results
        staying = [pk for pk in queue if pk not in leaving]
        now_going, now_waiting = answers(meeting)
        # Seats freed go to those waiting longest, whatever order the leavers
        # were served in; the rest keep their place in the queue.
        assert now_going == (going - set(leaving)) | set(staying[:3])
        assert sorted(now_waiting, key=now_waiting.get) == staying[3:]
        assert not set(leaving) & (now_going | set(now_waiting))
        counters_match(meeting)
        assert len(now_going) == SEATS

"""RSVPs through groups.meetings.rsvp: who may answer, seats, the waitlist and
its order, and what leaving a group or deleting an account gives back."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import Notification
from accounts.services import delete_account
from groups import services
from groups.meetings import rsvp
from groups.meetings.changes import cancel_meeting
from groups.models import RSVP, Group, Meeting, Membership
from tests.conftest import make_group, make_meeting, make_user


@pytest.fixture
def members(db):
    return [make_user(f"member{n}") for n in range(5)]


@pytest.fixture
def small(alice, members):
    group = make_group(organizer=alice, members=members, schedule=False)
    return make_meeting(group, capacity=2)


def past_meeting(group, *, going=()) -> Meeting:
    """A meeting two days ago, made (and answered by ``going``) back then."""
    with time_machine.travel(timezone.now() - timedelta(days=5), tick=False):
        meeting = make_meeting(group, days_ahead=3)
        for user in going:
            answer(user, meeting)
    return meeting


def answer(user, meeting, going=True) -> RSVP:
    return rsvp.respond(user=user, meeting=meeting, going=going)


def counts(meeting: Meeting) -> tuple[int, int]:
    """(going, waitlisted), after checking the stored counts match the rows."""
    meeting.refresh_from_db()
    going = meeting.rsvps.filter(state=RSVP.State.GOING).count()
    waiting = meeting.rsvps.filter(state=RSVP.State.WAITLISTED).count()
    assert (meeting.going_count, meeting.waitlist_count) == (going, waiting)
    return going, waiting


def test_it_gives_seats_then_waitlist_places_in_order(small, members):
    answers = [answer(member, small) for member in members]

    assert [a.state for a in answers] == ["going"] * 2 + ["waitlisted"] * 3
    assert [rsvp.waitlist_position(a) for a in answers[2:]] == [1, 2, 3]
    assert counts(small) == (2, 3)


def test_it_changes_nothing_when_she_answers_the_same_twice(small, members):
    first = answer(members[0], small)
    again = answer(members[0], small)

    assert again.pk == first.pk and again.is_going
    assert counts(small) == (1, 0)


def test_it_gives_a_freed_seat_to_the_first_waiting_and_tells_her(small, members):
    for member in members:
        answer(member, small)

    answer(members[0], small, going=False)

    assert RSVP.objects.get(meeting=small, user=members[2]).is_going
    assert counts(small) == (2, 2)
    later = RSVP.objects.get(meeting=small, user=members[4])
    assert rsvp.waitlist_position(later) == 2
    assert Notification.objects.filter(
        recipient=members[2], kind="meeting_seat_freed"
    ).exists()
    assert not Notification.objects.filter(
        recipient=members[3], kind="meeting_seat_freed"
    ).exists()


def test_it_lets_a_waiting_woman_step_out_of_the_queue(small, members):
    for member in members:
        answer(member, small)

    answer(members[3], small, going=False)

    assert counts(small) == (2, 2)
    assert rsvp.waitlist_position(RSVP.objects.get(meeting=small, user=members[4])) == 2
    assert RSVP.objects.get(meeting=small, user=members[3]).position is None


def test_it_puts_a_returning_woman_at_the_end_of_the_queue(small, members):
    for member in members:
        answer(member, small)

    answer(members[0], small, going=False)  # members[2] takes her seat
    back = answer(members[0], small)

    assert back.is_waitlisted
    assert rsvp.waitlist_position(back) == 3


def test_it_refuses_women_who_are_not_members(small, charlie):
    with pytest.raises(ValidationError, match="Only members"):
        answer(charlie, small)

    assert not RSVP.objects.filter(user=charlie).exists()


def test_it_takes_drop_ins_when_the_group_welcomes_them(small, charlie):
    Group.objects.filter(pk=small.group_id).update(allows_drop_ins=True)
    small.refresh_from_db()

    drop_in = answer(charlie, small)

    assert drop_in.is_going and drop_in.is_drop_in


def test_it_never_takes_a_removed_member_as_a_drop_in(small, alice, members):
    Group.objects.filter(pk=small.group_id).update(allows_drop_ins=True)
    code = Membership.objects.get(user=members[0]).code
    services.remove_member(organizer=alice, group=small.group, code=code)

    with pytest.raises(ValidationError):
        answer(members[0], small)


def test_it_refuses_answers_for_cancelled_or_past_meetings(small, alice, members):
    past = past_meeting(small.group)
    cancel_meeting(organizer=alice, meeting=small, reason="Room flooded")

    for meeting in (small, past):
        with pytest.raises(ValidationError):
            answer(members[0], meeting)


def test_it_refuses_answers_while_the_group_pauses(small, alice, members):
    meeting = make_meeting(small.group, days_ahead=5)
    Group.objects.filter(pk=small.group_id).update(status=Group.Status.PAUSED)

    with pytest.raises(ValidationError, match="isn't meeting"):
        answer(members[0], meeting)


def test_it_gives_her_seats_back_when_she_leaves_the_group(small, members):
    later = make_meeting(small.group, days_ahead=10, capacity=1)
    for member in members[:3]:
        answer(member, small)
        answer(member, later)

    services.leave_group(user=members[0], group=small.group)

    assert not RSVP.objects.filter(user=members[0]).exists()
    assert RSVP.objects.get(meeting=small, user=members[2]).is_going
    assert RSVP.objects.get(meeting=later, user=members[1]).is_going
    assert counts(small) == (2, 0)
    assert counts(later) == (1, 1)


def test_it_gives_her_seat_back_when_an_organizer_removes_her(small, alice, members):
    for member in members[:3]:
        answer(member, small)
    code = Membership.objects.get(user=members[1]).code

    services.remove_member(organizer=alice, group=small.group, code=code)

    assert not RSVP.objects.filter(user=members[1]).exists()
    assert RSVP.objects.get(meeting=small, user=members[2]).is_going


def test_it_forgets_every_answer_of_a_deleted_account(small, members):
    past = past_meeting(small.group, going=[members[0]])
    for member in members[:3]:
        answer(member, small)

    delete_account(user=members[0])

    assert RSVP.objects.filter(meeting=small, user=members[2]).get().is_going
    assert counts(small) == (2, 0)
    assert counts(past) == (0, 0)


def test_it_fills_added_seats_and_never_takes_a_seat_away(small, members):
    for member in members:
        answer(member, small)

    rsvp.set_capacity(small, 3)
    assert counts(small) == (3, 2)

    rsvp.set_capacity(small, 1)
    assert counts(small) == (3, 2)

    rsvp.set_capacity(small, None)
    assert counts(small) == (5, 0)


def test_it_lists_attendees_going_first_then_the_queue(small, members):
    for member in reversed(members):
        answer(member, small)

    names = [a.user.username for a in rsvp.attendees(small)]

    assert names == ["member4", "member3", "member2", "member1", "member0"]


def test_it_puts_her_answers_in_her_data_export(client, small, members):
    answer(members[0], small)
    answer(members[1], small, going=False)
    client.force_login(members[0])

    response = client.post("/accounts/export/download/")

    rows = response.json()["meeting_rsvps"]
    assert [(row["group"], row["answer"]) for row in rows] == [
        ("Tuesday Evening Circle", "going")
    ]

import uuid
from datetime import timedelta
from html import unescape

import pytest
import time_machine
from django.test import Client

from accounts.models import Notification
from groups.meetings import changes, rsvp
from groups.models import RSVP, Group, Membership
from tests.conftest import make_group, make_meeting, make_user, messages_of, submit_form

SLOW_DOWN = (
    "You've changed your answers many times in a short while. Please wait a "
    "little and try again."
)
NOT_A_MEMBER = "Only members can say they're coming. Join the group first."


def page_url(meeting) -> str:
    return f"/groups/tuesday-evening-circle/meetings/{meeting.code}/"


def rsvp_url(meeting) -> str:
    return f"/groups/tuesday-evening-circle/meetings/{meeting.code}/rsvp/"


def answer_of(user, meeting) -> RSVP | None:
    return RSVP.objects.filter(user=user, meeting=meeting).first()


def welcome_drop_ins(group) -> None:
    group.allows_drop_ins = True
    group.save(update_fields=["allows_drop_ins"])


def test_it_rejects_get(client, bob, meeting):
    client.force_login(bob)

    assert client.get(rsvp_url(meeting)).status_code == 405


def test_it_sends_visitors_to_sign_in(client, meeting):
    response = client.post(rsvp_url(meeting), {"going": "yes"})

    assert response.status_code == 302
    assert response["Location"] == (
        f"/accounts/login/?next=/groups/tuesday-evening-circle/meetings/{meeting.code}/"
    )
    assert not RSVP.objects.exists()


def test_it_takes_a_seat(client, bob, meeting):
    client.force_login(bob)

    response = client.post(rsvp_url(meeting), {"going": "yes"})

    assert response.status_code == 302
    assert response["Location"] == page_url(meeting)
    assert messages_of(response) == ["You're going."]
    assert answer_of(bob, meeting).is_going
    meeting.refresh_from_db()
    assert meeting.going_count == 1


def test_it_takes_a_seat_and_gives_it_up_in_few_queries(
    client, bob, meeting, django_assert_max_num_queries
):
    """The meeting comes with its group in one query; giving up a seat reads no
    waitlist when the locked count says nobody waits."""
    client.force_login(bob)
    client.get("/")  # her session and user are loaded once, as on any page

    # Her session and user, the meeting with its group, her membership and the
    # meeting locked, her answer, the meeting's counts, her answer saved, the
    # session saved (the message), with the savepoints.
    with django_assert_max_num_queries(13):
        client.post(rsvp_url(meeting), {"going": "yes"})
    with django_assert_max_num_queries(13):
        response = client.post(rsvp_url(meeting), {"going": "no"})

    # Both messages wait for the next page (the redirects were not followed).
    assert messages_of(response) == ["You're going.", "Thanks for letting them know."]
    assert answer_of(bob, meeting).is_not_going
    meeting.refresh_from_db()
    assert (meeting.going_count, meeting.waitlist_count) == (0, 0)


def test_it_takes_the_answer_with_its_csrf_token(bob, meeting):
    response = submit_form(bob, page_url(meeting), rsvp_url(meeting), {"going": "yes"})

    assert response.status_code == 302
    assert answer_of(bob, meeting).is_going


def test_it_refuses_an_answer_without_a_csrf_token(bob, meeting):
    client = Client(enforce_csrf_checks=True)
    client.force_login(bob)

    response = client.post(rsvp_url(meeting), {"going": "yes"})

    assert response.status_code == 403
    assert answer_of(bob, meeting) is None


def test_it_goes_back_where_she_answered(client, bob, meeting):
    client.force_login(bob)

    response = client.post(
        rsvp_url(meeting), {"going": "yes", "next": "/groups/tuesday-evening-circle/"}
    )

    assert response["Location"] == "/groups/tuesday-evening-circle/"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example.org/", "//evil.example.org/", "javascript:x"]
)
def test_it_never_follows_next_off_the_site(next_url, client, bob, meeting):
    client.force_login(bob)

    response = client.post(rsvp_url(meeting), {"going": "yes", "next": next_url})

    assert response["Location"] == page_url(meeting)


def test_it_puts_her_on_the_waitlist_when_it_is_full(client, group, alice, bob):
    meeting = make_meeting(group, capacity=1)
    dana = make_user("dana")
    Membership.objects.create(group=group, user=dana, state="active")
    rsvp.respond(user=alice, meeting=meeting, going=True)
    client.force_login(bob)
    first = client.post(rsvp_url(meeting), {"going": "yes"})
    client.force_login(dana)

    second = client.post(rsvp_url(meeting), {"going": "yes"})

    assert messages_of(first) == ["It's full, so you're on the waitlist: number 1."]
    assert messages_of(second) == ["It's full, so you're on the waitlist: number 2."]
    assert answer_of(dana, meeting).is_waitlisted
    page = unescape(client.get(page_url(meeting)).content.decode())
    assert "You're 2nd on the waitlist" in page


def test_it_gives_her_seat_to_the_first_woman_waiting(client, group, alice, bob):
    meeting = make_meeting(group, capacity=1)
    rsvp.respond(user=alice, meeting=meeting, going=True)
    rsvp.respond(user=bob, meeting=meeting, going=True)
    client.force_login(alice)

    response = client.post(rsvp_url(meeting), {"going": "no"})

    assert messages_of(response) == ["Thanks for letting them know."]
    assert answer_of(alice, meeting).is_not_going
    assert answer_of(bob, meeting).is_going
    notice = Notification.objects.get(recipient=bob)
    assert notice.message.startswith("A seat opened up: you're going to")
    assert notice.url == page_url(meeting)


def test_it_thanks_her_for_saying_she_cant_go(client, bob, meeting):
    client.force_login(bob)

    response = client.post(rsvp_url(meeting), {"going": "no"})

    assert messages_of(response) == ["Thanks for letting them know."]
    assert answer_of(bob, meeting).is_not_going
    meeting.refresh_from_db()
    assert meeting.going_count == 0


def test_it_changes_nothing_without_an_answer(client, bob, meeting):
    client.force_login(bob)

    response = client.post(rsvp_url(meeting), {"going": "maybe"})

    assert response.status_code == 302
    assert messages_of(response) == ["Please say whether you're going."]
    assert answer_of(bob, meeting) is None


def test_it_refuses_an_outsider_when_the_group_takes_no_drop_ins(
    client, charlie, meeting
):
    client.force_login(charlie)

    response = client.post(rsvp_url(meeting), {"going": "yes"})

    assert response.status_code == 302
    assert response["Location"] == page_url(meeting)
    assert messages_of(response) == [NOT_A_MEMBER]
    assert answer_of(charlie, meeting) is None


@pytest.mark.parametrize("state", ["pending", "left", "declined"])
def test_it_refuses_people_who_are_not_members(state, client, group, charlie, meeting):
    Membership.objects.create(group=group, user=charlie, state=state)
    client.force_login(charlie)

    response = client.post(rsvp_url(meeting), {"going": "yes"})

    assert messages_of(response) == [NOT_A_MEMBER]
    assert answer_of(charlie, meeting) is None


def test_it_lets_a_drop_in_take_a_seat(client, group, charlie, meeting):
    welcome_drop_ins(group)
    client.force_login(charlie)

    response = client.post(rsvp_url(meeting), {"going": "yes"})

    assert messages_of(response) == [
        "You're going. The address is on the meeting's page."
    ]
    answer = answer_of(charlie, meeting)
    assert answer.is_going and answer.is_drop_in


def test_it_refuses_a_removed_member_even_when_drop_ins_are_welcome(
    client, group, charlie, meeting
):
    welcome_drop_ins(group)
    Membership.objects.create(group=group, user=charlie, state="removed")
    client.force_login(charlie)

    response = client.post(rsvp_url(meeting), {"going": "yes"})

    assert messages_of(response) == [NOT_A_MEMBER]
    assert answer_of(charlie, meeting) is None


def test_it_returns_404_for_a_group_she_cannot_see(client, bob):
    creator = make_user("rosa")
    group = make_group(organizer=creator, members=[bob], status=Group.Status.PENDING)
    meeting = group.meetings.first()
    client.force_login(bob)

    response = client.post(rsvp_url(meeting), {"going": "yes"})

    assert response.status_code == 404
    assert answer_of(bob, meeting) is None


def test_it_returns_404_for_an_unknown_meeting(client, bob, group):
    client.force_login(bob)

    response = client.post(
        f"/groups/tuesday-evening-circle/meetings/{uuid.uuid4()}/rsvp/",
        {"going": "yes"},
    )

    assert response.status_code == 404


def test_it_refuses_a_cancelled_meeting(client, alice, bob, meeting):
    changes.cancel_meeting(organizer=alice, meeting=meeting, reason="Snow.")
    client.force_login(bob)

    response = client.post(rsvp_url(meeting), {"going": "yes"})

    assert messages_of(response) == ["This meeting is cancelled."]
    assert answer_of(bob, meeting) is None


def test_it_refuses_a_meeting_that_has_started(client, bob, meeting):
    client.force_login(bob)

    with time_machine.travel(meeting.starts_at + timedelta(minutes=5)):
        response = client.post(rsvp_url(meeting), {"going": "yes"})

    assert messages_of(response) == ["This meeting has already started."]
    assert answer_of(bob, meeting) is None


def test_it_refuses_a_group_taking_a_break(client, group, bob, meeting):
    group.status = Group.Status.PAUSED
    group.save(update_fields=["status"])
    client.force_login(bob)

    response = client.post(rsvp_url(meeting), {"going": "yes"})

    assert messages_of(response) == ["This group isn't meeting right now."]


def test_it_limits_how_often_she_changes_her_mind(client, settings, bob, meeting):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "meeting_rsvp": "2/h/user",
    }
    client.force_login(bob)
    client.post(rsvp_url(meeting), {"going": "yes"})
    client.post(rsvp_url(meeting), {"going": "no"})

    response = client.post(rsvp_url(meeting), {"going": "yes"})

    assert messages_of(response)[-1] == SLOW_DOWN
    assert answer_of(bob, meeting).is_not_going


# htmx -----------------------------------------------------------------------------


def htmx_post(client, meeting, data):
    return client.post(
        rsvp_url(meeting),
        data,
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET=f"meeting-{meeting.code}",
    )


def test_it_answers_htmx_with_the_meetings_item(client, bob, meeting):
    client.force_login(bob)

    response = htmx_post(
        client, meeting, {"going": "yes", "next": "/groups/tuesday-evening-circle/"}
    )

    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert html.lstrip().startswith('<div class="meeting-item"')
    assert "<html" not in html
    assert f'id="meeting-{meeting.code}"' in html
    assert "You're going\n" in html
    assert "Can't go after all" in html
    # The page's live region says what happened, and no message waits for later.
    assert '<div id="meeting-announcer" data-hx-swap-oob="innerHTML">' in html
    assert 'name="next" value="/groups/tuesday-evening-circle/"' in html
    assert messages_of(response) == []
    assert answer_of(bob, meeting).is_going


def test_it_answers_htmx_with_the_refusal(client, charlie, meeting):
    client.force_login(charlie)

    response = htmx_post(client, meeting, {"going": "yes"})

    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert f'id="meeting-{meeting.code}"' in html
    assert f'<p class="meeting-item__error">{NOT_A_MEMBER}</p>' in html
    assert answer_of(charlie, meeting) is None


def test_it_works_without_javascript_from_the_group_page(bob, meeting):
    response = submit_form(
        bob,
        "/groups/tuesday-evening-circle/",
        rsvp_url(meeting),
        {"going": "yes", "next": "/groups/tuesday-evening-circle/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/groups/tuesday-evening-circle/"
    assert answer_of(bob, meeting).is_going

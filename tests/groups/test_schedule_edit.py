from datetime import UTC, date, datetime, time

import pytest

from accounts.models import Notification
from groups.models import RSVP, Meeting, Schedule
from tests.conftest import make_group, make_user, messages_of, submit_form
from tests.groups.conftest import going_to

MANAGE_URL = "/groups/tuesday-evening-circle/manage/"

pytestmark = pytest.mark.usefixtures("frozen_now")


@pytest.fixture
def schedule(group):
    """The fixture group's weekly Tuesday 7-8:30 pm schedule (UTC), with meetings
    from Tuesday 3 March."""
    return group.schedules.get()


def url(schedule) -> str:
    return f"{MANAGE_URL}schedules/{schedule.pk}/edit/"


def form_data(**overrides) -> dict:
    data = {
        "kind": "weekly",
        "weekdays": ["2"],
        "weeks": [],
        "starts_on": "2026-03-02",
        "ends_on": "",
        "start_time": "19:00",
        "end_time": "20:30",
    }
    data.update(overrides)
    return data


def meeting_on(day: date) -> Meeting:
    return Meeting.objects.get(local_date=day)


def test_it_requires_login(client, schedule):
    response = client.get(url(schedule))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url(schedule)}"


def test_it_404s_for_an_outsider(client, schedule, charlie):
    client.force_login(charlie)

    assert client.get(url(schedule)).status_code == 404
    response = client.post(url(schedule), form_data(start_time="10:00"))
    assert response.status_code == 404
    schedule.refresh_from_db()
    assert schedule.start_time == time(19, 0)


def test_it_403s_for_a_member(client, schedule, bob):
    client.force_login(bob)

    assert client.get(url(schedule)).status_code == 403
    response = client.post(url(schedule), form_data(start_time="10:00"))
    assert response.status_code == 403
    schedule.refresh_from_db()
    assert schedule.start_time == time(19, 0)


def test_it_404s_for_another_groups_schedule(client, schedule, alice, charlie):
    other = make_group(name="Other Circle", organizer=charlie)
    client.force_login(alice)

    response = client.get(f"{MANAGE_URL}schedules/{other.schedules.get().pk}/edit/")

    assert response.status_code == 404


def test_it_shows_the_schedule_filled_in(client, schedule, alice):
    client.force_login(alice)

    response = client.get(url(schedule))

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1") == 1
    assert "Tuesdays, 7:00–8:30 pm" in page
    form = response.context["form"]
    assert form["kind"].value() == "weekly"
    assert form["weekdays"].value() == [2]
    assert 'type="time" name="start_time" value="19:00"' in page


def test_it_moves_the_meetings_still_to_come(client, schedule, alice):
    client.force_login(alice)

    response = client.post(url(schedule), form_data(start_time="18:00"))

    assert response.status_code == 302
    assert response["Location"] == MANAGE_URL
    schedule.refresh_from_db()
    assert schedule.start_time == time(18, 0)
    first = meeting_on(date(2026, 3, 3))
    assert first.starts_at == datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
    assert "Meetings still to come follow it" in messages_of(response)[0]


def test_it_keeps_past_meetings_and_their_answers(
    client, frozen_now, schedule, group, alice, bob
):
    past = going_to(meeting_on(date(2026, 3, 3)), bob)
    frozen_now.move_to(datetime(2026, 3, 12, 9, 0, tzinfo=UTC))
    client.force_login(alice)

    client.post(url(schedule), form_data(weekdays=["3"], start_time="18:00"))

    past.refresh_from_db()
    assert past.starts_at == datetime(2026, 3, 3, 19, 0, tzinfo=UTC)
    assert past.status == Meeting.Status.SCHEDULED
    assert past.going_count == 1
    assert RSVP.objects.get(meeting=past).user == bob
    assert meeting_on(date(2026, 3, 10)).starts_at.hour == 19
    # From here on: Wednesdays at 6 pm, and no Tuesdays.
    upcoming = Meeting.objects.filter(starts_at__gt=datetime(2026, 3, 12, tzinfo=UTC))
    assert {m.local_date.weekday() for m in upcoming} == {2}
    assert {m.starts_at.hour for m in upcoming} == {18}
    assert bob.notifications.count() == 0


def test_it_tells_only_the_people_going_when_the_time_changes(
    client, schedule, group, alice, bob
):
    dora, erin, fay = (make_user(name) for name in ["dora", "erin", "fay"])
    for person in (dora, erin, fay):
        group.memberships.create(user=person, state="active")
    meeting = going_to(meeting_on(date(2026, 3, 10)), bob)
    meeting = going_to(meeting, dora)
    from groups.meetings import rsvp

    rsvp.respond(user=erin, meeting=meeting, going=False)
    client.force_login(alice)

    client.post(url(schedule), form_data(start_time="18:30"))

    told = Notification.objects.filter(kind="meeting_time_changed")
    assert sorted(told.values_list("recipient__username", flat=True)) == [
        "bob",
        "dora",
    ]
    note = told.first()
    assert "6:30 pm" in note.message
    assert note.url == meeting.get_absolute_url()


def test_it_cancels_dates_that_drop_out_and_tells_the_people_going(
    client, schedule, alice, bob
):
    meeting = going_to(meeting_on(date(2026, 3, 17)), bob)
    client.force_login(alice)

    client.post(url(schedule), form_data(weekdays=["4"]))

    meeting.refresh_from_db()
    assert meeting.is_cancelled
    assert Notification.objects.get(recipient=bob).kind == "meeting_cancelled"
    # Tuesdays nobody answered are simply gone.
    assert not Meeting.objects.filter(local_date=date(2026, 3, 24)).exists()
    assert Meeting.objects.filter(local_date=date(2026, 3, 5)).exists()


def test_it_posts_with_a_csrf_token(schedule, alice):
    response = submit_form(
        alice, url(schedule), url(schedule), form_data(start_time="18:00")
    )

    assert response.status_code == 302
    schedule.refresh_from_db()
    assert schedule.start_time == time(18, 0)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"start_time": "21:00"}, "end_time"),
        ({"weekdays": []}, "weekdays"),
        ({"kind": "monthly"}, "weeks"),
        ({"kind": "once", "starts_on": "2026-02-20"}, "starts_on"),
        ({"kind": "every-day"}, "kind"),
    ],
)
def test_it_rerenders_with_errors_and_changes_nothing(
    client, schedule, group, alice, bob, overrides, field
):
    going_to(meeting_on(date(2026, 3, 10)), bob)
    before = list(group.meetings.values_list("local_date", "starts_at", "status"))
    client.force_login(alice)

    response = client.post(url(schedule), form_data(**overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    schedule.refresh_from_db()
    assert schedule.kind == Schedule.Kind.WEEKLY
    assert schedule.end_time == time(20, 30)
    after = list(group.meetings.values_list("local_date", "starts_at", "status"))
    assert after == before
    assert not Notification.objects.exists()

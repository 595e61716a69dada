from datetime import UTC, date, datetime, time

import pytest

from groups.models import Group, Meeting, Membership, Schedule
from tests.conftest import make_group, messages_of, submit_form

URL = "/groups/tuesday-evening-circle/manage/schedules/new/"
MANAGE_URL = "/groups/tuesday-evening-circle/manage/"

pytestmark = pytest.mark.usefixtures("frozen_now")


@pytest.fixture
def group(alice, bob):
    """Alice's group with no schedule yet, in London time."""
    return make_group(
        organizer=alice, members=[bob], schedule=False, timezone="Europe/London"
    )


def form_data(**overrides) -> dict:
    data = {
        "kind": "weekly",
        "weekdays": ["4"],
        "weeks": [],
        "starts_on": "2026-03-02",
        "ends_on": "",
        "start_time": "18:30",
        "end_time": "20:00",
    }
    data.update(overrides)
    return data


def local_dates(group) -> list[date]:
    return list(
        group.meetings.order_by("starts_at").values_list("local_date", flat=True)
    )


def test_it_requires_login(client, group):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}"


def test_it_404s_for_an_outsider(client, group, charlie):
    client.force_login(charlie)

    assert client.get(URL).status_code == 404
    assert client.post(URL, form_data()).status_code == 404
    assert not Schedule.objects.exists()


def test_it_403s_for_a_member(client, group, bob):
    client.force_login(bob)

    assert client.get(URL).status_code == 403
    assert client.post(URL, form_data()).status_code == 403
    assert not Schedule.objects.exists()


def test_it_403s_for_a_facilitator(client, group, bob):
    Membership.objects.filter(user=bob).update(role=Membership.Role.FACILITATOR)
    client.force_login(bob)

    assert client.post(URL, form_data()).status_code == 403
    assert not Schedule.objects.exists()


def test_it_shows_the_form_with_monday_first(client, group, alice):
    client.force_login(alice)

    response = client.get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1") == 1
    assert "London time" in page
    days = [label for _, label in response.context["form"].fields["weekdays"].choices]
    assert days[0] == "Monday"
    assert days[-1] == "Sunday"
    assert response.context["form"]["kind"].value() == "weekly"
    assert 'type="date" name="starts_on" value="2026-03-02"' in page
    assert 'type="time" name="start_time"' in page


def test_it_opens_on_once_for_a_one_off_meeting(client, group, alice):
    client.force_login(alice)

    response = client.get(URL + "?kind=once")

    assert response.context["form"]["kind"].value() == "once"


def test_it_adds_a_weekly_schedule_and_its_meetings(client, group, alice):
    client.force_login(alice)

    response = client.post(URL, form_data(weekdays=["4", "1"]))

    assert response.status_code == 302
    assert response["Location"] == MANAGE_URL
    schedule = Schedule.objects.get()
    assert schedule.group == group
    assert schedule.kind == Schedule.Kind.WEEKLY
    assert sorted(schedule.weekdays) == [Group.Weekday.MONDAY, Group.Weekday.THURSDAY]
    assert schedule.start_time == time(18, 30)
    # Twelve weeks of Mondays and Thursdays; this morning's Monday is included.
    dates = local_dates(group)
    assert dates[:3] == [date(2026, 3, 2), date(2026, 3, 5), date(2026, 3, 9)]
    assert len(dates) == 25
    first = group.meetings.order_by("starts_at").first()
    # 18:30 in London is 18:30 UTC in March (before the clocks change).
    assert first.starts_at == datetime(2026, 3, 2, 18, 30, tzinfo=UTC)
    assert messages_of(response) == [
        "The schedule is saved, and its meetings are on the group's page."
    ]


def test_it_keeps_local_times_across_the_clock_change(client, group, alice):
    client.force_login(alice)

    client.post(URL, form_data(weekdays=["2"], start_time="19:00", end_time="20:00"))

    times = {
        meeting.local_date: meeting.starts_at
        for meeting in Meeting.objects.filter(
            local_date__in=[date(2026, 3, 24), date(2026, 3, 31)]
        )
    }
    assert times[date(2026, 3, 24)] == datetime(2026, 3, 24, 19, 0, tzinfo=UTC)
    assert times[date(2026, 3, 31)] == datetime(2026, 3, 31, 18, 0, tzinfo=UTC)


def test_it_adds_a_monthly_schedule_on_the_chosen_weeks(client, group, alice):
    client.force_login(alice)

    client.post(URL, form_data(kind="monthly", weekdays=["4"], weeks=["1", "-1"]))

    schedule = Schedule.objects.get()
    assert sorted(schedule.weeks) == [-1, 1]
    assert local_dates(group)[:4] == [
        date(2026, 3, 5),
        date(2026, 3, 26),
        date(2026, 4, 2),
        date(2026, 4, 30),
    ]


def test_it_adds_a_schedule_every_two_weeks(client, group, alice):
    client.force_login(alice)

    client.post(URL, form_data(kind="fortnightly", starts_on="2026-03-05"))

    assert local_dates(group)[:3] == [
        date(2026, 3, 5),
        date(2026, 3, 19),
        date(2026, 4, 2),
    ]


def test_it_stops_on_the_last_date(client, group, alice):
    client.force_login(alice)

    client.post(URL, form_data(ends_on="2026-03-20"))

    assert local_dates(group) == [
        date(2026, 3, 5),
        date(2026, 3, 12),
        date(2026, 3, 19),
    ]


def test_it_adds_a_one_off_meeting_and_drops_what_does_not_apply(client, group, alice):
    client.force_login(alice)

    client.post(
        URL,
        form_data(
            kind="once",
            weekdays=["1", "4"],
            weeks=["2"],
            starts_on="2026-03-14",
            ends_on="2026-04-01",
        ),
    )

    schedule = Schedule.objects.get()
    assert schedule.kind == Schedule.Kind.ONCE
    assert schedule.weekdays == []
    assert schedule.weeks == []
    assert schedule.ends_on is None
    assert local_dates(group) == [date(2026, 3, 14)]


def test_it_keeps_weeks_only_for_monthly_schedules(client, group, alice):
    client.force_login(alice)

    client.post(URL, form_data(weeks=["1", "3"]))

    assert Schedule.objects.get().weeks == []


def test_it_takes_a_one_off_meeting_later_today(client, group, alice):
    client.force_login(alice)

    client.post(URL, form_data(kind="once", starts_on="2026-03-02", start_time="10:00"))

    assert local_dates(group) == [date(2026, 3, 2)]


def test_it_posts_with_a_csrf_token(group, alice):
    response = submit_form(alice, URL, URL, form_data())

    assert response.status_code == 302
    assert Schedule.objects.filter(group=group).count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"start_time": "20:00", "end_time": "19:00"},
            "end_time",
            "The meeting must end after it starts.",
        ),
        (
            {"start_time": "20:00", "end_time": "20:00"},
            "end_time",
            "The meeting must end after it starts.",
        ),
        ({"weekdays": []}, "weekdays", "Please choose the day or days it meets on."),
        (
            {"kind": "monthly", "weeks": []},
            "weeks",
            "Please choose which weeks of the month, such as the first.",
        ),
        (
            {"kind": "once", "starts_on": "2026-03-01"},
            "starts_on",
            "That date has passed. Please choose a day still to come.",
        ),
        (
            {"kind": "once", "starts_on": "2026-03-02", "start_time": "08:30"},
            "start_time",
            "That time has already passed today.",
        ),
        (
            {"ends_on": "2026-03-01"},
            "ends_on",
            "The last meeting can't be before the first.",
        ),
        ({"start_time": ""}, "start_time", "Please say what time the meeting starts."),
        (
            {"starts_on": ""},
            "starts_on",
            "Please choose the date of the first meeting.",
        ),
        ({"kind": ""}, "kind", "Please say how often the group meets."),
        ({"weekdays": ["7"]}, "weekdays", None),
        ({"weeks": ["5"], "kind": "monthly"}, "weeks", None),
    ],
)
def test_it_explains_what_is_wrong_and_saves_nothing(
    client, group, alice, overrides, field, message
):
    client.force_login(alice)

    response = client.post(URL, form_data(**overrides))

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    if message:
        assert errors[field] == [message]
        assert message in response.content.decode().replace("&#x27;", "'")
    assert "Please check" in response.content.decode()
    assert not Schedule.objects.exists()
    assert not Meeting.objects.exists()


def test_it_404s_for_a_group_that_does_not_exist(client, alice):
    client.force_login(alice)

    assert client.get("/groups/no-such-group/manage/schedules/new/").status_code == 404

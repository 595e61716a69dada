from datetime import UTC, date, datetime

import pytest

from accounts.models import Notification
from groups.models import RSVP, Meeting, Schedule
from tests.conftest import make_group, messages_of, submit_form
from tests.groups.conftest import going_to

MANAGE_URL = "/groups/tuesday-evening-circle/manage/"

pytestmark = pytest.mark.usefixtures("frozen_now")


@pytest.fixture
def schedule(group):
    return group.schedules.get()


def url(schedule) -> str:
    return f"{MANAGE_URL}schedules/{schedule.pk}/delete/"


def test_it_requires_login(client, schedule):
    response = client.post(url(schedule))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url(schedule)}"
    assert Schedule.objects.filter(pk=schedule.pk).exists()


def test_it_404s_for_an_outsider(client, schedule, charlie):
    client.force_login(charlie)

    assert client.get(url(schedule)).status_code == 404
    assert client.post(url(schedule)).status_code == 404
    assert Schedule.objects.filter(pk=schedule.pk).exists()


def test_it_403s_for_a_member(client, schedule, bob):
    client.force_login(bob)

    assert client.get(url(schedule)).status_code == 403
    assert client.post(url(schedule)).status_code == 403
    assert Schedule.objects.filter(pk=schedule.pk).exists()


def test_it_404s_for_another_groups_schedule(client, schedule, alice, charlie):
    other = make_group(name="Other Circle", organizer=charlie).schedules.get()
    client.force_login(alice)

    # Her own group's address with the other group's schedule.
    assert client.get(url(other)).status_code == 404
    assert client.post(url(other)).status_code == 404
    assert Schedule.objects.filter(pk=other.pk).exists()


def test_it_asks_first_and_says_who_will_be_told(client, schedule, alice, bob):
    going_to(Meeting.objects.get(local_date=date(2026, 3, 10)), bob)
    client.force_login(alice)

    response = client.get(url(schedule))

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1") == 1
    assert "Tuesdays, 7:00–8:30 pm" in page
    assert "one person in all" in page
    assert "Past meetings stay" in page
    assert Schedule.objects.filter(pk=schedule.pk).exists()


def test_it_deletes_the_schedule_and_its_meetings_still_to_come(
    client, frozen_now, schedule, group, alice, bob
):
    past = going_to(Meeting.objects.get(local_date=date(2026, 3, 3)), bob)
    frozen_now.move_to(datetime(2026, 3, 12, 9, 0, tzinfo=UTC))
    answered = going_to(Meeting.objects.get(local_date=date(2026, 3, 17)), bob)
    client.force_login(alice)

    response = client.post(url(schedule))

    assert response.status_code == 302
    assert response["Location"] == MANAGE_URL
    assert not Schedule.objects.filter(pk=schedule.pk).exists()
    # The past stays, with who came; a meeting someone is going to is called off.
    past.refresh_from_db()
    assert past.schedule is None
    assert past.status == Meeting.Status.SCHEDULED
    assert RSVP.objects.filter(meeting=past, user=bob).exists()
    answered.refresh_from_db()
    assert answered.is_cancelled
    assert list(group.meetings.order_by("local_date")) == [
        past,
        Meeting.objects.get(local_date=date(2026, 3, 10)),
        answered,
    ]
    note = Notification.objects.get(recipient=bob)
    assert note.kind == "meeting_cancelled"
    assert "The schedule is deleted." in messages_of(response)[0]


def test_it_posts_with_a_csrf_token(schedule, alice):
    response = submit_form(alice, url(schedule), url(schedule))

    assert response.status_code == 302
    assert not Schedule.objects.filter(pk=schedule.pk).exists()

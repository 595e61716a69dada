from datetime import date, time

import pytest

from groups.meetings import rsvp
from groups.models import Group, Membership, Schedule
from tests.conftest import make_group, make_schedule, make_user
from tests.groups.conftest import count_queries, going_to

URL = "/groups/tuesday-evening-circle/manage/"


@pytest.fixture
def group_with_a_request(alice, bob):
    group = make_group(
        organizer=alice,
        members=[bob],
        join_policy=Group.JoinPolicy.APPROVAL,
        join_question="What would you like from the group?",
    )
    Membership.objects.create(
        group=group,
        user=make_user("dora", display_name="Dora"),
        state=Membership.State.PENDING,
        answer="Somewhere to be <b>heard</b>.",
    )
    return group


def test_it_requires_login(client, group):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}"


def test_it_404s_for_an_outsider(client, group, charlie):
    client.force_login(charlie)

    assert client.get(URL).status_code == 404


def test_it_404s_for_a_moderator_who_is_not_in_the_group(client, group, moderator):
    assert moderator.is_staff
    client.force_login(moderator)

    assert client.get(URL).status_code == 404


def test_it_403s_for_a_member(client, group, bob):
    client.force_login(bob)

    assert client.get(URL).status_code == 403


def test_it_403s_for_a_facilitator(client, group, bob):
    Membership.objects.filter(user=bob).update(role=Membership.Role.FACILITATOR)
    client.force_login(bob)

    assert client.get(URL).status_code == 403


def test_it_shows_requests_with_their_answers(client, group_with_a_request, alice):
    client.force_login(alice)

    response = client.get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1") == 1
    dora = Membership.objects.get(user__username="dora")
    assert "Dora" in page
    assert "What would you like from the group?" in page
    # Her answer is shown as text, never as HTML.
    assert "Somewhere to be &lt;b&gt;heard&lt;/b&gt;." in page
    assert f'action="{URL}members/{dora.code}/approve/"' in page
    assert f"/manage/members/{dora.code}/decline/" in page
    assert 'data-hx-post="' in page


def test_it_shows_members_with_their_roles_and_a_remove_link(
    client, group_with_a_request, alice, bob
):
    client.force_login(alice)

    response = client.get(URL)

    page = response.content.decode()
    bobs = Membership.objects.get(user=bob)
    alices = Membership.objects.get(user=alice)
    assert [m.user for m in response.context["members"]] == [alice, bob]
    assert f'<select id="role-{bobs.code}" name="role">' in page
    assert f"/manage/members/{bobs.code}/remove/" in page
    assert f"/manage/members/{bobs.code}/role/" in page
    # No link to remove herself: she leaves from the group page.
    assert f"/manage/members/{alices.code}/remove/" not in page
    assert 'href="/groups/tuesday-evening-circle/manage/edit/"' in page
    assert 'action="/groups/tuesday-evening-circle/manage/status/"' in page


def test_it_never_shows_email_addresses_or_ids(
    client, group_with_a_request, alice, bob
):
    client.force_login(alice)

    page = client.get(URL).content.decode()

    assert "@example.org" not in page
    assert f"/members/{bob.pk}/" not in page


def test_it_leaves_out_people_who_left_or_were_declined(client, group, alice):
    for name, state in [("lena", "left"), ("dina", "declined"), ("remi", "removed")]:
        Membership.objects.create(group=group, user=make_user(name), state=state)
    client.force_login(alice)

    response = client.get(URL)

    names = [m.user.username for m in response.context["members"]]
    assert names == ["alice", "bob"]
    assert list(response.context["requests"]) == []
    page = response.content.decode()
    for name in ["Lena", "Dina", "Remi"]:
        assert name not in page


def test_it_offers_resume_for_a_paused_group(client, alice):
    make_group(organizer=alice, status=Group.Status.PAUSED)
    client.force_login(alice)

    page = client.get(URL).content.decode()

    assert 'name="status" value="active"' in page
    assert 'name="status" value="paused"' not in page


def test_it_lets_a_superuser_in(client, group):
    admin = make_user("root", is_staff=True, is_superuser=True)
    client.force_login(admin)

    assert client.get(URL).status_code == 200


def test_it_runs_as_many_queries_whatever_the_number_of_members(client, group, alice):
    def add_people(start: int, count: int) -> None:
        for number in range(start, start + count):
            Membership.objects.create(
                group=group,
                user=make_user(f"person{number}"),
                state=["active", "pending"][number % 2],
                role=["member", "facilitator", "organizer"][number % 3],
                answer="Hello",
            )

    client.force_login(alice)
    client.get(URL)  # Warm up: the first request of a session loads a bit more.
    add_people(0, 2)
    with_two = count_queries(client, URL)
    add_people(2, 38)
    with_forty = count_queries(client, URL)

    assert with_two == with_forty
    assert with_forty <= 12


# Schedules and upcoming meetings ----------------------------------------------


def test_it_lists_the_schedules_with_their_tools(client, frozen_now, alice, bob):
    group = make_group(organizer=alice, members=[bob])
    make_schedule(
        group,
        kind=Schedule.Kind.MONTHLY,
        weekdays=[Group.Weekday.FRIDAY],
        weeks=[1, 3],
        ends_on=date(2026, 6, 30),
    )
    make_schedule(
        group,
        kind=Schedule.Kind.ONCE,
        weekdays=[],
        starts_on=date(2026, 2, 20),
        start_time=time(10),
        end_time=time(11),
    )
    weekly = group.schedules.get(kind=Schedule.Kind.WEEKLY)
    client.force_login(alice)

    response = client.get(URL)

    page = response.content.decode()
    assert "Tuesdays, 7:00–8:30 pm" in page
    assert "First and third Friday of the month, 7:00–8:30 pm" in page
    assert "until 30 June 2026" in page
    # A one-off meeting that has taken place makes no more meetings.
    assert "Once, Friday 20 February" not in page
    assert f'href="{URL}schedules/{weekly.pk}/edit/"' in page
    assert f'href="{URL}schedules/{weekly.pk}/delete/"' in page
    assert f'href="{URL}schedules/new/"' in page
    assert f'href="{URL}schedules/new/?kind=once"' in page


def test_it_lists_the_next_meetings_with_seats_and_tools(
    client, frozen_now, group, alice, bob
):
    from groups.meetings import changes

    meetings = list(group.meetings.order_by("starts_at"))
    going_to(rsvp.set_capacity(meetings[0], 1), bob)
    changes.cancel_meeting(organizer=alice, meeting=meetings[1], reason="Snow day.")
    client.force_login(alice)

    response = client.get(URL)

    page = response.content.decode()
    assert list(response.context["meetings"]) == meetings[:12]
    assert "Tuesday 3 March, 7:00–8:30 pm" in page
    assert "1 going of 1 seat" in page
    assert "0 going, no limit" in page
    assert "Snow day." in page
    first, cancelled = meetings[0].code, meetings[1].code
    assert f'href="{URL}meetings/{first}/change/"' in page
    assert f'href="{URL}meetings/{first}/cancel/"' in page
    assert f'href="{URL}meetings/{first}/attendees/"' in page
    # Nothing left to change on a cancelled meeting; who was coming still shows.
    assert f"{URL}meetings/{cancelled}/cancel/" not in page
    assert f'href="{URL}meetings/{cancelled}/attendees/"' in page
    # Names are on the attendees page only.
    assert "Bobbie" not in page.split('id="meetings-title"')[1].split("</section>")[0]


def test_it_says_when_there_is_no_schedule_yet(client, alice):
    make_group(organizer=alice, schedule=False)
    client.force_login(alice)

    page = client.get(URL).content.decode()

    assert "No meetings yet." in page
    assert "The group has no regular time yet." in page


def test_it_runs_as_many_queries_whatever_the_number_of_meetings(
    client, frozen_now, alice, bob
):
    group = make_group(organizer=alice, members=[bob], schedule=False)
    every_day = [day.value for day in Group.Weekday]
    make_schedule(
        group,
        weekdays=every_day,
        starts_on=date(2026, 3, 3),
        ends_on=date(2026, 3, 12),
    )
    client.force_login(alice)
    client.get(URL)  # Warm up: the first request of a session loads a bit more.
    with_ten = count_queries(client, URL)
    assert group.meetings.count() == 10
    for hour in range(8, 20, 2):
        make_schedule(
            group, weekdays=every_day, start_time=time(hour), end_time=time(hour + 1)
        )
    going_to(group.meetings.order_by("starts_at").first(), bob)
    assert group.meetings.count() > 200

    with_many = count_queries(client, URL)

    assert with_many == with_ten

import re
from datetime import UTC, date, datetime, time

import pytest
from django.core.exceptions import ValidationError

from groups.models import (
    DEFAULT_GROUND_RULES,
    Group,
    Meeting,
    Membership,
    Schedule,
    Topic,
)
from tests.conftest import make_group, make_place, messages_of, submit_form

URL = "/groups/new/"

pytestmark = pytest.mark.usefixtures("frozen_now")


def form_data(**overrides) -> dict:
    topics = Topic.objects.filter(slug__in=["grief-and-loss", "family-and-parenting"])
    data = {
        "name": "Thursday Grief Circle",
        "tagline": "For women living with the loss of someone close.",
        "description": "We meet to remember, listen and share.",
        "topics": [topic.pk for topic in topics],
        "facilitation": "counsellor",
        "facilitator_credentials": "Qualified bereavement counsellor",
        "host_organization": "",
        "format": "in_person",
        "place_name": "leeds",
        "venue_type": "community_centre",
        "area_description": "Near the central library",
        "street_address": "12 Secret Lane",
        "venue_notes": "Ring the bell marked Studio.",
        "online_link": "",
        "online_notes": "",
        "schedule-kind": "weekly",
        "schedule-weekdays": ["4"],
        "schedule-starts_on": "2026-03-02",
        "schedule-ends_on": "",
        "schedule-start_time": "19:00",
        "schedule-end_time": "20:30",
        "schedule_note": "Not in August",
        "timezone": "",
        "women_only": "on",
        "languages": "en, ES",
        "cost": "free",
        "cost_details": "",
        "capacity": "12",
        "ground_rules": DEFAULT_GROUND_RULES,
        "visibility": "listed",
        "join_policy": "approval",
        "join_question": "What would you like from the group?",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_it_requires_login(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}"


def test_it_shows_the_form_in_sections_with_default_ground_rules(client, alice):
    client.force_login(alice)

    response = client.get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1") == 1
    for legend in [
        "About the group",
        "Topics",
        "Who facilitates",
        "Format and place",
        "Members-only details",
        "Schedule",
        "Who it is for",
        "Cost and size",
        "Ground rules",
        "Joining",
    ]:
        assert f'<h2 class="form-section__title">{legend}</h2>' in page
    assert page.count('type="checkbox" name="topics"') == Topic.objects.count()
    assert "What is said in the group stays in the group." in page
    assert 'name="place_name"' in page
    assert "js/manage-group-form.js" in page
    # The first schedule, with a way to say there is none yet.
    assert 'name="schedule-kind" value=""' in page
    assert "No regular time yet" in page
    assert 'name="schedule-weekdays"' in page
    assert 'data-shown-for="schedule-kind" data-values="monthly"' in page
    assert response.context["schedule_form"]["kind"].value() == "weekly"


def test_it_lists_a_group_for_review_with_her_as_organizer(client, alice, leeds):
    client.force_login(alice)

    response = client.post(URL, form_data())

    group = Group.objects.get()
    assert response.status_code == 302
    assert response["Location"] == "/groups/thursday-grief-circle/"
    assert group.slug == "thursday-grief-circle"
    assert group.status == Group.Status.PENDING
    assert group.created_by == alice
    assert group.place == leeds
    assert group.timezone == "Europe/London"
    assert group.languages == ["en", "es"]
    assert group.capacity == 12
    assert sorted(group.topics.values_list("slug", flat=True)) == [
        "family-and-parenting",
        "grief-and-loss",
    ]
    membership = Membership.objects.get(group=group)
    assert membership.user == alice
    assert membership.role == Membership.Role.ORGANIZER
    assert membership.state == Membership.State.ACTIVE
    assert "after a moderator has reviewed it" in messages_of(response)[0]
    assert group not in Group.objects.listed()


def test_it_saves_her_first_schedule_and_its_meetings(client, alice, leeds):
    client.force_login(alice)

    client.post(URL, form_data(allows_drop_ins="on"))

    group = Group.objects.get()
    assert group.allows_drop_ins
    schedule = Schedule.objects.get(group=group)
    assert schedule.kind == Schedule.Kind.WEEKLY
    assert schedule.weekdays == [Group.Weekday.THURSDAY]
    assert schedule.start_time == time(19, 0)
    meetings = Meeting.objects.filter(group=group).order_by("starts_at")
    assert len(meetings) == 12
    # A group waiting for review has its meetings ready for the day it goes live.
    assert meetings[0].local_date == date(2026, 3, 5)
    assert meetings[0].starts_at == datetime(2026, 3, 5, 19, 0, tzinfo=UTC)
    assert meetings[0].capacity == 12


def test_it_lists_a_group_with_no_regular_time_yet(client, alice, leeds):
    client.force_login(alice)

    # What she typed before choosing "No regular time yet" is not a schedule.
    response = client.post(
        URL, form_data(**{"schedule-kind": "", "schedule-end_time": "01:00"})
    )

    assert response.status_code == 302
    assert Group.objects.get().schedule_note == "Not in August"
    assert not Schedule.objects.exists()
    assert not Meeting.objects.exists()


def test_it_lists_a_group_whose_form_has_no_schedule_fields(client, alice, leeds):
    data = {k: v for k, v in form_data().items() if not k.startswith("schedule-")}
    client.force_login(alice)

    client.post(URL, data)

    assert Group.objects.exists()
    assert not Schedule.objects.exists()


def test_it_puts_the_first_schedule_in_the_groups_time_zone(client, alice):
    client.force_login(alice)

    client.post(
        URL,
        form_data(
            format="online",
            place_name="",
            venue_type="",
            online_link="https://meet.example.org/grief",
            timezone="America/New_York",
        ),
    )

    first = Meeting.objects.order_by("starts_at").first()
    # 7 pm in New York is midnight in UTC (before the clocks change on 8 March).
    assert first.starts_at == datetime(2026, 3, 6, 0, 0, tzinfo=UTC)


def test_it_saves_nothing_when_the_schedule_cannot_be_saved(
    client, monkeypatch, alice, leeds
):
    def refuse(schedule):
        raise ValidationError({"__all__": ["The schedule could not be saved."]})

    monkeypatch.setattr("groups.services.save_schedule", refuse)
    client.force_login(alice)

    response = client.post(URL, form_data())

    assert response.status_code == 200
    assert "The schedule could not be saved." in response.content.decode()
    assert not Group.objects.exists()
    assert not Membership.objects.exists()
    assert not Schedule.objects.exists()


def test_it_posts_with_a_csrf_token(alice, leeds):
    response = submit_form(alice, URL, URL, form_data())

    assert response.status_code == 302
    assert Schedule.objects.filter(group__name="Thursday Grief Circle").exists()


def test_it_lists_an_online_group_without_a_town(client, alice):
    client.force_login(alice)

    client.post(
        URL,
        form_data(
            format="online",
            place_name="",
            venue_type="",
            street_address="Ignored",
            online_link="meet.example.org/grief",
            timezone="Europe/Paris",
        ),
    )

    group = Group.objects.get()
    assert group.place is None
    assert group.venue_type == Group.VenueType.ONLINE
    assert group.online_link == "https://meet.example.org/grief"
    assert group.street_address == ""
    assert group.timezone == "Europe/Paris"


def test_it_finds_the_town_by_name_and_region(client, alice):
    make_place(
        "Portland",
        geonames_id=1,
        region="Oregon",
        region_search="oregon",
        country_code="US",
        country="United States",
        country_search="united states",
        population=650000,
        timezone="America/Los_Angeles",
    )
    maine = make_place(
        "Portland",
        geonames_id=2,
        region="Maine",
        region_search="maine",
        country_code="US",
        country="United States",
        country_search="united states",
        population=68000,
        timezone="America/New_York",
    )
    client.force_login(alice)

    client.post(URL, form_data(place_name="Portland, Maine"))

    group = Group.objects.get()
    assert group.place == maine
    assert group.timezone == "America/New_York"


def assert_refused(response, field: str, message: str) -> None:
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert message in response.content.decode()
    assert not Group.objects.exists()


def test_it_explains_when_it_cannot_find_the_town(client, alice, leeds):
    client.force_login(alice)

    response = client.post(URL, form_data(place_name="Atlantis"))

    assert_refused(
        response,
        "place_name",
        "We could not find a town called “Atlantis”. Check the spelling, or add "
        "the region or country after a comma.",
    )


def test_it_needs_a_town_for_a_group_that_meets_in_person(client, alice):
    client.force_login(alice)

    response = client.post(URL, form_data(format="hybrid", place_name=""))

    assert_refused(
        response, "place_name", "Please say in which town or city the group meets."
    )


def test_it_needs_a_venue_for_a_group_that_meets_in_person(client, alice, leeds):
    client.force_login(alice)

    response = client.post(URL, form_data(venue_type=""))

    assert_refused(response, "venue_type", "Please choose the kind of venue.")


def test_it_needs_details_for_a_fee(client, alice, leeds):
    client.force_login(alice)

    response = client.post(URL, form_data(cost="fee", cost_details=" "))

    assert_refused(
        response, "cost_details", "Please say how much the fee is, and for what."
    )


def assert_schedule_refused(response, field: str, message: str) -> None:
    assert response.status_code == 200
    assert response.context["schedule_form"].errors[field] == [message]
    page = response.content.decode()
    assert message in page
    assert f'href="#id_schedule-{field}"' in page
    assert not Group.objects.exists()
    assert not Schedule.objects.exists()


def test_it_needs_the_meeting_to_end_after_it_starts(client, alice, leeds):
    client.force_login(alice)

    response = client.post(
        URL, form_data(**{"schedule-start_time": "19:00", "schedule-end_time": "18:30"})
    )

    assert_schedule_refused(
        response, "end_time", "The meeting must end after it starts."
    )


def test_it_needs_the_days_of_a_regular_schedule(client, alice, leeds):
    client.force_login(alice)

    response = client.post(URL, form_data(**{"schedule-weekdays": []}))

    assert_schedule_refused(
        response, "weekdays", "Please choose the day or days it meets on."
    )


def test_it_needs_a_first_meeting_still_to_come(client, alice, leeds):
    client.force_login(alice)

    response = client.post(
        URL, form_data(**{"schedule-kind": "once", "schedule-starts_on": "2026-02-27"})
    )

    assert_schedule_refused(
        response,
        "starts_on",
        "That date has passed. Please choose a day still to come.",
    )


def test_it_counts_schedule_and_group_problems_together(client, alice, leeds):
    client.force_login(alice)

    response = client.post(URL, form_data(name="", **{"schedule-start_time": ""}))

    page = response.content.decode()
    assert "Please check 2 things" in page
    assert 'href="#id_name"' in page
    assert 'href="#id_schedule-start_time"' in page


def test_it_needs_room_for_at_least_two(client, alice, leeds):
    client.force_login(alice)

    response = client.post(URL, form_data(capacity="1"))

    assert_refused(response, "capacity", "A group needs room for at least two people.")


def test_it_needs_a_topic(client, alice, leeds):
    client.force_login(alice)

    response = client.post(URL, form_data(topics=[]))

    assert_refused(response, "topics", "Please choose at least one topic.")


def test_it_needs_a_time_zone_for_online_meeting_times(client, alice):
    client.force_login(alice)

    response = client.post(URL, form_data(format="online", place_name=""))

    assert_refused(
        response, "timezone", "Please choose the time zone of the meeting times."
    )


def test_it_refuses_a_made_up_language_code(client, alice, leeds):
    client.force_login(alice)

    response = client.post(URL, form_data(languages="en, english"))

    assert_refused(
        response,
        "languages",
        "“english” is not a language code. Use two or three letters, such as en, "
        "es or fr.",
    )


def test_it_refuses_a_link_that_is_not_a_web_link(client, alice, leeds):
    client.force_login(alice)

    response = client.post(
        URL, form_data(format="hybrid", online_link="javascript:alert(1)")
    )

    assert response.status_code == 200
    assert "online_link" in response.context["form"].errors
    assert not Group.objects.exists()


def test_it_sums_up_the_problems_at_the_top(client, alice, leeds):
    client.force_login(alice)

    response = client.post(URL, form_data(name="", capacity="1"))

    page = response.content.decode()
    assert "Please check 2 things" in page
    assert 'href="#id_name"' in page
    assert 'href="#id_capacity"' in page


def test_it_never_lets_the_form_set_status_or_creator(client, alice, bob, leeds):
    client.force_login(alice)

    client.post(
        URL, form_data(status="active", created_by=bob.pk, slug="mine", place=999)
    )

    group = Group.objects.get()
    assert group.status == Group.Status.PENDING
    assert group.created_by == alice
    assert group.slug == "thursday-grief-circle"
    assert group.place == leeds


def test_it_drops_the_join_question_of_an_open_group(client, alice, leeds):
    client.force_login(alice)

    client.post(URL, form_data(join_policy="open", join_question="Why?"))

    assert Group.objects.get().join_question == ""


def test_it_gives_each_group_its_own_address(client, alice, bob, charlie, leeds):
    make_group(name="Thursday Grief Circle", organizer=bob, place=leeds)

    # (The same person listing the same name twice gets her first group:
    # test_group_create_repeat.)
    for person in (alice, charlie):
        client.force_login(person)
        client.post(URL, form_data())

    assert sorted(Group.objects.values_list("slug", flat=True)) == [
        "thursday-grief-circle",
        "thursday-grief-circle-2",
        "thursday-grief-circle-3",
    ]


@pytest.mark.parametrize("name", ["New", "Mine", "places"])
def test_it_never_takes_a_page_address(client, alice, leeds, name):
    client.force_login(alice)

    client.post(URL, form_data(name=name))

    assert Group.objects.get().slug == f"{name.lower()}-2"


def test_it_makes_an_address_from_a_name_without_latin_letters(client, alice, leeds):
    client.force_login(alice)

    client.post(URL, form_data(name="Группа поддержки"))

    assert Group.objects.get().slug == "group"


def test_it_gives_an_unlisted_group_an_address_nobody_can_guess(client, alice, leeds):
    client.force_login(alice)

    response = client.post(
        URL, form_data(name="Thursday Grief Circle", visibility="unlisted")
    )

    group = Group.objects.get()
    assert re.fullmatch(r"thursday-grief-circle-[a-z2-7]{16}", group.slug)
    assert response["Location"] == f"/groups/{group.slug}/"
    assert client.get("/groups/thursday-grief-circle/").status_code == 404


def test_it_limits_how_many_groups_she_lists(client, settings, alice, leeds):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "group_create": "2/d/user",
    }
    client.force_login(alice)
    client.post(URL, form_data(name="First Circle"))
    client.post(URL, form_data(name="Second Circle"))

    response = client.post(URL, form_data(name="Third Circle"))

    assert response.status_code == 429
    assert "You've listed several groups in a short while." in (
        response.content.decode().replace("&#x27;", "'")
    )
    assert sorted(Group.objects.values_list("name", flat=True)) == [
        "First Circle",
        "Second Circle",
    ]


def test_it_allows_a_few_groups_by_default(client, alice, leeds):
    client.force_login(alice)

    statuses = [
        client.post(URL, form_data(name=f"Circle {n}")).status_code for n in range(4)
    ]

    assert statuses == [302, 302, 302, 429]


def test_it_does_not_count_a_form_with_mistakes(client, settings, alice, leeds):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "group_create": "1/d/user",
    }
    client.force_login(alice)
    client.post(URL, form_data(name=""))

    response = client.post(URL, form_data())

    assert response.status_code == 302
    assert Group.objects.count() == 1

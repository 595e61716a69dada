from datetime import date, time
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groups import services
from groups.meetings.generation import save_schedule
from groups.models import Group, Membership, Schedule, Topic
from groups.templatetags.groups_tags import (
    audience_labels,
    cost_label,
    meeting_schedule,
    schedule_label,
    timezone_label,
)
from tests.conftest import make_group, make_place, make_schedule, make_user

URL = "/groups/tuesday-evening-circle/"


def page_of(response) -> str:
    assert response.status_code == 200
    return unescape(response.content.decode())


@pytest.fixture
def full_group(alice, bob):
    """Everything a group page can show, filled in."""
    group = make_group(
        organizer=alice,
        members=[bob],
        topics=Topic.objects.filter(slug__in=["domestic-abuse", "grief-and-loss"]),
        description="We meet *every* week.\n\n- Tea from 6:45\n- Quiet room",
        facilitation=Group.Facilitation.COUNSELLOR,
        facilitator_credentials="Registered counsellor, ten years in women's services",
        host_organization="Riverside Women's Centre",
        venue_type=Group.VenueType.COMMUNITY_CENTRE,
        schedule_note="Every week except bank holidays",
        capacity=12,
        cost=Group.Cost.DONATION,
        cost_details="£2 towards tea",
        ground_rules="Keep it in the room.\nListen first.",
        childcare=True,
        child_friendly=True,
        wheelchair_accessible=True,
        languages=["en", "es"],
    )
    return group


def test_it_shows_the_group(client, full_group):
    page = page_of(client.get(URL))

    assert "<h1" in page and "Tuesday Evening Circle</h1>" in page
    assert "A calm evening group for women rebuilding confidence." in page
    assert "<p>We meet <em>every</em> week.</p>" in page
    assert "<li>Tea from 6:45</li>" in page
    assert "Domestic abuse" in page
    assert "Grief and loss" in page
    assert "Counsellor" in page
    assert "Registered counsellor, ten years in women's services" in page
    assert "Riverside Women's Centre" in page
    assert "<li>Keep it in the room.</li>" in page
    assert "<li>Listen first.</li>" in page
    assert "Near the central library · Leeds, United Kingdom" in page
    assert "In person" in page
    assert "Community centre" in page
    assert "Tuesdays, 7:00–8:30 pm" in page
    assert "Every week except bank holidays" in page
    assert "Donation welcome (£2 towards tea)" in page
    assert "Up to 12 people" in page


def test_it_shows_the_audience_badges(client, full_group):
    page = page_of(client.get(URL))

    for label in [
        "Women only",
        "Childcare available",
        "Children welcome",
        "Wheelchair accessible",
        "In English, Spanish",
    ]:
        assert f'<li class="badge audience-badge">{label}</li>' in page


def test_it_links_topics_to_the_search(client, full_group):
    page = page_of(client.get(URL))

    assert 'href="/groups/?topic=domestic-abuse"' in page
    assert 'href="/groups/?topic=grief-and-loss"' in page


def test_it_has_exactly_one_h1(client, group):
    page = page_of(client.get(URL))

    assert page.count("<h1") == 1


def test_it_sanitizes_the_description(client, alice):
    make_group(
        organizer=alice,
        description='<script>alert("x")</script> <img src=x onerror=alert(1)>\n\n'
        "[click](javascript:alert(1)) [ok](https://example.org/help)",
    )

    response = client.get(URL)

    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html
    assert 'href="https://example.org/help"' in html


def test_it_returns_404_for_an_unknown_group(client, db):
    assert client.get("/groups/no-such-group/").status_code == 404


def test_it_never_shows_the_street_address_in_the_area(client, group):
    page = page_of(client.get(URL))

    assert "Near the central library" in page
    assert "Secret Lane" not in page


# Visibility and status -------------------------------------------------------


def test_it_opens_an_unlisted_group_by_link(client, alice):
    group = make_group(organizer=alice, visibility=Group.Visibility.UNLISTED)

    page = page_of(client.get(f"/groups/{group.slug}/"))

    assert "Tuesday Evening Circle" in page
    assert '<meta name="robots" content="noindex">' in page


def test_it_lets_search_engines_index_a_listed_group(client, group):
    page = page_of(client.get(URL))

    assert 'content="noindex"' not in page


@pytest.mark.parametrize("who", ["anonymous", "charlie", "bob", "alice"])
def test_it_hides_a_group_waiting_for_review(who, client, alice, bob, charlie):
    creator = make_user("rosa", display_name="Rosa")
    make_group(
        organizer=creator,
        members=[bob, alice],
        status=Group.Status.PENDING,
    )
    if who != "anonymous":
        client.force_login({"charlie": charlie, "bob": bob, "alice": alice}[who])

    assert client.get(URL).status_code == 404


def test_it_shows_a_group_waiting_for_review_to_its_creator(client, alice):
    make_group(organizer=alice, status=Group.Status.PENDING)
    client.force_login(alice)

    page = page_of(client.get(URL))

    assert "Waiting for review" in page
    assert '<meta name="robots" content="noindex">' in page
    assert "/review/" not in page
    assert 'action="/groups/tuesday-evening-circle/join/"' not in page


def test_it_offers_the_review_to_staff(client, alice, moderator):
    make_group(organizer=alice, status=Group.Status.PENDING)
    client.force_login(moderator)

    page = page_of(client.get(URL))

    assert "Waiting for review" in page
    assert 'action="/groups/tuesday-evening-circle/review/"' in page
    assert 'action="/groups/tuesday-evening-circle/join/"' not in page


def test_it_shows_a_closed_group(client, charlie, alice):
    make_group(organizer=alice, status=Group.Status.ARCHIVED)
    client.force_login(charlie)

    page = page_of(client.get(URL))

    assert "This group has closed" in page
    assert "/join/" not in page
    assert "Join this group" not in page


def test_it_shows_a_group_taking_a_break(client, charlie, alice):
    make_group(organizer=alice, status=Group.Status.PAUSED)
    client.force_login(charlie)

    page = page_of(client.get(URL))

    assert "This group is taking a break" in page
    assert "/join/" not in page


def test_it_keeps_the_leave_link_for_members_of_a_closed_group(client, group, bob):
    group.status = Group.Status.ARCHIVED
    group.save()
    client.force_login(bob)

    page = page_of(client.get(URL))

    assert "This group has closed" in page
    assert 'href="/groups/tuesday-evening-circle/leave/"' in page


# The viewer's membership and her buttons --------------------------------------

JOIN_FORM = 'action="/groups/tuesday-evening-circle/join/"'


def test_it_asks_anonymous_visitors_to_sign_in(client, group):
    page = page_of(client.get(URL))

    assert "Sign in to join" in page
    assert 'href="/accounts/login/?next=/groups/tuesday-evening-circle/"' in page
    assert JOIN_FORM not in page


def test_it_offers_strangers_to_join_an_open_group(client, group, charlie):
    client.force_login(charlie)

    page = page_of(client.get(URL))

    assert JOIN_FORM in page
    assert "Join this group" in page
    assert 'name="answer"' not in page


def test_it_asks_the_join_question_of_an_approval_group(client, alice, charlie):
    make_group(
        organizer=alice,
        join_policy=Group.JoinPolicy.APPROVAL,
        join_question="What would you like from the group?",
    )
    client.force_login(charlie)

    page = page_of(client.get(URL))

    assert JOIN_FORM in page
    assert "Ask to join" in page
    assert '<label for="id_answer">What would you like from the group?</label>' in page
    assert '<textarea id="id_answer" name="answer"' in page


def test_it_tells_a_pending_member_she_is_waiting(client, group, charlie):
    Membership.objects.create(group=group, user=charlie, state=Membership.State.PENDING)
    client.force_login(charlie)

    page = page_of(client.get(URL))

    assert "Your request is waiting for an organizer" in page
    assert 'action="/groups/tuesday-evening-circle/withdraw/"' in page
    assert JOIN_FORM not in page


def test_it_tells_a_member_she_is_in(client, group, bob):
    client.force_login(bob)

    page = page_of(client.get(URL))

    assert "You're a member" in page
    assert 'href="/groups/tuesday-evening-circle/leave/"' in page
    assert JOIN_FORM not in page
    assert "/manage/" not in page


def test_it_gives_organizers_their_tools(client, group, alice):
    client.force_login(alice)

    page = page_of(client.get(URL))

    assert "You organize this group" in page
    assert 'href="/groups/tuesday-evening-circle/manage/"' in page
    assert "Manage group" in page


def test_it_lets_a_declined_person_ask_again_gently(client, alice, charlie):
    group = make_group(organizer=alice, join_policy=Group.JoinPolicy.APPROVAL)
    Membership.objects.create(
        group=group, user=charlie, state=Membership.State.DECLINED
    )
    client.force_login(charlie)

    page = page_of(client.get(URL))

    assert "Your last request wasn't accepted" in page
    assert JOIN_FORM in page


def test_it_does_not_offer_joining_to_a_removed_member(client, group, charlie):
    Membership.objects.create(group=group, user=charlie, state=Membership.State.REMOVED)
    client.force_login(charlie)

    page = page_of(client.get(URL))

    assert "You're no longer in this group" in page
    assert JOIN_FORM not in page


def test_it_welcomes_back_someone_who_left(client, group, charlie):
    Membership.objects.create(group=group, user=charlie, state=Membership.State.LEFT)
    client.force_login(charlie)

    page = page_of(client.get(URL))

    assert "You left this group" in page
    assert JOIN_FORM in page


def test_it_says_when_the_group_is_full(client, alice, bob, charlie):
    make_group(organizer=alice, members=[bob], capacity=2)
    client.force_login(charlie)

    page = page_of(client.get(URL))

    assert "This group is full" in page
    assert JOIN_FORM not in page


def test_it_still_welcomes_members_of_a_full_group(client, alice, bob):
    make_group(organizer=alice, members=[bob], capacity=2)
    client.force_login(bob)

    page = page_of(client.get(URL))

    assert "You're a member" in page
    assert "This group is full" not in page


def test_it_shows_the_moderator_the_list_but_not_the_address(client, group, moderator):
    client.force_login(moderator)

    page = page_of(client.get(URL))

    assert "Bobbie" in page
    assert "Secret Lane" not in page
    assert "Moderators don't see members' meeting details" in page


# Query counts -------------------------------------------------------------------


def _big_or_small_group(alice, bob, *, member_count, topic_count):
    members = [bob] + [
        make_user(f"member{n}", display_name=f"Member {n}")
        for n in range(member_count - 2)
    ]
    return make_group(
        organizer=alice,
        members=members,
        topics=Topic.objects.all()[:topic_count],
        capacity=100,
        online_link="https://meet.example.org/x",
    )


@pytest.mark.parametrize("member_count, topic_count", [(2, 1), (60, 5)])
def test_it_costs_the_same_queries_for_anonymous_visitors(
    member_count, topic_count, client, alice, bob, django_assert_num_queries
):
    _big_or_small_group(alice, bob, member_count=member_count, topic_count=topic_count)

    # The group, its topics, the member count for "this group is full", its
    # schedules and its next meetings.
    with django_assert_num_queries(5):
        response = client.get(URL)

    assert response.status_code == 200


@pytest.mark.parametrize("member_count, topic_count", [(2, 1), (60, 5)])
def test_it_costs_the_same_queries_for_a_member(
    member_count, topic_count, client, alice, bob, django_assert_num_queries
):
    group = _big_or_small_group(
        alice, bob, member_count=member_count, topic_count=topic_count
    )
    # Those who chose to be seen are listed; the others are only counted.
    group.memberships.filter(user__username__startswith="member").update(
        is_visible_to_members=True
    )
    client.force_login(bob)
    client.get(URL)  # allauth records her session on the first request.

    # Session and user (2), the group with her membership, topics, schedules,
    # the member list (4), the next meetings with her answers (1), the reveal
    # log (1: the day's groups were counted on the first visit); the header's
    # unread count is cached since the first visit.
    with django_assert_num_queries(8):
        response = client.get(URL)

    assert response.status_code == 200
    assert response.content.decode().count('class="member-list__item"') == (
        group.memberships.filter(state="active", is_visible_to_members=True).count()
    )


# Formatting filters -------------------------------------------------------------


def _schedule(**fields):
    """An unsaved schedule: weekly on Tuesdays, 7-8:30 pm, unless told."""
    defaults = {
        "kind": Schedule.Kind.WEEKLY,
        "weekdays": [Group.Weekday.TUESDAY],
        "weeks": [],
        "starts_on": date(2026, 3, 7),
        "start_time": time(19),
        "end_time": time(20, 30),
    }
    return Schedule(**(defaults | fields))


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({}, "Tuesdays, 7:00–8:30 pm"),
        (
            {"start_time": time(10, 30), "end_time": time(12)},
            "Tuesdays, 10:30 am–12:00 pm",
        ),
        ({"start_time": time(0, 15), "end_time": time(1)}, "Tuesdays, 12:15–1:00 am"),
        (
            {"weekdays": [Group.Weekday.THURSDAY, Group.Weekday.MONDAY]},
            "Mondays and Thursdays, 7:00–8:30 pm",
        ),
        ({"kind": Schedule.Kind.FORTNIGHTLY}, "Every other Tuesday, 7:00–8:30 pm"),
        (
            {"kind": Schedule.Kind.MONTHLY, "weeks": [3, 1]},
            "First and third Tuesday of the month, 7:00–8:30 pm",
        ),
        (
            {"kind": Schedule.Kind.MONTHLY, "weeks": [-1, 2]},
            "Second and last Tuesday of the month, 7:00–8:30 pm",
        ),
        (
            {"kind": Schedule.Kind.ONCE, "weekdays": []},
            "Once, Saturday 7 March, 7:00–8:30 pm",
        ),
    ],
)
def test_it_formats_the_meeting_schedule(fields, expected):
    assert schedule_label(_schedule(**fields)) == expected


def test_it_joins_a_groups_schedules(alice):
    group = make_group(organizer=alice, schedule=False)
    assert meeting_schedule(group) == ""

    make_schedule(group)
    make_schedule(
        group,
        weekdays=[Group.Weekday.SATURDAY],
        start_time=time(10),
        end_time=time(11),
    )

    # In the schedules' order: by first day, then time.
    assert meeting_schedule(group) == (
        "Saturdays, 10:00–11:00 am; Tuesdays, 7:00–8:30 pm"
    )


@pytest.mark.parametrize(
    "cost, details, expected",
    [
        (Group.Cost.FREE, "", "Free"),
        (Group.Cost.DONATION, "", "Donation welcome"),
        (Group.Cost.DONATION, "£3 suggested", "Donation welcome (£3 suggested)"),
        (Group.Cost.FEE, "£5 a session", "Fee: £5 a session"),
    ],
)
def test_it_formats_the_cost(cost, details, expected):
    assert cost_label(Group(cost=cost, cost_details=details)) == expected


def test_it_formats_time_zones():
    assert timezone_label("America/New_York") == "New York time"
    assert timezone_label("UTC") == "UTC"


def test_it_labels_the_audience():
    group = Group(women_only=False, wheelchair_accessible=True, languages=["fr", "xx"])

    assert audience_labels(group) == ["Wheelchair accessible", "In French, XX"]


def test_it_shows_hybrid_groups_as_in_person_and_online(client, alice):
    make_group(
        organizer=alice,
        format=Group.Format.HYBRID,
        place=make_place("Bristol", geonames_id=2654675),
    )

    page = page_of(client.get(URL))

    assert "Bristol, United Kingdom and online" in page


# The group's own parts, shared between viewers ------------------------------------


@pytest.fixture
def shared_parts_on(settings):
    """The shared cache keeps parts as long as pages (off in the other tests,
    which change groups without the services)."""
    settings.PAGE_CACHE_SECONDS = 600


def test_it_shares_the_groups_own_parts_between_members(
    shared_parts_on, client, full_group, bob, alice
):
    client.force_login(alice)
    first = page_of(client.get(URL))
    client.force_login(bob)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    second = page_of(response)

    # Her visit reads neither the topics nor the schedules: they come rendered.
    assert not any(
        "groups_topic" in q["sql"] or "groups_schedule" in q["sql"] for q in queries
    )
    for shown in ["Grief and loss", "Riverside Women's Centre", "Listen first."]:
        assert shown in first and shown in second
    # Markup from the cache, not escaped text.
    raw = response.content.decode()
    assert '<header class="group-hero">' in raw
    assert raw.count('<h1 class="group-hero__title"') == 1
    # Her own parts are still hers: the organizer's tools are not in her page.
    assert "/groups/tuesday-evening-circle/manage/" in first
    assert "/groups/tuesday-evening-circle/manage/" not in second


def test_members_see_a_schedule_change_on_their_next_visit(
    shared_parts_on, client, group, bob
):
    client.force_login(bob)
    assert "Tuesdays, 7:00–8:30 pm" in page_of(client.get(URL))

    schedule = group.schedules.get()
    schedule.start_time = time(18, 15)
    save_schedule(schedule)

    page = page_of(client.get(URL))
    assert "Tuesdays, 6:15–8:30 pm" in page
    assert "7:00–8:30 pm" not in page


def test_members_see_a_group_pause_on_their_next_visit(
    shared_parts_on, client, group, alice, bob
):
    client.force_login(bob)
    assert "Joining" in page_of(client.get(URL))

    services.set_group_status(organizer=alice, group=group, status=Group.Status.PAUSED)

    page = page_of(client.get(URL))
    assert "taking a break" in page
    assert "Joining" not in page


def test_it_never_shows_one_groups_parts_on_anothers_page(
    shared_parts_on, client, alice, bob
):
    make_group(name="Tuesday evening circle", organizer=alice, members=[bob])
    other = make_group(
        name="Thursday walkers", organizer=alice, description="We walk by the river."
    )
    client.force_login(bob)

    page_of(client.get(URL))
    page = page_of(client.get(other.get_absolute_url()))

    assert "We walk by the river." in page
    assert "We meet weekly" not in page

import pytest

from accounts.models import Notification
from groups.models import Group, Membership
from tests.conftest import make_group, make_user, messages_of

URL = "/groups/tuesday-evening-circle/join/"


@pytest.fixture
def group_with_question(alice):
    return make_group(
        organizer=alice,
        join_policy=Group.JoinPolicy.APPROVAL,
        join_question="What would you like from the group?",
    )


def test_it_sends_anonymous_users_to_sign_in_and_back_to_the_group(client, group):
    response = client.post(URL)

    assert response.status_code == 302
    assert response["Location"] == (
        "/accounts/login/?next=/groups/tuesday-evening-circle/"
    )
    assert group.memberships.count() == 2


def test_it_rejects_get(client, group, charlie):
    client.force_login(charlie)

    response = client.get(URL)

    assert response.status_code == 405
    assert not Membership.objects.filter(user=charlie).exists()


def test_it_hides_a_group_waiting_for_review_from_others(client, alice, charlie):
    make_group(organizer=alice, status=Group.Status.PENDING)
    client.force_login(charlie)

    response = client.post(URL)

    assert response.status_code == 404
    assert not Membership.objects.filter(user=charlie).exists()


def test_it_joins_an_open_group_at_once(client, group, alice, charlie):
    client.force_login(charlie)

    response = client.post(URL)

    assert response.status_code == 302
    assert response["Location"] == "/groups/tuesday-evening-circle/"
    membership = Membership.objects.get(group=group, user=charlie)
    assert membership.state == Membership.State.ACTIVE
    assert membership.role == Membership.Role.MEMBER
    assert messages_of(response) == [
        "Welcome to Tuesday Evening Circle! You can now see where and when it meets."
    ]
    note = Notification.objects.get(recipient=alice)
    assert note.kind == "member_joined"
    assert note.text == "Charlie joined Tuesday Evening Circle."
    assert note.actor == charlie
    assert note.url == "/groups/tuesday-evening-circle/manage/"


def test_it_asks_to_join_an_approval_group_with_her_answer(
    client, group_with_question, alice, charlie
):
    client.force_login(charlie)

    response = client.post(URL, {"answer": "  Someone to talk to.  "})

    assert response.status_code == 302
    membership = Membership.objects.get(group=group_with_question, user=charlie)
    assert membership.state == Membership.State.PENDING
    assert membership.answer == "Someone to talk to."
    assert "is sent" in messages_of(response)[0]
    note = Notification.objects.get(recipient=alice)
    assert note.kind == "join_requested"
    assert note.text == "Charlie asked to join Tuesday Evening Circle."
    # Her answer is for the manage page, not for a notification.
    assert "Someone to talk to" not in note.message


def test_it_needs_an_answer_when_the_organizers_ask_a_question(
    client, group_with_question, charlie
):
    client.force_login(charlie)

    response = client.post(URL, {"answer": "   "})

    assert response.status_code == 302
    assert not Membership.objects.filter(user=charlie).exists()
    assert messages_of(response) == ["Please answer the organizer's question."]


def test_it_refuses_an_answer_that_is_too_long(client, group_with_question, charlie):
    client.force_login(charlie)

    response = client.post(URL, {"answer": "x" * 1001})

    assert response.status_code == 302
    assert not Membership.objects.filter(user=charlie).exists()
    assert messages_of(response) == ["Please keep your answer under 1,000 characters."]


def test_it_does_nothing_twice_on_a_double_submit(client, group, alice, charlie):
    client.force_login(charlie)

    client.post(URL)
    client.post(URL)

    assert Membership.objects.filter(group=group, user=charlie).count() == 1
    assert Notification.objects.filter(recipient=alice).count() == 1


def test_it_keeps_a_pending_request_as_it_is_on_a_second_submit(
    client, group_with_question, charlie
):
    client.force_login(charlie)

    client.post(URL, {"answer": "First answer"})
    client.post(URL, {"answer": "Second answer"})

    membership = Membership.objects.get(user=charlie)
    assert membership.state == Membership.State.PENDING
    assert membership.answer == "First answer"


def test_it_refuses_a_full_group(client, alice, bob, charlie):
    group = make_group(organizer=alice, members=[bob], capacity=2)
    client.force_login(charlie)

    response = client.post(URL)

    assert response.status_code == 302
    assert not Membership.objects.filter(user=charlie).exists()
    assert messages_of(response) == ["This group is full. Please try again later."]
    assert group.memberships.count() == 2


@pytest.mark.parametrize("status", [Group.Status.PAUSED, Group.Status.ARCHIVED])
def test_it_refuses_a_group_that_is_not_taking_members(client, alice, charlie, status):
    make_group(organizer=alice, status=status)
    client.force_login(charlie)

    response = client.post(URL)

    assert not Membership.objects.filter(user=charlie).exists()
    assert messages_of(response) == ["This group is not taking new members right now."]


def test_it_refuses_someone_an_organizer_removed(client, group, charlie):
    Membership.objects.create(group=group, user=charlie, state=Membership.State.REMOVED)
    client.force_login(charlie)

    response = client.post(URL)

    assert Membership.objects.get(user=charlie).state == Membership.State.REMOVED
    assert messages_of(response) == ["You can't rejoin this group."]


def test_it_welcomes_back_a_member_who_left(client, group, charlie):
    Membership.objects.create(group=group, user=charlie, state=Membership.State.LEFT)
    client.force_login(charlie)

    client.post(URL)

    membership = Membership.objects.get(user=charlie)
    assert membership.state == Membership.State.ACTIVE


def test_it_lets_someone_declined_ask_again(client, group_with_question, charlie):
    Membership.objects.create(
        group=group_with_question, user=charlie, state=Membership.State.DECLINED
    )
    client.force_login(charlie)

    client.post(URL, {"answer": "I would like to try again."})

    membership = Membership.objects.get(user=charlie)
    assert membership.state == Membership.State.PENDING
    assert membership.answer == "I would like to try again."


def test_it_never_makes_a_joiner_anything_but_a_member(client, group, charlie):
    client.force_login(charlie)

    client.post(URL, {"role": "organizer", "state": "active"})

    assert Membership.objects.get(user=charlie).role == Membership.Role.MEMBER


def test_it_tells_every_organizer_but_no_member(client, group, alice, bob):
    dora = make_user("dora")
    Membership.objects.create(
        group=group,
        user=dora,
        role=Membership.Role.ORGANIZER,
        state=Membership.State.ACTIVE,
    )
    erin = make_user("erin")
    client.force_login(erin)

    client.post(URL)

    assert Notification.objects.filter(recipient=alice).count() == 1
    assert Notification.objects.filter(recipient=dora).count() == 1
    assert not Notification.objects.filter(recipient=bob).exists()


# Rate limits ----------------------------------------------------------------------

WITHDRAW_URL = "/groups/tuesday-evening-circle/withdraw/"
# Messages pile up in her session until a page shows them; the last is the newest.
SLOW_DOWN = (
    "You've asked to join groups many times in a short while. Please wait a while "
    "and try again."
)


def test_it_limits_asking_again_and_again(client, group_with_question, alice, charlie):
    client.force_login(charlie)

    for _ in range(25):
        client.post(URL, {"answer": "Let me in."})
        client.post(WITHDRAW_URL)
    response = client.post(URL, {"answer": "Let me in."})

    assert response.status_code == 302
    assert response["Location"] == "/groups/tuesday-evening-circle/"
    assert messages_of(response)[-1] == SLOW_DOWN
    assert not Membership.objects.filter(user=charlie).exists()
    # Three asks got through (the default 3/d per person and group), and they
    # refreshed one notification rather than adding three.
    assert Notification.objects.filter(recipient=alice).count() == 1


def test_it_limits_asking_again_after_a_decline(
    client, settings, group_with_question, alice, charlie
):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "group_join": "1/d/key",
    }
    Membership.objects.create(
        group=group_with_question, user=charlie, state=Membership.State.DECLINED
    )
    client.force_login(charlie)

    client.post(URL, {"answer": "Please."})
    membership = Membership.objects.get(user=charlie)
    membership.state = Membership.State.DECLINED
    membership.save()
    response = client.post(URL, {"answer": "Please, again."})

    assert messages_of(response)[-1] == SLOW_DOWN
    membership.refresh_from_db()
    assert membership.state == Membership.State.DECLINED


def test_it_limits_joining_many_groups(client, settings, alice, charlie):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "group_join": "2/h/user",
    }
    slugs = ["first", "second", "third"]
    for slug in slugs:
        make_group(name=f"{slug.title()} Circle", slug=slug, organizer=alice)
    client.force_login(charlie)

    responses = [client.post(f"/groups/{slug}/join/") for slug in slugs]

    assert messages_of(responses[2])[-1] == SLOW_DOWN
    joined = Membership.objects.filter(user=charlie).values_list("group__slug")
    assert sorted(slug for (slug,) in joined) == ["first", "second"]


def test_it_limits_each_person_separately(
    client, settings, group_with_question, alice, charlie
):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "group_join": "1/h/user",
    }
    dora = make_user("dora")
    client.force_login(charlie)
    client.post(URL, {"answer": "Hello."})
    client.force_login(dora)

    response = client.post(URL, {"answer": "Hello too."})

    assert "is sent" in messages_of(response)[-1]
    assert (
        group_with_question.memberships.filter(state=Membership.State.PENDING).count()
        == 2
    )

import pytest

from groups.models import Group, Membership
from tests.conftest import make_group, make_user
from tests.groups.conftest import count_queries

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

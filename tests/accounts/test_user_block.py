import pytest

from accounts.models import Block
from tests.conftest import make_user


def test_it_rejects_get(client, alice, bob):
    client.force_login(alice)

    response = client.get("/u/bob/block/")

    assert response.status_code == 405


def test_it_requires_login(client, bob):
    response = client.post("/u/bob/block/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not Block.objects.exists()


def test_it_404s_for_someone_who_does_not_exist(client, alice):
    client.force_login(alice)

    response = client.post("/u/nobody-here/block/")

    assert response.status_code == 404


def test_it_blocks_and_says_they_are_not_told(client, alice, bob):
    client.force_login(alice)

    response = client.post("/u/bob/block/", follow=True)

    assert response.redirect_chain == [("/u/bob/", 302)]
    assert Block.objects.filter(blocker=alice, blocked=bob).exists()
    assert "You blocked Bobbie. They are not told." in response.content.decode()


def test_it_blocks_once_however_often_she_asks(client, alice, bob):
    client.force_login(alice)

    client.post("/u/bob/block/")
    client.post("/u/bob/block/")

    assert Block.objects.filter(blocker=alice, blocked=bob).count() == 1


def test_it_does_not_block_herself(client, alice):
    client.force_login(alice)

    response = client.post("/u/alice/block/", follow=True)

    assert not Block.objects.exists()
    assert "You can&#x27;t block yourself." in response.content.decode()


def test_it_returns_to_the_page_she_came_from(client, alice, bob):
    client.force_login(alice)

    response = client.post("/u/bob/block/", {"next": "/articles/some-article/"})

    assert response["Location"] == "/articles/some-article/"


def test_it_ignores_a_next_address_on_another_site(client, alice, bob):
    client.force_login(alice)

    response = client.post("/u/bob/block/", {"next": "https://evil.example/"})

    assert response["Location"] == "/u/bob/"


def test_it_unblocks(client, alice, bob):
    Block.objects.create(blocker=alice, blocked=bob)
    client.force_login(alice)

    response = client.post("/u/bob/unblock/", follow=True)

    assert response.redirect_chain == [("/accounts/blocked/", 302)]
    assert not Block.objects.exists()
    assert "You unblocked Bobbie." in response.content.decode()


def test_it_rejects_get_on_unblock(client, alice, bob):
    Block.objects.create(blocker=alice, blocked=bob)
    client.force_login(alice)

    response = client.get("/u/bob/unblock/")

    assert response.status_code == 405
    assert Block.objects.exists()


def test_it_requires_login_to_unblock(client, alice, bob):
    Block.objects.create(blocker=alice, blocked=bob)

    response = client.post("/u/bob/unblock/")

    assert response["Location"].startswith("/accounts/login/")
    assert Block.objects.exists()


def test_it_leaves_other_peoples_blocks_alone_on_unblock(client, alice, bob, charlie):
    Block.objects.create(blocker=charlie, blocked=bob)
    client.force_login(alice)

    client.post("/u/bob/unblock/")

    assert Block.objects.filter(blocker=charlie, blocked=bob).exists()


def test_it_requires_login_for_the_list(client, db):
    response = client.get("/accounts/blocked/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/blocked/"


def test_it_lists_her_blocks_with_unblock_buttons(client, alice, bob, charlie):
    Block.objects.create(blocker=alice, blocked=bob)
    Block.objects.create(blocker=charlie, blocked=alice)
    client.force_login(alice)

    response = client.get("/accounts/blocked/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert 'href="/u/bob/"' in html
    assert 'action="/u/bob/unblock/"' in html
    # Only the blocks she made: who blocked her is never shown.
    assert "Charlie" not in html


def test_it_is_kind_when_the_list_is_empty(client, alice):
    client.force_login(alice)

    response = client.get("/accounts/blocked/")

    assert "You haven't blocked anyone." in response.content.decode()


@pytest.mark.parametrize("count", [2, 6])
def test_it_costs_the_same_queries_however_long_the_list(
    client, alice, django_assert_num_queries, count
):
    for number in range(count):
        Block.objects.create(blocker=alice, blocked=make_user(f"someone{number}"))
    client.force_login(alice)
    client.get("/accounts/blocked/")  # the first visit records her session

    # Session and user (2) and her blocks with the people blocked (one query);
    # the header's unread count is cached since the first visit.
    with django_assert_num_queries(3):
        response = client.get("/accounts/blocked/")

    assert response.content.decode().count("Unblock<span") == count


def test_it_offers_a_block_button_on_the_profile(client, alice, bob):
    client.force_login(alice)

    response = client.get("/u/bob/")

    assert 'action="/u/bob/block/"' in response.content.decode()


def test_it_offers_no_block_button_on_her_own_profile(client, alice):
    client.force_login(alice)

    response = client.get("/u/alice/")

    assert "/block/" not in response.content.decode()


def test_it_offers_no_block_button_to_visitors(client, bob):
    response = client.get("/u/bob/")

    assert "/block/" not in response.content.decode()

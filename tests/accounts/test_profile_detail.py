from django.core.files.base import ContentFile

from tests.conftest import make_user


def test_it_shows_display_name_and_bio(client, alice):
    alice.bio = "Gardener, reader, here to listen."
    alice.save()

    response = client.get("/u/alice/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Alice" in page
    assert "@alice" in page
    assert "Gardener, reader, here to listen." in page
    assert '<meta name="robots" content="noindex">' in page


def test_it_never_shows_her_email_address(client, alice, bob):
    client.force_login(bob)

    response = client.get("/u/alice/")

    assert response.status_code == 200
    assert "alice@example.org" not in response.content.decode()
    assert "@example.org" not in response.content.decode()


def test_it_does_not_show_her_email_address_to_herself_either(client, alice):
    client.force_login(alice)

    response = client.get("/u/alice/")

    assert "alice@example.org" not in response.content.decode()


def test_it_falls_back_to_the_username(client, db):
    make_user("quiet", display_name="")

    response = client.get("/u/quiet/")

    assert response.status_code == 200
    assert "<h1" in response.content.decode()
    assert response.context["profile"].public_name == "quiet"


def test_it_shows_the_avatar(client, alice):
    alice.avatar.save("a.webp", ContentFile(b"webp"), save=True)

    response = client.get("/u/alice/")

    assert f'src="/media/{alice.avatar.name}"' in response.content.decode()


def test_it_finds_the_profile_whatever_the_case(client, alice):
    response = client.get("/u/ALICE/")

    assert response.status_code == 200
    assert response.context["profile"] == alice


def test_it_returns_404_for_an_unknown_user(client, db):
    response = client.get("/u/nobody/")

    assert response.status_code == 404


def test_it_returns_404_for_an_inactive_user(client, db):
    make_user("gone", is_active=False)

    response = client.get("/u/gone/")

    assert response.status_code == 404


def test_it_uses_one_query(client, alice, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/u/alice/")

    assert response.status_code == 200

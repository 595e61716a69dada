from django.core import mail

from tests.conftest import PASSWORD, make_user


def test_it_shows_the_form_with_a_forgot_password_link(client, db):
    response = client.get("/accounts/login/")

    assert response.status_code == 200
    assert 'href="/accounts/password/reset/"' in response.content.decode()


def test_it_signs_in_with_the_email_address(client, alice):
    response = client.post(
        "/accounts/login/", {"login": "alice@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_it_signs_in_with_the_username(client, alice):
    response = client.post("/accounts/login/", {"login": "alice", "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_it_ignores_the_case_of_username_and_email(client, alice):
    client.post("/accounts/login/", {"login": "ALICE", "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(alice.pk)

    client.logout()
    client.post(
        "/accounts/login/", {"login": "Alice@Example.ORG", "password": PASSWORD}
    )
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_it_signs_in_an_account_created_with_a_capitalised_username(client, db):
    zoe = make_user("Zoe")

    client.post("/accounts/login/", {"login": "Zoe", "password": PASSWORD})

    assert zoe.username == "zoe"
    assert client.session["_auth_user_id"] == str(zoe.pk)


def test_it_refuses_a_wrong_password(client, alice):
    response = client.post(
        "/accounts/login/", {"login": "alice", "password": "not-her-password"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_it_does_not_sign_in_an_unverified_user(client, db):
    make_user("erin", verified=False)

    response = client.post("/accounts/login/", {"login": "erin", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session
    # She is sent a fresh verification link instead.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["erin@example.org"]


def test_it_does_not_sign_in_an_inactive_user(client, db):
    make_user("frances", is_active=False)

    client.post("/accounts/login/", {"login": "frances", "password": PASSWORD})

    assert "_auth_user_id" not in client.session

from tests.conftest import PASSWORD

NEW_PASSWORD = "a-brand-new-passphrase"


def test_it_requires_login(client, db):
    response = client.get("/accounts/password/change/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_it_shows_the_form(client, alice):
    client.force_login(alice)

    response = client.get("/accounts/password/change/")

    assert response.status_code == 200
    assert 'name="oldpassword"' in response.content.decode()


def test_it_changes_the_password(client, alice):
    client.force_login(alice)

    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    # ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE is off: she stays signed in here.
    assert client.session["_auth_user_id"] == str(alice.pk)
    assert client.get("/accounts/profile/").status_code == 200


def test_it_refuses_a_wrong_old_password(client, alice):
    client.force_login(alice)

    response = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": "not-her-password",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 200
    assert "oldpassword" in response.context["form"].errors
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_it_refuses_a_weak_new_password(client, alice):
    client.force_login(alice)

    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "short", "password2": "short"},
    )

    assert response.status_code == 200
    assert "password1" in response.context["form"].errors
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)

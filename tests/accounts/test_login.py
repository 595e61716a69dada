from django.core import mail

from tests.conftest import PASSWORD, log_in, make_user


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


# Enumeration and lock-outs (issue 8) ----------------------------------------------


def test_it_hashes_once_per_attempt_whether_or_not_the_account_exists(
    client, hash_counter
):
    make_user("alice")
    attempts = {
        "existing e-mail, wrong password": "alice@example.org",
        "missing e-mail": "nobody@example.org",
        "existing username, wrong password": "alice",
        "missing username": "nobody",
    }
    counts = {}
    for label, login in attempts.items():
        hash_counter.calls = 0
        response = client.post(
            "/accounts/login/", {"login": login, "password": "not-the-password"}
        )
        assert response.status_code == 200
        counts[label] = hash_counter.calls

    hash_counter.calls = 0
    log_in(client, "alice@example.org")
    counts["right password"] = hash_counter.calls

    assert set(counts.values()) == {1}, counts


def test_it_counts_failed_sign_ins_per_account_whichever_identifier_is_typed(
    client, alice
):
    for _ in range(5):
        client.post("/accounts/login/", {"login": "alice", "password": "wrong-one"})

    response = client.post(
        "/accounts/login/", {"login": "alice@example.org", "password": "wrong-two"}
    )

    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()


def test_it_limits_sign_ins_per_client_address_behind_the_proxy(
    client, alice, settings
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    attacker = {"HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    for number in range(10):
        client.post(
            "/accounts/login/",
            {"login": f"guess{number}", "password": "wrong"},
            **attacker,
        )
    refused = client.post(
        "/accounts/login/", {"login": "guess99", "password": "wrong"}, **attacker
    )
    assert "Too many failed login attempts" in refused.content.decode()

    # Every request reaches the site from the proxy's address; only the header
    # tells people apart, so Alice at home is not locked out by the attacker.
    response = client.post(
        "/accounts/login/",
        {"login": "alice", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)

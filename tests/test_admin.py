"""The Django admin opens only through the site's sign-in, and only for staff
with two-step sign-in (issue 8: /admin/login/ skipped MFA and every rate limit)."""

from tests.conftest import MODERATOR_TOTP_SECRET, PASSWORD, log_in, make_user


def test_it_sends_signed_out_visitors_to_the_site_sign_in(client, db):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"


def test_it_never_checks_a_password_posted_to_the_admin_login(client, moderator):
    for _ in range(40):
        client.post("/admin/login/", {"username": "mod", "password": "wrong"})

    response = client.post("/admin/login/", {"username": "mod", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_it_does_not_sign_staff_in_with_the_password_alone(client, moderator):
    response = client.post("/accounts/login/", {"login": "mod", "password": PASSWORD})

    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_it_applies_the_sign_in_limits_to_staff(client, moderator):
    for _ in range(5):
        client.post("/accounts/login/", {"login": "mod", "password": "wrong"})

    response = client.post("/accounts/login/", {"login": "mod", "password": PASSWORD})

    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_opens_for_staff_with_two_step_sign_in(client, moderator):
    log_in(client, "mod", totp_secret=MODERATOR_TOTP_SECRET)

    response = client.get("/admin/")

    assert response.status_code == 200


def test_it_refuses_staff_without_two_step_sign_in(client, db):
    staff = make_user("pat", is_staff=True, is_superuser=True)
    client.force_login(staff)

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403
    assert "Set up two-step sign-in first" in response.content.decode()
    assert client.get("/admin/articles/comment/", follow=True).status_code == 403


def test_it_refuses_members_who_are_not_staff(client, alice):
    client.force_login(alice)

    assert client.get("/admin/login/").status_code == 403
    assert client.get("/admin/", follow=True).status_code == 403

"""Sign-in on a shared device: the session ends when the browser closes, and
"Remember me" is ignored."""

from tests.conftest import MODERATOR_TOTP_SECRET, PASSWORD, totp


def session_cookie(response):
    return response.cookies["sessionid"]


def test_it_offers_the_shared_device_option_with_a_word_on_what_it_does(client, db):
    page = client.get("/accounts/login/").content.decode()

    assert 'name="shared_device"' in page
    assert "This is a shared device" in page
    assert "signed out when the browser closes" in page
    # It comes before "Remember me", which it hides when ticked (CSS, no JS).
    assert page.index('name="shared_device"') < page.index('name="remember"')


def test_a_remembered_session_outlives_the_browser(client, alice):
    response = client.post(
        "/accounts/login/",
        {"login": "alice", "password": PASSWORD, "remember": "on"},
    )

    assert response.status_code == 302
    cookie = session_cookie(response)
    assert cookie["max-age"]
    assert cookie["expires"]


def test_a_shared_device_session_ends_with_the_browser(client, alice):
    response = client.post(
        "/accounts/login/",
        {
            "login": "alice",
            "password": PASSWORD,
            "remember": "on",
            "shared_device": "on",
        },
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)
    cookie = session_cookie(response)
    assert cookie.value
    assert not cookie["max-age"]
    assert not cookie["expires"]
    assert client.session.get_expire_at_browser_close()


def test_a_shared_device_session_ends_with_the_browser_after_the_second_step(
    client, moderator
):
    client.post(
        "/accounts/login/",
        {
            "login": "mod",
            "password": PASSWORD,
            "remember": "on",
            "shared_device": "on",
        },
    )

    response = client.post(
        "/accounts/2fa/authenticate/", {"code": totp(MODERATOR_TOTP_SECRET)}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(moderator.pk)
    cookie = session_cookie(response)
    assert not cookie["max-age"]
    assert not cookie["expires"]

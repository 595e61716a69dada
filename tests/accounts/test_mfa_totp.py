import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.utils import timezone

from tests.conftest import PASSWORD, log_in, reauthenticate, totp


def wrong(secret: str) -> str:
    return f"{(int(totp(secret)) + 1) % 1_000_000:06d}"


@pytest.fixture
def frozen_time():
    # A code is valid for one 30-second step: keep the clock still so a step
    # boundary cannot fall between computing and checking it.
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def start_activation(client) -> str:
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    secret = client.session["mfa.totp.secret"]
    assert response.context["form"].secret == secret
    return secret


def test_it_requires_login(client, db):
    response = client.get("/accounts/2fa/totp/activate/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_it_asks_for_her_password_again_even_just_after_signing_in(client, alice):
    log_in(client, "alice")

    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"] == (
        "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
    )

    response = client.post(response["Location"], {"password": "not-her-password"})
    assert response.status_code == 200
    assert "password" in response.context["form"].errors

    response = reauthenticate(client, next_url="/accounts/2fa/totp/activate/")
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200


def test_it_shows_the_secret_and_qr_code(client, alice):
    log_in(client, "alice")
    reauthenticate(client)

    response = client.get("/accounts/2fa/totp/activate/")

    secret = client.session["mfa.totp.secret"]
    assert secret in response.content.decode()
    assert "issuer=Kindred" in response.context["totp_url"]


def test_it_activates_totp_and_generates_recovery_codes(client, alice, frozen_time):
    log_in(client, "alice")
    reauthenticate(client)
    secret = start_activation(client)

    response = client.post("/accounts/2fa/totp/activate/", {"code": totp(secret)})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/recovery-codes/"
    assert alice.authenticator_set.filter(type=Authenticator.Type.TOTP).exists()
    recovery = alice.authenticator_set.get(type=Authenticator.Type.RECOVERY_CODES)
    codes = recovery.wrap().get_unused_codes()
    assert len(codes) == 10

    response = client.get("/accounts/2fa/recovery-codes/")
    assert response.status_code == 200
    assert response.context["unused_codes"] == codes
    for code in codes:
        assert code in response.content.decode()

    # Once on, the activation page sends her to turn it off instead.
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/deactivate/"


def test_it_refuses_a_wrong_code(client, alice, frozen_time):
    log_in(client, "alice")
    reauthenticate(client)
    secret = start_activation(client)
    response = client.post("/accounts/2fa/totp/activate/", {"code": wrong(secret)})

    assert response.status_code == 200
    assert response.context["form"].errors["code"] == ["Incorrect code."]
    assert not Authenticator.objects.filter(user=alice).exists()


def test_it_refuses_a_code_from_another_secret(client, alice, frozen_time):
    log_in(client, "alice")
    reauthenticate(client)
    start_activation(client)

    response = client.post(
        "/accounts/2fa/totp/activate/", {"code": totp("JBSWY3DPEHPK3PXP")}
    )

    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=alice).exists()


def test_it_asks_for_a_code_at_the_next_sign_in(client, alice, frozen_time):
    log_in(client, "alice")
    reauthenticate(client)
    secret = start_activation(client)
    client.post("/accounts/2fa/totp/activate/", {"code": totp(secret)})
    client.logout()

    response = client.post("/accounts/login/", {"login": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session

    response = client.post("/accounts/2fa/authenticate/", {"code": wrong(secret)})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session

    frozen_time.shift(30)  # the next step's code, as her phone would show it
    response = client.post("/accounts/2fa/authenticate/", {"code": totp(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_it_accepts_a_recovery_code_at_sign_in(client, alice, frozen_time):
    log_in(client, "alice")
    reauthenticate(client)
    secret = start_activation(client)
    client.post("/accounts/2fa/totp/activate/", {"code": totp(secret)})
    code = (
        alice.authenticator_set.get(type=Authenticator.Type.RECOVERY_CODES)
        .wrap()
        .get_unused_codes()[0]
    )
    client.logout()

    client.post("/accounts/login/", {"login": "alice", "password": PASSWORD})
    response = client.post("/accounts/2fa/authenticate/", {"code": code})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)
    recovery = alice.authenticator_set.get(type=Authenticator.Type.RECOVERY_CODES)
    assert code not in recovery.wrap().get_unused_codes()

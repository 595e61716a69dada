from allauth.account.models import EmailAddress, EmailConfirmationHMAC

from tests.conftest import make_user


def confirmation_url(address) -> str:
    return f"/accounts/confirm-email/{EmailConfirmationHMAC(address).key}/"


def test_it_asks_before_confirming(client, db):
    erin = make_user("erin", verified=False)
    address = EmailAddress.objects.get(user=erin)

    response = client.get(confirmation_url(address))

    assert response.status_code == 200
    assert "erin@example.org" in response.content.decode()
    assert 'method="post" action="/accounts/confirm-email/' in response.content.decode()
    address.refresh_from_db()
    assert not address.verified


def test_it_confirms_on_post_and_sends_her_to_sign_in(client, db):
    erin = make_user("erin", verified=False)
    address = EmailAddress.objects.get(user=erin)

    response = client.post(confirmation_url(address))

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    address.refresh_from_db()
    assert address.verified
    # ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION is off: a link alone never signs anyone in.
    assert "_auth_user_id" not in client.session


def test_it_refuses_an_invalid_key(client, db):
    erin = make_user("erin", verified=False)

    response = client.get("/accounts/confirm-email/not-a-real-key/")
    client.post("/accounts/confirm-email/not-a-real-key/")

    assert response.status_code == 200
    assert "erin@example.org" not in response.content.decode()
    assert not EmailAddress.objects.get(user=erin).verified

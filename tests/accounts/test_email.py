import re

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail


def test_it_requires_login(client, db):
    response = client.get("/accounts/email/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_it_lists_her_addresses_only(client, alice, bob):
    client.force_login(alice)

    response = client.get("/accounts/email/")

    assert response.status_code == 200
    assert "alice@example.org" in response.content.decode()
    assert "bob@example.org" not in response.content.decode()


def test_it_adds_an_address_and_sends_a_verification_email(client, alice):
    client.force_login(alice)

    response = client.post(
        "/accounts/email/", {"email": "Alice.New@Example.org", "action_add": ""}
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/email/"
    address = EmailAddress.objects.get(user=alice, email="alice.new@example.org")
    assert not address.verified
    assert not address.primary
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice.new@example.org"]
    assert "Kindred" in message.subject
    assert settings.SITE_DOMAIN in message.body
    assert "example.com" not in message.subject + message.body

    link = re.search(
        r"https?://[^/\s]+(/accounts/confirm-email/[^/\s]+/)", message.body
    )
    response = client.post(link.group(1))
    assert response.status_code == 302
    address.refresh_from_db()
    assert address.verified


def test_it_refuses_an_address_she_already_has(client, alice):
    client.force_login(alice)

    response = client.post(
        "/accounts/email/", {"email": "ALICE@example.org", "action_add": ""}
    )

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert EmailAddress.objects.filter(user=alice).count() == 1
    assert mail.outbox == []


def test_it_refuses_an_invalid_address(client, alice):
    client.force_login(alice)

    response = client.post(
        "/accounts/email/", {"email": "not-an-email", "action_add": ""}
    )

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert EmailAddress.objects.filter(user=alice).count() == 1


def test_it_removes_a_secondary_address(client, alice):
    EmailAddress.objects.create(user=alice, email="old@example.org", verified=True)
    client.force_login(alice)

    response = client.post(
        "/accounts/email/", {"email": "old@example.org", "action_remove": ""}
    )

    assert response.status_code == 302
    assert list(
        EmailAddress.objects.filter(user=alice).values_list("email", flat=True)
    ) == ["alice@example.org"]


def test_it_does_not_let_her_remove_another_users_address(client, alice, bob):
    client.force_login(alice)

    client.post("/accounts/email/", {"email": "bob@example.org", "action_remove": ""})

    assert EmailAddress.objects.filter(user=bob, email="bob@example.org").exists()

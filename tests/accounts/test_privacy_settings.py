def test_it_requires_login(client, db):
    response = client.get("/accounts/privacy/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/privacy/"


def test_it_shows_her_settings(client, alice):
    client.force_login(alice)

    response = client.get("/accounts/privacy/")

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["email_notifications"] is True
    assert form.initial["discreet_emails"] is True
    assert 'name="email_notifications"' in response.content.decode()
    assert 'name="discreet_emails"' in response.content.decode()


def test_it_turns_both_settings_off(client, alice):
    client.force_login(alice)

    # Unticked checkboxes are simply absent from the form data.
    response = client.post("/accounts/privacy/", {})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/privacy/"
    alice.refresh_from_db()
    assert alice.email_notifications is False
    assert alice.discreet_emails is False
    response = client.get("/accounts/privacy/")
    assert "Your privacy and notification settings are saved." in (
        response.content.decode()
    )


def test_it_turns_settings_back_on_one_at_a_time(client, alice):
    alice.email_notifications = False
    alice.discreet_emails = False
    alice.save()
    client.force_login(alice)

    client.post("/accounts/privacy/", {"email_notifications": "on"})
    alice.refresh_from_db()
    assert (alice.email_notifications, alice.discreet_emails) == (True, False)

    client.post("/accounts/privacy/", {"discreet_emails": "on"})
    alice.refresh_from_db()
    assert (alice.email_notifications, alice.discreet_emails) == (False, True)


def test_it_changes_only_her_own_settings(client, alice, bob):
    client.force_login(alice)

    client.post("/accounts/privacy/", {})

    bob.refresh_from_db()
    assert bob.email_notifications is True
    assert bob.discreet_emails is True

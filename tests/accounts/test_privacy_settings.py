from tests.conftest import submit_form

# An e-mail each time for every category (radio buttons always send one).
EACH = {"email_replies": "each", "email_membership": "each", "email_meetings": "each"}


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
    response = client.post("/accounts/privacy/", EACH)

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

    client.post("/accounts/privacy/", {**EACH, "email_notifications": "on"})
    alice.refresh_from_db()
    assert (alice.email_notifications, alice.discreet_emails) == (True, False)

    client.post("/accounts/privacy/", {**EACH, "discreet_emails": "on"})
    alice.refresh_from_db()
    assert (alice.email_notifications, alice.discreet_emails) == (False, True)


def test_it_changes_only_her_own_settings(client, alice, bob):
    client.force_login(alice)

    client.post("/accounts/privacy/", EACH)

    bob.refresh_from_db()
    assert bob.email_notifications is True
    assert bob.discreet_emails is True


def test_it_saves_a_choice_per_category(client, alice):
    client.force_login(alice)

    response = client.post(
        "/accounts/privacy/",
        {
            "email_notifications": "on",
            "email_replies": "off",
            "email_membership": "digest",
            "email_meetings": "each",
        },
    )

    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.email_replies, alice.email_membership, alice.email_meetings) == (
        "off",
        "digest",
        "each",
    )


def test_it_offers_the_daily_summary_for_membership_news_only(client, alice):
    client.force_login(alice)

    response = client.post("/accounts/privacy/", {**EACH, "email_replies": "digest"})

    assert response.status_code == 200
    assert response.context["form"].errors["email_replies"]
    alice.refresh_from_db()
    assert alice.email_replies == "each"


def test_it_saves_the_categories_with_a_real_form(alice):
    response = submit_form(
        alice,
        "/accounts/privacy/",
        "/accounts/privacy/",
        {**EACH, "email_meetings": "off", "email_notifications": "on"},
    )

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.email_meetings == "off"

"""The unread count in the header (cached per member, forgotten on change) and
opening one notification, which marks it read."""

from django.conf import settings

from accounts import services
from accounts.models import Notification
from tests.conftest import submit_form


def badge(response) -> str:
    html = response.content.decode()
    marker = '<span class="badge badge--count">'
    if marker not in html:
        return ""
    return html.split(marker, 1)[1].split("<", 1)[0]


def tell(user, message="News.", url="/articles/"):
    return services.notify(
        recipient=user, kind="membership_approved", message=message, url=url
    )


def test_it_counts_unread_notifications_once_then_from_the_cache(
    client, bob, django_assert_num_queries
):
    tell(bob)
    tell(bob, "More news.")
    client.force_login(bob)
    assert badge(client.get("/accounts/blocked/")) == "2"

    # Session (none when sessions are read from Redis) and user, her blocks:
    # nothing about notifications.
    session_queries = 0 if "cached_db" in settings.SESSION_ENGINE else 1
    with django_assert_num_queries(2 + session_queries) as captured:
        response = client.get("/accounts/blocked/")

    assert badge(response) == "2"
    assert not any("accounts_notification" in q["sql"] for q in captured)


def test_it_shows_a_new_notification_at_once(client, bob):
    tell(bob)
    client.force_login(bob)
    client.get("/accounts/blocked/")

    tell(bob, "More news.")

    assert badge(client.get("/accounts/blocked/")) == "2"


def test_it_forgets_the_count_when_she_marks_all_read(client, bob):
    tell(bob)
    client.force_login(bob)
    assert badge(client.get("/accounts/blocked/")) == "1"

    client.post("/notifications/read/")

    assert badge(client.get("/accounts/blocked/")) == ""


def test_it_keeps_counts_apart_per_member(client, alice, bob):
    tell(bob)
    client.force_login(bob)
    client.get("/accounts/blocked/")
    client.force_login(alice)

    assert badge(client.get("/accounts/blocked/")) == ""
    assert services.unread_notification_count(bob) == 1


def test_it_opens_a_notification_and_marks_it_read(client, bob):
    first = tell(bob, url="/articles/finding-your-voice/#comment-3")
    tell(bob, "Other news.")
    client.force_login(bob)
    assert badge(client.get("/notifications/")) == "2"

    response = client.post(f"/notifications/{first.pk}/open/")

    assert response.status_code == 302
    assert response["Location"] == "/articles/finding-your-voice/#comment-3"
    first.refresh_from_db()
    assert not first.is_unread
    assert Notification.objects.unread().count() == 1
    assert badge(client.get("/notifications/")) == "1"


def test_it_opens_a_notification_through_its_form(bob):
    note = tell(bob, url="/groups/")

    response = submit_form(bob, "/notifications/", f"/notifications/{note.pk}/open/")

    assert response.status_code == 302
    assert response["Location"] == "/groups/"
    note.refresh_from_db()
    assert not note.is_unread


def test_it_marks_one_without_a_link_read_and_stays_on_the_list(client, bob):
    note = tell(bob, url="")
    client.force_login(bob)
    assert "Mark as read" in client.get("/notifications/").content.decode()

    response = client.post(f"/notifications/{note.pk}/open/")

    assert response["Location"] == "/notifications/"
    note.refresh_from_db()
    assert not note.is_unread


def test_it_never_follows_a_link_to_another_site(client, bob):
    note = tell(bob, url="https://elsewhere.example/phish")
    client.force_login(bob)

    response = client.post(f"/notifications/{note.pk}/open/")

    assert response["Location"] == "/notifications/"


def test_it_opens_only_her_own_notifications(client, alice, bob):
    note = tell(bob)
    client.force_login(alice)

    assert client.post(f"/notifications/{note.pk}/open/").status_code == 404
    assert client.post("/notifications/999999/open/").status_code == 404
    note.refresh_from_db()
    assert note.is_unread


def test_it_opens_notifications_by_post_only(client, bob):
    note = tell(bob)
    client.force_login(bob)

    assert client.get(f"/notifications/{note.pk}/open/").status_code == 405
    note.refresh_from_db()
    assert note.is_unread


def test_it_asks_her_to_sign_in_to_open_one(client, bob):
    note = tell(bob)

    response = client.post(f"/notifications/{note.pk}/open/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_reads_an_already_read_one_again_without_change(client, bob):
    note = tell(bob, url="/groups/")
    services.mark_notifications_read(user=bob)
    note.refresh_from_db()
    read_at = note.read_at
    client.force_login(bob)

    response = client.post(f"/notifications/{note.pk}/open/")

    assert response["Location"] == "/groups/"
    note.refresh_from_db()
    assert note.read_at == read_at

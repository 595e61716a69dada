"""/accounts/guidelines/accept/: an account made without the sign-up form
(createsuperuser, the admin) agrees to the guidelines before posting, then goes
back where she was."""

import pytest
from django.test import Client

from accounts.models import User
from tests.articles.comment_factory import post_data
from tests.conftest import make_user, submit_form

URL = "/accounts/guidelines/accept/"
NEXT = "/articles/finding-your-voice/#discussion"


@pytest.fixture
def erin(db):
    return make_user("erin", guidelines_accepted_at=None)


def test_it_requires_login(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_it_shows_the_summary_and_the_full_guidelines_link(client, erin):
    client.force_login(erin)

    response = client.get(URL, {"next": NEXT})

    page = response.content.decode()
    assert "The short version" in page
    assert 'href="/guidelines/"' in page
    assert f'name="next" value="{NEXT}"' in page


def test_it_records_her_agreement_and_returns_her(erin, article):
    response = submit_form(
        erin,
        f"{URL}?next={NEXT}",
        URL,
        {
            "agree_to_guidelines": "on",
            "next": NEXT,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == NEXT
    erin.refresh_from_db()
    assert erin.guidelines_accepted_at is not None


def test_she_can_post_after_agreeing(client, erin, article):
    client.force_login(erin)
    before = client.get("/articles/finding-your-voice/").content.decode()
    assert "/accounts/guidelines/accept/" in before

    client.post(URL, {"agree_to_guidelines": "on", "next": NEXT})
    after = client.get("/articles/finding-your-voice/").content.decode()

    assert "Post comment" in after


def test_it_needs_the_box_ticked(client, erin):
    client.force_login(erin)

    response = client.post(URL, {"next": NEXT})

    assert response.status_code == 200
    assert "Please tick the box" in response.content.decode()
    erin.refresh_from_db()
    assert erin.guidelines_accepted_at is None


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_it_never_sends_her_to_another_site(client, erin, next_url):
    client.force_login(erin)

    response = client.post(URL, {"agree_to_guidelines": "on", "next": next_url})

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_superuser_made_by_the_command_is_asked_too(client, article):
    owner = User.objects.create_superuser("owner", "owner@example.org", "pw-12345!")
    assert owner.guidelines_accepted_at is None
    client.force_login(owner)

    page = client.get("/articles/finding-your-voice/").content.decode()

    assert "/accounts/guidelines/accept/?next=" in page


def test_it_refuses_a_posted_comment_with_a_way_forward(erin, article):
    client = Client()
    client.force_login(erin)

    response = client.post("/articles/finding-your-voice/comments/", post_data())

    assert response.status_code == 400
    page = response.content.decode()
    assert "accept the community guidelines" in page
    assert "/accounts/guidelines/accept/?next=" in page

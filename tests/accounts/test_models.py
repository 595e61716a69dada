import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.models import User, username_validator


def test_it_refuses_a_username_differing_only_in_case(db):
    User.objects.create(username="alice", email="a1@example.org")

    with (
        pytest.raises(IntegrityError, match="accounts_user_username_ci_unique"),
        transaction.atomic(),
    ):
        User.objects.create(username="ALICE", email="a2@example.org")


def test_it_refuses_an_email_differing_only_in_case(db):
    User.objects.create(username="alice", email="alice@example.org")

    with (
        pytest.raises(IntegrityError, match="accounts_user_email_ci_unique"),
        transaction.atomic(),
    ):
        User.objects.create(username="alice2", email="Alice@Example.ORG")


def test_it_allows_many_users_without_an_email(db):
    User.objects.create(username="one", email="")
    User.objects.create(username="two", email="")

    assert User.objects.filter(email="").count() == 2


def test_it_stores_usernames_in_lower_case(db):
    user = User.objects.create_user("Zoe", email="zoe@example.org")

    assert user.username == "zoe"
    assert User.normalize_username("MiXeD") == "mixed"


def test_it_lower_cases_usernames_entered_in_forms(db):
    user = User(username="Zoe", email="zoe@example.org")
    user.set_unusable_password()

    user.full_clean()

    assert user.username == "zoe"


@pytest.mark.parametrize("username", ["alice", "Alice_B", "a-b-c", "x1", "___"])
def test_it_accepts_letters_digits_underscores_and_hyphens(username):
    username_validator(username)


@pytest.mark.parametrize(
    "username",
    ["alice smith", "alice@home", "alice.b", "ali/ce", "alice\n", "élise", "", "a+b"],
)
def test_it_refuses_other_characters_in_usernames(username):
    with pytest.raises(ValidationError) as excinfo:
        username_validator(username)

    assert excinfo.value.messages == [
        "Use only letters, digits, underscores (_) and hyphens (-)."
    ]


def test_it_validates_the_username_on_full_clean(db):
    user = User(username="alice smith", email="a@example.org", password="x")

    with pytest.raises(ValidationError) as excinfo:
        user.full_clean()

    assert "username" in excinfo.value.message_dict


def test_it_limits_usernames_to_30_characters(db):
    user = User(username="a" * 31, email="a@example.org", password="x")

    with pytest.raises(ValidationError) as excinfo:
        user.full_clean()

    assert "username" in excinfo.value.message_dict


def test_it_links_to_the_public_profile(db):
    user = User(username="alice")

    assert user.get_absolute_url() == "/u/alice/"
    assert str(user) == "alice"


def test_it_prefers_the_display_name_in_public(db):
    assert User(username="alice", display_name="Ali").public_name == "Ali"
    assert User(username="alice", display_name="").public_name == "alice"


def test_it_defaults_to_notifications_on_and_discreet(db):
    user = User.objects.create_user("alice", email="alice@example.org")

    assert user.email_notifications is True
    assert user.discreet_emails is True
    assert user.guidelines_accepted_at is None

"""Names and lines of text people show each other refuse characters that hide
or change what they say: controls, right-to-left overrides and isolates,
zero-width spaces (groups_site.lib.text.refuse_hidden_characters)."""

import pytest
from django.core.exceptions import ValidationError

from accounts.models import User
from groups.models import Group
from groups_site.lib.text import hidden_characters, one_line, refuse_hidden_characters
from tests.accounts.test_profile_edit import post_profile
from tests.conftest import make_place
from tests.groups.test_group_create import URL as GROUP_CREATE_URL
from tests.groups.test_group_create import form_data

HIDDEN = [
    "\u202e",  # right-to-left override
    "\u202a",  # left-to-right embedding
    "\u2066",  # left-to-right isolate
    "\u2069",  # pop directional isolate
    "\u200b",  # zero-width space
    "\u2060",  # word joiner
    "\ufeff",  # byte order mark
    "\u00ad",  # soft hyphen
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\u2028",  # line separator
    "\ue000",  # private use
]


@pytest.mark.parametrize("character", HIDDEN)
def test_it_refuses_hidden_characters(character):
    with pytest.raises(ValidationError) as error:
        refuse_hidden_characters(f"Tuesday{character}Circle")

    assert f"U+{ord(character):04X}" in error.value.messages[0]


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday Circle",
        "Grupo de apoyo: ¿cómo estás?",
        "می\u200cخواهم",  # Persian needs the zero-width non-joiner
        "मित्र\u200dता",  # a zero-width joiner between letters
        "👩\u200d👧 family",  # an emoji sequence
        "Lines\twith\ttabs\nand newlines",  # ordinary whitespace: normalised instead
        "حلقة الدعم",
    ],
)
def test_it_accepts_ordinary_text_in_any_script(text):
    refuse_hidden_characters(text)


def test_it_refuses_a_joiner_with_nothing_to_join():
    assert hidden_characters("\u200dAlice") == ["\u200d"]
    assert hidden_characters("Alice \u200c") == ["\u200c"]


def test_it_keeps_one_line_of_whitespace():
    assert one_line("  Tuesday\t\tEvening\nCircle ") == "Tuesday Evening Circle"


@pytest.fixture
def leeds(db):
    return make_place("Leeds")


@pytest.mark.parametrize("field", ["name", "tagline", "area_description"])
def test_it_refuses_a_group_with_a_right_to_left_override(client, alice, leeds, field):
    client.force_login(alice)

    response = client.post(GROUP_CREATE_URL, form_data(**{field: "Circle\u202eelcriC"}))

    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert "U+202E (right-to-left override)" in errors[0]
    assert not Group.objects.exists()


def test_it_keeps_a_group_name_on_one_line(client, alice, leeds):
    client.force_login(alice)

    client.post(GROUP_CREATE_URL, form_data(name=" Thursday\t Grief\nCircle "))

    assert Group.objects.get().name == "Thursday Grief Circle"


def test_it_refuses_a_display_name_with_a_zero_width_space(client, alice):
    client.force_login(alice)

    response = post_profile(client, display_name="Ali\u200bce")

    assert response.status_code == 200
    assert "U+200B (zero width space)" in str(response.context["form"].errors)
    assert User.objects.get(pk=alice.pk).display_name == "Alice"

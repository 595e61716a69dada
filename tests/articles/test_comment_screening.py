"""articles.comments.screening: personal data, watched words and crisis language
in a comment's text, read without the database."""

import pytest

from articles.comments import screening
from articles.comments.screening import ADDRESS, EMAIL, PHONE

PERSONAL_DATA = [
    # Phone numbers, international and national forms of the demo's countries.
    ("Text me on +44 7700 900123 any time", PHONE),
    ("my mobile is 07700 900123", PHONE),
    ("ring 020 7946 0958 after six", PHONE),
    ("0044 113 496 0000", PHONE),
    ("Call (312) 555-0142 tonight", PHONE),
    ("my cell 312-555-0142", PHONE),
    ("512.555.0199", PHONE),
    ("+1 416 555 0123", PHONE),
    ("Irish mobile 087 123 4567", PHONE),
    ("+353 1 234 5678", PHONE),
    ("Sydney: 0412 345 678", PHONE),
    ("+61 2 9876 5432", PHONE),
    ("México: 55 1234 5678", PHONE),
    ("+52 55 1234 5678", PHONE),
    ("mi móvil es 612 345 678", PHONE),
    ("+34 612 34 56 78", PHONE),
    ("WhatsApp +91 98765 43210", PHONE),
    ("Nairobi 0712 345678", PHONE),
    ("+254 712 345 678", PHONE),
    ("Joburg 082 123 4567", PHONE),
    ("+27 82 123 4567", PHONE),
    ("Lagos 0803 123 4567", PHONE),
    ("São Paulo (11) 91234-5678", PHONE),
    ("Paris 06 12 34 56 78", PHONE),
    ("Berlin 0151 23456789", PHONE),
    ("07700900123", PHONE),
    # E-mail addresses.
    ("write to sue.m+help@example.org please", EMAIL),
    ("maria_lopez@correo.com.mx", EMAIL),
    ("sue dot m at gmail dot com", EMAIL),
    ("sue (at) example (dot) org", EMAIL),
    # Street addresses.
    ("I live at 12 Oak Street now", ADDRESS),
    ("come to 12 oak street", ADDRESS),
    ("Flat 3, 27 Quayside Walk", ADDRESS),
    ("Apt 4B is mine", ADDRESS),
    ("vivo en Calle Mayor 5", ADDRESS),
    ("en la calle de Alcalá, 45", ADDRESS),
    ("Av. Insurgentes Sur 1602, CDMX", ADDRESS),
    ("Rua Augusta 123", ADDRESS),
    ("12 rue de Rivoli", ADDRESS),
    ("Hauptstraße 5 in Berlin", ADDRESS),
    ("my postcode is LS1 4AB", ADDRESS),
    ("1600 Pennsylvania Avenue", ADDRESS),
    # What must pass.
    ("The meeting was on 12/03/2025.", ""),
    ("It starts 2025-03-12 at 19:00", ""),
    ("We met 12.03.2025 at 7:30 pm", ""),
    ("Tickets cost £12.50, or $1,200 for the course", ""),
    ("It was 7.30pm by then", ""),
    ("In 1998 I left. Years: 2019 2020 2021", ""),
    ("call me Sue", ""),
    ("I'm 34 and have 3 kids", ""),
    ("step 12 of the workbook", ""),
    ("my third time, the first of many", ""),
    ("the code was 4821", ""),
    ("I walked 5 blocks down the street", ""),
    ("it's a 10 minute walk from the station", ""),
    (
        "see https://kindred.example/articles/finding-your-voice/#comment-12345678901",
        "",
    ),
    ("we're 2 very close friends", ""),
    ("en la calle hace 3 años", ""),
    ("we lived in that apartment 3 years", ""),
    ("thanks @bob for this", ""),
    ("I paid R 1 250 for it", ""),
    ("Between 1,000,000 and 2,500,000 women", ""),
]


@pytest.mark.parametrize(("text", "kind"), PERSONAL_DATA)
def test_it_finds_personal_data_and_lets_the_rest_through(text, kind):
    assert screening.find_personal_data(text) == kind


CRISIS = [
    ("Some days I just want to kill myself", True),
    ("I don't want to be alive any more", True),
    ("I DON’T WANT TO BE ALIVE", True),
    ("thinking about ending my life", True),
    ("he said he is going to kill me", True),
    ("A veces pienso en quitarme la vida", True),
    ("ya no quiero vivir así", True),
    ("Me quiero morir", True),
    ("I feel so much better since the group", False),
    ("This killed me, so funny", False),
    ("the kill switch of my phone", False),
    ("la vida es bella", False),
]


@pytest.mark.parametrize(("text", "is_crisis"), CRISIS)
def test_it_recognises_crisis_language(text, is_crisis):
    assert screening.has_crisis_language(text) is is_crisis


WATCHED = [("idiot", "block"), ("gaslighter", "hold"), ("sick puppy", "flag")]
WORDS = [
    ("You are an idiot", "block"),
    ("You are an IDIOT!", "block"),
    ("You are an 1d10t", "block"),
    ("idiotic, but no", ""),
    ("my ex was a gaslighter", "hold"),
    ("my ex was a Gáslighter", "hold"),
    ("gaslighters everywhere", ""),
    ("what a sick   puppy", "flag"),
    ("a sick, puppy", "flag"),
    ("sick puppyish", ""),
]


@pytest.mark.parametrize(("text", "action"), WORDS)
def test_it_matches_watched_words_on_word_boundaries(text, action):
    result = screening.screen(text, WATCHED)

    if action == "block":
        assert result.blocked_by == "idiot"
    elif action == "hold":
        assert result.held_for == screening.WATCHED_HOLD
        assert result.flags == ("watched word: gaslighter",)
    elif action == "flag":
        assert not result.held_for
        assert result.flags == ("watched word: sick puppy",)
    else:
        assert result == screening.Screening()


def test_it_does_not_read_ordinary_words_by_their_skeleton():
    assert not screening.screen("my burn is healing", [("bum", "block")]).blocked_by


def test_it_flags_crisis_language_and_holds_nothing_for_it():
    result = screening.screen("I want to end my life")

    assert result.is_crisis
    assert result.flags == (screening.CRISIS_FLAG,)
    assert not result.held_for
    assert not result.blocked_by


def test_it_holds_personal_data_with_a_reason_she_can_read():
    result = screening.screen("call me on 07700 900123")

    assert result.hold_message == (
        "Your comment is waiting for a moderator because it seems to contain a "
        "phone number. We hold these to protect you and others."
    )


def test_it_keeps_the_crisis_panel_when_a_watched_word_refuses_the_text():
    result = screening.screen("idiot, I want to kill myself", WATCHED)

    assert result.blocked_by == "idiot"
    assert result.is_crisis

"""What a comment's text says that moderators or she should know about, read
before it is saved: personal data (phone numbers, e-mail addresses, street
addresses), the words moderators watch, and crisis language. Pure functions on
text: no queries (articles.comments.watched keeps the moderators' list).

Personal data covers the formats of the countries the demo groups meet in
(Britain, Ireland, the US and Canada, Mexico, Brazil, France, Germany, Spain,
Kenya, Nigeria, South Africa, India, Australia, New Zealand). It leans towards
letting text through: dates, times, prices, years, counts and short codes (a
4-digit PIN is indistinguishable from a year or a count, so it passes) are not
personal data; a held comment costs her a wait, a missed one a moderator report.

Matching of words and phrases folds accents and case (groups_site.lib.text.fold)
and stops at word boundaries; a word written with look-alike digits or symbols
("1d10t") matches by its skeleton, but ordinary words never do (so "burn" is not
read as "bum")."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from groups_site.lib.text import fold, skeleton

# Personal data ------------------------------------------------------------------

PHONE = "a phone number"
EMAIL = "an e-mail address"
ADDRESS = "a street address"

_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# "name (at) example (dot) com", "name at gmail dot com".
_SPELLED_EMAIL = re.compile(
    r"\b[\w.+-]+\s*(?:\(at\)|\[at\]|\bat\b)\s*[A-Za-z0-9-]+\s*"
    r"(?:\(dot\)|\[dot\]|\bdot\b)\s*(?:com|org|net|co|es|mx|ie|uk|in|ke|za|au)\b",
    re.I,
)
# Taken out before looking for phone numbers, so their digits never join one.
_NOT_PHONES = [
    re.compile(p, re.I)
    for p in (
        r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)",  # 2025-03-12
        r"(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d)",  # 12/03/2025, 12.03.25
        r"(?<!\d)\d{1,2}[:h]\d{2}(?:\s*[ap]\.?m\b\.?)?",  # 19:00, 7:30 pm, 19h30
        r"(?<!\d)\d{1,2}\.\d{2}\s*[ap]\.?m\b\.?",  # 7.30 pm
        r"[£$€₹¥]\s?\d[\d,. ]*\d|\d[\d,.]*\s?(?:€|eur|usd|gbp|mxn|kes|inr|zar)\b",
        r"\b(?:R|Ksh|KES|Rs\.?|MXN|N)\s?\d[\d,. ]*",  # rand, shillings, rupees
    )
]
_PHONE_CANDIDATE = re.compile(r"(?:\+|(?<![\d])00)?\(?\d[\d \t().\-]{5,}\d")
_YEAR = re.compile(r"(?:19|20)\d\d")

# Number-first streets (English, French): "12 Oak Street", "27 Quayside Walk",
# "12 rue de Rivoli". The street name is 1-3 words, none of them a small word that
# says it is a sentence ("5 blocks down the street", "a 10 minute walk").
_STREET_WORDS = (
    r"street|st\.?|road|rd\.?|avenue|ave\.?|lane|ln\.?|drive|close|way|walk|place"
    r"|court|crescent|terrace|grove|gardens|boulevard|blvd\.?|square|hill|row|mews"
    r"|parade|highway|hwy\.?"
)
_NUMBER_FIRST = re.compile(
    rf"(?<![\w.,£$€])(\d{{1,5}}[A-Za-z]?)\s*,?\s+((?:[A-Za-z'’-]+\s+){{1,3}})"
    rf"(?:{_STREET_WORDS})(?![\w'])",
    re.I,
)
_NOT_STREET_NAMES = set(
    """\
    a an the my your her his our their its this that these those of in on at to
    up down from into across along over off by for with and or but so too very
    really quite more less many few times minute minutes min mins hour hours
    second seconds day days week weeks month months year years mile miles km
    metre metres meter meters block blocks step steps way ways other different
    same long short""".split()  # noqa: SIM905 - a word list reads best as text
)
_FRENCH = re.compile(
    r"(?<![\w.,])\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|allée"
    r"|chemin|impasse|quai)\s+\w",
    re.I,
)
# Name-first streets (Spanish, Portuguese, German) and their number: "Calle Mayor
# 5", "Av. Insurgentes Sur 1602", "C/ de Alcalá, 45", "Rua Augusta 123". The name
# starts with a capital letter, so "la calle hace 3 años" passes.
_NAME_FIRST = re.compile(
    r"\b(?i:calle|c/|avenida|avda\.?|av\.|paseo|plaza|pza\.|camino|carretera"
    r"|calzada|privada|cerrada|callejón|ronda|travesía|glorieta|rua|travessa"
    r"|alameda)\s*(?:(?i:de|del|la|las|los|el|da|das|do|dos)\s+)*"
    r"[A-ZÁÉÍÓÚÑÜ][\w'.-]*(?:\s+[\w'.-]+){0,3}?,?\s+(?i:n[º°o]\.?\s*)?\d{1,5}"
    r"[A-Za-z]?\b"
)
_GERMAN = re.compile(
    r"\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|allee|platz|gasse)\s+\d{1,4}"
    r"[a-z]?\b"
)
# "Flat 3", "Apt 4B", "Apartment 12", "Piso 2": capitalised words only, so "that
# apartment 3 years ago" passes.
_UNIT = re.compile(
    r"\b(?:(?i:apt|apto|depto)\.?|Flat|Apartment|Piso|Departamento)\s*#?\d{1,4}"
    r"[A-Za-z]?\b"
)
# British and Canadian postcodes ("LS1 4AB", "M5V 2T6"): a few doors at most.
_POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}|[A-Z]\d[A-Z]\s\d[A-Z]\d)\b"
)


def find_personal_data(text: str) -> str:
    """What kind of personal data the text seems to hold (PHONE, EMAIL, ADDRESS),
    or "" when none."""
    text = text or ""
    without_urls = _URL.sub(" ", text)
    if _EMAIL.search(without_urls) or _SPELLED_EMAIL.search(without_urls):
        return EMAIL
    if _has_phone_number(without_urls):
        return PHONE
    if _has_street_address(without_urls):
        return ADDRESS
    return ""


def _has_phone_number(text: str) -> bool:
    for pattern in _NOT_PHONES:
        text = pattern.sub(" ; ", text)
    for match in _PHONE_CANDIDATE.finditer(text):
        candidate = match.group(0)
        digits = re.sub(r"\D", "", candidate)
        groups = re.findall(r"\d+", candidate)
        if all(len(group) == 4 and _YEAR.fullmatch(group) for group in groups):
            continue  # a list of years: "2019 2020 2021"
        if candidate.startswith(("+", "00")):
            # International: +44 7700 900123, 0044..., +1 (312) 555-0142.
            international = digits[2:] if candidate.startswith("00") else digits
            if 8 <= len(international) <= 15:
                return True
            continue
        # National forms: 10-11 digits (UK, US/Canada, Mexico, India, Kenya, South
        # Africa, Australia, Nigeria, Brazil, France), 9 (Spain, Ireland, NZ),
        # up to 12 (Germany).
        if 9 <= len(digits) <= 12:
            return True
    return False


def _has_street_address(text: str) -> bool:
    for match in _NUMBER_FIRST.finditer(text):
        names = {fold(word) for word in match.group(2).split()}
        if not names & _NOT_STREET_NAMES:
            return True
    return any(
        pattern.search(text)
        for pattern in (_FRENCH, _NAME_FIRST, _GERMAN, _UNIT, _POSTCODE)
    )


# Words and phrases --------------------------------------------------------------

_TOKEN = re.compile(r"[\w@$|!¡]+")
_EDGE_SYMBOLS = "!¡|"


def tokens(text: str) -> list[tuple[str, str]]:
    """The words of a text as (folded, skeleton) pairs. The skeleton is kept only
    for words written with digits or symbols ("" otherwise)."""
    result = []
    for raw in _TOKEN.findall(text or ""):
        word = raw.strip(_EDGE_SYMBOLS)
        if not word:
            continue
        folded = fold(word)
        is_disguised = not folded.isalpha() or not folded.isascii()
        result.append((folded, skeleton(raw) if is_disguised else ""))
    return result


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A watched word or phrase as the folded words it matches."""
    return tuple(folded for folded, _ in tokens(phrase))


class TokenIndex:
    """Where each word of a text stands, by its folded form and (for words
    written with digits or symbols) its skeleton: a phrase is looked up from
    its first word's few places, not by walking the whole text once per phrase
    (comments are screened against dozens of phrases each time they are posted).
    """

    def __init__(self, text_tokens: list[tuple[str, str]]):
        self.tokens = text_tokens
        self.places: dict[str, list[int]] = {}
        for index, (folded, shape) in enumerate(text_tokens):
            self.places.setdefault(folded, []).append(index)
            if shape and shape != folded:
                self.places.setdefault(shape, []).append(index)

    def contains(self, phrase: tuple[str, ...]) -> bool:
        """Whether the words of ``phrase`` (phrase_tokens) follow each other in
        the text, each equal once folded, or a disguised word equal to it by its
        skeleton."""
        if not phrase:
            return False
        wanted = [(word, skeleton(word)) for word in phrase]
        first, first_shape = wanted[0]
        starts = set(self.places.get(first, ())) | set(self.places.get(first_shape, ()))
        size = len(phrase)
        for start in sorted(starts):
            window = self.tokens[start : start + size]
            if len(window) == size and all(
                folded == word or (shape and shape == word_shape)
                for (folded, shape), (word, word_shape) in zip(
                    window, wanted, strict=True
                )
            ):
                return True
        return False


# Crisis language ------------------------------------------------------------------

# Intent to self-harm or suicide, or immediate danger from someone, in English and
# Spanish. It never silences her: it shows her a panel of crisis resources and
# gives moderators a priority flag.
CRISIS_PHRASES = [
    # English
    "kill myself",
    "killing myself",
    "end my life",
    "ending my life",
    "take my own life",
    "take my life",
    "suicide",
    "suicidal",
    "want to die",
    "wanna die",
    "wish i was dead",
    "wish i were dead",
    "better off dead",
    "better off without me",
    "don't want to be alive",
    "dont want to be alive",
    "don't want to live",
    "dont want to live",
    "do not want to live",
    "no reason to live",
    "end it all",
    "hurt myself",
    "hurting myself",
    "harm myself",
    "self harm",
    "cut myself",
    "cutting myself",
    "overdose",
    "going to kill me",
    "gonna kill me",
    "will kill me",
    "threatened to kill me",
    "i'm not safe",
    "i am not safe",
    "not safe at home",
    # Spanish
    "quitarme la vida",
    "acabar con mi vida",
    "matarme",
    "suicidarme",
    "suicidio",
    "me quiero morir",
    "quiero morirme",
    "quiero morir",
    "no quiero vivir",
    "no quiero seguir viviendo",
    "mejor muerta",
    "hacerme daño",
    "lastimarme",
    "cortarme",
    "me va a matar",
    "me quiere matar",
    "amenazó con matarme",
    "no estoy segura",
    "no estoy a salvo",
]
_CRISIS = [phrase_tokens(phrase) for phrase in CRISIS_PHRASES]


def has_crisis_language(text: str) -> bool:
    found = TokenIndex(tokens(text))
    return any(found.contains(phrase) for phrase in _CRISIS)


# All together -----------------------------------------------------------------------

BLOCK = "block"
HOLD = "hold"
FLAG = "flag"


@dataclass(frozen=True)
class Screening:
    """What posting does with a comment's text. ``blocked_by``: the watched word
    that refuses it; ``held_for``: why it waits for a moderator ("a phone
    number"), ``flags``: reasons for moderators' flags; ``is_crisis``: show her
    the crisis panel (and flag it first)."""

    blocked_by: str = ""
    held_for: str = ""
    flags: tuple[str, ...] = ()
    is_crisis: bool = False

    @property
    def hold_message(self) -> str:
        if not self.held_for:
            return ""
        return (
            "Your comment is waiting for a moderator because it seems to contain "
            f"{self.held_for}. We hold these to protect you and others."
        )

    @property
    def block_message(self) -> str:
        return (
            f"Your comment can't be posted: “{self.blocked_by}” isn't allowed "
            "here. Please change it and try again."
        )


CRISIS_FLAG = "crisis language"
WATCHED_HOLD = "a word or phrase our moderators review"


def screen(text: str, watched: Iterable[tuple[str, str]] = ()) -> Screening:
    """Read the text against personal data, crisis language and ``watched``:
    (word or phrase, action) pairs, action BLOCK, HOLD or FLAG."""
    found = TokenIndex(tokens(text))
    held_for = find_personal_data(text)
    flags = []
    is_crisis = any(found.contains(phrase) for phrase in _CRISIS)
    if is_crisis:
        flags.append(CRISIS_FLAG)
    for word, action in watched:
        if not found.contains(phrase_tokens(word)):
            continue
        if action == BLOCK:
            # Refused, but she still sees the crisis panel.
            return Screening(blocked_by=word, is_crisis=is_crisis)
        if action == HOLD:
            held_for = held_for or WATCHED_HOLD
        flags.append(f"watched word: {word}")
    return Screening(held_for=held_for, flags=tuple(flags), is_crisis=is_crisis)

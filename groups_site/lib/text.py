"""Text helpers shared by the apps: accent folding for search, and Markdown-lite
rendered to HTML that is safe to show (sanitized with nh3)."""

import re
import unicodedata

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

# Paragraphs, emphasis, lists, quotes and links; no headings, images, tables or raw
# HTML (markdown-it's "zero" preset escapes HTML, and nh3 cleans what remains).
_markdown = MarkdownIt("zero").enable(
    ["emphasis", "list", "blockquote", "link", "linkify", "newline", "autolink"]
)
_markdown.options["linkify"] = False
_markdown.options["breaks"] = True

ALLOWED_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
LINK_SCHEMES = {"http", "https", "mailto"}


def fold(text: str) -> str:
    """Lower-case ASCII with accents removed: "Zürich" -> "zurich"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().replace("ß", "ss")


# Letters that look alike collapse into one, so "Mоderat0r" (a Cyrillic o and a
# zero) reads as "moderator". Applied to both the name and the reserved words.
_LOOKALIKES = str.maketrans(
    {
        **dict.fromkeys("l1|!¡ıіӏιІΙ", "i"),
        **dict.fromkeys("0οоσ", "o"),
        **dict.fromkeys("4@аα", "a"),
        **dict.fromkeys("3еεё", "e"),
        **dict.fromkeys("5$ѕ", "s"),
        **dict.fromkeys("7тτ", "t"),
        **dict.fromkeys("сϲ", "c"),
        **dict.fromkeys("рρ", "p"),
        **dict.fromkeys("уγ", "y"),
        **dict.fromkeys("хχ", "x"),
        **dict.fromkeys("нһ", "h"),
        **dict.fromkeys("кκ", "k"),
        **dict.fromkeys("мμ", "m"),
        **dict.fromkeys("вβ8", "b"),
        **dict.fromkeys("ԁ", "d"),
        **dict.fromkeys("νѵ", "v"),
        **dict.fromkeys("ј", "j"),
        **dict.fromkeys("ɡ9", "g"),
        **dict.fromkeys("ո", "n"),
    }
)


def skeleton(text: str) -> str:
    """What a name looks like, ignoring case, accents, spacing, punctuation and
    look-alike letters: "  Anon-y-m0us  Mémber " -> "anonymousmember"."""
    text = fold(unicodedata.normalize("NFKC", text or "")).translate(_LOOKALIKES)
    text = text.replace("rn", "m").replace("vv", "w")
    return "".join(ch for ch in text if "a" <= ch <= "z")


def render_markdown_lite(text: str) -> str:
    """Markdown-lite to sanitized HTML. Links get rel="nofollow ugc noopener"."""
    html = _markdown.render(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel="nofollow ugc noopener noreferrer",
    )


# Editorial Markdown for articles: the lite set plus sub-headings and tables.
_article_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")
ARTICLE_TAGS = ALLOWED_TAGS | {
    "h2",
    "h3",
    "h4",
    "hr",
    "code",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


def render_markdown_article(text: str) -> str:
    """Article Markdown to sanitized HTML. Raw HTML is escaped, images are dropped
    (pages load nothing from elsewhere), and links open without a referrer."""
    html = _article_markdown.render(text or "")
    return nh3.clean(
        html,
        tags=ARTICLE_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer",
    )


# An @mention: "@" not preceded by a word character, "/" or "@" (so e-mail addresses
# and URLs such as https://example.org/@name are left alone), then a username.
MENTION_RE = re.compile(r"(?<![\w/@])@([A-Za-z0-9_-]{1,30})")


def render_comment(text: str, mention_links: dict[str, str]) -> str:
    """A comment: Markdown-lite (as render_markdown_lite) where each @username whose
    lower-cased name is a key of ``mention_links`` becomes a link to its URL, with
    class="mention". Mentions inside a link's text stay plain text."""
    tokens = _markdown.parse(text or "")
    for token in tokens:
        if token.type == "inline" and token.children:
            token.children = _link_mentions(token.children, mention_links)
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes={"a": {"mention"}},
        url_schemes=LINK_SCHEMES,
        link_rel="nofollow ugc noopener noreferrer",
    )


def _link_mentions(children: list[Token], mention_links: dict[str, str]):
    result = []
    inside_link = 0
    for child in children:
        if child.type == "link_open":
            inside_link += 1
        elif child.type == "link_close":
            inside_link -= 1
        if child.type != "text" or inside_link or "@" not in child.content:
            result.append(child)
            continue
        position = 0
        for match in MENTION_RE.finditer(child.content):
            url = mention_links.get(match.group(1).lower())
            if url is None:
                continue
            if match.start() > position:
                result.append(_text(child.content[position : match.start()]))
            link = Token("link_open", "a", 1)
            link.attrs = {"href": url, "class": "mention"}
            result += [link, _text(match.group(0)), Token("link_close", "a", -1)]
            position = match.end()
        if position < len(child.content):
            result.append(_text(child.content[position:]))
    return result


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


# The largest id or page number a query string may carry: a PostgreSQL integer.
MAX_QUERY_INT = 2**31 - 1


def positive_int(value) -> int | None:
    """A positive whole number typed in a query string or form ("3"), or None.
    Only ASCII digits count: "²" and "٣" pass str.isdigit(), and a number past
    MAX_QUERY_INT would overflow the database's integer columns."""
    text = str(value or "")
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 0 < number <= MAX_QUERY_INT else None


# Characters a name or a line of text must not hide: controls (Cc) other than
# ordinary whitespace, format characters (Cf: the bidi overrides and isolates
# U+202A-U+202E and U+2066-U+2069, zero-width spaces, the BOM, soft hyphens...),
# line and paragraph separators and private-use characters. A right-to-left
# override makes "Circle" show as "elcriC", and invisible ones let a name pass
# for another. Zero-width (non-)joiners stay allowed between two visible
# characters: Persian and Indic words and emoji sequences need them.
HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs"}
ORDINARY_WHITESPACE = {"\t", "\n", "\r"}
JOINERS = {"\u200c", "\u200d"}
HIDDEN_CHARACTER_MESSAGE = (
    "Please remove the hidden or control character %(character)s: it can make "
    "text show differently from what it says."
)


def hidden_characters(text: str) -> list[str]:
    """The characters of ``text`` that show nothing or change how the rest
    shows (see HIDDEN_CATEGORIES), in order, each once."""
    found = []
    for index, character in enumerate(text or ""):
        if character in ORDINARY_WHITESPACE:
            continue
        if character in JOINERS and _between_visible(text, index):
            continue
        hidden = unicodedata.category(character) in HIDDEN_CATEGORIES
        if hidden and character not in found:
            found.append(character)
    return found


def _between_visible(text: str, index: int) -> bool:
    def visible(position: int) -> bool:
        if not 0 <= position < len(text):
            return False
        character = text[position]
        return not (
            character.isspace() or unicodedata.category(character) in HIDDEN_CATEGORIES
        )

    return visible(index - 1) and visible(index + 1)


def refuse_hidden_characters(text: str) -> None:
    """A validator for every name and line of text people show each other
    (display names, group names and taglines...)."""
    from django.core.exceptions import ValidationError

    found = hidden_characters(text)
    if found:
        character = found[0]
        name = unicodedata.name(character, "a control character")
        raise ValidationError(
            HIDDEN_CHARACTER_MESSAGE,
            code="hidden_character",
            params={"character": f"U+{ord(character):04X} ({name.lower()})"},
        )


def one_line(text: str) -> str:
    """Runs of whitespace (tabs, newlines, several spaces) as one space, and
    none at either end: how a name or tagline is kept."""
    return " ".join((text or "").split())

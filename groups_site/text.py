"""Text helpers shared by the apps: accent folding for search, and Markdown-lite
rendered to HTML that is safe to show (sanitized with nh3)."""

import unicodedata

import nh3
from markdown_it import MarkdownIt

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

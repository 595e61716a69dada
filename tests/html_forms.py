"""The forms a page shows, read from its HTML with the standard library's
html.parser: what a browser would submit (tests/test_form_fuzz.py)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, select, checkbox, radio, hidden, file, number...
    value: str = ""
    options: list[str] = field(default_factory=list)
    multiple: bool = False


@dataclass
class Form:
    method: str
    action: str
    fields: dict[str, Field] = field(default_factory=dict)
    multipart: bool = False

    def add(self, name: str, kind: str, value: str = "", checked: bool = True):
        existing = self.fields.get(name)
        if kind in ("checkbox", "radio"):
            if existing is None:
                existing = self.fields[name] = Field(name, kind)
            existing.options.append(value or "on")
            existing.multiple = existing.multiple or kind == "checkbox"
            if checked:
                existing.value = value or "on"
        elif existing is None:
            self.fields[name] = Field(name, kind, value)

    def initial_data(self) -> dict:
        """What submitting the form untouched sends (CSRF token left out)."""
        data = {}
        for name, item in self.fields.items():
            if name == "csrfmiddlewaretoken" or item.kind == "file":
                continue
            if item.kind in ("checkbox", "radio") and not item.value:
                continue
            data[name] = item.value
        return data


class _FormParser(HTMLParser):
    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {key: value or "" for key, value in attrs}
        if tag == "a" and attributes.get("href"):
            self.links.append(urljoin(self.page_url, attributes["href"]))
        if tag == "form":
            action = urljoin(self.page_url, attributes.get("action") or self.page_url)
            self._form = Form(
                method=(attributes.get("method") or "get").lower(),
                action=action,
                multipart="multipart" in attributes.get("enctype", ""),
            )
            self.forms.append(self._form)
            return
        if self._form is None or not attributes.get("name"):
            return
        name = attributes["name"]
        if tag == "input":
            kind = attributes.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset"):
                if kind == "submit":
                    self._form.add(name, "submit", attributes.get("value", ""))
                return
            self._form.add(
                name, kind, attributes.get("value", ""), checked="checked" in attributes
            )
        elif tag == "button" and attributes.get("type", "submit") == "submit":
            self._form.add(name, "submit", attributes.get("value", ""))
        elif tag == "select":
            self._select = Field(name, "select", multiple="multiple" in attributes)
            self._form.fields[name] = self._select
        elif tag == "option" and self._select is not None:
            value = attributes.get("value", "")
            self._select.options.append(value)
            if "selected" in attributes or not self._select.value:
                self._select.value = value
        elif tag == "textarea":
            self._textarea = name
            self._text = []

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self._form:
            self._form.add(self._textarea, "textarea", "".join(self._text))
            self._textarea = None


def read_page(page_url: str, html: str) -> tuple[list[Form], list[str]]:
    """The forms and the links of a page, with absolute-path addresses."""
    parser = _FormParser("http://testserver" + page_url)
    parser.feed(html)
    for form in parser.forms:
        form.action = _path(form.action)
    return parser.forms, [_path(link) for link in parser.links]


def _path(url: str) -> str:
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver"):
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")


def query_names(url: str) -> set[str]:
    return {name for name, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True)}

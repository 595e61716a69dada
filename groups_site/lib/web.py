"""What pages and feeds tell other machines: the site's absolute addresses, and
JSON that is safe inside a <script> block (schema.org JSON-LD)."""

import hashlib
import json
from urllib.parse import urlencode

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.http import url_has_allowed_host_and_scheme

# Inside <script>, "</script>" or "<!--" in a string would end or change the block;
# JSON allows these characters escaped, and parsers read them back unchanged.
SCRIPT_SAFE = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    ord("\u2028"): "\\u2028",
    ord("\u2029"): "\\u2029",
}


def script_json(data) -> str:
    """``data`` as JSON to place inside <script type="application/ld+json">. The
    caller marks it safe: nothing in it can close or change the block."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return text.translate(SCRIPT_SAFE)


def absolute_url(path: str, scheme: str | None = None) -> str:
    """The site's canonical address for ``path``: the domain from settings (never
    a request's Host header); the scheme given (a request's), else the one the
    site's e-mails use (https in production)."""
    if path.startswith(("http://", "https://")):
        return path
    scheme = scheme or settings.ACCOUNT_DEFAULT_HTTP_PROTOCOL
    return f"{scheme}://{settings.SITE_DOMAIN}{path}"


def site_host() -> str:
    """The site's host name, without a port: for identifiers such as calendar
    UIDs (meeting-...@kindred.example)."""
    return settings.SITE_DOMAIN.split(":")[0]


def local_url(url: str, *, host: str, https: bool) -> str:
    """``url`` when it is a path on this site ("/groups/..."), else "": where a
    form's or a query's "next" may send her. Another site's address, a scheme,
    and a bare word (which redirect() would look up as a view name, "²" was a
    server error) all give ""."""
    url = url or ""
    if not url.startswith("/") or url.startswith("//"):
        return ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={host}, require_https=https):
        return url
    return ""


def query_digest(pairs) -> str:
    """A digest of query parameters, as (name, [values]) pairs, for a cache key:
    the order of names and of each name's values does not matter (day=1&day=3 and
    day=3&day=1 are the same search)."""
    query = urlencode(
        sorted((name, sorted(values)) for name, values in pairs), doseq=True
    )
    return hashlib.sha256(query.encode()).hexdigest()

"""Whatever is typed into any form or query string, the answer is never a
server error. The forms are found, not listed: every page of the access table
(tests/test_access_policy.py) is opened as each person who may open it, and
each <form> on it is read (tests/html_forms.py), so a new form or field is
fuzzed without touching this file. hypothesis fills every field with malformed
and hostile values: controls, NUL, bidi overrides, odd digits, huge numbers,
empty and very long values, several values for one field, junk files.

Each run tries FUZZ_EXAMPLES forms and as many pages (kept small so the suite
stays fast); set KINDRED_FUZZ_EXAMPLES=2000 for a long hunt."""

import os
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.html_forms import query_names, read_page
from tests.site_world import ROLES
from tests.test_access_policy import ACCESS, parameters

ODD_VALUES = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\u202eevil",
    "\u200b",
    "\ufeff",
    "\r\n",
    "²",
    "٣",
    "３",
    "9" * 30,
    "-1",
    "0",
    "1e-200",
    "-1e308",
    "nan",
    "inf",
    "x" * 5000,
    "2026-02-30",
    "25:61",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "javascript:alert(1)",
    "%00",
    "@" * 40,
    "00000000-0000-0000-0000-000000000000",
]
HOSTILE = st.one_of(
    st.sampled_from(ODD_VALUES),
    # Any text but lone surrogates (which no request can carry).
    st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats().map(repr),
)
FUZZ_EXAMPLES = int(os.environ.get("KINDRED_FUZZ_EXAMPLES", "120"))
# Query parameters the views read by hand (request.GET.get("...")), found in
# the source so a new one is fuzzed too.
SOURCE = Path(__file__).resolve().parent.parent
READ_BY_HAND = sorted(
    {
        name
        for package in ["accounts", "articles", "groups", "groups_site"]
        for path in (SOURCE / package).rglob("*.py")
        for name in re.findall(r"request\.GET\.get\(\s*\"(\w+)\"", path.read_text())
    }
)


def client_for(world, role):
    client = Client()  # a server error raises in the test, with its traceback
    if user := world.user(role):
        client.force_login(user)
    return client


# Who to open a page as: forms differ between a visitor, a stranger and a
# member (join, leave, RSVP, report...); organizers' and moderators' forms are
# on their own pages, which only they may open.
LOOKERS = ["anonymous", "stranger", "member"]
# Same-page links with other queries (tabs, filters) opened too, per page.
MORE_VIEWS = 6


def lookers(expected) -> list[str]:
    allowed = [role for role, want in zip(ROLES, expected, strict=True) if want == 200]
    return [role for role in allowed if role in LOOKERS] or allowed[:1]


@pytest.fixture(scope="module")
def site_forms(site_world, django_db_blocker):
    """Every page of the site opened as who may open it: the forms that post
    (one per view and set of fields, with who sees it) and, per page, the query
    parameters it takes (its GET forms' fields, its links' queries)."""
    values = parameters(site_world)
    post_forms, get_pages = {}, {}

    def read(url, role):
        response = client_for(site_world, role).get(url)
        path = url.partition("?")[0]
        get_pages.setdefault(path, (role, set()))
        if "html" not in response.get("Content-Type", ""):
            return []
        forms, links = read_page(url, response.content.decode())
        for form in forms:
            action = form.action.partition("?")[0]
            if form.method == "post" and action:
                key = (resolve(action).view_name, tuple(sorted(form.fields)))
                post_forms.setdefault(key, (role, form))
            elif action:
                get_pages.setdefault(action, (role, set()))[1].update(form.fields)
        same_page = [link for link in links if link.partition("?")[0] == path]
        for link in same_page:
            get_pages[path][1].update(query_names(link))
        return [link for link in same_page if "?" in link]

    with django_db_blocker.unblock():
        for path, expected in ACCESS.values():
            url = path.format(**values)
            if not (roles := lookers(expected)):
                continue
            first, *others = roles
            for link in sorted(set(read(url, first)))[:MORE_VIEWS]:
                read(link, first)
            for role in others:
                read(url, role)
    return SiteForms(list(post_forms.values()), sorted(get_pages.items()))


class SiteForms(tuple):
    """(post forms, GET pages), shown briefly when hypothesis reports a failure
    (it prints the test's arguments; the example's draws say which form)."""

    def __new__(cls, post_forms, get_pages):
        return super().__new__(cls, (post_forms, get_pages))

    def __repr__(self):
        return f"SiteForms({len(self[0])} forms, {len(self[1])} pages)"


def field_values(form_field):
    """What hypothesis may put in one field: its own value, a hostile one,
    several values, or nothing at all."""
    own = st.just(form_field.value)
    if form_field.kind == "submit":
        return own
    if form_field.kind == "file":
        return st.one_of(
            st.none(),
            st.binary(max_size=200).map(
                lambda data: SimpleUploadedFile("photo.jpg", data, "image/jpeg")
            ),
        )
    choices = [option for option in form_field.options if option]
    single = (
        st.one_of(own, st.sampled_from(choices), HOSTILE)
        if choices
        else st.one_of(own, HOSTILE)
    )
    return st.one_of(st.none(), single, st.lists(single, min_size=2, max_size=3))


def run_isolated(call):
    """One example in its own savepoint, rolled back, with fresh rate limits."""
    cache.clear()
    with transaction.atomic():
        response = call()
        transaction.set_rollback(True)
    return response


def test_it_finds_the_forms_of_the_site(db, site_forms):
    post_forms, get_pages = site_forms
    actions = {form.action for _, form in post_forms}

    assert len(post_forms) > 40
    for action in ["/groups/new/", "/accounts/signup/", "/accounts/profile/"]:
        assert action in actions
    assert "radius" in dict(get_pages)["/groups/"][1]


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(st.data())
def test_no_form_answers_a_server_error(db, site_world, site_forms, data):
    post_forms, _ = site_forms
    role, form = data.draw(st.sampled_from(post_forms), label="form")
    values = {}
    for name, form_field in form.fields.items():
        if name == "csrfmiddlewaretoken":
            continue
        value = data.draw(field_values(form_field), label=name)
        if value is not None:
            values[name] = value
    client = client_for(site_world, role)

    response = run_isolated(lambda: client.post(form.action, values))

    assert response.status_code < 500


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(st.data())
def test_no_page_answers_a_server_error_whatever_its_query(
    db, site_world, site_forms, data
):
    _, get_pages = site_forms
    url, (role, names) = data.draw(st.sampled_from(get_pages), label="page")
    names = sorted(names | set(READ_BY_HAND))
    chosen = data.draw(st.lists(st.sampled_from(names), max_size=4, unique=True))
    query = {
        name: data.draw(
            st.one_of(HOSTILE, st.lists(HOSTILE, min_size=2, max_size=3)), label=name
        )
        for name in chosen
    }
    client = client_for(site_world, role)
    path, _, fixed = url.partition("?")
    if fixed:
        query = {**dict(pair.split("=", 1) for pair in fixed.split("&")), **query}

    response = run_isolated(lambda: client.get(path, query))

    assert response.status_code < 500

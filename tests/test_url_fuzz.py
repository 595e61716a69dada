"""Whatever is typed into a URL's parameters, the answer is never a server error
(issue 8: a NUL byte in /u/<username>/ was a 500)."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

# NUL, overlong, broken UTF-8, a number past bigint, right-to-left override.
FUZZ_VALUES = ["%00", "maya%00", "a" * 3000, "%ff%fe%fd", "9" * 30, "%E2%80%AE"]
PARAMETER = re.compile(r"<(?:\w+:)?\w+>")


def routes(patterns=None, prefix=""):
    """Every path() route of the site with parameters, as a template string."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = getattr(entry.pattern, "_route", None)
        if route is None:  # a regex pattern (none of ours take parameters)
            continue
        if isinstance(entry, URLResolver):
            yield from routes(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern) and PARAMETER.search(route):
            yield "/" + prefix + route


@pytest.fixture
def stranger_client(charlie):
    client = Client(raise_request_exception=False)
    client.force_login(charlie)
    return client


def test_it_has_routes_to_fuzz():
    found = list(routes())
    assert "/u/<str:username>/" in found
    assert len(found) > 20


def test_it_never_gives_a_server_error_for_any_url_parameter(stranger_client, group):
    failures = []
    for route in routes():
        for value in FUZZ_VALUES:
            url = PARAMETER.sub(value, route)
            for method in (stranger_client.get, stranger_client.post):
                status = method(url).status_code
                if status >= 500:
                    failures.append((method.__name__, url[:80], status))
    assert not failures


@pytest.mark.parametrize(
    "path", ["/u/%00/", "/u/maya%00/", "/groups/%00/", "/articles/a%00b/"]
)
def test_it_answers_not_found_for_a_nul_in_the_path(client, db, path):
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404


# Query strings and form values that look like numbers to str.isdigit() or
# float() but break int() or the database: a superscript two, an Arabic-Indic
# three, a number past a PostgreSQL integer, and coordinates that underflow.
ODD_NUMBERS = ["²", "٣", "9" * 30, "-1", "0"]


@pytest.mark.parametrize("value", ODD_NUMBERS)
def test_it_reads_odd_page_numbers_as_the_first_page(
    value, client, stranger_client, article, group, moderator
):
    moderators = Client(raise_request_exception=False)
    moderators.force_login(moderator)
    pages = [
        (client, article.get_absolute_url()),
        (client, "/groups/"),
        (client, "/articles/"),
        (stranger_client, "/meetings/"),
        (stranger_client, "/notifications/"),
        (moderators, "/moderation/"),
        (moderators, "/moderation/log/"),
    ]
    for visitor, path in pages:
        assert visitor.get(path, {"page": value}).status_code == 200, path


@pytest.mark.parametrize("value", ODD_NUMBERS)
def test_it_refuses_an_odd_parent_without_a_server_error(
    value, stranger_client, article
):
    response = stranger_client.post(
        f"{article.get_absolute_url()}comments/",
        {"body": "Thank you for this.", "parent": value},
    )

    assert response.status_code < 500


@pytest.mark.parametrize(
    "query",
    [
        {"lat": "51.5", "lon": "1e-200"},
        {"lat": "1e-300", "lon": "-1e-300", "radius": "10"},
        {"lat": "51.5", "lon": "-0.12", "radius": "1e-300"},
        {"lat": "nan", "lon": "inf"},
    ],
)
def test_it_searches_odd_coordinates_without_a_server_error(client, group, query):
    assert client.get("/groups/", query).status_code == 200


# A "next" that is not a path on this site: a bare word (redirect() would look
# it up as a view name: "²" was a server error), another site, a scheme.
ODD_NEXT = [
    "²",
    "home-page",
    "//evil.example/",
    "https://evil.example/",
    "javascript:x",
]


@pytest.mark.parametrize("next_url", ODD_NEXT)
def test_it_ignores_a_next_that_is_not_a_path_here(next_url, client, bob, group):
    from tests.conftest import make_meeting

    meeting = make_meeting(group)
    client.force_login(bob)
    answers = [
        client.post(
            f"{meeting.get_absolute_url()}rsvp/", {"going": "yes", "next": next_url}
        ),
        client.post("/u/charlie/block/", {"next": next_url}),
        client.post(
            "/accounts/guidelines/accept/",
            {"agree_to_guidelines": "on", "next": next_url},
        ),
    ]

    for response in answers:
        assert response.status_code in (302, 404)
        assert response.get("Location", "/").startswith("/")
        assert not response.get("Location", "/").startswith("//")


def test_it_follows_a_next_that_is_a_path_here(client, bob, group):
    client.force_login(bob)

    response = client.post(
        "/accounts/guidelines/accept/",
        {"agree_to_guidelines": "on", "next": "/articles/"},
    )

    assert response["Location"] == "/articles/"


@pytest.mark.parametrize("query", [{"action": "\x00"}, {"moderator": "mo\x00"}])
def test_it_filters_the_audit_log_by_a_nul_without_a_server_error(moderator, query):
    moderators = Client()
    moderators.force_login(moderator)

    assert moderators.get("/moderation/log/", query).status_code == 200


def test_it_takes_a_moderators_reason_with_a_nul_without_a_server_error(
    moderator, article, bob, group
):
    from tests.articles.comment_factory import make_comment

    moderators = Client()
    moderators.force_login(moderator)
    comment = make_comment(article, bob, body="A remark")

    hidden = moderators.post(
        f"/moderation/comments/{comment.pk}/hide/", {"reason": "rude\x00"}
    )
    assigned = moderators.post(
        f"/moderation/groups/{group.pk}/assign/",
        {"username": "bob\x00", "reason": "\x00"},
    )

    assert hidden.status_code == assigned.status_code == 302

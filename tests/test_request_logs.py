"""Every response carries a request id, every log line written while it ran says
the same id, and the logs hold no private link, query string or cookie."""

import io
import json
import logging

import pytest
from django.test import Client

from groups_site import logs


@pytest.fixture
def request_lines(caplog):
    caplog.set_level(logging.INFO, logger="kindred.request")

    def lines():
        return [r for r in caplog.records if r.name == "kindred.request"]

    return lines


@pytest.fixture
def json_lines():
    """What the production handler writes for the given logger, parsed."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(logs.RequestIdFilter())
    handler.setFormatter(logs.JsonFormatter())
    attached = []

    def attach(name):
        logging.getLogger(name).addHandler(handler)
        attached.append(name)

    def read():
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    attach.read = read
    yield attach
    for name in attached:
        logging.getLogger(name).removeHandler(handler)


def test_it_gives_each_response_a_request_id_and_logs_the_request_with_it(
    client, db, request_lines
):
    first = client.get("/about/")
    second = client.get("/about/")

    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]
    line = request_lines()[0]
    assert line.request_id == first["X-Request-ID"]
    assert (line.method, line.path, line.status) == ("GET", "/about/", 200)
    assert line.duration_ms >= 0


def test_it_keeps_the_proxys_request_id_when_it_looks_like_one(client, db):
    response = client.get("/about/", headers={"X-Request-ID": "edge-42-aBcDeF"})

    assert response["X-Request-ID"] == "edge-42-aBcDeF"


@pytest.mark.parametrize(
    "sent", ["short", "x" * 65, "has space in it", "new\nline-here", "<script>x1"]
)
def test_it_replaces_a_request_id_that_does_not_look_like_one(client, db, sent):
    response = client.get("/about/", headers={"X-Request-ID": sent})

    assert response["X-Request-ID"] != sent
    assert len(response["X-Request-ID"]) == 32


def test_it_gives_static_files_and_redirects_a_request_id_too(client, db):
    assert client.get("/static/css/base.css")["X-Request-ID"]
    assert client.get("/about")["X-Request-ID"]


def test_it_logs_the_url_pattern_never_the_address_or_query(
    client, alice, request_lines
):
    client.get(f"/u/{alice.username}/")
    client.get("/groups/?near=Leeds&q=grief")
    client.get("/accounts/password/reset/key/1a-set-password-secretkey/")

    paths = [line.path for line in request_lines()]
    assert paths[0] == "/u/<str:username>/"
    assert paths[1] == "/groups/"
    text = " ".join(line.getMessage() for line in request_lines())
    assert alice.username not in text
    assert "Leeds" not in text and "grief" not in text
    assert "secretkey" not in text


def test_it_logs_an_unmatched_address_as_a_dash(client, db, request_lines):
    client.get("/groups-private-token-1234/")

    assert request_lines()[0].path == "-"
    assert request_lines()[0].status == 404


def test_log_lines_written_during_a_request_carry_its_id(db, json_lines):
    json_lines("django.security.csrf")
    client = Client(enforce_csrf_checks=True)

    response = client.post("/accounts/login/", {"login": "someone"})

    assert response.status_code == 403
    [line] = json_lines.read()
    assert line["logger"] == "django.security.csrf"
    assert line["level"] == "WARNING"
    assert line["request_id"] == response["X-Request-ID"]


def test_it_writes_one_json_object_per_line_with_the_request_fields(json_lines):
    json_lines("kindred.test")
    token = logs.request_id.set("abcdef12-3456")
    try:
        logging.getLogger("kindred.test").warning(
            "two\nlines",
            extra={
                "method": "GET",
                "path": "/about/",
                "status": 200,
                "duration_ms": 1.5,
                # Django attaches the request (cookies, headers...): never written.
                "request": object(),
            },
        )
        try:
            raise ValueError("broken")
        except ValueError:
            logging.getLogger("kindred.test").exception("failed")
    finally:
        logs.request_id.reset(token)

    first, second = json_lines.read()
    assert set(first) == {
        "time",
        "level",
        "logger",
        "message",
        "request_id",
        "method",
        "path",
        "status",
        "duration_ms",
    }
    assert first["message"] == "two\nlines"
    assert first["request_id"] == "abcdef12-3456"
    assert first["time"].endswith("+00:00")
    assert (first["status"], first["duration_ms"]) == (200, 1.5)
    assert second["level"] == "ERROR"
    assert "ValueError: broken" in second["exception"]


def test_it_leaves_the_request_id_out_of_lines_outside_a_request(json_lines):
    json_lines("kindred.test")

    logging.getLogger("kindred.test").warning("starting")

    assert "request_id" not in json_lines.read()[0]

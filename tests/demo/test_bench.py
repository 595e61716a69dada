"""The pieces of `make bench` that decide what it reports: its private Redis, the
queries counted per page, and the verdict line."""

import importlib.util
import json
import shutil
import socket
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from groups_site.demo.management.commands.bench_data import signed_in_session
from tests.conftest import make_group, make_user

RUN_PY = Path(__file__).resolve().parents[2] / "bench" / "run.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_run", RUN_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wrk_result(rps, p99=5.0, errors=0, requests=1000):
    return {"rps": rps, "p50": 1.0, "p99": p99, "errors": errors, "requests": requests}


REPLIES_FLAT = {
    "bench-posting-10": {"comments": 10, "median_ms": 10.0, "p99_ms": 20.0},
    "bench-posting-10000": {"comments": 10_000, "median_ms": 11.0, "p99_ms": 22.0},
}


def test_the_verdict_passes_when_every_target_is_met(bench):
    pages = bench.pages_to_measure()
    results = {page["name"]: wrk_result(1000.0) for page in pages}
    results["bare Django view"] = wrk_result(1000.0)

    line = bench.verdict(results, pages, REPLIES_FLAT)

    assert line.startswith("verdict: PASS; met ")
    assert "missed" not in line
    assert "reply growth x1.10/x1.5 (-0.40)" in line


def test_the_verdict_says_which_targets_are_missed_and_by_how_much(bench):
    pages = bench.pages_to_measure()
    results = {page["name"]: wrk_result(1000.0) for page in pages}
    results["home"] = wrk_result(550.0)
    results["search near, uncached"] = wrk_result(100.0, errors=3)
    results["  200, signed in"] = wrk_result(500.0, p99=80.0)
    results["  1000, signed in"] = wrk_result(0.0, requests=0)
    growing = {
        **REPLIES_FLAT,
        "bench-posting-10000": {"comments": 10_000, "median_ms": 30.0},
    }

    line = bench.verdict(results, pages, growing)

    missed = line.split("; met ")[0]
    assert missed.startswith("verdict: FAIL 6 of ")
    assert "home 0.55/0.6 (-0.05)" in missed
    assert "search near, uncached 0.10/0.15 (-0.05)" in missed
    assert "search near, uncached 3 errors" in missed
    assert "200, signed in p99 80/50 ms (+30 ms)" in missed
    assert "1000, signed in no request done" in missed
    assert "reply growth x3.00/x1.5 (+1.50)" in missed
    # What was met is listed too.
    assert "200, signed in 0.50/0.15 (+0.35)" in line.split("; met ")[1]


def test_it_uses_redis_url_when_set(bench, monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6390/3")

    process, url, label = bench.start_redis()

    assert (process, url) == (None, "redis://127.0.0.1:6390/3")
    assert label == "Redis at REDIS_URL"


def test_without_redis_server_it_says_it_uses_local_memory(bench, monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setattr(bench.shutil, "which", lambda name: None)

    process, url, label = bench.start_redis()

    assert (process, url) == (None, "")
    assert label.startswith("local memory")


def test_it_starts_a_private_redis_and_stops_it(bench, monkeypatch):
    """Never the shared server on 6379: its own, on a free loopback port."""
    monkeypatch.delenv("REDIS_URL", raising=False)
    process, url, label = bench.start_redis()
    if not shutil.which("redis-server"):  # then it falls back, as the test above
        assert process is None and label.startswith("local memory")
        return
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    try:
        assert url.startswith("redis://127.0.0.1:") and port != 6379
        assert label == f"private redis-server on :{port}"
        with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            assert sock.recv(16).startswith(b"+PONG")
    finally:
        bench.stop(process)
    assert process.poll() is not None
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_it_counts_the_queries_of_each_page_signed_out_and_in(db, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    reader = make_user("reader")
    group = make_group(organizer=reader)
    pages = {
        "search": ["/groups/?near=Leeds&radius=50", ""],
        "group page, organizer": [group.get_absolute_url(), ""],
    }
    pages["group page, organizer"][1] = signed_in_session(reader)
    out = StringIO()

    call_command("bench_data", "--count-queries", json.dumps(pages), stdout=out)

    counts = json.loads(out.getvalue())
    assert set(counts) == set(pages)
    assert all(isinstance(n, int) and n > 0 for n in counts.values())
    # Signed in costs at least her session and her account.
    assert counts["group page, organizer"] >= 2

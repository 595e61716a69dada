"""`make bench`: serve Kindred with gunicorn on loopback, load it with wrk, and
compare each page with a bare Django view served by the same server in the same run.
Article pages with long discussions are measured anonymous and signed in (wrk sends
the session cookie of a bench reader), and posting a reply is timed through the
service in a 10-comment and a 10,000-comment discussion (it must not grow). Group
searches by meeting day, time and next meeting, a group page with its meetings
(signed out and as a member) and the reader's /meetings/ are measured too, and the
RSVP race is timed: 20 members answering one 5-seat meeting at the same moment,
each on her own connection, exactly 5 going afterwards.

It uses its own database (kindred_bench) on the configured server, or on the
embedded PostgreSQL when DATABASE_URL is unset, so your development data is safe.
Environment: BENCH_DURATION (seconds per page, default 10), BENCH_CONNECTIONS
(default 8), BENCH_WORKERS (gunicorn workers, default 2), BENCH_GROUPS (10000),
BENCH_REPLIES (replies timed per discussion, default 100), BENCH_RACES (rounds of
the RSVP race, default 20).
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlparse, urlunparse

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
GROUPS = int(os.environ.get("BENCH_GROUPS", "10000"))
REPLIES = int(os.environ.get("BENCH_REPLIES", "100"))
RACES = int(os.environ.get("BENCH_RACES", "20"))
DB_NAME = "kindred_bench"
SIGNED_IN_MARK = 'action="/accounts/logout/"'


def bench_database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        parts = urlparse(url)
        return urlunparse(parts._replace(path=f"/{DB_NAME}"))
    sys.path.insert(0, str(BASE_DIR))
    from groups_site.lib.devdb import database_settings

    db = database_settings(BASE_DIR)
    host = quote(db["HOST"], safe="")
    return f"postgres://{db['USER']}@{host}:{db['PORT'] or 5432}/{DB_NAME}"


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlparse(url)
    admin = urlunparse(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]
        ).fetchone()
        if not exists:
            conn.execute(f"CREATE DATABASE {DB_NAME}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, cookie: str = "") -> str:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode()


def answers(url: str, cookie: str = "") -> bool:
    """Whether the page is there (200); False for a 404, a page this build does
    not have yet. Anything else stops the benchmark."""
    try:
        fetch(url, cookie)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return False
        raise
    return True


def wait_until_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The server did not answer at {url}")


def to_ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(url: str, cookie: str = "") -> dict:
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    # Warm up (connections, caches), then measure.
    subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", "-d2s", *headers, url],
        capture_output=True,
        check=True,
    )
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{DURATION}s",
            "--latency",
            *headers,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    ):
        errors += sum(int(n) for n in match.groups())
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE).group(1)),
        "p99": to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "errors": errors,
    }


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("make bench needs wrk: apt-get install wrk")
    database_url = bench_database_url()
    ensure_database(database_url)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-secret-key-not-used-anywhere-else-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "BENCHMARK_VIEWS": "true",
        "LOG_LEVEL": "WARNING",
        # Production static storage (hashed names) needs collected files.
        "STATIC_ROOT": str(BASE_DIR / "var" / "bench" / "static"),
    }
    manage = [PYTHON, "manage.py"]
    print("Preparing the benchmark database (first run loads places and groups)...")
    subprocess.run(
        [*manage, "migrate", "--no-input", "-v0"], env=env, check=True, cwd=BASE_DIR
    )
    subprocess.run(
        [*manage, "collectstatic", "--no-input", "-v0"],
        env=env,
        check=True,
        cwd=BASE_DIR,
    )
    subprocess.run(
        [*manage, "bench_data", "--groups", str(GROUPS)],
        env=env,
        check=True,
        cwd=BASE_DIR,
    )
    session_key = subprocess.run(
        [*manage, "bench_data", "--session"],
        env=env,
        check=True,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    signed_in = f"sessionid={session_key}"

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "groups_site.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=BASE_DIR,
    )
    try:
        wait_until_up(f"{base}/bench/bare/")
        pages = {
            "bare Django view": "/bench/bare/",
            "search near a place": "/groups/?near=Leeds&radius=50",
            "search text + near": "/groups/?q=support&near=London&radius=25",
            # Her own coordinates are never cached: the full cost of a search.
            "search near, uncached": "/groups/?lat=53.80&lon=-1.55&radius=50",
            "search by day and time": (
                "/groups/?near=London&radius=25&day=2&day=4&time=evening"
            ),
            # Never cached: the order changes as meetings pass.
            "search, next meeting": "/groups/?near=London&radius=25&sort=next",
            "group page": "/groups/bench-group-4321/",
            "  group page, member": ("/groups/bench-group-4321/", signed_in),
            "my meetings": ("/meetings/", signed_in),
        }
        for size in (200, 1000):
            path = f"/articles/bench-discussion-{size}/"
            pages[f"article, {size} comments"] = path
            pages[f"  {size}, signed in"] = (path, signed_in)
        if SIGNED_IN_MARK not in fetch(
            base + "/articles/bench-discussion-200/", signed_in
        ):
            raise SystemExit("The bench reader's session did not sign her in.")
        results, missing = {}, []
        for name, page in pages.items():
            path, cookie = page if isinstance(page, tuple) else (page, "")
            if not answers(base + path, cookie):
                missing.append(f"{name} ({path})")
                print(f"  skipped  {name:<22} 404: not in this build", flush=True)
                continue
            results[name] = run_wrk(base + path, cookie)
            r = results[name]
            print(f"  measured {name:<22} {r['rps']:8.0f} req/s", flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    # With the server stopped, so the timings are not shared with page loads.
    print(f"Timing {REPLIES} replies into each discussion...", flush=True)
    replies = json.loads(
        subprocess.run(
            [*manage, "bench_data", "--time-replies", str(REPLIES)],
            env=env,
            check=True,
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
        ).stdout.splitlines()[-1]
    )

    print(f"Timing {RACES} RSVP races...", flush=True)
    race = json.loads(
        subprocess.run(
            [*manage, "bench_data", "--time-rsvp-race", str(RACES)],
            env=env,
            check=True,
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
        ).stdout.splitlines()[-1]
    )

    bare = results["bare Django view"]["rps"]
    print()
    print(
        f"gunicorn {WORKERS} sync workers, wrk 2 threads x {CONNECTIONS} connections, "
        f"{DURATION}s per page, {GROUPS:,} groups"
    )
    print(
        f"{'page':<24}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'ratio':>8}"
    )
    for name, r in results.items():
        print(
            f"{name:<24}{r['rps']:>9.0f}{r['p50']:>9.1f}{r['p99']:>9.1f}"
            f"{r['errors']:>8}{r['rps'] / bare:>8.2f}"
        )
    first = None
    for timing in replies.values():
        first = first or timing["median_ms"]
        name = f"post reply, {timing['comments']:,} cmts"
        print(
            f"{name:<24}{'-':>9}{timing['median_ms']:>9.1f}{timing['p99_ms']:>9.1f}"
            f"{'-':>8}{timing['median_ms'] / first:>8.2f}"
        )
    print(
        f"{'RSVP race, per answer':<24}{'-':>9}{race['answer_p50_ms']:>9.1f}"
        f"{race['answer_p99_ms']:>9.1f}{'-':>8}{'-':>8}"
    )
    print(
        "ratio: req/s against the bare view; for replies, the median against the "
        "10-comment discussion (one service call each, commit included)"
    )
    print(
        f"RSVP race: {race['racers']} members answer one {race['seats']}-seat meeting "
        f"at once, each on her own connection, {race['rounds']} rounds: "
        f"{race['wall_median_ms']:.0f} ms for all {race['racers']} (median round; "
        f"slowest {race['wall_max_ms']:.0f} ms); exactly {race['seats']} going "
        "after every round"
    )
    for name in missing:
        print(f"not measured (404, not in this build): {name}")


if __name__ == "__main__":
    main()

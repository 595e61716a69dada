"""`make bench`: serve Kindred as in production (gunicorn, DEBUG off, Redis as the
cache) on loopback, load it with wrk, and compare each page with a bare Django view
served by the same server in the same run.

Pages, signed out: the home page, the article index, group searches (by place,
words and place, her own coordinates, meeting day and time, next meeting), a
group page with its meetings, articles with 200 and 1,000 comments. Signed in as
the bench reader (wrk sends her session cookie): the home page, a search, the
group page as a member, her /meetings/ and both articles. For each page it prints
req/s, p50, p99, errors, queries per request and the ratio to the bare view,
then one verdict line against the targets (TARGETS below). Queries per request
are counted in process, not under load: `bench_data --count-queries` renders each
page twice through the whole middleware stack with the server's settings and
cache, and counts the second rendering's queries (CaptureQueriesContext), so a
page served from the cache counts what a cached answer costs.

Posting a reply is timed through the service in a 10-comment and a 10,000-comment
discussion (it must stay flat), and the RSVP race is timed: 20 members answering
one 5-seat meeting at the same moment, each on her own connection, exactly 5 going
afterwards.

It uses its own database (kindred_bench, or BENCH_DATABASE) on the configured
server, or on the embedded PostgreSQL when DATABASE_URL is unset, so your
development data is safe.
The cache is REDIS_URL when set; otherwise a private redis-server that the bench
starts on a free loopback port (nothing saved to disk) and stops at the end; or,
without redis-server, each worker's local memory (the output says which).
Data: 10,000 groups with schedules and meetings, 2,000 members, 200 articles and
the two discussions. Environment: BENCH_DURATION (seconds per page, default 10),
BENCH_CONNECTIONS (default 8), BENCH_WORKERS (gunicorn workers, default 2),
BENCH_GROUPS (10000), BENCH_REPLIES (replies timed per discussion, default 100),
BENCH_RACES (rounds of the RSVP race, default 20).
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

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench import harness  # noqa: E402

PYTHON = sys.executable
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
GROUPS = int(os.environ.get("BENCH_GROUPS", "10000"))
REPLIES = int(os.environ.get("BENCH_REPLIES", "100"))
RACES = int(os.environ.get("BENCH_RACES", "20"))
DB_NAME = os.environ.get("BENCH_DATABASE", "kindred_bench")
SIGNED_IN_MARK = 'action="/accounts/logout/"'


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


# Targets, as ratios of req/s to the bare view in the same run.
SIGNED_OUT_RATIO = 0.6
UNCACHED_RATIO = 0.15
SIGNED_IN_RATIO = 0.15
SIGNED_IN_P99_MS = 50.0
# The 1,000-comment article, signed in: a tenth of the bare view.
LONG_DISCUSSION_RATIO = 0.1
# Posting a reply into 10,000 comments against 10 ("stays flat").
REPLY_GROWTH = 1.5


def start_redis() -> tuple[subprocess.Popen | None, str, str]:
    """(process to stop or None, REDIS_URL or "", what the output says). Never the
    shared 127.0.0.1:6379: a private server on a free port, nothing on disk."""
    if url := os.environ.get("REDIS_URL"):
        return None, url, "Redis at REDIS_URL"
    executable = shutil.which("redis-server")
    if not executable:
        return (
            None,
            "",
            "local memory in each worker (redis-server is not installed; "
            "install it for a production-like run)",
        )
    port = harness.free_port()
    workdir = BASE_DIR / "var" / "bench" / "redis"
    workdir.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [
            executable,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
            "--loglevel",
            "warning",
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            stop(process)
            raise SystemExit(f"redis-server did not start on port {port}")
        time.sleep(0.1)
    return process, f"redis://127.0.0.1:{port}/0", f"private redis-server on :{port}"


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def manage(env: dict, *args: str, capture: bool = False) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args],
        env=env,
        check=True,
        cwd=BASE_DIR,
        capture_output=capture,
        text=True,
    )
    return done.stdout if capture else ""


def pages_to_measure() -> list[dict]:
    """Each page: name, path, signed in, and its targets (min ratio, max p99)."""
    out, uncached = {"ratio": SIGNED_OUT_RATIO}, {"ratio": UNCACHED_RATIO}
    signed_in = {"ratio": SIGNED_IN_RATIO, "p99": SIGNED_IN_P99_MS}
    # bench_meetings.measured_group_slug: the reader is a member.
    group = f"/groups/bench-group-{4321 % GROUPS}/"
    pages = [
        ("bare Django view", "/bench/bare/", False, {}),
        ("home", "/", False, out),
        ("article index", "/articles/", False, out),
        ("search near a place", "/groups/?near=Leeds&radius=50", False, out),
        ("search text + near", "/groups/?q=support&near=London&radius=25", False, out),
        # Her own coordinates are never cached: the full cost of a search.
        (
            "search near, uncached",
            "/groups/?lat=53.80&lon=-1.55&radius=50",
            False,
            uncached,
        ),
        (
            "search by day and time",
            "/groups/?near=London&radius=25&day=2&day=4&time=evening",
            False,
            out,
        ),
        # Never cached either (the order changes as meetings pass): held to the
        # uncached search's target.
        (
            "search, next meeting",
            "/groups/?near=London&radius=25&sort=next",
            False,
            uncached,
        ),
        ("group page", group, False, out),
        ("article, 200 comments", "/articles/bench-discussion-200/", False, out),
        ("article, 1000 comments", "/articles/bench-discussion-1000/", False, out),
        ("  home, signed in", "/", True, signed_in),
        ("  search, signed in", "/groups/?near=Leeds&radius=50", True, signed_in),
        ("  group page, member", group, True, signed_in),
        ("  my meetings", "/meetings/", True, signed_in),
        ("  200, signed in", "/articles/bench-discussion-200/", True, signed_in),
        (
            "  1000, signed in",
            "/articles/bench-discussion-1000/",
            True,
            {"ratio": LONG_DISCUSSION_RATIO, "p99": SIGNED_IN_P99_MS},
        ),
    ]
    return [
        {"name": name, "path": path, "signed_in": who, "targets": targets}
        for name, path, who, targets in pages
    ]


def verdict(results: dict, pages: list[dict], replies: dict) -> str:
    """One line: every target, met or missed, and by how much."""
    bare = results["bare Django view"]["rps"]
    met, missed = [], []
    for page in pages:
        r = results.get(page["name"])
        if r is None or not page["targets"]:
            continue
        name = page["name"].strip()
        if not r["requests"]:
            missed.append(f"{name} no request done in {DURATION}s")
            continue
        if "ratio" in page["targets"]:
            ratio, need = r["rps"] / bare, page["targets"]["ratio"]
            line = f"{name} {ratio:.2f}/{need} ({ratio - need:+.2f})"
            (met if ratio >= need else missed).append(line)
        if "p99" in page["targets"]:
            p99, limit = r["p99"], page["targets"]["p99"]
            line = f"{name} p99 {p99:.0f}/{limit:.0f} ms ({p99 - limit:+.0f} ms)"
            (met if p99 <= limit else missed).append(line)
        if r["errors"]:
            missed.append(f"{name} {r['errors']} errors")
    timings = list(replies.values())
    growth = timings[-1]["median_ms"] / timings[0]["median_ms"]
    line = f"reply growth x{growth:.2f}/x{REPLY_GROWTH} ({growth - REPLY_GROWTH:+.2f})"
    (met if growth <= REPLY_GROWTH else missed).append(line)
    total = len(met) + len(missed)
    head = "PASS" if not missed else f"FAIL {len(missed)} of {total} missed"
    return (
        f"verdict: {head}"
        + (f"; missed: {', '.join(missed)}" if missed else "")
        + f"; met {len(met)} of {total}: {', '.join(met)}"
    )


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("make bench needs wrk: apt-get install wrk")
    redis, redis_url, cache_label = start_redis()
    try:
        run(redis_url, cache_label)
    finally:
        stop(redis)


def run(redis_url: str, cache_label: str) -> None:
    database_url = harness.database_url(DB_NAME)
    harness.ensure_database(database_url)
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
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    print(f"Cache: {cache_label}", flush=True)
    print("Preparing the benchmark database (first run loads places and groups)...")
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
    manage(env, "bench_data", "--groups", str(GROUPS))
    session_key = manage(env, "bench_data", "--session", capture=True).split()[-1]
    # Production's session cookie name (DEBUG off: groups_site/settings.py).
    signed_in = f"__Host-sessionid={session_key}"
    pages = pages_to_measure()

    port = harness.free_port()
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
        harness.wait_until_up(f"{base}/bench/bare/")
        for path in ("/", "/articles/bench-discussion-200/"):
            if SIGNED_IN_MARK not in fetch(base + path, signed_in):
                raise SystemExit(
                    f"The bench reader's session did not sign her in ({path})."
                )
        results, missing = {}, []
        for page in pages:
            name, path = page["name"], page["path"]
            cookie = signed_in if page["signed_in"] else ""
            if not answers(base + path, cookie):
                missing.append(f"{name} ({path})")
                print(f"  skipped  {name:<24} 404: not in this build", flush=True)
                continue
            results[name] = run_wrk(base + path, cookie)
            r = results[name]
            print(f"  measured {name:<24} {r['rps']:8.0f} req/s", flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    # In process, with the server stopped: the same settings, data and cache.
    print("Counting queries per page...", flush=True)
    queries = json.loads(
        manage(
            env,
            "bench_data",
            "--count-queries",
            json.dumps(
                {
                    p["name"]: [p["path"], session_key if p["signed_in"] else ""]
                    for p in pages
                    if p["name"] in results
                }
            ),
            capture=True,
        ).splitlines()[-1]
    )

    # With the server stopped, so the timings are not shared with page loads.
    print(f"Timing {REPLIES} replies into each discussion...", flush=True)
    replies = json.loads(
        manage(
            env, "bench_data", "--time-replies", str(REPLIES), capture=True
        ).splitlines()[-1]
    )

    print(f"Timing {RACES} RSVP races...", flush=True)
    race = json.loads(
        manage(
            env, "bench_data", "--time-rsvp-race", str(RACES), capture=True
        ).splitlines()[-1]
    )

    bare = results["bare Django view"]["rps"]
    print()
    print(
        f"gunicorn {WORKERS} sync workers, wrk 2 threads x {CONNECTIONS} connections, "
        f"{DURATION}s per page, {GROUPS:,} groups, DEBUG off, cache: {cache_label}"
    )
    print(
        f"{'page':<26}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
        f"{'queries':>9}{'ratio':>8}{'target':>18}"
    )
    for page in pages:
        r = results.get(page["name"])
        if r is None:
            continue
        targets = page["targets"]
        target = f">={targets['ratio']}" if "ratio" in targets else ""
        if "p99" in targets:
            target += f", p99<={targets['p99']:.0f}"
        print(
            f"{page['name']:<26}{r['rps']:>9.0f}{r['p50']:>9.1f}{r['p99']:>9.1f}"
            f"{r['errors']:>8}{queries.get(page['name'], '-'):>9}"
            f"{r['rps'] / bare:>8.2f}{target:>18}"
        )
    first = None
    for timing in replies.values():
        first = first or timing["median_ms"]
        name = f"post reply, {timing['comments']:,} cmts"
        print(
            f"{name:<26}{'-':>9}{timing['median_ms']:>9.1f}{timing['p99_ms']:>9.1f}"
            f"{'-':>8}{'-':>9}{timing['median_ms'] / first:>8.2f}"
            f"{'<=' + str(REPLY_GROWTH) if first != timing['median_ms'] else '':>18}"
        )
    print(
        f"{'RSVP race, per answer':<26}{'-':>9}{race['answer_p50_ms']:>9.1f}"
        f"{race['answer_p99_ms']:>9.1f}{'-':>8}{'-':>9}{'-':>8}"
    )
    print(
        "ratio: req/s against the bare view; for replies, the median against the "
        "10-comment discussion (one service call each, commit included). "
        "queries: counted in process on a second rendering (see bench/run.py)"
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
    print(verdict(results, pages, replies))


if __name__ == "__main__":
    main()

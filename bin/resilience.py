"""`make resilience`: take PostgreSQL and Redis away under light load and watch.

Starts its own embedded PostgreSQL (pgserver, under var/resilience/) and its own
redis-server on a free loopback port, serves Kindred with gunicorn (DEBUG off, two
workers, REDIS_URL pointing at the private Redis), and drives light load from a few
threads (about 6 requests a second: /, /groups/, an article signed out and signed
in, posting a comment, signing in, /healthz). Meanwhile it stops PostgreSQL for 15 s,
freezes it (SIGSTOP) for 15 s, stops Redis for 15 s and freezes Redis for 15 s, each
followed by its return, and prints what it saw: status codes per second and
endpoint, how long each endpoint took to recover, the slowest answer during each
outage, client errors, and the server's log lines.

Fails (exit status 1) on a 500, a request that got no answer, a page that failed
while only Redis was away, a rate limit that stopped counting while Redis was away,
or a recovery slower than 10 s. Uses nothing shared: not your database, not your
Redis. Environment: RESILIENCE_OUTAGE (seconds per outage, default 15).
"""

import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path
from urllib.parse import quote, urlencode

BASE_DIR = Path(__file__).resolve().parent.parent
WORK_DIR = BASE_DIR / "var" / "resilience"
PYTHON = sys.executable
OUTAGE = int(os.environ.get("RESILIENCE_OUTAGE", "15"))
RECOVERY_LIMIT = 10.0
CLIENT_TIMEOUT = 25
PASSWORD = "resilience-check-password-42"
ARTICLE = "/articles/staying-steady/"
MARKS = {"ok": ".", 503: "5", 500: "X", "error": "E", "other": "?", "degraded": "d"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The services ---------------------------------------------------------------------


class Postgres:
    def __init__(self, data_dir: Path):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver
            from pgserver import _commands

        self._pg_ctl = _commands.pg_ctl
        self.server = pgserver.get_server(data_dir, cleanup_mode=None)
        self.data_dir = data_dir

    def url(self, database: str) -> str:
        info = self.server.get_postmaster_info()
        host = quote(str(info.socket_dir), safe="")
        return f"postgres://postgres@{host}/{database}"

    def processes(self) -> list[int]:
        pid = self.server.get_pid()
        children = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True
        ).stdout.split()
        return [pid, *map(int, children)]

    def stop(self) -> None:
        self._pg_ctl(
            ["-w", "stop", "-m", "fast"],
            pgdata=self.data_dir,
            user=self.server.system_user,
        )

    def start(self) -> None:
        self.server.ensure_postgres_running()

    def freeze(self) -> None:
        self.frozen = self.processes()
        print(f"  (freezing PostgreSQL's processes {self.frozen})", flush=True)
        for pid in self.frozen:
            os.kill(pid, signal.SIGSTOP)

    def thaw(self) -> None:
        for pid in self.frozen:
            os.kill(pid, signal.SIGCONT)


class Redis:
    def __init__(self, port: int):
        self.port = port
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--loglevel", "warning"),
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("redis-server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def freeze(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)


# The client -----------------------------------------------------------------------


class Browser:
    """One visitor: cookies kept by hand (the site marks them Secure, and this
    talks plain HTTP on loopback)."""

    def __init__(self, port: int, address: str = "127.0.0.1"):
        self.port = port
        self.address = address
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection(
            "127.0.0.1",
            self.port,
            timeout=CLIENT_TIMEOUT,
            source_address=(self.address, 0),
        )
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
            return response.status, text
        finally:
            connection.close()


def form_value(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    return match.group(1) if match else ""


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.rows: list[tuple[float, float, str, object]] = []
        self.t0 = time.monotonic()

    def add(self, name: str, started: float, status) -> None:
        with self.lock:
            self.rows.append(
                (started - self.t0, time.monotonic() - started, name, status)
            )


def is_ok(status) -> bool:
    return isinstance(status, int) and 200 <= status < 400


def succeeded(name: str, status) -> bool:
    """A page answered; /healthz says everything is fine."""
    if name == "healthz":
        return str(status).startswith("200") and "'status': 'ok'" in str(status)
    return is_ok(status)


def call(recorder: Recorder, name: str, do):
    started = time.monotonic()
    try:
        status, text = do()
    except Exception as error:  # noqa: BLE001 - every failure is a data point
        recorder.add(name, started, f"error: {type(error).__name__}")
        return None, ""
    label = status
    if name == "healthz":
        try:
            label = f"{status} {json.loads(text)}"
        except ValueError:
            label = f"{status} (not JSON)"
    recorder.add(name, started, label)
    return status, text


def pace(started: float, every: float, stop: threading.Event) -> None:
    stop.wait(max(0.0, every - (time.monotonic() - started)))


def page_loop(port, recorder, stop, name, path):
    while not stop.is_set():
        started = time.monotonic()
        call(recorder, name, lambda: Browser(port).request("GET", path))
        pace(started, 1.0, stop)


def sign_in(browser: Browser, username: str, password: str):
    status, html = browser.request("GET", "/accounts/login/")
    if status != 200:
        return status, html
    form = {
        "csrfmiddlewaretoken": form_value(html, "csrfmiddlewaretoken"),
        "login": username,
        "password": password,
    }
    return browser.request("POST", "/accounts/login/", form)


def sign_in_loop(port, recorder, stop):
    while not stop.is_set():
        started = time.monotonic()
        call(recorder, "sign in", lambda: sign_in(Browser(port), "reader", PASSWORD))
        pace(started, 1.0, stop)


def comment_loop(port, recorder, stop, every: float = 13.0):
    """Reads the article signed in every second; posts a comment every ``every``
    seconds (under the 5-a-minute limit of an established account)."""
    browser = Browser(port)
    last_post = 0.0
    while not stop.is_set():
        started = time.monotonic()
        if "sessionid" not in browser.cookies:
            sign_in(browser, "writer", PASSWORD)
        status, html = call(
            recorder, "article, signed in", lambda: browser.request("GET", ARTICLE)
        )
        if status == 200 and started - last_post >= every:
            last_post = started
            form = {
                "csrfmiddlewaretoken": form_value(html, "csrfmiddlewaretoken"),
                "submission_key": secrets.token_urlsafe(12),
                "body": f"Still here at {time.strftime('%H:%M:%S')}.",
            }
            call(
                recorder,
                "post comment",
                lambda form=form: browser.request("POST", ARTICLE + "comments/", form),
            )
        pace(started, 1.0, stop)


def rate_limit_probe(port: int, username: str) -> str:
    """Wrong passwords for one account until refused: allauth allows 5 per
    account in 5 minutes. Returns what happened. From its own loopback address,
    so the per-address limit it adds to does not refuse the sign-in loop."""
    browser = Browser(port, address=f"127.0.0.{1 + int(username.split('-')[-1])}")
    for attempt in range(1, 9):
        status, html = sign_in(browser, username, f"wrong-{attempt}")
        if status == 429 or "Too many failed login attempts" in html:
            return f"refused at attempt {attempt} (status {status})"
        if status not in (200,):
            return f"unexpected status {status} at attempt {attempt}"
    return "never refused"


# Running it ------------------------------------------------------------------------


SETUP = """
from datetime import timedelta
from allauth.account.models import EmailAddress
from django.utils import timezone
from accounts.models import User
from articles.models import Article
from tests.articles.factory import make_article

for name in ("reader", "writer", "probe-1", "probe-2"):
    user = User.objects.create_user(
        name, email=f"{name}@example.org", password=%(password)r,
        display_name=name.capitalize(), guidelines_accepted_at=timezone.now(),
    )
    user.date_joined = timezone.now() - timedelta(days=30)
    user.save(update_fields=["date_joined"])
    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
make_article("Staying steady", slug="staying-steady")
"""


def manage(env, *args, **kwargs):
    return subprocess.run(
        [PYTHON, "manage.py", *args], env=env, cwd=BASE_DIR, check=True, **kwargs
    )


def wait_for_recovery(recorder: Recorder, names, since: float) -> dict:
    """Seconds from ``since`` (recorder time) to each endpoint's first success."""
    deadline = time.monotonic() + RECOVERY_LIMIT + 10
    while time.monotonic() < deadline:
        with recorder.lock:
            rows = list(recorder.rows)
        firsts = {}
        for started, took, name, status in rows:
            if succeeded(name, status) and started >= since and name not in firsts:
                firsts[name] = started + took - since
        if all(name in firsts for name in names):
            return firsts
        time.sleep(0.5)
    return firsts


def mark(status) -> str:
    if isinstance(status, str) and status.startswith("error"):
        return MARKS["error"]
    code = int(str(status).split()[0])
    if "degraded" in str(status):
        return MARKS["degraded"]
    if 200 <= code < 400:
        return MARKS["ok"]
    return MARKS.get(code, MARKS["other"])


def main() -> int:
    if not shutil.which("redis-server"):
        raise SystemExit("make resilience needs redis-server: apt-get install redis")
    shutil.rmtree(WORK_DIR, ignore_errors=True)
    WORK_DIR.mkdir(parents=True)
    print("Starting a private PostgreSQL and Redis...", flush=True)
    postgres = Postgres(WORK_DIR / "pg")
    postgres.server.psql("CREATE DATABASE kindred_resilience;")
    redis = Redis(free_port())
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": postgres.url("kindred_resilience"),
        "REDIS_URL": f"redis://127.0.0.1:{redis.port}/0",
        "DEBUG": "false",
        "SECRET_KEY": "resilience-only-secret-key-not-used-anywhere-else-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": str(WORK_DIR / "static"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    server = None
    log_path = WORK_DIR / "server.log"
    try:
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "collectstatic", "--no-input", "-v0")
        manage(env, "shell", "-c", SETUP % {"password": PASSWORD})
        with open(log_path, "w") as log:
            server = subprocess.Popen(
                [
                    *(PYTHON, "-m", "gunicorn", "groups_site.wsgi"),
                    *("--bind", f"127.0.0.1:{port}", "--workers", "2"),
                    *("--timeout", "30", "--log-level", "warning"),
                ],
                env=env,
                cwd=BASE_DIR,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while True:
            try:
                if Browser(port).request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("gunicorn did not answer")
            time.sleep(0.3)
        return run_scenarios(port, postgres, redis, log_path)
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        for tidy in (redis.thaw, redis.stop, postgres.thaw, postgres.stop):
            with contextlib.suppress(Exception):
                tidy()


def run_scenarios(port, postgres, redis, log_path) -> int:
    recorder = Recorder()
    stop = threading.Event()
    pages = {
        "home": "/",
        "groups": "/groups/",
        "article": ARTICLE,
        "healthz": "/healthz",
    }
    threads = [
        threading.Thread(target=page_loop, args=(port, recorder, stop, name, path))
        for name, path in pages.items()
    ]
    threads += [
        threading.Thread(target=sign_in_loop, args=(port, recorder, stop)),
        threading.Thread(target=comment_loop, args=(port, recorder, stop)),
    ]
    for thread in threads:
        thread.start()
    scenarios = [
        ("PostgreSQL stopped", postgres.stop, postgres.start, "postgres"),
        ("PostgreSQL frozen (SIGSTOP)", postgres.freeze, postgres.thaw, "postgres"),
        ("Redis stopped", redis.stop, redis.start, "redis"),
        ("Redis frozen (SIGSTOP)", redis.freeze, redis.thaw, "redis"),
    ]
    report, failures = [], []
    service_outages = 0
    only = os.environ.get("RESILIENCE_ONLY", "")
    scenarios = [s for s in scenarios if only.lower() in s[0].lower()]
    try:
        time.sleep(6)
        for title, take_away, bring_back, service in scenarios:
            log_start = log_path.stat().st_size
            start = time.monotonic() - recorder.t0
            take_away()
            probe = None
            if service == "redis":
                service_outages += 1
                time.sleep(2)
                probe = rate_limit_probe(port, f"probe-{service_outages}")
                time.sleep(max(0, OUTAGE - (time.monotonic() - recorder.t0 - start)))
            else:
                time.sleep(OUTAGE)
            back = time.monotonic() - recorder.t0
            bring_back()
            back_done = time.monotonic() - recorder.t0
            with recorder.lock:
                affected = {
                    name
                    for started, _, name, status in recorder.rows
                    if start <= started < back and not succeeded(name, status)
                }
            recovered = wait_for_recovery(recorder, affected, back)
            time.sleep(3)
            end = time.monotonic() - recorder.t0
            with open(log_path, errors="replace") as log:
                log.seek(log_start)
                log_lines = log.read().splitlines()
            report.append(
                (
                    title,
                    service,
                    start,
                    back,
                    back_done,
                    end,
                    recovered,
                    probe,
                    log_lines,
                )
            )
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=CLIENT_TIMEOUT + 5)
    rows = list(recorder.rows)
    names = sorted({row[2] for row in rows})
    for (
        title,
        service,
        start,
        back,
        back_done,
        end,
        recovered,
        probe,
        log_lines,
    ) in report:
        failures += print_phase(
            title, service, rows, names, start, back, back_done, end, recovered
        )
        if probe is not None:
            print(f"  rate limit while Redis was away (wrong passwords): {probe}")
            if not probe.startswith("refused"):
                failures.append(f"{title}: the sign-in rate limit did not apply")
        tracebacks = sum("Traceback" in line for line in log_lines)
        print(f"  server log: {len(log_lines)} lines, {tracebacks} tracebacks")
        for line in sorted({_shorten(line) for line in log_lines})[:6]:
            print(f"    {line}")
        if tracebacks:
            failures.append(f"{title}: {tracebacks} tracebacks in the server log")
    total = len(rows)
    print(f"\n{total} requests in {rows[-1][0]:.0f} s")
    if failures:
        print("FAILED:")
        for failure in failures:
            print(f"  {failure}")
        return 1
    print("All outages handled: no 500, no hung request, recovery within 10 s.")
    return 0


def _shorten(line: str) -> str:
    line = re.sub(r"\d{4}-\d\d-\d\d[ T][\d:.,]+", "", line)
    line = re.sub(r"Still here at [\d:]+", "", line)
    line = re.sub(r"\d+\.\d+ s", "N s", line)
    return line.strip()[:150]


def print_phase(title, service, rows, names, start, back, back_done, end, recovered):
    failures = []
    first = int(start) - 3
    seconds = range(first, int(end) + 1)
    print(f"\n{title}: {back - start:.0f} s, back at +{back - start:.0f} s", end="")
    print(f" (ready after {back_done - back:.1f} s)")
    print(
        "  one mark per request, a column per second: . 2xx/3xx  5 503  X 500  "
        "E no answer  d degraded  ? other"
    )
    axis = "".join("|" if s in (int(start), int(back)) else " " for s in seconds)
    print(f"  {'':<20}{axis}   (| outage starts, service back)")
    for name in names:
        marks = []
        for second in seconds:
            in_second = [r for r in rows if r[2] == name and int(r[0]) == second]
            marks.append(mark(in_second[-1][3]) if in_second else " ")
        print(f"  {name:<20}{''.join(marks)}")
    print(f"  {'endpoint':<20}{'recovered':>10}{'max latency':>13}  statuses in outage")
    for name in names:
        during = [r for r in rows if r[2] == name and start <= r[0] < back]
        after = [r for r in rows if r[2] == name and back <= r[0] < end]
        slowest = max((r[1] for r in during + after), default=0)
        statuses = sorted({str(r[3]) for r in during})
        affected = any(not succeeded(name, r[3]) for r in during)
        seconds_to = recovered.get(name)
        shown = f"{seconds_to:.1f} s" if seconds_to is not None else "never"
        if not affected:
            shown = "unhurt"
        print(f"  {name:<20}{shown:>10}{slowest:>11.2f} s  {', '.join(statuses)[:90]}")
        if affected and (seconds_to is None or seconds_to > RECOVERY_LIMIT):
            failures.append(f"{title}: {name} recovered in {shown}")
        for r in during + after:
            broken = mark(r[3]) in (MARKS[500], MARKS["error"])
            if broken or (service == "redis" and not is_ok(r[3]) and name != "healthz"):
                failures.append(f"{title}: {name} at +{r[0] - start:.0f} s: {r[3]}")
    return failures


if __name__ == "__main__":
    sys.exit(main())

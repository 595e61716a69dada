"""`make load`: a bounded mixed load on gunicorn with production settings, on
loopback, and whether it meets the target.

It prepares its own database (kindred_load, on DATABASE_URL's server or the
embedded one: the benchmark's 10,000 groups and discussions plus load-test
members, made once and reused), starts a private redis-server on a free loopback
port when one is installed (the cache and rate limits, as in production), serves
the site with gunicorn (gunicorn.conf.py at the repository's root when there is
one, else LOAD_WORKERS sync workers), and runs locust headless for LOAD_DURATION
seconds at a constant LOAD_RPS requests a second: signed-out browsing 70%,
signed-in reading 20%, posting replies and answering meetings 10%
(bench/locustfile.py). Then it prints req/s, p50/p95/p99 and failures per
endpoint and overall, and PASS when the whole mix ran at the target rate
(within 5%) with no failures and p95 <= LOAD_P95_MS; it exits 1 otherwise.

Environment: LOAD_RPS (250), LOAD_DURATION (60), LOAD_USER_RPS (requests a
second per simulated visitor, 2), LOAD_P95_MS (150), LOAD_RAMP (seconds over which
the visitors arrive, not measured, 5), LOAD_WORKERS (4),
LOAD_GROUPS (10000), LOAD_MEMBERS (signed-in members, 20).
"""

import csv
import json
import math
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench import harness  # noqa: E402
from groups_site.lib.host import cores  # noqa: E402

PYTHON = sys.executable
DB_NAME = "kindred_load"
RPS = float(os.environ.get("LOAD_RPS", "250"))
DURATION = int(os.environ.get("LOAD_DURATION", "60"))
USER_RPS = float(os.environ.get("LOAD_USER_RPS", "2"))
P95_TARGET = float(os.environ.get("LOAD_P95_MS", "150"))
# Visitors arrive over this many seconds first, not measured (all at once would be
# a burst no real minute has).
RAMP = int(os.environ.get("LOAD_RAMP", "5"))
WORKERS = os.environ.get("LOAD_WORKERS", "4")
GROUPS = os.environ.get("LOAD_GROUPS", "10000")
MEMBERS = os.environ.get("LOAD_MEMBERS", "20")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, math.ceil(fraction * len(sorted_values)) - 1)
    return sorted_values[max(index, 0)]


def cookie_of(response, name: str) -> str:
    for value in response.headers.get_all("Set-Cookie") or []:
        if value.startswith(f"{name}="):
            return value.split("=", 1)[1].split(";", 1)[0]
    raise SystemExit(f"No {name} cookie from {response.url}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in(base: str, username: str, address: str, facts: dict) -> dict:
    """Her session and CSRF cookies, through the real sign-in form."""
    password = facts["password"]
    session_name, csrf_name = facts["session_cookie"], facts["csrf_cookie"]
    headers = {"X-Real-IP": address}
    page = urllib.request.urlopen(
        urllib.request.Request(f"{base}/accounts/login/", headers=headers), timeout=60
    )
    csrf = cookie_of(page, csrf_name)
    token = TOKEN.search(page.read().decode()).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "login": username, "password": password}
    ).encode()
    request = urllib.request.Request(
        f"{base}/accounts/login/",
        data=data,
        headers={**headers, "Cookie": f"{csrf_name}={csrf}"},
    )
    try:
        urllib.request.build_opener(NoRedirect).open(request, timeout=60)
    except urllib.error.HTTPError as response:
        if response.code == 302:
            return {"session": cookie_of(response, session_name), "csrf": csrf}
        raise
    raise SystemExit(f"{username} could not sign in")


def gunicorn_command(port: int) -> tuple[list[str], str]:
    command = [PYTHON, "-m", "gunicorn", "groups_site.wsgi"]
    config = BASE_DIR / "gunicorn.conf.py"
    if config.exists():
        command += ["-c", str(config)]
        described = "gunicorn.conf.py"
        if "LOAD_WORKERS" in os.environ:
            command += ["--workers", WORKERS]
            described += f", {WORKERS} workers"
    else:
        command += ["--workers", WORKERS, "--log-level", "error"]
        described = f"{WORKERS} sync workers (no gunicorn.conf.py: command-line flags)"
    return [*command, "--bind", f"127.0.0.1:{port}"], described


class CpuMeter:
    """Where the machine's processor time went while locust ran: the gunicorn
    workers, locust itself (the load is generated on the same machine) and the
    rest (PostgreSQL, Redis, the system), from /proc and psutil (a dependency of
    locust). Empty on a system without /proc/stat."""

    def __init__(self, server_pid: int):
        self.server_pid = server_pid
        self.start = self._read()

    def _read(self) -> dict | None:
        try:
            import psutil

            with open("/proc/stat") as stat:
                fields = [int(n) for n in stat.readline().split()[1:]]
            server = psutil.Process(self.server_pid)
            workers = [server, *server.children(recursive=True)]
        except (ImportError, OSError, ValueError):
            return None
        ticks = os.sysconf("SC_CLK_TCK")
        return {
            "wall": time.monotonic(),
            # user, nice, system, irq, softirq, steal: busy; idle and iowait: not.
            "busy": sum(fields[i] for i in (0, 1, 2, 5, 6, 7)) / ticks,
            "server": sum(sum(p.cpu_times()[:2]) for p in workers),
            "load": sum(os.times()[2:4]),  # children reaped so far: locust
        }

    def summary(self, rate: float) -> str:
        end = self._read()
        if not self.start or not end or rate <= 0:
            return ""
        wall = end["wall"] - self.start["wall"]
        share = {
            name: (end[name] - self.start[name]) / wall
            for name in ("busy", "server", "load")
        }
        rest = max(share["busy"] - share["server"] - share["load"], 0.0)
        return (
            f"processor time over the run ({cores()} cores = "
            f"{100 * cores()}%): gunicorn {100 * share['server']:.0f}%, "
            f"locust {100 * share['load']:.0f}%, the rest (PostgreSQL, Redis, "
            f"system) {100 * rest:.0f}%; per request: gunicorn "
            f"{1000 * share['server'] / rate:.1f} ms, locust "
            f"{1000 * share['load'] / rate:.1f} ms, the rest "
            f"{1000 * rest / rate:.1f} ms"
        )


def report(work: Path, cpu: CpuMeter | None = None) -> bool:
    samples = json.loads((work / "samples.json").read_text())
    times = sorted(rt for _t, rt, _failed in samples)
    failures = sum(1 for _t, _rt, failed in samples if failed)
    span = (
        max(t for t, *_ in samples) - min(t for t, *_ in samples) if samples else 0
    ) or 1
    rate = len(samples) / span
    p50, p95, p99 = (percentile(times, f) for f in (0.50, 0.95, 0.99))

    print()
    print(
        f"{'endpoint':<36}{'requests':>9}{'fails':>7}{'req/s':>8}"
        f"{'p50':>7}{'p95':>7}{'p99':>7}  (ms)"
    )
    with open(work / "load_stats.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Name"] == "Aggregated":
                continue
            print(
                f"{row['Name'][:35]:<36}{row['Request Count']:>9}"
                f"{row['Failure Count']:>7}{float(row['Requests/s']):>8.1f}"
                f"{row['50%']:>7}{row['95%']:>7}{row['99%']:>7}"
            )
    failure_file = work / "load_failures.csv"
    if failure_file.exists():
        with open(failure_file, newline="") as handle:
            for row in csv.DictReader(handle):
                print(
                    f"  failed {row['Occurrences']}x {row['Method']} {row['Name']}: "
                    f"{row['Error'][:100]}"
                )
    print()
    print(
        f"the mix: {len(samples)} requests in {span:.0f} s = "
        f"{rate:.0f} req/s (target {RPS:.0f}); failures {failures}; "
        f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms (target p95 <= "
        f"{P95_TARGET:.0f} ms)"
    )
    if cpu is not None and (used := cpu.summary(rate)):
        print(used)
    checks = {
        f"rate >= {0.95 * RPS:.0f} req/s": rate >= 0.95 * RPS,
        "no failures": failures == 0,
        f"p95 <= {P95_TARGET:.0f} ms": p95 <= P95_TARGET,
    }
    passed = all(checks.values())
    print(
        ("PASS: " if passed else "FAIL: ")
        + ", ".join(f"{name} {'yes' if ok else 'NO'}" for name, ok in checks.items())
    )
    return passed


def main() -> int:
    locust = shutil.which("locust", path=str(Path(PYTHON).parent))
    if not locust:
        raise SystemExit("make load needs locust: make install (dev dependencies)")
    work = Path(tempfile.mkdtemp(prefix="kindred-load-"))
    url = harness.database_url(DB_NAME)
    harness.ensure_database(url)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "bench.load_settings",
        "DEBUG": "false",
        "SECRET_KEY": "load-test-only-secret-key-not-used-anywhere-else-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        # Each simulated visitor says who she is, as a proxy would.
        "TRUSTED_CLIENT_IP_HEADER": "X-Real-IP",
        "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": str(BASE_DIR / "var" / "load" / "static"),
        "MEDIA_ROOT": str(BASE_DIR / "var" / "load" / "media"),
        # Notification e-mails stay queued: no worker runs during the load.
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    env.pop("TRUSTED_PROXY_COUNT", None)
    processes: list[subprocess.Popen] = []
    try:
        if shutil.which("redis-server"):
            redis_port = harness.free_port()
            processes.append(
                subprocess.Popen(
                    [
                        "redis-server",
                        "--bind",
                        "127.0.0.1",
                        "--port",
                        str(redis_port),
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                    ],
                    stdout=subprocess.DEVNULL,
                )  # fmt: skip
            )
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", redis_port), 1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
            cache = f"a private Redis on :{redis_port}"
        else:
            env.pop("REDIS_URL", None)
            cache = "local memory (no redis-server: apt-get install redis)"
        manage = [PYTHON, "manage.py"]
        print("Preparing the load database (the first run makes 10,000 groups)...")
        subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=env, check=True)
        subprocess.run(
            [*manage, "collectstatic", "--no-input", "-v0"], env=env, check=True
        )
        facts = (
            subprocess.run(
                [*manage, "load_data", "--groups", GROUPS, "--members", MEMBERS],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )

        port = harness.free_port()
        command, described = gunicorn_command(port)
        server = subprocess.Popen(command, env=env, cwd=BASE_DIR)
        processes.append(server)
        base = f"http://127.0.0.1:{port}"
        harness.wait_until_up(f"{base}/healthz")
        # Each worker loads its code and connections before the clock starts.
        for path in ("/", "/groups/?near=Leeds&radius=50", "/articles/") * 4:
            urllib.request.urlopen(base + path, timeout=30).read()

        facts = json.loads(facts)
        print(f"Signing in {len(facts['members'])} members...", flush=True)
        facts["sessions"] = {
            username: sign_in(base, username, f"127.1.0.{n + 1}", facts)
            for n, username in enumerate(facts["members"])
        }
        (work / "facts.json").write_text(json.dumps(facts))

        users = max(3, math.ceil(RPS / USER_RPS))
        print(
            f"gunicorn: {described}; cache: {cache}; locust: {users} visitors x "
            f"{USER_RPS:g} req/s, arriving over {RAMP} s, then {DURATION} s "
            f"measured, against {base}",
            flush=True,
        )
        cpu = CpuMeter(server.pid)
        subprocess.run(
            [
                locust,
                "-f",
                str(BASE_DIR / "bench" / "locustfile.py"),
                "--headless",
                "--host",
                base,
                "--users",
                str(users),
                "--spawn-rate",
                str(math.ceil(users / max(RAMP, 1))),
                "--run-time",
                f"{DURATION + RAMP}s",
                "--reset-stats",
                "--stop-timeout",
                "10",
                "--csv",
                str(work / "load"),
                "--only-summary",
                "--loglevel",
                "WARNING",
                "--exit-code-on-error",
                "0",
            ],
            env={
                **env,
                "LOAD_FACTS": str(work / "facts.json"),
                "LOAD_USER_RPS": str(USER_RPS),
                "LOAD_SAMPLES": str(work / "samples.json"),
            },
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return 0 if report(work, cpu) else 1
    finally:
        # The server before the Redis it uses.
        harness.stop(processes, timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

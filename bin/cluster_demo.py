"""`make cluster-demo`: two Kindred instances share nothing but PostgreSQL, Redis
and the media folder, and it shows.

It starts, all on loopback: a private redis-server on a free port, a fresh
database (kindred_cluster, on DATABASE_URL's server or the embedded one) with the
demo content, two gunicorn instances A and B with production settings, a
background-task worker beside B only, and a small round-robin load balancer
(bin/loadbalancer.py) in front of both. Then it checks, printing PASS or FAIL:

1. sessions: she signs in on A and is signed in on B;
2. rate limits: five wrong passwords on A, and B refuses even the right one;
3. tasks: she joins a group on A; the organizer's e-mail is queued there and sent
   by the worker beside B (file-based e-mail backend, into a temporary folder);
4. cache: B serves a /groups/ search from the shared cache; the organizer edits
   the group's tagline on A and B's next answer has the new one;
5. uploads: her new picture, sent to A, is in the shared media folder and B's
   page shows it;
6. the load balancer sends requests to both instances and her session holds.

Everything it started is stopped at the end; it exits non-zero if a check failed.
"""

import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from html.parser import HTMLParser
from http.client import HTTPConnection
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench import harness  # noqa: E402

PYTHON = sys.executable
DB_NAME = "kindred_cluster"
PASSWORD = "kindred-demo-2026"  # the demo members' password (seed_demo)
SIGNED_IN_MARK = 'action="/accounts/logout/"'


# --- set-up ---------------------------------------------------------------------


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"Nothing answered on port {port}")


# --- a small browser --------------------------------------------------------------


class FormFields(HTMLParser):
    """The fields of the first form whose action ends with ``action``, with the
    values a browser would send unchanged."""

    def __init__(self, action: str, page: str):
        super().__init__()
        self.action, self.page = action, page
        self.inside = self.done = False
        self.fields: list[tuple[str, str]] = []
        self._select = self._textarea = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done:
            # A form without an action posts to its own page.
            target = attrs.get("action") or self.page
            self.inside = target.split("?")[0].endswith(self.action)
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            if kind not in {"submit", "button", "file", "image"}:
                default = "on" if kind in {"checkbox", "radio"} else ""
                self.fields.append((name, attrs.get("value", default)))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select:
            if "selected" in attrs:
                self.fields.append((self._select, attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea, self._text = name, ""

    def handle_data(self, data):
        if self._textarea:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside, self.done = False, True
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, self._text.lstrip("\n")))
            self._textarea = None


def form_fields(html: str, action: str, page: str) -> list[tuple[str, str]]:
    parser = FormFields(action, page)
    parser.feed(html)
    if not parser.done and not parser.fields:
        raise AssertionError(f"no form posting to …{action} on the page")
    return parser.fields


def multipart(fields, files: dict) -> tuple[bytes, str]:
    """A multipart/form-data body, as a browser sends a form with a file."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
            f"\r\n\r\n{value}\r\n".encode()
        )
    for name, (filename, content, kind) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {kind}\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def a_picture() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (300, 300), (120, 90, 160)).save(out, "PNG")
    return out.getvalue()


class Browser:
    """Cookies by hand (production cookies are Secure; this is plain HTTP on
    loopback), no redirects followed."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, port: int, method: str, path: str, data=None, files=None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if files:
            body, headers["Content-Type"] = multipart(data or [], files)
        elif data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, rest = value.split("=", 1)
                cookie_value = rest.split(";", 1)[0]
                if cookie_value in {"", '""'}:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = cookie_value
        conn.close()
        return response.status, dict(response.getheaders()), text

    def get(self, port: int, path: str):
        return self.request(port, "GET", path)

    def submit(self, port: int, page: str, action: str, changes: dict, files=None):
        """Load ``page``, fill the form posting to ``action`` as she would, post."""
        status, _headers, html = self.get(port, page)
        assert status == 200, f"GET {page}: {status}"
        fields = [
            (name, value)
            for name, value in form_fields(html, action, page)
            if name not in changes
        ]
        data = fields + list(changes.items())
        return self.request(port, "POST", action, data, files)

    def sign_in(self, port: int, login: str, password: str):
        return self.submit(
            port,
            "/accounts/login/",
            "/accounts/login/",
            {"login": login, "password": password},
        )


# --- the checks -----------------------------------------------------------------

RESULTS: list[tuple[str, bool, str]] = []


def check(name: str, passed: bool, detail: str) -> None:
    RESULTS.append((name, passed, detail))
    print(f"{'PASS' if passed else 'FAIL'}  {name}: {detail}", flush=True)


def run_checks(
    a: int, b: int, lb: int, mail_dir: Path, media: Path, facts: dict
) -> None:
    # 1. Sessions live in the database: signed in on A, signed in on B.
    maya = Browser()
    status, headers, _ = maya.sign_in(a, "maya", PASSWORD)
    signed_in = status == 302 and facts["session_cookie"] in maya.cookies
    status_b, _, page = maya.get(b, "/groups/mine/")
    check(
        "session shared",
        signed_in and status_b == 200 and SIGNED_IN_MARK in page,
        f"signed in on A ({status} → {headers.get('Location')}), "
        f"B's /groups/mine/ answered {status_b}"
        + (" signed in" if SIGNED_IN_MARK in page else " NOT signed in"),
    )

    # 2. Rate limits live in Redis: five wrong passwords on A, B refuses.
    wren = Browser()
    wrong = [wren.sign_in(a, "wren", "not-her-password")[0] for _ in range(5)]
    status, _, page = Browser().sign_in(b, "wren", PASSWORD)
    refused = status != 302 and "Too many failed login attempts" in page
    check(
        "rate limit shared",
        refused and all(code == 200 for code in wrong),
        f"5 wrong passwords on A (answers {wrong}); the right password on B "
        + ("was refused: too many failed attempts" if refused else f"got {status}"),
    )

    # 3. Tasks live in the database: queued on A, run by the worker beside B.
    group = facts["open_group"]
    status, _, _ = maya.submit(a, f"/groups/{group}/", f"/groups/{group}/join/", {})
    organizer_email = facts["open_group_organizer_email"]
    found = None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not found:
        for path in mail_dir.glob("*.log"):
            if f"To: {organizer_email}" in path.read_text():
                found = path
        time.sleep(0.5)
    check(
        "task queued on A, run beside B",
        status == 302 and found is not None,
        f"maya joined {group} on A ({status}); "
        + (
            f"the worker beside B sent the organizer's e-mail ({found.name})"
            if found
            else "no e-mail to the organizer within 30 s"
        ),
    )

    # 4. The cache lives in Redis: B's cached search changes when A edits.
    search = facts["search"]
    old, new = facts["tagline"], f"Cluster demo tagline {int(time.time())}"
    _, _, before = Browser().get(b, search)
    _, _, before_again = Browser().get(b, search)  # now served from the cache
    rosa = Browser()
    rosa.sign_in(a, facts["organizer"], PASSWORD)
    edit = f"/groups/{facts['group']}/manage/edit/"
    status, _, _ = rosa.submit(a, edit, edit, {"tagline": new})
    _, _, after = Browser().get(b, search)
    check(
        "cache invalidation shared",
        old in before_again and status == 302 and new in after and old not in after,
        f"B's {search} showed the old tagline; the organizer saved a new one on A "
        f"({status}); B's next answer "
        + ("has the new tagline" if new in after else "still has the OLD one"),
    )

    # 5. Uploads go to the shared MEDIA_ROOT: sent to A, B links to the file.
    status, _, _ = maya.submit(
        a,
        "/accounts/profile/",
        "/accounts/profile/",
        {},
        files={"avatar": ("me.png", a_picture(), "image/png")},
    )
    _, _, page = maya.get(b, "/accounts/profile/")
    found = re.search(r'<img class="avatar" src="/media/([^"]+)"', page)
    stored = media / found.group(1) if found else None
    check(
        "uploads shared",
        status == 302 and stored is not None and stored.is_file(),
        f"maya's new picture sent to A ({status}); B's profile page "
        + (
            f"shows /media/{found.group(1)}, in the shared folder"
            if stored and stored.is_file()
            else "does not show a picture from the shared folder"
        ),
    )

    # 6. The load balancer spreads requests and her session holds on both.
    served, all_signed_in = [], True
    for _ in range(4):
        status, headers, page = maya.get(lb, "/groups/mine/")
        served.append(headers.get("X-Served-By"))
        all_signed_in &= status == 200 and SIGNED_IN_MARK in page
    check(
        "load balancer",
        set(served) == {"a", "b"} and all_signed_in,
        f"4 requests through the balancer served by {served}, "
        + ("signed in on each" if all_signed_in else "NOT signed in on each"),
    )


FACTS = """
import json
from django.conf import settings
from groups.models import Group, Membership
organizing = Membership.objects.filter(
    user__username="rosa", role="organizer", group__status="active"
).select_related("group", "group__place")
group = next(m.group for m in organizing if m.group.place_id)
open_group = next(
    m.group for m in organizing
    if m.group.join_policy == "open"
    and not Membership.objects.filter(group=m.group, user__username="maya").exists()
)
print(json.dumps({
    "organizer": "rosa",
    "group": group.slug,
    "tagline": group.tagline,
    "search": "/groups/?near=" + group.place.name.replace(" ", "+"),
    "open_group": open_group.slug,
    "open_group_organizer_email": "rosa@demo.kindred.example",
    "session_cookie": settings.SESSION_COOKIE_NAME,
}))
"""


def main() -> int:
    if not shutil.which("redis-server"):
        raise SystemExit("make cluster-demo needs redis-server: apt-get install redis")
    work = Path(tempfile.mkdtemp(prefix="kindred-cluster-"))
    mail_dir, media = work / "mail", work / "media"
    mail_dir.mkdir()
    redis_port, port_a, port_b, port_lb = (harness.free_port() for _ in range(4))
    url = harness.database_url(DB_NAME)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "DEBUG": "false",
        "SECRET_KEY": "cluster-demo-only-secret-key-not-used-anywhere-else-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        "MEDIA_ROOT": str(media),  # one folder both instances write into
        "STATIC_ROOT": str(BASE_DIR / "var" / "cluster" / "static"),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    processes: list[subprocess.Popen] = []

    def start(*command, stdout=subprocess.DEVNULL, stderr=None):
        process = subprocess.Popen(
            command, env=env, cwd=BASE_DIR, stdout=stdout, stderr=stderr
        )
        processes.append(process)
        return process

    def manage(*args, **extra):
        subprocess.run(
            [PYTHON, "manage.py", *args],
            env={**env, **extra},
            cwd=BASE_DIR,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    try:
        print(f"Redis on 127.0.0.1:{redis_port} (private to this demo)", flush=True)
        start(
            "redis-server",
            "--bind", "127.0.0.1",
            "--port", str(redis_port),
            "--save", "",
            "--appendonly", "no",
        )  # fmt: skip
        print(f"A fresh database {DB_NAME} with the demo content...", flush=True)
        harness.ensure_database(url, fresh=True)
        manage("migrate", "--no-input", "-v0")
        manage("load_places", "-v0")
        manage("seed_demo", DEBUG="true")  # it refuses to run in production
        manage("collectstatic", "--no-input", "-v0")
        facts = json.loads(
            subprocess.run(
                [PYTHON, "manage.py", "shell", "-v0", "-c", FACTS],
                env=env,
                cwd=BASE_DIR,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        for port in (port_a, port_b):
            start(
                PYTHON, "-m", "gunicorn", "groups_site.wsgi",
                "--bind", f"127.0.0.1:{port}",
                "--workers", "2",
                "--log-level", "warning",
            )  # fmt: skip
        with open(work / "worker.log", "w") as log:  # it logs every task it runs
            start(
                PYTHON, "manage.py", "db_worker", "--interval", "1",
                stdout=log, stderr=log,
            )  # fmt: skip
        start(
            PYTHON, "bin/loadbalancer.py", f"127.0.0.1:{port_lb}",
            f"a=127.0.0.1:{port_a}", f"b=127.0.0.1:{port_b}",
        )  # fmt: skip
        for port in (redis_port, port_a, port_b, port_lb):
            wait_for_port(port)
        print(
            f"Instance A on :{port_a}, B on :{port_b} (task worker beside B), "
            f"load balancer on :{port_lb}\n",
            flush=True,
        )
        run_checks(port_a, port_b, port_lb, mail_dir, media, facts)
    finally:
        # Servers before the Redis they use.
        harness.stop(processes, timeout=20)
        shutil.rmtree(work, ignore_errors=True)
    failed = [name for name, passed, _ in RESULTS if not passed]
    print()
    if failed or len(RESULTS) < 6:
        print(f"FAIL: {len(failed)} of {len(RESULTS)} checks failed: {failed}")
        return 1
    print(f"PASS: all {len(RESULTS)} checks: nothing is kept inside one instance.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

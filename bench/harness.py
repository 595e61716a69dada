"""What the scripts that serve Kindred on loopback share (`make bench`, `make
load`, `make cluster-demo`): a free port, a database of their own on the server
DATABASE_URL names (or the embedded one), waiting for a server to answer, and
stopping what they started."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlparse, urlunparse

BASE_DIR = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(name: str) -> str:
    """The address of database ``name`` on DATABASE_URL's server, or on the
    embedded PostgreSQL under var/ (started if need be)."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return urlunparse(urlparse(url)._replace(path=f"/{name}"))
    sys.path.insert(0, str(BASE_DIR))
    from groups_site.lib.devdb import database_settings

    db = database_settings(BASE_DIR)
    host = quote(db["HOST"], safe="")
    return f"postgres://{db['USER']}@{host}:{db['PORT'] or 5432}/{name}"


def ensure_database(url: str, *, fresh: bool = False) -> None:
    """Create the database ``url`` names unless it exists (``fresh``: drop it
    first)."""
    import psycopg

    name = urlparse(url).path.lstrip("/")
    admin = urlunparse(urlparse(url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if fresh:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            conn.execute(f"CREATE DATABASE {name}")


def wait_until_up(url: str, timeout: float = 30) -> None:
    """Until ``url`` answers 200 (or stop the script after ``timeout`` s)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The server did not answer at {url}")


def stop(processes: list, timeout: float = 30) -> None:
    """Stop the servers a script started, the last started first (a server
    before the Redis or PostgreSQL it uses); kill one that will not stop."""
    for process in reversed(processes):
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()

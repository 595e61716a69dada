"""Embedded PostgreSQL for development and tests on a machine without a server.

When ``DATABASE_URL`` is unset, settings call :func:`database_settings`, which starts
(or reuses) a PostgreSQL cluster from the ``pgserver`` package under ``var/pg`` and
returns Django ``DATABASES["default"]`` settings for it. The server keeps running
after the process exits so the next ``make run`` or ``make test`` reuses it.
"""

import logging
import warnings
from pathlib import Path

DATABASE_NAME = "kindred"


def database_settings(base_dir: Path) -> dict:
    try:
        with warnings.catch_warnings():
            # platformdirs warns when XDG_RUNTIME_DIR is unset (headless machines).
            warnings.simplefilter("ignore")
            import pgserver
    except ImportError as exc:  # pragma: no cover - only without dev dependencies
        raise RuntimeError(
            "DATABASE_URL is not set and the embedded PostgreSQL (pgserver) is not "
            "installed. Run `make install`, or set DATABASE_URL."
        ) from exc

    data_dir = base_dir / "var" / "pg"
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: leave the server running for the next process to reuse.
    logging.getLogger("pgserver").setLevel(logging.WARNING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        server = pgserver.get_server(data_dir, cleanup_mode=None)
    info = server.get_postmaster_info()
    exists = server.psql(
        f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';"
    )
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "PASSWORD": "",
        # pgserver listens only on a Unix socket (no TCP port to collide with).
        "HOST": str(info.socket_dir),
        "PORT": str(info.port or ""),
    }

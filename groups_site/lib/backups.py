"""Backups: the database (pg_dump, custom format) and the uploads in one file.

A backup is one tar file, ``kindred-<UTC time>.tar``, holding

- ``database.dump``: ``pg_dump --format=custom`` of the whole database;
- ``media/``: every file under MEDIA_ROOT;
- ``manifest.json``: when, the server's version, the row count of every table
  (counted in the same snapshot pg_dump reads, so they match it exactly) and a
  sha256 of the media tree.

:func:`restore` puts one back into a database (refusing one that has tables unless
forced) and into a media folder; :func:`round_trip` restores a backup into a fresh
database and a temporary folder and compares the counts and the checksum with the
manifest. The management commands ``backup``, ``restore`` and ``backup_check`` (and
``make backup``, ``make restore FILE=...``, ``make backup-check``) call these.

pg_dump must not be older than the server, and pg_restore should read what that
pg_dump wrote: :func:`pg_tool` picks the client programs whose major version
matches the server's (the embedded server's own, Debian's
``/usr/lib/postgresql/<N>/bin``, or the ones on PATH), or ``PG_BIN_DIR``.
"""

import glob
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from psycopg import sql

MANIFEST = "manifest.json"
DUMP = "database.dump"
MEDIA = "media"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why."""


@dataclass(frozen=True)
class Database:
    """Where a database is: Django's DATABASES entry, as plain values."""

    name: str
    user: str = ""
    password: str = ""
    host: str = ""
    port: str = ""

    @classmethod
    def from_settings(cls, entry: dict) -> "Database":
        return cls(
            name=entry["NAME"],
            user=entry.get("USER") or "",
            password=entry.get("PASSWORD") or "",
            host=entry.get("HOST") or "",
            port=str(entry.get("PORT") or ""),
        )

    def named(self, name: str) -> "Database":
        return Database(name, self.user, self.password, self.host, self.port)

    def connect(self, **kwargs) -> psycopg.Connection:
        params = {"dbname": self.name, "user": self.user, "host": self.host}
        params |= {"password": self.password, "port": self.port}
        return psycopg.connect(**{k: v for k, v in params.items() if v}, **kwargs)

    def environ(self) -> dict:
        """The libpq variables for the client programs (no password on a command
        line, where other users of the machine could read it)."""
        env = {**os.environ, "PGDATABASE": self.name}
        for variable, value in (
            ("PGUSER", self.user),
            ("PGPASSWORD", self.password),
            ("PGHOST", self.host),
            ("PGPORT", self.port),
        ):
            if value:
                env[variable] = value
        return env


def server_major(db: Database) -> int:
    with db.connect() as conn:
        return conn.info.server_version // 10000


def _tool_major(path: str) -> int | None:
    try:
        out = subprocess.run(
            [path, "--version"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    # "pg_dump (PostgreSQL) 16.2" or "pg_dump (PostgreSQL) 15.20 (Debian ...)"
    try:
        return int(out.split(")")[1].split()[0].split(".")[0])
    except (IndexError, ValueError):
        return None


def _candidate_dirs() -> list[str]:
    if os.environ.get("PG_BIN_DIR"):
        return [os.environ["PG_BIN_DIR"]]
    dirs = []
    try:
        from pgserver._commands import POSTGRES_BIN_PATH

        dirs.append(str(POSTGRES_BIN_PATH))
    except ImportError:  # pragma: no cover - production installs lack pgserver
        pass
    dirs += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    dirs += os.environ.get("PATH", "").split(os.pathsep)
    return dirs


def pg_tool(name: str, major: int) -> str:
    """The path of PostgreSQL client program ``name`` for a server of version
    ``major``: the same major version, or else the oldest newer one."""
    found = {}
    for directory in _candidate_dirs():
        path = os.path.join(directory, name)
        if os.access(path, os.X_OK):
            version = _tool_major(path)
            if version is not None:
                found.setdefault(version, path)
    if major in found:
        return found[major]
    newer = sorted(version for version in found if version > major)
    if newer:
        return found[newer[0]]
    raise BackupError(
        f"No {name} for PostgreSQL {major} (found versions {sorted(found)}). Install "
        f"the PostgreSQL {major} client programs or set PG_BIN_DIR to their folder."
    )


def table_names(conn: psycopg.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
    ).fetchall()
    return [row[0] for row in rows]


def row_counts(conn: psycopg.Connection) -> dict[str, int]:
    counts = {}
    for table in table_names(conn):
        query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
        counts[table] = conn.execute(query).fetchone()[0]
    return counts


def media_checksum(root: Path) -> tuple[str, int]:
    """A sha256 of the tree under ``root`` (each file's relative path and
    contents, in path order) and how many files it holds."""
    digest = hashlib.sha256()
    files = 0
    if root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            files += 1
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            with path.open("rb") as handle:
                file_digest = hashlib.file_digest(handle, "sha256")
            digest.update(file_digest.digest())
    return digest.hexdigest(), files


def backup(db: Database, media_root: Path, backup_dir: Path) -> Path:
    """Write a backup of ``db`` and ``media_root`` into ``backup_dir``; return its
    path. The file and folder are readable by their owner only: they hold every
    member's private data."""
    backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"kindred-{stamp}.tar"
    if target.exists() or target.with_suffix(".tar.partial").exists():
        raise BackupError(f"{target} already exists: try again in a second.")
    major = server_major(db)
    pg_dump = pg_tool("pg_dump", major)
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMP
        # Count the rows in the snapshot pg_dump will read: the manifest then
        # describes exactly what the dump holds, even while the site is in use.
        with db.connect() as conn:
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
            counts = row_counts(conn)
            result = subprocess.run(
                [
                    pg_dump,
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={dump}",
                ],
                env=db.environ(),
                capture_output=True,
                text=True,
            )
            conn.rollback()
        if result.returncode:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        checksum, files = media_checksum(media_root)
        manifest = {
            "created_at": datetime.now(UTC).isoformat(),
            "database": db.name,
            "server_major": major,
            "pg_dump": pg_dump,
            "tables": counts,
            "media_sha256": checksum,
            "media_files": files,
        }
        (Path(work) / MANIFEST).write_text(json.dumps(manifest, indent=2))
        partial = target.with_suffix(".tar.partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w") as tar:
            tar.add(Path(work) / MANIFEST, arcname=MANIFEST)
            tar.add(dump, arcname=DUMP)
            if media_root.is_dir():
                tar.add(media_root, arcname=MEDIA)
        # Only a finished backup gets its final name.
        partial.rename(target)
    return target


def read_manifest(archive: Path) -> dict:
    try:
        with tarfile.open(archive) as tar:
            return json.load(tar.extractfile(MANIFEST))
    except (OSError, KeyError, tarfile.TarError, ValueError) as error:
        raise BackupError(f"{archive} is not a Kindred backup ({error}).") from None


def _extract(archive: Path, into: Path) -> None:
    with tarfile.open(archive) as tar:
        # filter="data": no absolute paths, links out of the folder or devices.
        tar.extractall(into, filter="data")


def restore(
    archive: Path, db: Database, media_root: Path, *, force: bool = False
) -> dict:
    """Restore ``archive`` into ``db`` and ``media_root``. Refuses a database that
    already has tables, or a media folder with files in it, unless ``force``:
    then the backup's tables replace the ones of the same name (others are left)
    and its files are written over the folder's. Returns the manifest."""
    manifest = read_manifest(archive)
    with db.connect() as conn:
        existing = table_names(conn)
    has_media = media_root.is_dir() and any(media_root.iterdir())
    if not force and (existing or has_media):
        what = []
        if existing:
            what.append(f"database {db.name!r} has {len(existing)} tables")
        if has_media:
            what.append(f"{media_root} has files")
        raise BackupError(
            f"Refusing to restore: {' and '.join(what)}. Restore into an empty "
            "database and media folder, or pass --force (make restore FORCE=1) "
            "to replace what is there with the backup."
        )
    pg_restore = pg_tool("pg_restore", server_major(db))
    with tempfile.TemporaryDirectory() as work:
        _extract(archive, Path(work))
        command = [
            pg_restore,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={db.name}",
        ]
        if force and existing:
            command += ["--clean", "--if-exists"]
        result = subprocess.run(
            [*command, str(Path(work) / DUMP)],
            env=db.environ(),
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
        media = Path(work) / MEDIA
        if media.is_dir():
            media_root.mkdir(parents=True, exist_ok=True)
            shutil.copytree(media, media_root, dirs_exist_ok=True)
    return manifest


def round_trip(archive: Path, db: Database) -> list[str]:
    """Restore ``archive`` into a new database beside ``db`` (dropped afterwards)
    and a temporary folder; return the differences from its manifest (none when
    the backup is whole)."""
    manifest = read_manifest(archive)
    # PostgreSQL names stop at 63 bytes: shorten a long one, keeping it unique.
    base = db.name
    if len(base) > 40:
        base = f"{base[:30]}_{hashlib.sha256(base.encode()).hexdigest()[:8]}"
    scratch = db.named(f"{base}_restore_check")
    admin = db.named("postgres")
    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(scratch.name))
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
        sql.Identifier(scratch.name)
    )
    with admin.connect(autocommit=True) as conn:
        conn.execute(drop)
        conn.execute(create)
    problems = []
    try:
        with tempfile.TemporaryDirectory() as media:
            restore(archive, scratch, Path(media) / "media")
            with scratch.connect() as conn:
                restored = row_counts(conn)
            checksum, files = media_checksum(Path(media) / "media")
        expected = manifest["tables"]
        for table in sorted(set(expected) | set(restored)):
            if expected.get(table) != restored.get(table):
                problems.append(
                    f"table {table}: {expected.get(table, 'missing')} rows backed "
                    f"up, {restored.get(table, 'missing')} restored"
                )
        if checksum != manifest["media_sha256"]:
            problems.append(
                f"media: {manifest['media_files']} files backed up, {files} restored, "
                "checksums differ"
            )
    finally:
        with admin.connect(autocommit=True) as conn:
            conn.execute(drop)
    return problems

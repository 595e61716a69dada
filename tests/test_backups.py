"""Backups (manage.py backup / restore / backup_check): a round trip through a
fresh database gives back every table's rows and the same media files; restoring
over a database in use is refused unless forced."""

import json
import tarfile
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from groups_site.lib import backups
from tests.conftest import concurrent, make_group, make_user


def default_db() -> backups.Database:
    return backups.Database.from_settings(settings.DATABASES["default"])


@pytest.fixture
def site_with_uploads(settings):
    organizer = make_user("rowan")
    make_group(name="Tuesday circle", organizer=organizer, members=[make_user("ivy")])
    avatars = Path(settings.MEDIA_ROOT) / "avatars" / "2026" / "11"
    avatars.mkdir(parents=True)
    (avatars / "rowan.png").write_bytes(b"\x89PNG not really a picture")
    (Path(settings.MEDIA_ROOT) / "top.txt").write_text("a file at the top")


@concurrent
def test_a_backup_restores_whole_into_a_fresh_database(
    site_with_uploads, tmp_path, monkeypatch
):
    monkeypatch.setenv("BACKUP_DIR", str(tmp_path / "backups"))
    out = StringIO()
    call_command("backup_check", stdout=out)
    assert "PASS: every table's row count and the media checksum match" in (
        out.getvalue()
    )
    (archive,) = (tmp_path / "backups").glob("kindred-*.tar")
    # Only her operator may read it: it holds every member's private data.
    assert archive.stat().st_mode & 0o077 == 0
    manifest = backups.read_manifest(archive)
    assert manifest["tables"]["accounts_user"] == 2
    assert manifest["tables"]["groups_group"] == 1
    assert manifest["media_files"] == 2
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert {"manifest.json", "database.dump", "media/avatars/2026/11/rowan.png"} <= (
        set(names)
    )

    # A backup whose contents do not match what it says is caught.
    manifest["tables"]["accounts_user"] = 3
    forged = tmp_path / "forged.tar"
    with tarfile.open(archive) as source, tarfile.open(forged, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member) if member.isfile() else None
            if member.name == "manifest.json":
                body = json.dumps(manifest).encode()
                member.size = len(body)
                data = BytesIO(body)
            target.addfile(member, data)
    problems = backups.round_trip(forged, default_db())
    assert problems == ["table accounts_user: 3 rows backed up, 2 restored"]

    # Restoring over the database in use is refused, and nothing is written.
    with pytest.raises(CommandError, match="Refusing to restore: database"):
        call_command("restore", str(archive))


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, db):
    not_a_backup = tmp_path / "notes.tar"
    with tarfile.open(not_a_backup, "w") as tar:
        tar.add(__file__, arcname="notes.py")
    with pytest.raises(CommandError, match="is not a Kindred backup"):
        call_command("restore", str(not_a_backup))
    with pytest.raises(CommandError, match="No such backup"):
        call_command("restore", str(tmp_path / "missing.tar"))


def test_it_uses_client_programs_that_match_the_server(db):
    major = backups.server_major(default_db())
    pg_dump = backups.pg_tool("pg_dump", major)
    assert backups._tool_major(pg_dump) == major
    with pytest.raises(backups.BackupError, match="No pg_dump for PostgreSQL 99"):
        backups.pg_tool("pg_dump", 99)

"""`manage.py backup` (`make backup`): the database and the uploads in one file
under BACKUP_DIR (default var/backups). See groups_site/lib/backups.py."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from groups_site.lib import backups


def backup_dir() -> Path:
    return Path(os.environ.get("BACKUP_DIR") or settings.BASE_DIR / "var" / "backups")


class Command(BaseCommand):
    help = "Back up the database (pg_dump, custom format) and MEDIA_ROOT into one file."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            dest="directory",
            type=Path,
            help="Folder for the backup (default: BACKUP_DIR).",
        )

    def handle(self, *args, directory=None, **options):
        db = backups.Database.from_settings(settings.DATABASES["default"])
        try:
            path = backups.backup(
                db, Path(settings.MEDIA_ROOT), directory or backup_dir()
            )
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        manifest = backups.read_manifest(path)
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Backed up {len(manifest['tables'])} tables ({rows} rows) and "
            f"{manifest['media_files']} media files to {path}"
        )

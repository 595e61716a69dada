"""`manage.py backup_check` (`make backup-check`): prove a backup restores whole.
Makes a backup (or takes FILE), restores it into a fresh database beside the
configured one and a temporary folder, and compares the row count of every table
and a sha256 of the media tree with what was backed up. The fresh database is
dropped afterwards. See groups_site/lib/backups.py."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from groups_site.lib import backups
from groups_site.management.commands.backup import backup_dir


class Command(BaseCommand):
    help = "Back up, restore into a fresh database and compare (a round trip)."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", type=Path, help="Check this backup instead of a new one."
        )

    def handle(self, *args, file=None, **options):
        db = backups.Database.from_settings(settings.DATABASES["default"])
        try:
            if file is None:
                file = backups.backup(db, Path(settings.MEDIA_ROOT), backup_dir())
                self.stdout.write(f"Backed up to {file}")
            manifest = backups.read_manifest(file)
            problems = backups.round_trip(file, db)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        tables = manifest["tables"]
        self.stdout.write(
            f"Restored into a fresh database: {len(tables)} tables, "
            f"{sum(tables.values())} rows; {manifest['media_files']} media files, "
            f"sha256 {manifest['media_sha256'][:16]}..."
        )
        if problems:
            for problem in problems:
                self.stdout.write(f"  {problem}")
            raise CommandError("FAIL: the backup did not restore whole.")
        self.stdout.write(
            "PASS: every table's row count and the media checksum match the backup."
        )

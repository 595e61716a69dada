"""`manage.py restore FILE` (`make restore FILE=...`): put a backup back into the
configured database and MEDIA_ROOT. Refuses a database with tables or a media
folder with files unless --force. See groups_site/lib/backups.py."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from groups_site.lib import backups


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` into the configured database."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore even though the database or media folder is not empty: "
            "the backup's tables replace those of the same name and its files are "
            "written over the folder's.",
        )

    def handle(self, *args, file, force, **options):
        if not file.is_file():
            raise CommandError(f"No such backup: {file}")
        db = backups.Database.from_settings(settings.DATABASES["default"])
        try:
            manifest = backups.restore(file, db, Path(settings.MEDIA_ROOT), force=force)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored {len(manifest['tables'])} tables and "
            f"{manifest['media_files']} media files from {file} (made "
            f"{manifest['created_at']}) into database {db.name!r} and "
            f"{settings.MEDIA_ROOT}. Run `manage.py migrate` if this code is newer "
            "than the backup."
        )

"""Make the meetings of the next weeks from every group's schedules.

Safe to run as often as you like (a timer runs it daily): meetings that exist are
kept, missing ones are added, and a unique constraint makes duplicates impossible
even when two runs overlap."""

from django.core.management.base import BaseCommand

from groups.meetings.generation import HORIZON_WEEKS, sync_all


class Command(BaseCommand):
    help = f"Make the next {HORIZON_WEEKS} weeks of meetings from group schedules."

    def handle(self, *args, **options):
        added = sync_all()
        self.stdout.write(f"Added {added} meetings.")

"""Remind everyone going to a meeting that starts within the next day.

Run it every few minutes (a systemd timer or cron): each meeting is reminded
exactly once however often it runs, even when two runs overlap."""

from django.core.management.base import BaseCommand

from groups.meetings.reminders import send_reminders


class Command(BaseCommand):
    help = "Remind the people going to meetings that start within 24 hours."

    def handle(self, *args, **options):
        told = send_reminders()
        self.stdout.write(f"Sent {told} reminders.")

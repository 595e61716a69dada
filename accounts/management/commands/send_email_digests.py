from django.core.management.base import BaseCommand

from accounts import emails


class Command(BaseCommand):
    help = (
        "Send the daily summary e-mail to members who chose one for group "
        "membership news (run once a day, e.g. from a systemd timer)."
    )

    def handle(self, *args, **options):
        sent = emails.send_digests()
        self.stdout.write(f"Sent {sent} summary e-mail(s).")

"""Background tasks (django-tasks), run by the worker: ``manage.py db_worker``."""

from django_tasks import task

from accounts import emails


@task()
def send_notification_email(delivery_id: int) -> str:
    """Send one notification's e-mail (accounts.emails.deliver: at most once,
    retried with a growing delay when the mail server fails)."""
    return emails.deliver(delivery_id)

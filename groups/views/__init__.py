# Views are split by area: browse (search and places), detail (the group page),
# membership (join, leave, my groups), meetings (a meeting's page, answering,
# my meetings), manage (listing and organizer tools), organize (the organizer's
# schedules and meetings), calendars (.ics files and her private feed) and
# open_data (the Meeting Guide feed).

from allauth.core import ratelimit
from django.contrib import messages
from django.core.exceptions import ValidationError


def message_error(request, error: ValidationError) -> None:
    """Show a service's refusal (a ValidationError) as an error message."""
    messages.error(request, " ".join(error.messages))


def is_rate_limited(request, action: str, *, key: str | None = None) -> bool:
    """Count this POST towards one of our limits in settings.ACCOUNT_RATE_LIMITS
    (group_join, group_create, meeting_rsvp), kept in the shared cache by
    allauth's rate limiter beside its own; True when she is over it."""
    return not ratelimit.consume(request, action=action, user=request.user, key=key)

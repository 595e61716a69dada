# Views are split by area: browse (search and places), detail (the group page),
# membership (join, leave, my groups) and manage (listing and organizer tools).

from django.contrib import messages
from django.core.exceptions import ValidationError


def message_error(request, error: ValidationError) -> None:
    """Show a service's refusal (a ValidationError) as an error message."""
    messages.error(request, " ".join(error.messages))

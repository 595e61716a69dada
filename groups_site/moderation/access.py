from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from accounts.access import is_moderator


def moderator_required(view):
    """Signed out: to sign-in. Signed in without moderator powers (members,
    organizers, staff without the permission or without two-step sign-in): 403."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied("Only moderators can open this page.")
        return view(request, *args, **kwargs)

    return wrapped

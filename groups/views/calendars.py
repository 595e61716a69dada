"""Calendars: a listed group's public calendar, one meeting's "Add to calendar"
file, her private feed, and the controls for its address (on her privacy
settings page, through settings.ACCOUNT_SETTINGS_PANELS)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotFound
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST, require_safe

from groups import access, services
from groups.meetings import calendars, feeds
from groups_site.lib.web import absolute_url

# A public calendar is the same for everyone: shared caches may keep it a while
# (signed-in responses stay private, no-store: PrivateResponseMiddleware).
PUBLIC_CALENDAR_MAX_AGE = 15 * 60


def _calendar_response(body: bytes) -> HttpResponse:
    return HttpResponse(body, content_type=calendars.CONTENT_TYPE)


@require_safe
@cache_control(public=True, max_age=PUBLIC_CALENDAR_MAX_AGE)
def group_calendar(request, slug):
    # Listed groups only: unlisted, pending and archived ones 404 like no group.
    group = get_object_or_404(feeds.listed_groups(), slug=slug)
    page_url = absolute_url(group.get_absolute_url(), request.scheme)
    events = [
        calendars.meeting_event(meeting, page_url=page_url)
        for meeting in feeds.group_calendar_meetings(group)
    ]
    body = calendars.build_calendar(
        name=group.name, events=events, stamp=timezone.now()
    )
    return _calendar_response(body)


@require_safe
def meeting_ics(request, slug, code):
    # Whoever may open the group's page may add its meetings to a calendar; the
    # address and link only for members and drop-ins going to this one.
    group = access.get_visible_group(request.user, slug)
    meeting = get_object_or_404(group.meetings, code=code)
    shows_private, is_drop_in = feeds.meeting_details_access(request.user, meeting)
    if shows_private and (meeting.address or meeting.link):
        services.record_private_detail_view(
            user=request.user, group=group, meeting=meeting if is_drop_in else None
        )
    page = meeting.get_absolute_url() if shows_private else group.get_absolute_url()
    discreet = request.user.is_authenticated and request.user.discreet_emails
    event = calendars.meeting_event(
        meeting,
        page_url=absolute_url(page, request.scheme),
        shows_private=shows_private,
        discreet=discreet,
    )
    name = calendars.NEUTRAL_TITLE if discreet else group.name
    response = _calendar_response(
        calendars.build_calendar(name=name, events=[event], stamp=timezone.now())
    )
    # A neutral file name: it stays in her downloads folder.
    response["Content-Disposition"] = 'attachment; filename="meeting.ics"'
    return response


@require_safe
def my_calendar(request):
    """Her private feed. Calendar apps fetch it with no cookies: the token is
    the only key, and nothing here reads or starts a session."""
    user = feeds.feed_owner(request.GET.get("token", ""))
    if user is None:
        # The same answer for a wrong, old, turned-off or missing token.
        return HttpResponseNotFound("Not found.", content_type="text/plain")
    meetings = feeds.member_calendar_meetings(user)
    feeds.record_feed_reveals(user=user, meetings=meetings)
    events = [
        calendars.meeting_event(
            meeting,
            page_url=absolute_url(meeting.get_absolute_url(), request.scheme),
            shows_private=meeting.shows_private,
            discreet=user.discreet_emails,
        )
        for meeting in meetings
    ]
    name = "Meetings" if user.discreet_emails else f"My {settings.SITE_NAME} meetings"
    response = _calendar_response(
        calendars.build_calendar(name=name, events=events, stamp=timezone.now())
    )
    response["Cache-Control"] = "private, no-store"
    return response


# Both are one click, without a confirmation page: they are her way out when she
# fears someone has her calendar address, and neither loses anything she can't
# get back by turning the feed on again.
@login_required
@require_POST
def calendar_feed_reset(request):
    feeds.reset_feed(user=request.user)
    messages.success(
        request,
        "Your private calendar has a new address; the old one has stopped "
        "working. Subscribe to the new one in your calendar app.",
    )
    return redirect("accounts:privacy_settings")


@login_required
@require_POST
def calendar_feed_delete(request):
    feeds.turn_off_feed(user=request.user)
    messages.success(
        request,
        "Your private calendar is turned off; its address no longer works.",
    )
    return redirect("accounts:privacy_settings")


def calendar_settings_panel(user) -> tuple[str, dict]:
    """Her private calendar on the privacy settings page
    (settings.ACCOUNT_SETTINGS_PANELS): the template and its context."""
    feed = feeds.feed_of(user)
    context = {"feed": feed, "feed_url": "", "subscribe_url": ""}
    if feed is not None:
        path = f"{reverse('groups:my_calendar')}?token={feed.token}"
        context["feed_url"] = absolute_url(path)
        context["subscribe_url"] = f"webcal://{settings.SITE_DOMAIN}{path}"
    return "groups/includes/calendar_settings_panel.html", context

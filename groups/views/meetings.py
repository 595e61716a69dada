"""Meetings as members and visitors see them: one meeting's page, her answer
(going or can't go) and her own list at /meetings/. Organizers' tools for
meetings live under /groups/<slug>/manage/."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from groups import access, caching, services
from groups.forms import RSVPForm
from groups.meetings import agenda, rendering, rsvp
from groups.models import RSVP, Group, Meeting
from groups.views import is_rate_limited
from groups_site import pagecache
from groups_site.lib.pagination import paginate
from groups_site.lib.web import local_url

MEETINGS_PER_PAGE = 30
RSVP_LIMITED = (
    "You've changed your answers many times in a short while. Please wait a "
    "little and try again."
)


def _get_meeting(user, slug: str, code) -> tuple[Group, Meeting]:
    """A meeting of a group whose page she may open, or 404 (the same 404 as a
    meeting that does not exist)."""
    meeting = access.get_visible_meeting(user, slug, code)
    return meeting.group, meeting


@pagecache.shared_when_signed_out(tags=lambda slug, code: [caching.group_tag(slug)])
def meeting_detail(request, slug, code):
    group, meeting = _get_meeting(request.user, slug, code)
    caching.shows_meetings([meeting])
    page = access.meeting_page(request.user, group, meeting)
    if page.address or page.link:
        # Logged like the group page's members-only panel; a drop-in's reveal
        # names the one meeting she has a seat at.
        services.record_private_detail_view(
            user=request.user,
            group=group,
            meeting=meeting if page.is_drop_in_guest else None,
        )
    context = page.as_context()
    context.update(
        rendering.render_meeting_parts(
            page.item,
            user=request.user,
            next_url=request.get_full_path(),
            csrf_token=rendering.csrf_token_of(request),
        )
    )
    return render(request, "groups/meeting_detail.html", context)


def _outcome(answer: RSVP) -> str:
    if answer.is_going:
        if answer.is_drop_in:
            return "You're going. The address is on the meeting's page."
        return "You're going."
    if answer.is_waitlisted:
        position = rsvp.waitlist_position(answer)
        return f"It's full, so you're on the waitlist: number {position}."
    return "Thanks for letting them know."


def _answer(request, meeting: Meeting) -> tuple[str, str]:
    """(what happened, what went wrong): one of them is empty."""
    form = RSVPForm(request.POST)
    if not form.is_valid():
        return "", " ".join(form.errors["going"])
    if is_rate_limited(request, "meeting_rsvp"):
        return "", RSVP_LIMITED
    try:
        answer = rsvp.respond(
            user=request.user, meeting=meeting, going=form.cleaned_data["going"]
        )
    except ValidationError as error:
        return "", " ".join(error.messages)
    return _outcome(answer), ""


def _next_url(request, meeting: Meeting) -> str:
    url = request.POST.get("next", "")
    host, https = request.get_host(), request.is_secure()
    return local_url(url, host=host, https=https) or meeting.get_absolute_url()


@require_POST
def meeting_rsvp(request, slug, code):
    if not request.user.is_authenticated:
        # Back to the meeting after signing in: this URL only takes a POST.
        return redirect_to_login(f"/groups/{slug}/meetings/{code}/")
    group, meeting = _get_meeting(request.user, slug, code)
    outcome, error = _answer(request, meeting)
    if request.htmx:
        # Just the meeting's item, swapped in place; it says what happened.
        membership = access.get_membership(request.user, group)
        meeting = group.meetings.get(pk=meeting.pk)
        context = {
            "item": agenda.meeting_item(meeting, request.user, membership),
            "user": request.user,
            "next": _next_url(request, meeting),
            "outcome": outcome,
            "error": error,
        }
        return render(request, "groups/includes/meeting_item.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, outcome)
    return redirect(_next_url(request, meeting))


@login_required
def my_meetings(request):
    # Only ever her own meetings: this page takes no user from the URL.
    meetings = agenda.her_meetings(request.user)
    page_obj = paginate(meetings, request.GET.get("page"), per_page=MEETINGS_PER_PAGE)
    memberships = agenda.her_memberships(request.user)
    items = rendering.render_items(
        agenda.items_for(request.user, list(page_obj), memberships),
        user=request.user,
        next_url=request.get_full_path(),
        csrf_token=rendering.csrf_token_of(request),
    )
    return render(
        request, "groups/my_meetings.html", {"page_obj": page_obj, "items": items}
    )

"""The organizer's meeting tools: the group's schedules, and one meeting's
cancellation, changes and list of who is coming. Meeting rows change only through
groups.meetings (generation and changes), which tells the people going."""

from copy import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from groups import access
from groups.forms import MeetingCancelForm, MeetingChangeForm, ScheduleForm
from groups.meetings import changes, generation, rsvp
from groups.models import RSVP, Group, Meeting, Schedule


def _schedule_page(request, group: Group, form: ScheduleForm, schedule=None):
    context = {"group": group, "form": form, "schedule": schedule}
    template = "schedule_edit" if schedule else "schedule_create"
    return render(request, f"groups/{template}.html", context)


ADDED = "The schedule is saved, and its meetings are on the group's page."
TOLD = "Everyone going or on the waitlist has been told."
CHANGED = (
    "The schedule is saved. Meetings still to come follow it, and anyone going "
    "to a meeting whose time changed has been told."
)


def _save_schedule(request, group: Group, form: ScheduleForm, schedule=None):
    """Save a valid form through generation (the meetings follow at once), or
    re-render it with the refusal."""
    new = form.save(commit=False)
    new.group = group
    try:
        generation.save_schedule(new)
    except ValidationError as error:
        form.add_error(None, error.messages)
        return _schedule_page(request, group, form, schedule)
    messages.success(request, ADDED if schedule is None else CHANGED)
    return redirect("groups:group_manage", slug=group.slug)


@login_required
def schedule_create(request, slug):
    group, _ = access.get_group_for_organizer(request.user, slug)
    if request.method == "POST":
        form = ScheduleForm(request.POST, zone=group.timezone)
        if form.is_valid():
            return _save_schedule(request, group, form)
    else:
        # "Add a one-off meeting" opens the form on "Once".
        kind = request.GET.get("kind")
        initial = {"kind": kind} if kind in Schedule.Kind.values else {}
        form = ScheduleForm(initial=initial, zone=group.timezone)
    return _schedule_page(request, group, form)


@login_required
def schedule_edit(request, slug, pk):
    group, _ = access.get_group_for_organizer(request.user, slug)
    schedule = get_object_or_404(group.schedules, pk=pk)
    if request.method == "POST":
        # The form edits a copy: the page keeps naming the schedule as it is
        # until the new one is saved.
        form = ScheduleForm(request.POST, instance=copy(schedule), zone=group.timezone)
        if form.is_valid():
            return _save_schedule(request, group, form, schedule)
    else:
        form = ScheduleForm(instance=schedule, zone=group.timezone)
    return _schedule_page(request, group, form, schedule)


@login_required
def schedule_delete(request, slug, pk):
    group, _ = access.get_group_for_organizer(request.user, slug)
    schedule = get_object_or_404(group.schedules, pk=pk)
    if request.method == "POST":
        generation.remove_schedule(schedule)
        messages.success(
            request,
            "The schedule is deleted. Its meetings still to come are off, and "
            "anyone who said they were going has been told.",
        )
        return redirect("groups:group_manage", slug=group.slug)
    context = {
        "group": group,
        "schedule": schedule,
        "people_going": _people_going(schedule),
    }
    return render(request, "groups/schedule_delete.html", context)


def _people_going(schedule: Schedule) -> int:
    """How many answers of "going" or "waiting" the schedule's meetings still to
    come hold: the people a deletion tells."""
    return (
        RSVP.objects.filter(
            meeting__schedule=schedule,
            meeting__starts_at__gt=timezone.now(),
            state__in=[RSVP.State.GOING, RSVP.State.WAITLISTED],
        )
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .count()
    )


def _meeting_for_organizer(request, slug, code) -> Meeting:
    group, _ = access.get_group_for_organizer(request.user, slug)
    # Through the group's own manager: another group's meeting is a 404, and
    # meeting.group is the group already fetched.
    return get_object_or_404(group.meetings, code=code)


def _meeting_page(request, template: str, meeting: Meeting, form):
    context = {"group": meeting.group, "meeting": meeting, "form": form}
    return render(request, f"groups/{template}.html", context)


@login_required
def meeting_cancel(request, slug, code):
    meeting = _meeting_for_organizer(request, slug, code)
    if request.method == "POST":
        form = MeetingCancelForm(request.POST)
        if form.is_valid():
            try:
                changes.cancel_meeting(
                    organizer=request.user,
                    meeting=meeting,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, "The meeting is cancelled. " + TOLD)
                return redirect("groups:group_manage", slug=meeting.group.slug)
    else:
        form = MeetingCancelForm()
    return _meeting_page(request, "meeting_cancel", meeting, form)


@login_required
def meeting_change(request, slug, code):
    meeting = _meeting_for_organizer(request, slug, code)
    if request.method == "POST":
        form = MeetingChangeForm(request.POST, meeting=meeting)
        if form.is_valid():
            try:
                changes.change_meeting(
                    organizer=request.user, meeting=meeting, change=form.change()
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, "The meeting is changed. " + TOLD)
                return redirect("groups:group_manage", slug=meeting.group.slug)
    else:
        form = MeetingChangeForm(meeting=meeting)
    return _meeting_page(request, "meeting_change", meeting, form)


@login_required
def meeting_attendees(request, slug, code):
    group, membership = access.get_group_for_attendees(request.user, slug)
    meeting = get_object_or_404(group.meetings, code=code)
    answers = list(rsvp.attendees(meeting))
    context = {
        "group": group,
        "meeting": meeting,
        "can_manage": access.can_manage(request.user, membership),
        "going": [answer for answer in answers if answer.is_going],
        "waiting": [answer for answer in answers if answer.is_waitlisted],
    }
    return render(request, "groups/meeting_attendees.html", context)

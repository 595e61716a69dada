from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.access import is_moderator
from groups import access, moderation, services
from groups.forms import (
    GroupForm,
    GroupStatusForm,
    MembershipRoleForm,
    ScheduleForm,
)
from groups.models import Group, Membership, Schedule
from groups.views import is_rate_limited, message_error

STATUS_MESSAGES = {
    Group.Status.PAUSED: "{name} is taking a break. Its members have been told.",
    Group.Status.ACTIVE: "{name} is meeting again. Its members have been told.",
    Group.Status.ARCHIVED: "{name} is archived. Its members have been told.",
}
# The organizer tools list the next few meetings (about three months of a
# weekly group), each with its own change, cancel and attendees pages.
UPCOMING_MEETINGS_SHOWN = 12
GROUP_CREATE_LIMITED = (
    "You've listed several groups in a short while. Please try again later."
)


def _render_create(request, form, schedule_form, status=200):
    context = {"form": form, "schedule_form": schedule_form}
    return render(request, "groups/group_create.html", context, status=status)


@login_required
def group_create(request):
    if request.method != "POST":
        return _render_create(
            request, GroupForm(), ScheduleForm(prefix="schedule", optional=True)
        )
    form = GroupForm(request.POST)
    is_valid = form.is_valid()
    # The first schedule's times are in the zone the group form settles on.
    zone = form.cleaned_data.get("timezone")
    schedule_form = ScheduleForm(
        request.POST, prefix="schedule", optional=True, zone=zone
    )
    if not (schedule_form.is_valid() and is_valid):
        return _render_create(request, form, schedule_form)
    if earlier := services.recently_listed(
        user=request.user, name=form.cleaned_data["name"]
    ):
        # The same form sent twice: she lands on the group she already listed.
        messages.info(request, f"You have already listed {earlier.name}: here it is.")
        return redirect(earlier)
    if is_rate_limited(request, "group_create"):
        form.add_error(None, GROUP_CREATE_LIMITED)
        return _render_create(request, form, schedule_form, status=429)
    schedule = schedule_form.save(commit=False) if schedule_form.has_schedule else None
    try:
        group = services.create_group(form=form, user=request.user, schedule=schedule)
    except ValidationError as error:
        form.add_error(None, error.messages)
        return _render_create(request, form, schedule_form)
    messages.success(
        request,
        f"Thank you! {group.name} is saved. It will appear on the site after a "
        "moderator has reviewed it; we will let you know here.",
    )
    return redirect(group)


@login_required
@require_POST
def group_review(request, slug):
    # A site-staff power: moderators approve new groups before anyone can find them.
    if not is_moderator(request.user):
        raise PermissionDenied("Only moderators review groups.")
    group = get_object_or_404(Group, slug=slug)
    try:
        moderation.approve_group(group=group, moderator=request.user)
    except ValidationError as error:
        message_error(request, error)
    else:
        messages.success(request, f"{group.name} is approved and now live.")
    return redirect(group)


def _current_schedules(group: Group):
    """The schedules that still make meetings: not ended, one-offs still to come."""
    today = timezone.now().astimezone(ZoneInfo(group.timezone)).date()
    schedules = group.schedules.exclude(ends_on__lt=today)
    return schedules.exclude(kind=Schedule.Kind.ONCE, starts_on__lt=today)


@login_required
def group_manage(request, slug):
    group, membership = access.get_group_for_organizer(request.user, slug)
    people = group.memberships.select_related("user")
    context = {
        "group": group,
        "membership": membership,
        "requests": people.pending().order_by("created_at"),
        "members": people.active().in_roster_order(),
        "role_choices": Membership.Role.choices,
        "schedules": _current_schedules(group),
        "meetings": group.meetings.upcoming()[:UPCOMING_MEETINGS_SHOWN],
    }
    return render(request, "groups/group_manage.html", context)


@login_required
def group_edit(request, slug):
    group, _ = access.get_group_for_organizer(request.user, slug)
    if request.method == "POST":
        form = GroupForm(request.POST, instance=group)
        if form.is_valid():
            services.update_group(form=form, organizer=request.user)
            messages.success(request, "Your changes are saved.")
            return redirect("groups:group_manage", slug=group.slug)
    else:
        form = GroupForm(instance=group)
    return render(request, "groups/group_edit.html", {"group": group, "form": form})


@login_required
@require_POST
def group_status(request, slug):
    group, _ = access.get_group_for_organizer(request.user, slug)
    form = GroupStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose pause, resume or archive.")
        return redirect("groups:group_manage", slug=group.slug)
    status = form.cleaned_data["status"]
    if status == Group.Status.ARCHIVED and not form.cleaned_data["confirm"]:
        # Archiving closes the group for good: ask once more before acting.
        return render(request, "groups/group_status.html", {"group": group})
    try:
        services.set_group_status(organizer=request.user, group=group, status=status)
    except ValidationError as error:
        message_error(request, error)
    else:
        messages.success(request, STATUS_MESSAGES[status].format(name=group.name))
    return redirect("groups:group_manage", slug=group.slug)


@login_required
def group_link_rotate(request, slug):
    group, _ = access.get_group_for_organizer(request.user, slug)
    if request.method == "POST":
        try:
            group = services.rotate_group_link(organizer=request.user, group=group)
        except ValidationError as error:
            message_error(request, error)
        else:
            messages.success(
                request,
                "The group has a new private link. The old one no longer works.",
            )
        return redirect("groups:group_manage", slug=group.slug)
    return render(request, "groups/group_link_rotate.html", {"group": group})


def _request_row(request, group: Group, membership: Membership, **context):
    """The request's row on the organizer tools page, for htmx to swap in."""
    context |= {"group": group, "membership": membership}
    return render(request, "groups/includes/manage_request_row.html", context)


def _answer_outcome(membership: Membership, group: Group, *, approve: bool) -> str:
    name = membership.user.public_name
    if approve:
        return f"{name} is now a member of {group.name}."
    return f"You declined {name}’s request. We let them know, kindly."


def _answer_request(request, slug, code, *, approve: bool):
    group, _ = access.get_group_for_organizer(request.user, slug)
    answer = services.approve_request if approve else services.decline_request
    try:
        membership = answer(organizer=request.user, group=group, code=code)
    except ValidationError as error:
        if not request.htmx:
            message_error(request, error)
            return redirect("groups:group_manage", slug=group.slug)
        people = group.memberships.select_related("user")
        membership = get_object_or_404(people, code=code)
        return _request_row(request, group, membership, error=" ".join(error.messages))
    outcome = _answer_outcome(membership, group, approve=approve)
    if request.htmx:
        # Swapped in place of the request; the page's live region announces it.
        return _request_row(request, group, membership, outcome=outcome)
    messages.success(request, outcome)
    return redirect("groups:group_manage", slug=group.slug)


@login_required
@require_POST
def membership_approve(request, slug, code):
    return _answer_request(request, slug, code, approve=True)


@login_required
@require_POST
def membership_decline(request, slug, code):
    return _answer_request(request, slug, code, approve=False)


@login_required
def membership_remove(request, slug, code):
    group, _ = access.get_group_for_organizer(request.user, slug)
    membership = get_object_or_404(
        group.memberships.active().select_related("user"), code=code
    )
    if membership.user_id == request.user.pk:
        return redirect("groups:group_leave", slug=group.slug)
    if request.method == "POST":
        try:
            services.remove_member(organizer=request.user, group=group, code=code)
        except ValidationError as error:
            message_error(request, error)
        else:
            messages.success(
                request,
                f"{membership.user.public_name} is no longer a member of {group.name}.",
            )
        return redirect("groups:group_manage", slug=group.slug)
    return render(
        request,
        "groups/membership_remove.html",
        {
            "group": group,
            "membership": membership,
            "is_last_organizer": services.is_last_organizer(membership),
        },
    )


@login_required
@require_POST
def membership_role(request, slug, code):
    group, _ = access.get_group_for_organizer(request.user, slug)
    form = MembershipRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose organizer, facilitator or member.")
        return redirect("groups:group_manage", slug=group.slug)
    try:
        membership = services.change_role(
            organizer=request.user,
            group=group,
            code=code,
            role=form.cleaned_data["role"],
        )
    except ValidationError as error:
        message_error(request, error)
    else:
        messages.success(
            request,
            f"{membership.user.public_name} is now "
            f"{services.ROLE_PHRASES[membership.role]} of {group.name}.",
        )
    return redirect("groups:group_manage", slug=group.slug)

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db.models import OuterRef
from django.shortcuts import redirect, render
from django.utils.timezone import now
from django.views.decorators.http import require_POST

from groups import access, services
from groups.forms import JoinForm, MembershipVisibilityForm
from groups.models import Membership
from groups.models.meeting import next_meeting_start
from groups.views import is_rate_limited, message_error

JOIN_LIMITED = (
    "You've asked to join groups many times in a short while. Please wait a while "
    "and try again."
)


def _joined_message(membership: Membership, group) -> str:
    if membership.is_active:
        return f"Welcome to {group.name}! You can now see where and when it meets."
    return (
        f"Your request to join {group.name} is sent. We will let you know here "
        "when an organizer answers."
    )


@require_POST
def group_join(request, slug):
    if not request.user.is_authenticated:
        # Back to the group page after signing in: this URL only takes a POST.
        return redirect_to_login(f"/groups/{slug}/")
    group = access.get_visible_group(request.user, slug)
    form = JoinForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("answer", []):
            messages.error(request, error)
    # Each ask tells the organizers: asking, withdrawing and asking again must not
    # become a way to flood them.
    elif is_rate_limited(request, "group_join", key=f"{request.user.pk}:{group.pk}"):
        messages.error(request, JOIN_LIMITED)
    else:
        try:
            membership = services.join_group(
                user=request.user, group=group, answer=form.cleaned_data["answer"]
            )
        except ValidationError as error:
            message_error(request, error)
        else:
            messages.success(request, _joined_message(membership, group))
    return redirect(group)


@login_required
@require_POST
def group_withdraw(request, slug):
    group = access.get_visible_group(request.user, slug)
    try:
        services.withdraw_request(user=request.user, group=group)
    except ValidationError as error:
        message_error(request, error)
    else:
        messages.success(request, f"Your request to join {group.name} is withdrawn.")
    return redirect(group)


@login_required
def group_leave(request, slug):
    group, membership = access.get_group_for_member(request.user, slug)
    if request.method == "POST":
        try:
            services.leave_group(user=request.user, group=group)
        except ValidationError as error:
            message_error(request, error)
            return redirect("groups:group_leave", slug=group.slug)
        messages.success(request, f"You have left {group.name}.")
        return redirect("groups:my_groups")
    return render(
        request,
        "groups/group_leave.html",
        {
            "group": group,
            "membership": membership,
            "is_last_organizer": services.is_last_organizer(membership),
        },
    )


@login_required
@require_POST
def membership_visibility(request, slug):
    """She chooses whether other members see her name in the group's member
    list. Only her own membership: the URL names no one."""
    group, membership = access.get_group_for_member(request.user, slug)
    if membership is None:  # a superuser who is not a member
        return redirect(group)
    form = MembershipVisibilityForm(request.POST, instance=membership)
    if form.is_valid():  # a checkbox: always valid, missing means hidden
        form.save()
    if membership.is_visible_to_members:
        messages.success(request, "Other members can now see your name.")
    else:
        messages.success(request, "Your name is now hidden from other members.")
    return redirect(group.get_absolute_url() + "#members-title")


@login_required
def my_groups(request):
    # Only ever her own memberships: this page takes no user from the URL.
    mine = (
        Membership.objects.filter(user=request.user)
        .select_related("group__place")
        .prefetch_related("group__schedules")
        .annotate(next_meeting_at=next_meeting_start(OuterRef("group_id"), now()))
        .order_by("group__name")
    )
    context = {
        "organizing": mine.organizers(),
        "member_of": mine.active().exclude(role=Membership.Role.ORGANIZER),
        "waiting": mine.pending(),
    }
    return render(request, "groups/my_groups.html", context)

"""Reporting a group, a person leading it, or (for its organizers) a member, to
the moderators. Private: nobody reported is told, and the reporter's name stays
with the moderators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from groups import access, moderation
from groups.forms import GroupReportForm
from groups.forms.report import GROUP
from groups.models import Membership


def reportable_people(group, membership) -> list[tuple[str, str]]:
    """Whom she may report, as (membership code, label): the group's organizers
    and facilitators, named only for its members ("The facilitator" otherwise,
    since strangers never learn who leads it); for its organizers, every active
    member by name."""
    is_member = membership is not None and membership.is_active
    is_organizer = is_member and membership.is_organizer
    people = group.memberships.active().select_related("user").in_roster_order()
    if not is_organizer:
        people = people.exclude(role=Membership.Role.MEMBER)
    if membership is not None:
        people = people.exclude(pk=membership.pk)
    people = list(people)
    choices = []
    for number, person in enumerate(people, start=1):
        role = person.get_role_display()
        if is_member:
            label = f"{role}: {person.user.public_name}"
        elif len(people) == 1:
            label = f"The group's {role.lower()}"
        else:
            label = f"One of the people leading it ({number})"
        choices.append((str(person.code), label))
    return choices


@login_required
def group_report(request, slug):
    group = access.get_visible_group(request.user, slug)
    membership = access.get_membership(request.user, group)
    people = reportable_people(group, membership)
    about = request.GET.get("about", GROUP)
    if about == "facilitator":
        # "Report the facilitator" on the group page: the first person leading it.
        about = people[0][0] if people else GROUP
    initial = {"about": about}
    form = GroupReportForm(request.POST or None, people=people, initial=initial)
    if request.method == "POST" and form.is_valid():
        about = form.cleaned_data["about"]
        subject = None
        if about != GROUP:
            subject = Membership.objects.select_related("user").get(code=about).user
        try:
            moderation.report_group(
                reporter=request.user,
                group=group,
                subject=subject,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                "Thank you. A moderator will look at it; nobody is told who reported.",
            )
            return redirect(group)
    context = {"group": group, "form": form}
    return render(request, "groups/group_report.html", context)

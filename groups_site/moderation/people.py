"""/moderation/people/: find a person, see her standing (warnings, suspension,
what moderators did about her) and warn, suspend, ban or lift. The rules and
the audit entries are accounts.moderation's."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts import moderation
from accounts.forms import ModerationReasonForm, SuspendForm
from accounts.models import AuditEntry, User
from groups_site.moderation.access import moderator_required

SEARCH_LIMIT = 20
AUDIT_LIMIT = 50

# action (the URL's last part) -> (form, service, what the moderator is told)
ACTIONS = {
    "warn": (ModerationReasonForm, moderation.warn_user, "{name} has been warned."),
    "suspend": (SuspendForm, moderation.suspend_user, "{name} is suspended."),
    "ban": (ModerationReasonForm, moderation.ban_user, "{name} is banned."),
    "lift": (
        ModerationReasonForm,
        moderation.lift_suspension,
        "{name} can take part again.",
    ),
}


@moderator_required
def person_search(request):
    """Accounts whose username starts with what she typed."""
    query = request.GET.get("q", "").strip().lstrip("@")[:30]
    people = []
    if query and "\x00" not in query:
        people = User.objects.filter(username__istartswith=query).order_by("username")[
            :SEARCH_LIMIT
        ]
    context = {"query": query, "people": people}
    return render(request, "moderation/person_search.html", context)


@moderator_required
def person_detail(request, username):
    person = get_object_or_404(User, username__iexact=username)
    return _render_detail(request, person)


@moderator_required
@require_POST
def person_action(request, username, action):
    person = get_object_or_404(User, username__iexact=username)
    form_class, service, done = ACTIONS[action]
    form = form_class(request.POST, prefix=action)
    if form.is_valid():
        try:
            service(moderator=request.user, user=person, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, done.format(name=person.public_name))
            return redirect("moderation:person_detail", person.username)
    return _render_detail(request, person, {action: form}, status=400)


def _render_detail(request, person, bound_forms=None, status=200):
    forms = {
        action: form_class(prefix=action)
        for action, (form_class, _service, _done) in ACTIONS.items()
    }
    forms.update(bound_forms or {})
    audit_entries = AuditEntry.objects.filter(
        target_type="user", target_id=str(person.pk)
    )[:AUDIT_LIMIT]
    context = {
        "person": person,
        "warnings": person.warnings.select_related("moderator"),
        "audit_entries": audit_entries,
        "forms": forms,
    }
    return render(request, "moderation/person_detail.html", context, status=status)

from django.shortcuts import render

from accounts.models import AuditEntry
from groups_site.lib.pagination import paginate
from groups_site.moderation.access import moderator_required

AUDIT_PER_PAGE = 50


@moderator_required
def audit_log(request):
    """Every moderation action, newest first; filter by action or moderator."""
    entries = AuditEntry.objects.all()
    # PostgreSQL cannot compare text holding NUL: such a filter matches nothing.
    action = request.GET.get("action", "").replace("\x00", "")
    if action:
        entries = entries.filter(action=action)
    moderator = request.GET.get("moderator", "").replace("\x00", "")
    if moderator:
        entries = entries.filter(moderator_name=moderator)
    page = paginate(entries, request.GET.get("page"), per_page=AUDIT_PER_PAGE)
    actions = AuditEntry.objects.order_by("action").values_list("action", flat=True)
    context = {
        "page_obj": page,
        "actions": actions.distinct(),
        "action": action,
        "moderator": moderator,
    }
    return render(request, "moderation/audit_log.html", context)

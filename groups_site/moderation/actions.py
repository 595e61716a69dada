"""The queue's buttons: each POST calls one moderation service (which checks the
moderator again and writes the audit entry), then goes back to the tab it came
from with a message. Unknown ids and actions are 404s."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from articles.comments import moderation as comment_moderation
from articles.models import Comment, CommentFlag
from groups import moderation as group_moderation
from groups.models import AccessFlag, Group, GroupReport
from groups_site.moderation.access import moderator_required
from groups_site.moderation.queue import queue_url

REASON_MAX_LENGTH = 500


def _posted(request, name: str) -> str:
    """A typed value of the action's form, without NUL characters (PostgreSQL
    text cannot hold them: a NUL in a reason was a server error)."""
    return request.POST.get(name, "").replace("\x00", "").strip()


def _reason(request) -> str:
    return _posted(request, "reason")[:REASON_MAX_LENGTH]


def _act(request, service, done: str, **kwargs):
    """Run the service with the moderator and reason; a refusal becomes an error
    message and changes nothing."""
    try:
        service(moderator=request.user, reason=_reason(request), **kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(queue_url(request.POST.get("tab", "")))


def _approve_comment(*, comment, moderator, reason):
    return comment_moderation.approve_held_comment(comment, moderator, reason)


COMMENT_ACTIONS = {
    "approve": (_approve_comment, "The comment is now in the discussion."),
    "hide": (comment_moderation.hide_comment, "The comment is hidden."),
    "restore": (comment_moderation.restore_comment, "The comment is back."),
    "dismiss": (comment_moderation.dismiss_reports, "The reports are dismissed."),
}

GROUP_ACTIONS = {
    "approve": (group_moderation.approve_group, "The group is approved and live."),
    "reject": (group_moderation.reject_group, "The group is not listed."),
    "assign": (group_moderation.assign_organizer, "The group has a new organizer."),
    "reviewed": (group_moderation.mark_group_reviewed, "The edits are reviewed."),
}


@moderator_required
@require_POST
def comment_action(request, comment_id, action):
    if action not in COMMENT_ACTIONS:
        raise Http404
    comment = get_object_or_404(Comment, pk=comment_id)
    service, done = COMMENT_ACTIONS[action]
    return _act(request, service, done, comment=comment)


@moderator_required
@require_POST
def group_action(request, group_id, action):
    if action not in GROUP_ACTIONS:
        raise Http404
    group = get_object_or_404(Group, pk=group_id)
    service, done = GROUP_ACTIONS[action]
    extra = {"username": _posted(request, "username")} if action == "assign" else {}
    return _act(request, service, done, group=group, **extra)


@moderator_required
@require_POST
def group_report_resolve(request, code):
    report = get_object_or_404(GroupReport, code=code)
    return _act(
        request,
        group_moderation.resolve_group_report,
        "The report is resolved.",
        report=report,
    )


@moderator_required
@require_POST
def access_flag_dismiss(request, flag_id):
    flag = get_object_or_404(AccessFlag, pk=flag_id)
    return _act(
        request,
        group_moderation.dismiss_access_flag,
        "The flag is dismissed.",
        flag=flag,
    )


@moderator_required
@require_POST
def comment_flag_resolve(request, flag_id):
    flag = get_object_or_404(CommentFlag, pk=flag_id)
    return _act(
        request,
        comment_moderation.resolve_flag,
        "The flag is resolved.",
        flag=flag,
    )

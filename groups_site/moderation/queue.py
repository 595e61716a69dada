"""/moderation/: what waits for a moderator, one tab at a time, oldest first.
Each tab is a queryset of open items and the template that lists them; the page
counts every tab (one query each) and loads the chosen tab's page of items
with everything its template shows, so a tab costs the same number of queries
whatever it holds."""

from dataclasses import dataclass

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q
from django.shortcuts import render
from django.urls import reverse

from articles.models import Comment, CommentFlag, CommentReport
from groups.models import AccessFlag, Group, GroupReport, Membership
from groups_site.lib.pagination import paginate
from groups_site.moderation.access import moderator_required

ITEMS_PER_PAGE = 25


def reported_comments(reason: str = ""):
    """Comments with open reports (with one for ``reason``, when given), one row
    each with its report count and its oldest open report first."""
    is_open = Q(reports__resolved_at__isnull=True)
    open_reports = CommentReport.objects.filter(resolved_at__isnull=True).order_by(
        "created_at"
    )
    # Filtered with EXISTS, not a join, so the tab's count() counts comments.
    has_open = open_reports.filter(comment=OuterRef("pk"))
    if reason:
        has_open = has_open.filter(reason=reason)
    return (
        Comment.objects.filter(Exists(has_open))
        .annotate(
            report_count=Count("reports", filter=is_open),
            reported_at=Min("reports__created_at", filter=is_open),
        )
        .select_related("article", "author")
        .prefetch_related(Prefetch("reports", open_reports, to_attr="open_reports"))
        .order_by("reported_at", "pk")
    )


def held_comments():
    return (
        Comment.objects.filter(status=Comment.Status.HELD)
        .select_related("article", "author")
        .order_by("created_at", "pk")
    )


def flagged_comments():
    """What screening flagged (watched words, crisis language): crisis flags
    first, then the oldest."""
    return (
        CommentFlag.objects.filter(resolved_at__isnull=True)
        .select_related("comment__article", "comment__author")
        .order_by("-is_priority", "created_at", "pk")
    )


def pending_groups():
    return (
        Group.objects.filter(status=Group.Status.PENDING)
        .select_related("created_by", "place")
        .order_by("created_at", "pk")
    )


def group_reports(reason: str = ""):
    reports = GroupReport.objects.filter(resolved_at__isnull=True)
    if reason:
        reports = reports.filter(reason=reason)
    return reports.select_related("group", "subject", "reporter").order_by(
        "created_at", "pk"
    )


def access_flags():
    return (
        AccessFlag.objects.filter(reviewed=False)
        .select_related("user")
        .order_by("created_at", "pk")
    )


def groups_without_organizer():
    """Running groups with no active organizer (hers was deleted, say)."""
    organizer = Membership.objects.organizers().filter(group=OuterRef("pk"))
    return (
        Group.objects.filter(status__in=Group.LISTED_STATUSES)
        .filter(~Exists(organizer))
        .select_related("place")
        .order_by("created_at", "pk")
    )


def edited_groups():
    return (
        Group.objects.filter(needs_review_since__isnull=False)
        .select_related("place")
        .order_by("needs_review_since", "pk")
    )


@dataclass(frozen=True)
class TabKind:
    slug: str
    label: str
    # A function returning the tab's queryset; given a reason when the tab has
    # ``reasons`` to filter by.
    items: object
    reasons: tuple = ()


TAB_KINDS = [
    TabKind(
        "comments",
        "Reported comments",
        reported_comments,
        tuple(CommentReport.Reason.choices),
    ),
    TabKind("held", "Held comments", held_comments),
    TabKind("flagged", "Flagged comments", flagged_comments),
    TabKind("groups", "Groups to review", pending_groups),
    TabKind(
        "group-reports",
        "Reported groups and people",
        group_reports,
        tuple(GroupReport.Reason.choices),
    ),
    TabKind("flags", "Flagged accounts", access_flags),
    TabKind("no-organizer", "Groups without an organizer", groups_without_organizer),
    TabKind("edited", "Edited groups", edited_groups),
]
TAB_SLUGS = {kind.slug for kind in TAB_KINDS}


@dataclass
class Tab:
    slug: str
    label: str
    count: int
    url: str
    is_current: bool

    @property
    def template(self) -> str:
        return f"moderation/includes/queue_{self.slug.replace('-', '_')}.html"


def queue_url(tab: str) -> str:
    """The queue on a tab (actions send the moderator back there)."""
    tab = tab if tab in TAB_SLUGS else TAB_KINDS[0].slug
    return f"{reverse('moderation:moderation_queue')}?tab={tab}"


@moderator_required
def moderation_queue(request):
    current = request.GET.get("tab", "")
    if current not in TAB_SLUGS:
        current = TAB_KINDS[0].slug
    tabs = [
        Tab(
            slug=kind.slug,
            label=kind.label,
            # Each tab's own count query (a grouped one for reported comments).
            count=kind.items().order_by().count(),
            url=queue_url(kind.slug),
            is_current=kind.slug == current,
        )
        for kind in TAB_KINDS
    ]
    kind = next(kind for kind in TAB_KINDS if kind.slug == current)
    reason = request.GET.get("reason", "")
    if reason not in dict(kind.reasons):
        reason = ""
    items = kind.items(reason) if kind.reasons else kind.items()
    page = paginate(items, request.GET.get("page"), per_page=ITEMS_PER_PAGE)
    tab = next(tab for tab in tabs if tab.is_current)
    context = {
        # Crisis language: shown above every tab until a moderator has looked.
        "priority_flags": flagged_comments().filter(is_priority=True).count(),
        "tabs": tabs,
        "tab": tab,
        "page_obj": page,
        "reasons": kind.reasons,
        "reason": reason,
    }
    return render(request, "moderation/moderation_queue.html", context)

"""Which meetings each calendar carries, who may see a meeting's address, and her
private calendar address (a CalendarFeed token).

The private feed is fetched by calendar apps, hourly, without a session: the token
alone says who she is. A new token replaces the old one at once; turning the feed
off deletes it. The token is a credential, so it never goes into her data export."""

from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from groups import services
from groups.meetings import agenda
from groups.models import (
    RSVP,
    CalendarFeed,
    Group,
    Meeting,
    Membership,
    PrivateDetailView,
)
from groups.models.meeting import new_feed_token
from groups.search import CARD_DEFERRED_FIELDS

# A drop-in's answers that put a meeting in her feed: going, or waiting for a
# seat (she sees the address only with a seat).
MAX_TOKEN_LENGTH = 64


def listed_groups():
    """Groups with a public calendar: the listed ones, without the members-only
    fields (a public calendar never even reads them)."""
    return Group.objects.listed().select_related("place").defer(*CARD_DEFERRED_FIELDS)


def group_calendar_meetings(group: Group) -> list[Meeting]:
    """The group's meetings still to come, cancelled ones included."""
    return list(group.meetings.upcoming())


def meeting_details_access(user, meeting: Meeting) -> tuple[bool, bool]:
    """(may she see this meeting's address and link, is that as a drop-in): an
    active member of its group may; a drop-in only with a seat at this meeting.
    A query or two."""
    if not user.is_authenticated:
        return False, False
    is_member = Membership.objects.active().filter(user=user, group_id=meeting.group_id)
    if is_member.exists():
        return True, False
    has_seat = RSVP.objects.filter(user=user, meeting=meeting, state=RSVP.State.GOING)
    return has_seat.exists(), True


def member_calendar_meetings(user, *, now=None) -> list[Meeting]:
    """Her meetings still to come, in one query whatever their number: every
    meeting of the groups she is an active member of, and those she answered as a
    drop-in (going or waitlisted). Each carries ``shows_private``: she may see its
    address (a member, or a drop-in going to it)."""
    now = now or timezone.now()
    memberships = Membership.objects.active().filter(user=user)
    her_answer = RSVP.objects.filter(user=user, meeting=OuterRef("pk"))
    meetings = (
        Meeting.objects.upcoming(now)
        .filter(pk__in=agenda.her_meeting_ids(user, now, active_groups_only=False))
        .annotate(
            is_member=Exists(memberships.filter(group_id=OuterRef("group_id"))),
            her_state=Subquery(her_answer.values("state")[:1]),
        )
        .select_related("group", "group__place")
    )
    meetings = list(meetings)
    for meeting in meetings:
        meeting.shows_private = meeting.is_member or (
            meeting.her_state == RSVP.State.GOING
        )
    return meetings


def record_feed_reveals(*, user, meetings: list[Meeting]) -> int:
    """Log that her feed showed her the address or link of these meetings' groups,
    through the one log (services.record_private_detail_view, which also flags an
    account shown many groups' details in a day). Once per group per day, not per
    fetch: calendar apps fetch every hour or so, and one row per fetch would bury
    the reveals a person made. Returns how many were logged."""
    shown = {}
    for meeting in meetings:
        if meeting.shows_private and (meeting.address or meeting.link):
            shown.setdefault(meeting.group_id, meeting)
    if not shown:
        return 0
    today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    logged_today = set(
        PrivateDetailView.objects.filter(
            user=user, viewed_at__gte=today, group_id__in=shown
        ).values_list("group_id", flat=True)
    )
    count = 0
    for group_id, meeting in shown.items():
        if group_id in logged_today:
            continue
        drop_in = None if meeting.is_member else meeting
        services.record_private_detail_view(
            user=user, group=meeting.group, meeting=drop_in
        )
        count += 1
    return count


def feed_owner(token: str):
    """The woman whose private feed this token opens, or None (a wrong, old or
    malformed token, or a closed account)."""
    if not token or len(token) > MAX_TOKEN_LENGTH or "\x00" in token:
        return None
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    return feed.user if feed else None


@transaction.atomic
def reset_feed(*, user) -> CalendarFeed:
    """Give her a new private calendar address (her first, or in place of the old
    one, which stops working at once)."""
    feed, _ = CalendarFeed.objects.update_or_create(
        user=user, defaults={"token": new_feed_token()}
    )
    return feed


def turn_off_feed(*, user) -> bool:
    """No private calendar address any more. True if she had one."""
    deleted, _ = CalendarFeed.objects.filter(user=user).delete()
    return bool(deleted)


def feed_of(user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


def export_calendar_feed(user) -> tuple[str, dict]:
    """Data export section (settings.ACCOUNT_EXPORT_SECTIONS): whether she has a
    private calendar address and since when. Not the address itself: it opens her
    calendar to whoever holds it, and an export file gets copied around."""
    feed = feed_of(user)
    return "calendar_feed", {
        "turned_on": feed is not None,
        "address_made_at": feed.created_at.isoformat() if feed else None,
    }

"""What signed-out visitors see of groups, as tags of the shared page cache
(groups_site.pagecache): "groups" for every listing (search results, cards on the
home and article pages, the Meeting Guide feed), "group:<slug>" for one group's
pages. The services that change what those pages show call group_changed or
listing_changed; nothing else bumps these tags."""

from django.utils import timezone

from groups_site import pagecache

LISTING = "groups"


def group_tag(slug: str) -> str:
    return f"group:{slug}"


def group_changed(group, *, listing: bool = True, old_slug: str = "") -> None:
    """The group's own pages (and, with ``listing``, every list and card) show
    something new. ``old_slug``: the address it had until now (a new private
    link), whose cached pages must go too."""
    pagecache.changed(
        group_tag(group.slug),
        group_tag(old_slug) if old_slug else "",
        LISTING if listing else "",
    )


def groups_changed(groups, *, listing: bool = True) -> None:
    pagecache.changed(
        *(group_tag(group.slug) for group in groups), LISTING if listing else ""
    )


def listing_changed() -> None:
    pagecache.changed(LISTING)


def _first_to_come(moments):
    now = timezone.now()
    return min((moment for moment in moments if moment and moment > now), default=None)


def shows_meetings(meetings) -> None:
    """The page being rendered lists these meetings as upcoming or under way: it
    changes by itself when the first of them starts or ends."""
    pagecache.valid_until(
        _first_to_come(
            moment
            for meeting in meetings
            for moment in (meeting.starts_at, meeting.ends_at)
        )
    )


def cards_change_at(groups):
    """When the first of these group cards (annotated with_next_meeting) will
    name another next meeting: its next meeting starts. None if none is due."""
    return _first_to_come(getattr(group, "next_meeting_at", None) for group in groups)

# Models by area: place (Topic, Place), group (Group) and membership (Membership
# and the private-details log), meeting (Schedule, Meeting, RSVP, CalendarFeed).
from groups.models.group import (
    DEFAULT_GROUND_RULES,
    RESERVED_SLUGS,
    Group,
    unlisted_slug,
)
from groups.models.meeting import RSVP, CalendarFeed, Meeting, Schedule, local_datetime
from groups.models.membership import (
    AccessFlag,
    GroupReport,
    Membership,
    PrivateDetailView,
)
from groups.models.place import Place, Topic

__all__ = [
    "DEFAULT_GROUND_RULES",
    "RESERVED_SLUGS",
    "RSVP",
    "AccessFlag",
    "CalendarFeed",
    "Group",
    "GroupReport",
    "Meeting",
    "Membership",
    "Place",
    "PrivateDetailView",
    "Schedule",
    "Topic",
    "local_datetime",
    "unlisted_slug",
]

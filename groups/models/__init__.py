# Models by area: place (Topic, Place), group (Group) and membership (Membership
# and the private-details log).
from groups.models.group import (
    DEFAULT_GROUND_RULES,
    RESERVED_SLUGS,
    Group,
    unlisted_slug,
)
from groups.models.membership import AccessFlag, Membership, PrivateDetailView
from groups.models.place import Place, Topic

__all__ = [
    "DEFAULT_GROUND_RULES",
    "RESERVED_SLUGS",
    "AccessFlag",
    "Group",
    "Membership",
    "Place",
    "PrivateDetailView",
    "Topic",
    "unlisted_slug",
]

# Forms by area: search (the /groups/ search) and group (listing a group, joining
# and the organizer's tools).
from groups.forms.group import (
    GroupForm,
    GroupStatusForm,
    JoinForm,
    MembershipRoleForm,
    MembershipVisibilityForm,
)
from groups.forms.search import GroupSearchForm

__all__ = [
    "GroupForm",
    "GroupSearchForm",
    "GroupStatusForm",
    "JoinForm",
    "MembershipRoleForm",
    "MembershipVisibilityForm",
]

# Forms by area: search (the /groups/ search), group (listing a group, joining
# and the organizer's tools), meeting (schedules and one meeting's changes)
# and rsvp (answering for a meeting).
from groups.forms.group import (
    GroupForm,
    GroupStatusForm,
    JoinForm,
    MembershipRoleForm,
    MembershipVisibilityForm,
)
from groups.forms.meeting import MeetingCancelForm, MeetingChangeForm, ScheduleForm
from groups.forms.report import GroupReportForm
from groups.forms.rsvp import RSVPForm
from groups.forms.search import GroupSearchForm

__all__ = [
    "GroupForm",
    "GroupReportForm",
    "GroupSearchForm",
    "GroupStatusForm",
    "JoinForm",
    "MeetingCancelForm",
    "MeetingChangeForm",
    "MembershipRoleForm",
    "MembershipVisibilityForm",
    "RSVPForm",
    "ScheduleForm",
]

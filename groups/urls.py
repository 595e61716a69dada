from django.urls import include, path

from groups.views import (
    browse,
    calendars,
    detail,
    manage,
    meetings,
    membership,
    open_data,
    organize,
    report,
)

app_name = "groups"

# /groups/<slug>/manage/members/<code>/...
member_urls = [
    path("approve/", manage.membership_approve, name="membership_approve"),
    path("decline/", manage.membership_decline, name="membership_decline"),
    path("remove/", manage.membership_remove, name="membership_remove"),
    path("role/", manage.membership_role, name="membership_role"),
]

# /groups/<slug>/manage/schedules/...
schedule_urls = [
    path("new/", organize.schedule_create, name="schedule_create"),
    path("<int:pk>/edit/", organize.schedule_edit, name="schedule_edit"),
    path("<int:pk>/delete/", organize.schedule_delete, name="schedule_delete"),
]

# /groups/<slug>/manage/meetings/<code>/...
meeting_tool_urls = [
    path("cancel/", organize.meeting_cancel, name="meeting_cancel"),
    path("change/", organize.meeting_change, name="meeting_change"),
    path("attendees/", organize.meeting_attendees, name="meeting_attendees"),
]

# /groups/<slug>/meetings/<code>/...
meeting_urls = [
    path("", meetings.meeting_detail, name="meeting_detail"),
    path("rsvp/", meetings.meeting_rsvp, name="meeting_rsvp"),
    path("calendar.ics", calendars.meeting_ics, name="meeting_ics"),
]

# /groups/<slug>/...
group_urls = [
    path("", detail.group_detail, name="group_detail"),
    path("join/", membership.group_join, name="group_join"),
    path("withdraw/", membership.group_withdraw, name="group_withdraw"),
    path("leave/", membership.group_leave, name="group_leave"),
    path(
        "membership/visibility/",
        membership.membership_visibility,
        name="membership_visibility",
    ),
    path("review/", manage.group_review, name="group_review"),
    path("report/", report.group_report, name="group_report"),
    path("manage/", manage.group_manage, name="group_manage"),
    path("manage/edit/", manage.group_edit, name="group_edit"),
    path("manage/status/", manage.group_status, name="group_status"),
    path("manage/link/", manage.group_link_rotate, name="group_link_rotate"),
    path("manage/members/<uuid:code>/", include(member_urls)),
    path("manage/schedules/", include(schedule_urls)),
    path("manage/meetings/<uuid:code>/", include(meeting_tool_urls)),
    path("meetings/<uuid:code>/", include(meeting_urls)),
    path("calendar.ics", calendars.group_calendar, name="group_calendar"),
]

urlpatterns = [
    path("groups/", browse.group_list, name="group_list"),
    path("groups/places/", browse.place_autocomplete, name="place_autocomplete"),
    path("groups/new/", manage.group_create, name="group_create"),
    path("groups/mine/", membership.my_groups, name="my_groups"),
    path("groups/<slug:slug>/", include(group_urls)),
    path("meetings/", meetings.my_meetings, name="my_meetings"),
    path("meetings/calendar.ics", calendars.my_calendar, name="my_calendar"),
    path(
        "meetings/calendar/reset/",
        calendars.calendar_feed_reset,
        name="calendar_feed_reset",
    ),
    path(
        "meetings/calendar/delete/",
        calendars.calendar_feed_delete,
        name="calendar_feed_delete",
    ),
    path("meeting-guide.json", open_data.meeting_guide, name="meeting_guide"),
]

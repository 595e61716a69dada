"""Calendar files (RFC 5545, with the icalendar package) for meetings: a group's
public calendar, her private feed, one meeting's "Add to calendar" file.

Pure: plain values in, bytes out. Which meetings go in and whether she may see
their address is decided by the callers (groups.meetings.feeds and the views);
this module only decides how a meeting reads in a calendar:

- public: the group's name, when, and the public area ("Leeds" or "Online");
  never the street address, the meeting link, venue notes or anyone's name;
- private (she is a member, or a drop-in going to that meeting): the address, and
  the link for online meetings;
- discreet (her discreet_emails setting): a neutral title and nothing that
  names the group or its topic, not even a link (the group's address is in it).

Each meeting keeps one UID for life (from its code), so a calendar app updates the
event in place when the feed changes, and a cancelled meeting arrives with
STATUS:CANCELLED instead of vanishing."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import icalendar
from django.conf import settings

from groups.models import Meeting
from groups_site.lib.web import site_host

CONTENT_TYPE = "text/calendar; charset=utf-8"
# What a discreet calendar calls every meeting.
NEUTRAL_TITLE = "Meeting"
# How often calendar apps are asked to fetch a feed again.
REFRESH = timedelta(hours=1)

# SEQUENCE grows with each change a calendar app must apply (RFC 5545 3.8.7.4).
# Taken from the status, which only moves forward: updated_at also moves with
# every RSVP, and on a public calendar would tell anyone when people answered.
SEQUENCE = {
    Meeting.Status.SCHEDULED: 0,
    Meeting.Status.MOVED: 1,
    Meeting.Status.CANCELLED: 2,
}


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    starts_at: datetime
    ends_at: datetime
    location: str = ""
    description: str = ""
    url: str = ""
    is_cancelled: bool = False
    sequence: int = 0
    # Shared calendars (Google, Outlook) show others only "busy" for it.
    is_private: bool = False


def meeting_uid(meeting: Meeting) -> str:
    """meeting-<code>@<site host>: the same every time the file is made, and
    across schedule changes (the meeting row, and its code, stay)."""
    return f"meeting-{meeting.code}@{site_host()}"


def public_location(meeting: Meeting) -> str:
    """The public "where": the group's area ("Near the library · Leeds, ..."), or
    Online; both for a hybrid meeting."""
    group = meeting.group
    if not meeting.meets_in_person:
        return "Online"
    area = "" if group.is_online else group.area_label
    if meeting.meets_online:
        return f"{area} and online" if area else "Online"
    return area


def private_location(meeting: Meeting) -> str:
    """Where she goes: the street address, or the meeting link when it meets only
    online (a hybrid meeting's link goes in the description)."""
    if meeting.address:
        return meeting.address
    if meeting.link:
        return meeting.link
    return public_location(meeting)


def _summary(meeting: Meeting, discreet: bool) -> str:
    title = NEUTRAL_TITLE if discreet else meeting.group.name
    return f"Cancelled: {title}" if meeting.is_cancelled else title


def meeting_event(
    meeting: Meeting,
    *,
    page_url: str,
    shows_private: bool = False,
    discreet: bool = False,
) -> CalendarEvent:
    """One meeting as an event. ``page_url``: the absolute address it links to
    (left out when discreet); ``shows_private``: she may see its address and link;
    ``discreet``: nothing naming the group or topic. Reads meeting.group (and its
    place): fetch them with the meetings."""
    lines = []
    location = public_location(meeting)
    if shows_private:
        location = private_location(meeting)
        if meeting.link and location != meeting.link:
            lines.append(f"Online: {meeting.link}")
    if not discreet:
        if shows_private and meeting.status_note:
            # The organizer's note may name the group: never in a discreet one.
            lines.insert(0, meeting.status_note)
        lines.append(page_url)
    return CalendarEvent(
        uid=meeting_uid(meeting),
        summary=_summary(meeting, discreet),
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        location=location,
        description="\n\n".join(lines),
        url="" if discreet else page_url,
        is_cancelled=meeting.is_cancelled,
        sequence=SEQUENCE.get(meeting.status, 0),
        is_private=shows_private,
    )


def _event(event: CalendarEvent, stamp: datetime) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", event.uid)
    component.add("dtstamp", stamp.astimezone(UTC))
    component.add("dtstart", event.starts_at.astimezone(UTC))
    component.add("dtend", event.ends_at.astimezone(UTC))
    component.add("summary", event.summary)
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    component.add("sequence", event.sequence)
    if event.is_private:
        component.add("class", "PRIVATE")
    if event.location:
        component.add("location", event.location)
    if event.description:
        component.add("description", event.description)
    if event.url:
        component.add("url", event.url)
    return component


def build_calendar(
    *, name: str, events: Iterable[CalendarEvent], stamp: datetime
) -> bytes:
    """A VCALENDAR to publish (METHOD:PUBLISH) holding ``events``, named ``name``
    in calendar apps. ``stamp``: when it was made (each event's DTSTAMP)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", icalendar.vText(name))
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH))
    for event in events:
        calendar.add_component(_event(event, stamp))
    return calendar.to_ical()

from datetime import date
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone

from groups.forms.group import check_web_link
from groups.meetings.changes import MeetingChange
from groups.models import Group, Meeting, Schedule, local_datetime
from groups_site.lib.forms import DateField, IntegerField, TimeField
from groups_site.lib.text import refuse_hidden_characters

# The organizer's meeting tools: schedule_create, schedule_edit, group_create (its
# first schedule), meeting_cancel and meeting_change.

# Shown Monday first, as most calendars do; stored Sunday = 0 as Group.Weekday.
WEEKDAY_CHOICES = Group.Weekday.choices[1:] + Group.Weekday.choices[:1]
NO_SCHEDULE = "No regular time yet"
MISSING = {
    "starts_on": "Please choose the date of the first meeting.",
    "start_time": "Please say what time the meeting starts.",
    "end_time": "Please say what time the meeting ends.",
}


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ScheduleForm(forms.ModelForm):
    """When a group meets regularly, or one meeting. Times are local to the group's
    zone (``zone``, an IANA name); with ``optional`` (listing a new group) she may
    say there is no regular time yet, and then the form asks nothing else."""

    weekdays = forms.TypedMultipleChoiceField(
        label="On",
        choices=WEEKDAY_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    weeks = forms.TypedMultipleChoiceField(
        label="Which weeks of the month",
        choices=Schedule.Week.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="For example the first and third Tuesday, or the last Friday.",
    )

    class Meta:
        model = Schedule
        fields = ["kind", "weekdays", "weeks", "starts_on", "ends_on"]
        fields += ["start_time", "end_time"]
        field_classes = {
            "starts_on": DateField,
            "ends_on": DateField,
            "start_time": TimeField,
            "end_time": TimeField,
        }
        labels = {
            "kind": "How often",
            "starts_on": "First meeting",
            "ends_on": "Last meeting (optional)",
            "start_time": "Starts at",
            "end_time": "Ends at",
        }
        help_texts = {
            "starts_on": "For a one-off meeting, its date. Every two weeks "
            "counts from this day.",
            "ends_on": "Leave empty if the group keeps meeting.",
        }
        error_messages = {
            "kind": {"required": "Please say how often the group meets."},
            **{name: {"required": text} for name, text in MISSING.items()},
        }
        widgets = {
            "kind": forms.RadioSelect,
            "starts_on": _date_input(),
            "ends_on": _date_input(),
            "start_time": _time_input(),
            "end_time": _time_input(),
        }

    def __init__(self, *args, zone: str | None = None, optional=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = ZoneInfo(zone or "UTC")
        self.optional = optional
        kinds = Schedule.Kind.choices
        self.fields["kind"].choices = [("", NO_SCHEDULE), *kinds] if optional else kinds
        if optional:
            # Asked for in clean(), once she has said there is a regular time.
            for name in ["kind", *MISSING]:
                self.fields[name].required = False
        if self.instance.pk is None:
            self.initial.setdefault("kind", Schedule.Kind.WEEKLY)
            self.initial.setdefault("starts_on", self._today())

    @property
    def has_schedule(self) -> bool:
        """She gave a schedule (call after is_valid())."""
        return bool(self.cleaned_data.get("kind"))

    def _check_date(self, data: dict) -> None:
        """A one-off meeting still to come; a last date after the first."""
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on is None:
            return
        if data["kind"] == Schedule.Kind.ONCE:
            data["ends_on"] = None
            start = data.get("start_time")
            if starts_on < self._today():
                self.add_error(
                    "starts_on",
                    "That date has passed. Please choose a day still to come.",
                )
            elif (
                start and local_datetime(starts_on, start, self.zone) <= timezone.now()
            ):
                self.add_error("start_time", "That time has already passed today.")
        elif ends_on is not None and ends_on < starts_on:
            self.add_error("ends_on", "The last meeting can't be before the first.")

    def _today(self) -> date:
        return timezone.now().astimezone(self.zone).date()

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if not kind:
            if self.optional and "kind" not in self.errors:
                # No regular time yet: whatever else was typed is not a schedule.
                return {"kind": ""}
            return data
        for name, text in MISSING.items():
            if data.get(name) is None and name not in self.errors:
                self.add_error(name, text)
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The meeting must end after it starts.")
        if kind == Schedule.Kind.ONCE:
            data["weekdays"] = []
        elif not data.get("weekdays") and "weekdays" not in self.errors:
            self.add_error("weekdays", "Please choose the day or days it meets on.")
        if kind != Schedule.Kind.MONTHLY:
            data["weeks"] = []
        elif not data.get("weeks") and "weeks" not in self.errors:
            self.add_error(
                "weeks", "Please choose which weeks of the month, such as the first."
            )
        self._check_date(data)
        return data


class MeetingCancelForm(forms.Form):
    reason = forms.CharField(
        label="Why is it cancelled?",
        max_length=200,
        validators=[refuse_hidden_characters],
        help_text="Everyone who can see the meeting reads this, and the people "
        "going get it in their note. For example “The hall is closed for repairs”.",
        error_messages={
            "required": "Please say why, in a few words: people will see it.",
            "max_length": "Please keep it under 200 characters.",
        },
    )


class MeetingChangeForm(forms.Form):
    """One meeting's own time, format, place, link and seats. An empty address or
    link means the group's usual one."""

    day = DateField(label="Date", widget=_date_input())
    start_time = TimeField(label="Starts at", widget=_time_input())
    end_time = TimeField(label="Ends at", widget=_time_input())
    format = forms.ChoiceField(
        label="How it meets", choices=Group.Format.choices, widget=forms.RadioSelect
    )
    street_address = forms.CharField(
        label="Street address (members only)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Leave empty for the group's usual address.",
    )
    online_link = forms.URLField(
        label="Meeting link (members only)",
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text="Leave empty for the group's usual link.",
    )
    capacity = IntegerField(
        label="Seats",
        min_value=1,
        max_value=1000,
        required=False,
        help_text="Leave empty for no limit. Fewer seats never take a seat from "
        "someone already going; more seats go to the waitlist at once.",
        error_messages={
            "min_value": "A meeting needs at least one seat, or leave it empty.",
            "max_value": "Please keep it to 1,000 seats or fewer.",
        },
    )
    note = forms.CharField(
        label="What changed (everyone sees this)",
        max_length=200,
        required=False,
        validators=[refuse_hidden_characters],
        help_text="For example “In the small hall this week”. The people going "
        "get it in their note.",
        error_messages={"max_length": "Please keep it under 200 characters."},
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        start, end = meeting.local_start, meeting.local_end
        self.initial |= {
            "day": start.date(),
            "start_time": start.time(),
            "end_time": end.time(),
            "format": meeting.effective_format,
            "street_address": meeting.street_address,
            "online_link": meeting.online_link,
            "capacity": meeting.capacity,
            "note": meeting.status_note if meeting.is_moved else "",
        }
        error = {"required": "Please give the date and times."}
        for name in ["day", "start_time", "end_time"]:
            self.fields[name].error_messages |= error

    def clean_online_link(self):
        return check_web_link(self.cleaned_data["online_link"])

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The meeting must end after it starts.")
        group = self.meeting.group
        meeting_format = data.get("format")
        in_person = meeting_format in (Group.Format.IN_PERSON, Group.Format.HYBRID)
        online = meeting_format in (Group.Format.ONLINE, Group.Format.HYBRID)
        if not in_person:
            data["street_address"] = ""
        elif not (data.get("street_address") or group.street_address):
            self.add_error("street_address", "Please give the address it meets at.")
        if not online:
            data["online_link"] = ""
        elif "online_link" not in self.errors and not (
            data.get("online_link") or group.online_link
        ):
            self.add_error("online_link", "Please give the link to join the meeting.")
        return data

    def change(self) -> MeetingChange:
        data = self.cleaned_data
        return MeetingChange(
            day=data["day"],
            start_time=data["start_time"],
            end_time=data["end_time"],
            format=data["format"],
            street_address=data["street_address"],
            online_link=data["online_link"],
            capacity=data["capacity"],
            note=data["note"],
        )

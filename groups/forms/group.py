import zoneinfo

from django import forms

from groups.models import Group, Membership, Place, Topic
from groups.search import place_query, resolve_place
from groups_site.lib.forms import IntegerField
from groups_site.lib.text import one_line

# Listing a group and the organizer's tools: group_create, group_edit, group_join,
# group_status, membership_role, membership_visibility.

# Current IANA areas; leaves out legacy aliases such as US/Eastern or Etc/GMT+5.
TIME_ZONE_AREAS = {
    "Africa",
    "America",
    "Antarctica",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
}


def _time_zone_choices() -> list[tuple[str, str]]:
    zones = sorted(
        zone
        for zone in zoneinfo.available_timezones()
        if zone.split("/")[0] in TIME_ZONE_AREAS and "/" in zone
    )
    return [("", "Same as the town or city"), ("UTC", "UTC")] + [
        (zone, zone.replace("_", " ")) for zone in zones
    ]


def check_web_link(link: str) -> str:
    """A meeting link people can open in a browser: never javascript:, data: or
    another scheme a URLField lets through."""
    if link and not link.lower().startswith(("https://", "http://")):
        raise forms.ValidationError("Please give a web link starting with https://.")
    return link


class GroupForm(forms.ModelForm):
    """Everything an organizer tells us about her group. The town is typed, not
    picked from a list of thousands, and resolved against the gazetteer."""

    place_name = forms.CharField(
        label="Town or city",
        max_length=200,
        required=False,
        help_text="Everyone can see the town. If several share the name, add the "
        "region or country after a comma: “Portland, Maine”.",
    )
    timezone = forms.ChoiceField(
        label="Time zone",
        required=False,
        choices=_time_zone_choices,
        help_text="The time zone of the meeting times. In-person groups can leave "
        "it to the town.",
    )
    online_link = forms.URLField(
        label="Meeting link (members only)",
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text="Only active members see this, never the public.",
    )
    capacity = IntegerField(
        label="How many members at most",
        min_value=2,
        max_value=1000,
        required=False,
        help_text="Leave empty for no limit. When the group is full, nobody new "
        "can join until someone leaves.",
        error_messages={
            "min_value": "A group needs room for at least two people.",
            "max_value": "Please keep it to 1,000 people or fewer.",
        },
    )

    # The typed town sits with the format, not at the end.
    field_order = [
        "name",
        "tagline",
        "description",
        "topics",
        "facilitation",
        "facilitator_credentials",
        "host_organization",
        "format",
        "place_name",
    ]

    class Meta:
        model = Group
        fields = [
            "name",
            "tagline",
            "description",
            "topics",
            "facilitation",
            "facilitator_credentials",
            "host_organization",
            "format",
            "venue_type",
            "area_description",
            "street_address",
            "venue_notes",
            "online_link",
            "online_notes",
            "schedule_note",
            "timezone",
            "allows_drop_ins",
            "women_only",
            "childcare",
            "child_friendly",
            "wheelchair_accessible",
            "languages",
            "cost",
            "cost_details",
            "capacity",
            "ground_rules",
            "visibility",
            "join_policy",
            "join_question",
        ]
        labels = {
            "name": "Group name",
            "tagline": "In one line",
            "description": "About the group",
            "topics": "What the group talks about",
            "facilitation": "Who leads the meetings",
            "facilitator_credentials": "Their training or experience",
            "host_organization": "Host organization",
            "format": "How the group meets",
            "venue_type": "Kind of venue",
            "area_description": "Area (public)",
            "street_address": "Street address (members only)",
            "venue_notes": "Finding the room (members only)",
            "online_notes": "Passcode and joining notes (members only)",
            "schedule_note": "Anything else about when it meets",
            "allows_drop_ins": "Welcome drop-ins",
            "women_only": "Women only",
            "childcare": "Childcare available",
            "child_friendly": "Children welcome",
            "wheelchair_accessible": "Wheelchair accessible",
            "languages": "Languages spoken",
            "cost": "Cost",
            "cost_details": "Cost details",
            "ground_rules": "Ground rules",
            "visibility": "Who can find the group",
            "join_policy": "Who can join",
            "join_question": "Question for people asking to join",
        }
        help_texts = {
            "name": "Short and welcoming. It is public.",
            "tagline": "Who the group is for, in a sentence. It shows in search "
            "results.",
            "topics": "Choose every topic the group talks about.",
            "facilitator_credentials": "For example “Qualified counsellor (BACP)” "
            "or “Went through it herself, trained with Women’s Aid”.",
            "host_organization": "If an organization runs or hosts the group.",
            "area_description": "A public hint, such as “near the central "
            "library”. Never a street address.",
            "languages": "Language codes, separated by commas: en, es, fr.",
            "cost_details": "For example “£5 a session, free if that is hard”. "
            "Needed for a fee.",
            "venue_type": "Where in-person meetings take place.",
            "ground_rules": "One rule per line. We start you with rules many "
            "groups use; change them as you like.",
            "join_question": "Only for groups that join by approval, for example "
            "“What would you like from the group?”. Everyone who asks to join "
            "answers it, and only organizers see the answers.",
        }
        error_messages = {
            "name": {"required": "Please give the group a name."},
            "tagline": {"required": "Please say in one line who the group is for."},
            "description": {"required": "Please tell people about the group."},
            "topics": {"required": "Please choose at least one topic."},
            "facilitation": {"required": "Please say who leads the meetings."},
            "format": {"required": "Please say how the group meets."},
            "ground_rules": {
                "required": "Please write the group's ground rules, one per line."
            },
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "topics": forms.CheckboxSelectMultiple,
            "facilitation": forms.RadioSelect,
            "format": forms.RadioSelect,
            "street_address": forms.Textarea(attrs={"rows": 3}),
            "venue_notes": forms.Textarea(attrs={"rows": 3}),
            "online_notes": forms.Textarea(attrs={"rows": 3}),
            "cost": forms.RadioSelect,
            "ground_rules": forms.Textarea(attrs={"rows": 6}),
            "visibility": forms.RadioSelect,
            "join_policy": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio buttons need no "---------" choice; a select gets a real prompt.
        self.fields["facilitation"].choices = Group.Facilitation.choices
        self.fields["format"].choices = Group.Format.choices
        self.fields["venue_type"].choices = [("", "Choose a kind of venue")] + [
            choice for choice in Group.VenueType.choices if choice[0] != "online"
        ]
        # Online groups get the online "venue" by themselves (see clean()).
        self.fields["venue_type"].required = False
        self.fields["topics"].queryset = Topic.objects.order_by("name")
        # A callable model default (list) adds a hidden "initial-languages" input,
        # which Django gives the help text's aria-describedby: invalid HTML. The
        # form never asks has_changed(), so it does not need that input.
        self.fields["languages"].show_hidden_initial = False
        if self.instance.place_id:
            self.initial.setdefault("place_name", place_query(self.instance.place))
        if self.instance.pk is None:
            self.initial.setdefault("timezone", "")

    def clean_name(self):
        return one_line(self.cleaned_data["name"])

    def clean_tagline(self):
        return one_line(self.cleaned_data["tagline"])

    def clean_languages(self):
        codes = []
        for code in self.cleaned_data.get("languages") or []:
            code = code.strip().lower()
            if not (code.isascii() and code.isalpha() and 2 <= len(code) <= 3):
                raise forms.ValidationError(
                    f"“{code}” is not a language code. Use two or three letters, "
                    "such as en, es or fr."
                )
            if code not in codes:
                codes.append(code)
        return codes

    def clean_online_link(self):
        return check_web_link(self.cleaned_data["online_link"])

    def _find_place(self, text: str) -> Place | None:
        if self.instance.place_id and text == place_query(self.instance.place):
            return self.instance.place
        place, _ = resolve_place(text, alternatives=0)
        return place

    def clean(self):
        data = super().clean()
        meets_online = data.get("format") == Group.Format.ONLINE

        self.place = None
        place_name = (data.get("place_name") or "").strip()
        if place_name:
            self.place = self._find_place(place_name)
            if self.place is None:
                self.add_error(
                    "place_name",
                    f"We could not find a town called “{place_name}”. Check the "
                    "spelling, or add the region or country after a comma.",
                )
        elif data.get("format") and not meets_online:
            self.add_error(
                "place_name", "Please say in which town or city the group meets."
            )

        venue = data.get("venue_type")
        if meets_online:
            data["venue_type"] = Group.VenueType.ONLINE
            # An address that no longer applies must not linger for members.
            data["street_address"] = data["venue_notes"] = ""
        elif data.get("format") and not venue:
            self.add_error("venue_type", "Please choose the kind of venue.")
        if data.get("format") == Group.Format.IN_PERSON:
            data["online_link"] = data["online_notes"] = ""

        if data.get("cost") == Group.Cost.FEE and not data.get("cost_details"):
            self.add_error(
                "cost_details", "Please say how much the fee is, and for what."
            )

        if not data.get("timezone"):
            if self.place is not None:
                data["timezone"] = self.place.timezone
            elif meets_online:
                self.add_error(
                    "timezone", "Please choose the time zone of the meeting times."
                )

        if data.get("join_policy") == Group.JoinPolicy.OPEN:
            data["join_question"] = ""
        return data

    def save(self, commit=True):
        self.instance.place = self.place
        return super().save(commit)


class JoinForm(forms.Form):
    answer = forms.CharField(
        label="Your answer",
        max_length=1000,
        required=False,
        error_messages={
            "max_length": "Please keep your answer under 1,000 characters."
        },
    )


class MembershipVisibilityForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["is_visible_to_members"]


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(choices=Membership.Role.choices)


class GroupStatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (Group.Status.ACTIVE, "Resume"),
            (Group.Status.PAUSED, "Pause"),
            (Group.Status.ARCHIVED, "Archive"),
        ]
    )
    confirm = forms.BooleanField(required=False)

from django import forms
from django.conf import global_settings
from django.urls import reverse_lazy

from groups.models import Group, Topic
from groups.search import (
    DEFAULT_RADIUS,
    MAX_RADIUS,
    SORT_NEXT_MEETING,
    GroupSearch,
    Origin,
    resolve_place,
    suggestion,
)
from groups_site.lib.forms import FloatField, IntegerField

# Base languages only ("pt", not "pt-br"): groups list the language they speak.
LANGUAGE_CHOICES = [("", "Any language")] + sorted(
    ((code, name) for code, name in global_settings.LANGUAGES if "-" not in code),
    key=lambda choice: choice[1],
)

# Monday first, as most of our readers' calendars are; the values are
# Group.Weekday's (0 = Sunday).
DAY_CHOICES = [
    (str(day.value), day.label) for day in [*Group.Weekday][1:] + [Group.Weekday.SUNDAY]
]
TIME_CHOICES = [
    ("morning", "Morning (before 12 noon)"),
    ("afternoon", "Afternoon (12 noon to 5 pm)"),
    ("evening", "Evening (from 5 pm)"),
]
SORT_CHOICES = [("", "Best match"), (SORT_NEXT_MEETING, "Next meeting")]

LOCATION_ERROR = (
    "We couldn't read your location. Try “Use my location” again, or type a town."
)


def _round_coordinate(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


class Checkboxes(forms.CheckboxSelectMultiple):
    """Checkboxes whose "label" is the first box, so the error summary at the top
    of the search can link to the group (a fieldset has nothing else to point at)."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


class GroupSearchForm(forms.Form):
    """The /groups/ search. Bound to request.GET; every field is optional."""

    q = forms.CharField(
        label="What are you looking for?",
        required=False,
        max_length=200,
        widget=forms.SearchInput(attrs={"placeholder": "For example: confidence"}),
    )
    near = forms.CharField(
        label="Near",
        required=False,
        max_length=120,
        help_text="A town or city, such as “Leeds” or “Portland, Maine”.",
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "list": "place-suggestions",
                "data-hx-get": reverse_lazy("groups:place_autocomplete"),
                "data-hx-trigger": "input changed delay:250ms",
                "data-hx-target": "#place-suggestions",
                "data-hx-swap": "innerHTML",
            }
        ),
    )
    lat = FloatField(
        required=False,
        min_value=-90,
        max_value=90,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": LOCATION_ERROR,
            "min_value": LOCATION_ERROR,
            "max_value": LOCATION_ERROR,
        },
    )
    lon = FloatField(
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": LOCATION_ERROR,
            "min_value": LOCATION_ERROR,
            "max_value": LOCATION_ERROR,
        },
    )
    radius = IntegerField(
        label="Within",
        min_value=1,
        max_value=MAX_RADIUS,
        error_messages={
            "invalid": f"Enter a whole number from 1 to {MAX_RADIUS}.",
            "min_value": f"Enter a distance from 1 to {MAX_RADIUS}.",
            "max_value": f"Enter a distance from 1 to {MAX_RADIUS}.",
        },
    )
    unit = forms.ChoiceField(
        label="Unit", choices=[("km", "kilometres"), ("mi", "miles")]
    )
    topic = forms.ModelChoiceField(
        label="Topic",
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Any topic",
        error_messages={"invalid_choice": "We don't have that topic; choose one."},
    )
    format = forms.ChoiceField(
        label="How it meets",
        choices=[("", "Any way")] + Group.Format.choices,
        required=False,
    )
    online = forms.BooleanField(
        label="Only groups I can join online",
        required=False,
        help_text="Online and hybrid groups, wherever you are.",
    )
    facilitation = forms.ChoiceField(
        label="Led by",
        choices=[("", "Anyone")] + Group.Facilitation.choices,
        required=False,
    )
    women_only = forms.BooleanField(label="Women only", required=False)
    childcare = forms.BooleanField(label="Childcare available", required=False)
    child_friendly = forms.BooleanField(label="Children welcome", required=False)
    wheelchair = forms.BooleanField(label="Wheelchair accessible", required=False)
    language = forms.ChoiceField(
        label="Language", choices=LANGUAGE_CHOICES, required=False
    )
    cost = forms.ChoiceField(
        label="Cost",
        choices=[("", "Any cost")] + Group.Cost.choices,
        required=False,
    )
    day = forms.TypedMultipleChoiceField(
        label="Meets on",
        choices=DAY_CHOICES,
        coerce=int,
        required=False,
        widget=Checkboxes,
        help_text="Any of the days you tick.",
        error_messages={"invalid_choice": "Tick days from the list of weekdays."},
    )
    time = forms.MultipleChoiceField(
        label="Time of day",
        choices=TIME_CHOICES,
        required=False,
        widget=Checkboxes,
        help_text="Local time where the group meets.",
        error_messages={
            "invalid_choice": "Tick times from the list: morning, afternoon or evening."
        },
    )
    sort = forms.ChoiceField(
        label="Sort by",
        choices=SORT_CHOICES,
        required=False,
        help_text="Next meeting: soonest first; groups with none planned come last.",
        error_messages={"invalid_choice": "Choose an order from the list."},
    )

    FILTER_FIELDS = [
        "topic",
        "format",
        "online",
        "facilitation",
        "women_only",
        "childcare",
        "child_friendly",
        "wheelchair",
        "language",
        "cost",
        "day",
        "time",
    ]
    # Tucked under "More filters" (open when one of them is in use).
    MORE_FILTER_FIELDS = FILTER_FIELDS[1:]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            # Missing or blank means the default, so a bare /groups/?near=Leeds works.
            data = data.copy()
            for name, default in (("radius", DEFAULT_RADIUS), ("unit", "km")):
                if not data.get(name, "").strip():
                    data[name] = str(default)
        super().__init__(data, *args, **kwargs)
        self.place = None
        self.other_places = []

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean_near(self):
        return " ".join(self.cleaned_data["near"].split())

    # Coordinates are rounded to about 10 cm: a number like 1e-200 would make
    # the distance arithmetic underflow in PostgreSQL.
    def clean_lat(self):
        return _round_coordinate(self.cleaned_data["lat"])

    def clean_lon(self):
        return _round_coordinate(self.cleaned_data["lon"])

    def clean(self):
        cleaned = super().clean()
        near = cleaned.get("near")
        if near:
            self.place, self.other_places = resolve_place(near)
            if self.place is None:
                self.add_error(
                    "near",
                    f"We couldn't find a place called “{near}”. "
                    "Try the nearest town or city, or check the spelling.",
                )
        elif (
            "lat" in cleaned
            and "lon" in cleaned
            and (cleaned["lat"] is None) != (cleaned["lon"] is None)
        ):
            raise forms.ValidationError(LOCATION_ERROR, code="location")
        return cleaned

    @property
    def has_filters(self) -> bool:
        """Whether anything beyond text and place narrows the results."""
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in self.FILTER_FIELDS)

    @property
    def has_more_filters(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in self.MORE_FILTER_FIELDS)

    def to_search(self) -> GroupSearch:
        """The search this valid form asks for. A typed place wins over coordinates
        left in the form from an earlier "Use my location"."""
        data = self.cleaned_data
        origin = None
        if self.place is not None:
            origin = Origin(self.place.latitude, self.place.longitude, self.place)
        elif data["lat"] is not None and data["lon"] is not None:
            origin = Origin(data["lat"], data["lon"])
        return GroupSearch(
            text=data["q"],
            topic=data["topic"],
            format=data["format"],
            online_only=data["online"],
            facilitation=data["facilitation"],
            women_only=data["women_only"],
            childcare=data["childcare"],
            child_friendly=data["child_friendly"],
            wheelchair=data["wheelchair"],
            language=data["language"],
            cost=data["cost"],
            days=sorted(data["day"]),
            times=data["time"],
            sort=data["sort"],
            origin=origin,
            radius=data["radius"],
            unit=data["unit"],
            other_places=[suggestion(place) for place in self.other_places],
        )

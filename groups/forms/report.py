from django import forms

from groups.models import GroupReport

GROUP = "group"


class GroupReportForm(forms.Form):
    """What she reports (the group, one of the people leading it, or, for an
    organizer, one of its members) and why. ``people`` is a list of
    (membership code, label) she may choose from."""

    about = forms.ChoiceField(label="What are you reporting?", widget=forms.RadioSelect)
    reason = forms.ChoiceField(
        label="What is wrong?",
        choices=GroupReport.Reason.choices,
        widget=forms.RadioSelect,
    )
    details = forms.CharField(
        label="Anything the moderators should know (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["about"].choices = [(GROUP, "The group"), *people]

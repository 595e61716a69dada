from django import forms


class RSVPForm(forms.Form):
    """Her answer for one meeting: the button she pressed (going=yes or no)."""

    going = forms.TypedChoiceField(
        choices=[("yes", "Going"), ("no", "Can't go")],
        coerce=lambda value: value == "yes",
        error_messages={
            "required": "Please say whether you're going.",
            "invalid_choice": "Please say whether you're going.",
        },
    )

"""Form fields that read numbers, dates and times from ASCII digits only.

Python's int(), float() and strptime() also accept other scripts' digits ("٣",
"३") and str.isdigit() passes "²", so the same value could be typed many ways
and a check that looked at digits could disagree with the parse. Every form
field that reads a number, a date or a time is one of these (tests/test_forms
checks every form of the site); the error is the field's usual "invalid" one.
"""

from django import forms


def is_ascii_text(value) -> bool:
    """Whether a submitted value (a string, or something that is not text yet,
    such as an initial int) is free of non-ASCII characters."""
    return not isinstance(value, str) or value.isascii()


class AsciiDigitsMixin:
    def to_python(self, value):
        if not is_ascii_text(value):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class IntegerField(AsciiDigitsMixin, forms.IntegerField):
    pass


class FloatField(AsciiDigitsMixin, forms.FloatField):
    pass


class DateField(AsciiDigitsMixin, forms.DateField):
    pass


class TimeField(AsciiDigitsMixin, forms.TimeField):
    pass

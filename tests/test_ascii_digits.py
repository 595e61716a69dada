"""Numbers, dates and times are read from ASCII digits only, everywhere:
int(), float() and strptime() also take "٣" or "३", and str.isdigit() passes
"²" (groups_site.lib.forms, positive_int)."""

import importlib
import pkgutil

import pytest
from django import forms
from django.core.exceptions import ImproperlyConfigured

from accounts.models import CrisisResource
from groups_site.lib import forms as ascii_forms
from groups_site.lib.pagination import paginate
from groups_site.settings import env_int

OUR_PACKAGES = ["accounts", "articles", "groups", "groups_site"]
STOCK_NUMBER_FIELDS = (
    forms.IntegerField,
    forms.FloatField,
    forms.DecimalField,
    forms.DateField,
    forms.TimeField,
    forms.DateTimeField,
    forms.DurationField,
)


def our_forms():
    for package in OUR_PACKAGES:
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            if ".migrations" not in info.name and ".demo" not in info.name:
                importlib.import_module(info.name)
    pending, seen = [forms.BaseForm], set()
    while pending:
        for form in pending.pop().__subclasses__():
            pending.append(form)
            if form.__module__.split(".")[0] in OUR_PACKAGES and form not in seen:
                seen.add(form)
                yield form


def test_every_form_reads_numbers_dates_and_times_from_ascii_digits():
    found = list(our_forms())
    stock = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in found
        for name, field in form.base_fields.items()
        if isinstance(field, STOCK_NUMBER_FIELDS)
        and not isinstance(field, ascii_forms.AsciiDigitsMixin)
    ]

    assert len(found) > 20
    assert not stock, "use groups_site.lib.forms fields: " + ", ".join(stock)


@pytest.mark.parametrize("value", ["٣", "३", "²", "３"])
def test_it_refuses_other_scripts_digits(value):
    field = ascii_forms.IntegerField()

    with pytest.raises(forms.ValidationError):
        field.clean(value)


def test_it_still_reads_ascii_numbers_dates_and_times():
    assert ascii_forms.IntegerField().clean(" 12 ") == 12
    assert ascii_forms.FloatField().clean("-1.5") == -1.5
    assert str(ascii_forms.DateField().clean("2026-03-02")) == "2026-03-02"
    assert str(ascii_forms.TimeField().clean("19:00")) == "19:00:00"
    with pytest.raises(forms.ValidationError):
        ascii_forms.DateField().clean("٢٠٢٦-03-02")


def test_it_reads_an_odd_page_number_as_the_first_page():
    items = list(range(30))

    assert paginate(items, "٣", per_page=10).number == 1
    assert paginate(items, "3", per_page=10).number == 3
    assert paginate(items, "9" * 30, per_page=10).number == 1


def test_it_calls_only_ascii_digits():
    resource = CrisisResource(phone="+44 ٨٠٨ 2000 247")

    assert resource.tel_url == "tel:+442000247"


def test_it_refuses_other_scripts_digits_in_settings(monkeypatch):
    monkeypatch.setenv("KINDRED_TEST_NUMBER", "٣")
    with pytest.raises(ImproperlyConfigured):
        env_int("KINDRED_TEST_NUMBER", 1)
    monkeypatch.setenv("KINDRED_TEST_NUMBER", "3")
    assert env_int("KINDRED_TEST_NUMBER", 1) == 3


def test_it_refuses_a_radius_in_other_digits(client, db):
    response = client.get("/groups/", {"near": "", "radius": "٣"})

    assert response.status_code == 200
    assert "radius" in response.context["form"].errors

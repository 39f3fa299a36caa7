"""The GOV.UK date input (ocgshare.forms.GovUKDateField): three boxes in, a date or a GOV.UK message out,
with the boxes in error marked; YYYY-MM-DD from links and the API still read."""

import datetime

import pytest
from django import forms
from django.template.loader import render_to_string

from ocgshare.forms import GovUKDateField, GovUKFormMixin


class BirthForm(GovUKFormMixin, forms.Form):
    date_of_birth = GovUKDateField(label="Date of birth (optional)", required=False, autocomplete="bday")
    expires_on = GovUKDateField(label="Expiry date", required=False)
    starts_on = GovUKDateField(label="Start date")


def parts(name, day="", month="", year=""):
    return {f"{name}-day": day, f"{name}-month": month, f"{name}-year": year}


def bound(**dates):
    data = {}
    for name, value in dates.items():
        data.update(parts(name, *value) if isinstance(value, tuple) else {name: value})
    data.setdefault("starts_on-day", "1")
    data.setdefault("starts_on-month", "2")
    data.setdefault("starts_on-year", "2026")
    form = BirthForm(data)
    form.is_valid()
    return form


def test_three_boxes_make_a_date():
    form = bound(date_of_birth=("7", "03", "1990"))
    assert form.errors == {}
    assert form.cleaned_data["date_of_birth"] == datetime.date(1990, 3, 7)
    assert form.cleaned_data["starts_on"] == datetime.date(2026, 2, 1)
    assert form.cleaned_data["expires_on"] is None


def test_an_iso_date_from_a_link_or_the_api_still_reads():
    form = bound(date_of_birth="1990-03-07")
    assert form.cleaned_data["date_of_birth"] == datetime.date(1990, 3, 7)
    html = str(form["date_of_birth"])
    assert 'name="date_of_birth-day" type="text" inputmode="numeric" autocomplete="bday-day" value="7"' in html


@pytest.mark.parametrize(
    ("given", "message", "wrong"),
    [
        (("7", "", "1990"), "Date of birth must include a month", {"month"}),
        (("", "", "1990"), "Date of birth must include a day and month", {"day", "month"}),
        (("31", "2", "1990"), "Date of birth must be a real date", {"day"}),
        (("7", "13", "1990"), "Date of birth must be a real date", {"month"}),
        (("7", "March", "1990"), "Date of birth must be a real date", {"month"}),
        (("7", "3", "90"), "The year of date of birth must include 4 numbers", {"year"}),
    ],
)
def test_a_wrong_date_says_what_is_wrong_and_marks_that_box(given, message, wrong):
    form = bound(date_of_birth=given)
    assert form.errors["date_of_birth"] == [message]
    html = str(form["date_of_birth"])
    for part in ("day", "month", "year"):
        box = html.split(f'id="id_date_of_birth-{part}"')[0].rsplit("<input", 1)[1]
        assert ("govuk-input--error" in box) == (part in wrong), part
    # The error summary links to the first box in error.
    first = next(part for part in ("day", "month", "year") if part in wrong)
    assert form["date_of_birth"].id_for_label == f"id_date_of_birth-{first}"


def test_a_required_date_left_blank_asks_for_it_and_the_page_keeps_what_was_typed():
    form = bound(starts_on=("", "", ""), expires_on=("x", "4", "2027"))
    assert form.errors["starts_on"] == ["Enter start date"]
    assert form.errors["expires_on"] == ["Expiry date must be a real date"]
    assert 'value="x"' in str(form["expires_on"])


def test_the_field_is_a_fieldset_with_a_legend_hint_and_error():
    form = bound(date_of_birth=("7", "", "1990"))
    html = render_to_string("includes/field.html", {"field": form["date_of_birth"]})
    assert (
        '<fieldset class="govuk-fieldset" role="group" aria-describedby="id_date_of_birth-hint id_date_of_birth-error">'
        in html
    )
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Date of birth (optional)</legend>' in html
    assert "For example, 27 3 2007" in html
    assert 'class="govuk-date-input"' in html and 'type="date"' not in html
    assert "Date of birth must include a month" in html

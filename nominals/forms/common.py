"""What the register forms share: date fields and agency choices."""

from django import forms

import access
from agencies.models import Agency, AgencyKind
from ocgshare.forms import GovUKDateField


def _date_field(label, *, required=False, help_text="", **kwargs):
    return GovUKDateField(label=label, required=required, help_text=help_text, **kwargs)


def _prisons():
    return Agency.objects.filter(kind=AgencyKind.PRISON).order_by("name")


def _source_agency_choices(user, model, selected):
    """Only the agencies some of whose items of `model` the user may see: at national scale every
    agency would be a thousand options, most of which could never match. The `selected` agency of a
    shared or old link stays offered, so the form shows it chosen rather than an error (it matches
    nothing the engine hides)."""
    ids = access.source_agency_ids(user, model)
    selected = selected.strip() if isinstance(selected, str) else ""
    if selected.isascii() and selected.isdigit() and len(selected) < 10:  # an id within any integer column
        ids = ids | {int(selected)}
    agencies = Agency.objects.filter(pk__in_ids=ids).order_by("name").values_list("pk", "name") if ids else []
    return [("", "Any agency"), *((str(pk), name) for pk, name in agencies)]


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class RegisterNumberField(forms.IntegerField):
    """Another register item by its number (shown on its page). Whether it exists and may be seen is for
    the service to say, with a message that reveals neither."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("error_messages", {"invalid": "Enter the register number, like 1234"})
        super().__init__(**kwargs)
        self.widget.attrs["class"] = "govuk-input govuk-input--width-10"

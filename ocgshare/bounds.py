"""Bounds on what is stored: the longest free text and the earliest and latest dates each kind of field
accepts. Models use them as field validators and max_length, so ModelForms, ModelSerializers and
`full_clean()` in the services enforce the same limits; plain forms and serializers take their
max_length from the same constants.

Text: a 1 MB suspension reason used to be accepted and copied into every party's notification. Dates:
no register date is before 1900, and none more than a century ahead, so date arithmetic (a review
interval added to a start date) never leaves the calendar (year 9999 + 1 was a 500).
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.deconstruct import deconstructible

# Free text, by what it is.
REASON_MAX_LENGTH = 2_000  # why something was done: a suspension, a need-to-know grant
DESCRIPTION_MAX_LENGTH = 5_000  # a description of an agency, a power, a data holding, an entity
NOTES_MAX_LENGTH = 10_000  # handling notes, licence conditions, the conditions of an order
SECTION_MAX_LENGTH = 20_000  # one section of an information-sharing protocol
MAX_ITEMS = 50  # aliases or other identifiers given at once

EARLIEST_DATE = datetime.date(1900, 1, 1)
# A date written on a register record may be up to this many years ahead (an expected release date,
# the end of a long order).
YEARS_AHEAD = 100


def bounded_text(*args, max_length, **kwargs):
    """A TextField that refuses more than `max_length` characters everywhere. Django passes a
    TextField's max_length to form and serializer fields but does not check it in `full_clean()`:
    the validator does, for services that build an instance without a form."""
    validators = [*kwargs.pop("validators", []), MaxLengthValidator(max_length)]
    return models.TextField(*args, max_length=max_length, validators=validators, **kwargs)


def years_after(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@deconstructible
class DateBounds:
    """A date (or datetime) on or after `earliest` and no more than `years_ahead` years after today,
    today being the day it is checked (`years_ahead=None`: no upper bound here, because the model's
    clean() already refuses a date in the future with its own message)."""

    def __init__(self, earliest=EARLIEST_DATE, years_ahead=YEARS_AHEAD):
        self.earliest = earliest
        self.years_ahead = years_ahead

    def latest(self):
        return None if self.years_ahead is None else years_after(timezone.localdate(), self.years_ahead)

    def __call__(self, value):
        if value is None:
            return
        day = timezone.localtime(value).date() if isinstance(value, datetime.datetime) else value
        if day < self.earliest:
            raise ValidationError(
                "Enter a date on or after %(earliest)s",
                code="date_too_early",
                params={"earliest": _long(self.earliest)},
            )
        latest = self.latest()
        if latest is not None and day > latest:
            raise ValidationError(
                "Enter a date no later than %(latest)s", code="date_too_late", params={"latest": _long(latest)}
            )

    def __eq__(self, other):
        return (
            isinstance(other, DateBounds) and self.earliest == other.earliest and self.years_ahead == other.years_ahead
        )


def _long(day):
    return f"{day.day} {day:%B %Y}"


# The ones the models use.
register_date = DateBounds()  # any date on a register record
past_register_date = DateBounds(years_ahead=None)  # a date the model already keeps out of the future
PROTOCOL_EARLIEST_DATE = datetime.date(2000, 1, 1)
protocol_start_date = DateBounds(earliest=PROTOCOL_EARLIEST_DATE, years_ahead=10)
protocol_date = DateBounds(earliest=PROTOCOL_EARLIEST_DATE, years_ahead=25)


def field_errors(model, **values):
    """The errors of each field's own validators (max length, date bounds) for `values`, as a dict for
    ValidationError: for services that set a field or two without a full_clean()."""
    errors = {}
    for name, value in values.items():
        try:
            model._meta.get_field(name).run_validators(value)
        except ValidationError as exc:
            errors[name] = exc.messages
    return errors

"""What every register model shares: normalised identifiers and the date checks of clean()."""

from django.db import models
from django.utils import timezone

from ..constants import CRN_MESSAGE, CRN_RE, PNC_ID_MESSAGE, PNC_ID_RE, PRISON_NUMBER_MESSAGE, PRISON_NUMBER_RE
from ..normalise import normalise_identifier


class NormalisedModel(models.Model):
    """Normalises text before Django validates the fields, so "x 123456" is checked (and its length
    counted) as "X123456", and forms, serializers and services all store the same normal form."""

    strip_fields = ()
    identifier_fields = ()

    class Meta:
        abstract = True

    def normalise(self):
        for name in self.strip_fields:
            setattr(self, name, (getattr(self, name) or "").strip())
        for name in self.identifier_fields:
            setattr(self, name, normalise_identifier(getattr(self, name)))

    def clean_fields(self, exclude=None):
        self.normalise()
        super().clean_fields(exclude=exclude)


def _identifier_errors(instance, fields):
    """Check the format of the PNC ID, prison number and CRN fields named (already normalised)."""
    formats = {
        "pnc_id": (PNC_ID_RE, PNC_ID_MESSAGE),
        "prison_number": (PRISON_NUMBER_RE, PRISON_NUMBER_MESSAGE),
        "crn": (CRN_RE, CRN_MESSAGE),
    }
    errors = {}
    for name in fields:
        value = getattr(instance, name)
        pattern, message = formats[name]
        if value and not pattern.match(value):
            errors[name] = message
    return errors


def _end_after_start(instance, start, end, message, errors):
    start_value, end_value = getattr(instance, start), getattr(instance, end)
    if start_value and end_value and end_value < start_value and end not in errors:
        errors[end] = message


def _not_in_future(instance, name, message, errors):
    value = getattr(instance, name)
    if value and value > timezone.localdate() and name not in errors:
        errors[name] = message

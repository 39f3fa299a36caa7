"""Every free-text field people write has a maximum length, checked by the model itself (so by every
service's full_clean(), not only by the forms and serializers that happen to pass it on)."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from ocgshare import bounds

# Written by the service itself from bounded parts, never typed by anyone as such.
GENERATED = {
    ("notifications", "notification", "body"),
    ("ocgshare", "accesslogentry", "justification"),
}
PROJECT_APPS = {"accounts", "agencies", "nominals", "notifications", "ocgshare", "protocols"}


def _text_fields():
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, models.TextField):
                yield model, field


def test_every_free_text_field_has_a_maximum_length_the_model_checks():
    fields = list(_text_fields())
    assert len(fields) > 15

    for model, field in fields:
        key = (model._meta.app_label, model._meta.model_name, field.name)
        if key in GENERATED:
            continue
        assert field.max_length, key
        assert any(isinstance(v, MaxLengthValidator) and v.limit_value == field.max_length for v in field.validators), (
            key
        )


def test_the_reported_suspension_reason_is_bounded():
    from protocols.models import Protocol

    assert Protocol._meta.get_field("suspension_reason").max_length == bounds.REASON_MAX_LENGTH


@pytest.mark.parametrize(
    ("validator", "value", "ok"),
    [
        (bounds.register_date, datetime.date(1900, 1, 1), True),
        (bounds.register_date, datetime.date(1899, 12, 31), False),
        (bounds.register_date, datetime.date(9999, 12, 31), False),
        (bounds.register_date, datetime.date.today() + datetime.timedelta(days=365 * 50), True),
        (bounds.past_register_date, datetime.date(9999, 12, 31), True),  # the model's clean() refuses the future
        (bounds.past_register_date, datetime.date(1, 1, 1), False),
        (bounds.protocol_start_date, datetime.date(1999, 12, 31), False),
        (bounds.protocol_date, datetime.date(9999, 12, 31), False),
    ],
)
def test_date_bounds(validator, value, ok):
    if ok:
        validator(value)
    else:
        with pytest.raises(ValidationError):
            validator(value)


def test_years_after_a_leap_day():
    assert bounds.years_after(datetime.date(2024, 2, 29), 1) == datetime.date(2025, 2, 28)

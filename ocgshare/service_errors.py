"""A service's ValidationError shown where the user made the request: as a 400 with field errors in the
API, or on the form of a page. Services raise Django's ValidationError with every problem at once (see
docs/architecture.md); these two helpers are the one way every app turns it into an answer."""

from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers
from rest_framework.settings import api_settings


@contextmanager
def service_errors():
    """A service's ValidationError as a 400 with field errors (PermissionDenied already becomes a 403
    with its message). Errors not about one field come under DRF's `non_field_errors`, as a
    serializer's own do."""
    try:
        yield
    except DjangoValidationError as exc:
        detail = serializers.as_serializer_error(exc)
        if NON_FIELD_ERRORS in detail:
            detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop(NON_FIELD_ERRORS)
        raise serializers.ValidationError(detail) from exc


def add_service_errors(form, exc, field_map=None):
    """Show a service's ValidationError on the form: each message under its field when the form has
    it (`field_map` renames a service's field to the form's), otherwise at the top (the error summary
    lists both)."""
    field_map = field_map or {}
    errors = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
    for name, messages in errors.items():
        target = field_map.get(name, name)
        for message in messages:
            form.add_error(target if target in form.fields else None, message)

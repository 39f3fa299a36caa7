"""Checks every write of the register shares: validation gathered into one error, and the visibility of
what a write refers to (who may write is the register kit's: records.services.require_register_staff)."""

from django.core.exceptions import ValidationError

import access
from agencies.models import ThreatArea


def _problems(instance, *, exclude=(), errors=None):
    """Every problem with `instance` (model clean() and field validation), merged into `errors`."""
    errors = {} if errors is None else errors
    try:
        instance.full_clean(exclude=list(exclude), validate_constraints=False)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    return errors


def _raise_if(errors):
    if errors:
        raise ValidationError(errors)


def _threat_areas(codes, errors):
    codes = list(dict.fromkeys(codes or []))
    rows = list(ThreatArea.objects.filter(code__in=codes))
    if len(rows) != len(codes):
        errors["threat_areas"] = ["Choose threat areas from the list"]
    return rows


def _visible_or_error(actor, model, obj, field, errors, message):
    """`obj` if the actor may see it (asked of the engine: `access.can_see`, one query); otherwise an error
    that does not say whether it exists. Surfaces pass None for an item the engine did not give them
    (`selectors.common.visible_or_none`), and a service checks again for callers that did not."""
    if obj is None or not access.can_see(actor, obj):
        errors[field] = [message]
        return None
    return obj

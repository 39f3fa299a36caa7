"""Writes to the agency directory and the partnership toolkit.

Only an agency's own administrators (or a superuser) change its contact details, its tools and
powers and its data holdings: every function here checks that first and raises PermissionDenied.
Validation is the model's (full_clean, including the duplicate-name rule in clean()), so pages,
the API and any other caller report the same problems, all at once, as a dict by field.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from accounts.models import Role

from .models import DataHolding, ToolOrPower

POWER_FIELDS = ("name", "legal_basis", "achieves", "information_needed", "thresholds", "time_to_act", "four_p")
HOLDING_FIELDS = ("name", "description", "category")
CONTACT_FIELDS = ("description", "contact_email", "contact_phone", "spoc")


def user_can_manage_agency(*, user, agency):
    """Whether `user` may change `agency`'s directory entry and toolkit."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.agency_id == agency.pk and user.has_role(Role.AGENCY_ADMIN)


def _require_manager(actor, agency):
    if not user_can_manage_agency(user=actor, agency=agency):
        raise PermissionDenied("Only the agency's own administrators can change its entries.")


def _validate(instance, errors=None):
    errors = {field: list(messages) for field, messages in (errors or {}).items()}
    try:
        # The unique constraints are the database's backstop; clean() reports a duplicate name on the
        # name field itself, where a user can see and fix it.
        instance.full_clean(validate_constraints=False)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def _apply(instance, data, allowed):
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    for field, value in data.items():
        setattr(instance, field, value)


def _save_entry(entry, threat_areas):
    """Validate and save a tool or power or a data holding; `threat_areas`, unless None, replaces its tags."""
    _validate(entry)
    entry.save()
    if threat_areas is not None:
        entry.threat_areas.set(threat_areas)
    return entry


def _update_entry(actor, entry, data, fields):
    _require_manager(actor, entry.agency)
    data = dict(data)
    threat_areas = data.pop("threat_areas", None)
    _apply(entry, data, fields)
    return _save_entry(entry, threat_areas)


@transaction.atomic
def tool_or_power_create(
    *,
    actor,
    agency,
    name,
    legal_basis,
    achieves,
    information_needed,
    time_to_act,
    four_p,
    thresholds="",
    threat_areas=(),
):
    _require_manager(actor, agency)
    power = ToolOrPower(
        agency=agency,
        name=name,
        legal_basis=legal_basis,
        achieves=achieves,
        information_needed=information_needed,
        thresholds=thresholds,
        time_to_act=time_to_act,
        four_p=four_p,
    )
    return _save_entry(power, threat_areas)


@transaction.atomic
def tool_or_power_update(*, actor, power, data):
    """Change the fields in `data` (any of POWER_FIELDS, and `threat_areas` to replace the tags)."""
    return _update_entry(actor, power, data, POWER_FIELDS)


@transaction.atomic
def tool_or_power_delete(*, actor, power):
    _require_manager(actor, power.agency)
    power.delete()


@transaction.atomic
def data_holding_create(*, actor, agency, name, description, category, threat_areas=()):
    _require_manager(actor, agency)
    holding = DataHolding(agency=agency, name=name, description=description, category=category)
    return _save_entry(holding, threat_areas)


@transaction.atomic
def data_holding_update(*, actor, holding, data):
    """Change the fields in `data` (any of HOLDING_FIELDS, and `threat_areas` to replace the tags)."""
    return _update_entry(actor, holding, data, HOLDING_FIELDS)


@transaction.atomic
def data_holding_delete(*, actor, holding):
    _require_manager(actor, holding.agency)
    holding.delete()


@transaction.atomic
def agency_update_contact(*, actor, agency, data):
    """Change the agency's description, contact e-mail and phone, and its single point of contact
    (any of CONTACT_FIELDS). The SPOC must be an active user of the agency itself."""
    _require_manager(actor, agency)
    _apply(agency, data, CONTACT_FIELDS)
    errors = {}
    spoc = agency.spoc
    if spoc is not None and (spoc.agency_id != agency.pk or not spoc.is_active):
        errors["spoc"] = [f"Select someone who works for {agency.name} and whose account is active"]
    _validate(agency, errors)
    agency.save(update_fields=[*CONTACT_FIELDS, "updated_at"])
    return agency

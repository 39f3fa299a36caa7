"""Writes of OCGs and their memberships."""

from django.db import transaction

from ocgshare.models import AccessAction, AccessSurface
from records.services import require_register_staff

from ..models import OCG, Nominal, OCGMembership
from .change_log import _changed_fields, _fields_changed, _log_change
from .common import _problems, _raise_if, _threat_areas, _visible_or_error

OCG_FIELDS = frozenset({"reference", "name", "ocg_mapping_reference", "band", "status", "category", "handling_notes"})


@transaction.atomic
def ocg_create(*, actor, threat_areas=(), surface=AccessSurface.PAGE, **fields):
    unknown = set(fields) - OCG_FIELDS
    if unknown:
        raise TypeError(f"ocg_create cannot set {', '.join(sorted(unknown))}")
    require_register_staff(actor, actor.agency_id, what="OCGs")
    ocg = OCG(lead_agency=actor.agency, created_by=actor, **fields)
    errors = _problems(ocg, exclude=["lead_agency", "created_by"])
    areas = _threat_areas(threat_areas, errors)
    _raise_if(errors)
    ocg.save()
    ocg.threat_areas.set(areas)
    _log_change(actor=actor, action=AccessAction.CREATE, surface=surface, obj=ocg, what="OCG recorded")
    return ocg


@transaction.atomic
def ocg_update(*, actor, ocg, threat_areas=None, surface=AccessSurface.PAGE, **changes):
    """Change an OCG the actor's agency leads; threat areas given replace the current ones. Logged as
    the names of the fields whose value changed; when none did, nothing is written."""
    unknown = set(changes) - OCG_FIELDS
    if unknown:
        raise TypeError(f"ocg_update cannot change {', '.join(sorted(unknown))}")
    require_register_staff(actor, ocg.lead_agency_id, what="OCGs")
    ocg = OCG.objects.select_for_update().get(pk=ocg.pk)
    before = {name: getattr(ocg, name) for name in changes}
    for name, value in changes.items():
        setattr(ocg, name, value)
    errors = _problems(ocg)
    areas = _threat_areas(threat_areas, errors) if threat_areas is not None else None
    _raise_if(errors)
    changed = _changed_fields(ocg, before)
    if areas is not None and {a.code for a in areas} != set(ocg.threat_areas.values_list("code", flat=True)):
        changed.append("threat_areas")
    if not changed:
        return ocg
    ocg.save()
    if "threat_areas" in changed:
        ocg.threat_areas.set(areas)
    _log_change(actor=actor, action=AccessAction.ALTER, surface=surface, obj=ocg, what=_fields_changed(changed))
    return ocg


@transaction.atomic
def membership_add(*, actor, ocg, nominal, role, started_on=None, ended_on=None, surface=AccessSurface.PAGE):
    """Record `nominal` (any nominal the actor can see) as a member of an OCG the actor's agency leads."""
    require_register_staff(actor, ocg.lead_agency_id, what="OCGs")
    errors = {}
    _visible_or_error(actor, Nominal, nominal, "nominal", errors, "Choose a nominal from the register")
    membership = OCGMembership(ocg=ocg, nominal=nominal, role=role, started_on=started_on, ended_on=ended_on)
    if not errors:
        _problems(membership, errors=errors)
    _raise_if(errors)
    membership.save()
    _log_change(
        actor=actor, action=AccessAction.ALTER, surface=surface, obj=ocg, what=f"member added: nominal {nominal.pk}"
    )
    return membership


@transaction.atomic
def membership_end(*, actor, membership, ended_on, surface=AccessSurface.PAGE):
    require_register_staff(actor, membership.ocg.lead_agency_id, what="OCGs")
    membership.ended_on = ended_on
    errors = {} if ended_on else {"ended_on": ["Enter the date the membership ended"]}
    _problems(membership, errors=errors)
    _raise_if(errors)
    membership.save(update_fields=["ended_on"])
    _log_change(
        actor=actor,
        action=AccessAction.ALTER,
        surface=surface,
        obj=membership.ocg,
        what=f"membership ended: nominal {membership.nominal_id}",
    )
    return membership

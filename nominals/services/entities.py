"""Writes of entities, their links to nominals and OCGs, and associations between nominals."""

from django.db import transaction

from ocgshare.models import AccessAction, AccessSurface
from records.services import require_register_staff

from ..models import OCG, Association, Entity, EntityLink, Nominal
from .change_log import _log_change
from .common import _problems, _raise_if, _visible_or_error


@transaction.atomic
def entity_create(*, actor, kind, value, detail="", category="", surface=AccessSurface.PAGE):
    """An entity of the actor's agency; the agency's existing record of the same thing if there is one
    (unchanged, so not logged)."""
    require_register_staff(actor, actor.agency_id, what="entities")
    entity = Entity(
        kind=kind,
        value=value,
        detail=(detail or "").strip(),
        category=category or "",
        owning_agency=actor.agency,
        created_by=actor,
    )
    errors = _problems(entity, exclude=["owning_agency", "created_by"])
    _raise_if(errors)
    existing = Entity.objects.filter(owning_agency=actor.agency, kind=entity.kind, value=entity.value).first()
    if existing:
        return existing
    entity.save()
    _log_change(actor=actor, action=AccessAction.CREATE, surface=surface, obj=entity, what="entity recorded")
    return entity


@transaction.atomic
def entity_link(
    *,
    actor,
    entity,
    relationship,
    nominal=None,
    ocg=None,
    started_on=None,
    ended_on=None,
    source="",
    surface=AccessSurface.PAGE,
):
    """Link an entity of the actor's agency to a nominal or OCG the actor can see (logged on that
    nominal or OCG)."""
    require_register_staff(actor, entity.owning_agency_id, what="entities")
    errors = {}
    if nominal is not None:
        _visible_or_error(actor, Nominal, nominal, "nominal", errors, "Choose a nominal from the register")
    if ocg is not None:
        _visible_or_error(actor, OCG, ocg, "ocg", errors, "Choose an OCG from the register")
    link = EntityLink(
        entity=entity,
        nominal=nominal,
        ocg=ocg,
        relationship=relationship,
        started_on=started_on,
        ended_on=ended_on,
        source=(source or "").strip(),
    )
    _problems(link, errors=errors)
    _raise_if(errors)
    link.save()
    _log_change(
        actor=actor,
        action=AccessAction.ALTER,
        surface=surface,
        obj=nominal if nominal is not None else ocg,
        what=f"entity linked: entity {entity.pk}",
    )
    return link


@transaction.atomic
def association_add(
    *, actor, nominal_a, nominal_b, kind, started_on=None, ended_on=None, source="", surface=AccessSurface.PAGE
):
    """An association recorded by the actor's agency between two nominals the actor can see."""
    require_register_staff(actor, actor.agency_id, what="associations")
    errors = {}
    _visible_or_error(actor, Nominal, nominal_a, "nominal_a", errors, "Choose a nominal from the register")
    _visible_or_error(actor, Nominal, nominal_b, "nominal_b", errors, "Choose a nominal from the register")
    association = Association(
        nominal_a=nominal_a,
        nominal_b=nominal_b,
        kind=kind,
        started_on=started_on,
        ended_on=ended_on,
        source=(source or "").strip(),
        owning_agency=actor.agency,
        created_by=actor,
    )
    exclude = ["owning_agency", "created_by", *(f for f in ("nominal_a", "nominal_b") if f in errors)]
    _problems(association, exclude=exclude, errors=errors)
    _raise_if(errors)
    association.save()
    _log_change(actor=actor, action=AccessAction.CREATE, surface=surface, obj=association, what="association recorded")
    return association

"""Writes of the register: nominals with their aliases and identifiers, custody, transfers, supervision and
orders; OCGs and memberships; entities and their links; associations; need-to-know grants.

Who may write: the owning agency's register staff (ocgshare.access.is_owner_staff) for its own items.
Anything else a write refers to (the nominal joining an OCG, the two nominals of an association, the
nominal an entity is linked to) must be visible to the actor through the access engine, and a refusal
says no more than "choose another", so an error never reveals an item the actor may not see.
Every service validates everything first and raises one ValidationError with all field problems;
nothing is half-saved.

Every write is logged (DPA 2018 s62: collection and alteration, not only consultation) by one access log
entry in the write's own transaction, so a refused or failed write logs nothing: CREATE or ALTER (GRANT
and REVOKE for need-to-know grants) on the register item whose data changed, from the caller's
`surface`. A custody episode, transfer, supervision or order is logged on its nominal, a membership on
its OCG, an entity link on the nominal or OCG it links to; entities and associations are items
themselves. The entry's query says what changed by field names only, never values: auditors read the
log without necessarily being allowed to see the item. An edit that changes nothing writes nothing
and logs nothing.
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateformat import format as format_date

import access
from accounts.models import User
from agencies.models import Agency, ThreatArea
from ocgshare import bounds
from ocgshare.audit import log_access
from ocgshare.models import AccessAction, AccessBasis, AccessSurface
from protocols.constants import PARTY_TIERS, highest_tier_for_kind
from protocols.services import agency_group, agency_id_of_group

from .constants import CustodyCategory
from .models import (
    OCG,
    Association,
    CustodyEpisode,
    Entity,
    EntityLink,
    LifetimeOrder,
    Nominal,
    NominalAlias,
    NominalGroupObjectPermission,
    NominalUserObjectPermission,
    OCGGroupObjectPermission,
    OCGMembership,
    OCGUserObjectPermission,
    OtherIdentifier,
    ProbationSupervision,
    Transfer,
)
from .normalise import normalise_identifier

NOMINAL_FIELDS = frozenset(
    {
        "category",
        "surname",
        "forenames",
        "date_of_birth",
        "gender",
        "nationality",
        "pnc_id",
        "prison_number",
        "crn",
        "risk_level",
        "handling_notes",
    }
)
OCG_FIELDS = frozenset({"reference", "name", "ocg_mapping_reference", "band", "status", "category", "handling_notes"})
GRANT_MODELS = {
    Nominal: (NominalUserObjectPermission, NominalGroupObjectPermission),
    OCG: (OCGUserObjectPermission, OCGGroupObjectPermission),
}


# --- helpers ------------------------------------------------------------------------------------------


def require_register_staff(actor, agency_id, *, what="items"):
    if not access.is_owner_staff(actor, agency_id):
        raise PermissionDenied(
            f"Only intelligence staff of the owning agency, vetted to CTC or above, can change these {what}."
        )


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
    """`obj` if the actor may see it; otherwise an error that does not say whether it exists."""
    if obj is None or not access.can_see(actor, obj):
        errors[field] = [message]
        return None
    return obj


def _log_change(*, actor, action, surface, obj, what):
    """The s62 log entry of a write; call inside the write's transaction. `what` names what changed
    (fields, or the kind of record added), never a value."""
    log_access(user=actor, action=action, surface=surface, obj=obj, query=what)


def _changed_fields(instance, before):
    """The names in `before` (name -> value before the change) whose value on `instance` differs."""
    return [name for name, value in before.items() if getattr(instance, name) != value]


def _fields_changed(names, *, prefix="fields changed"):
    return f"{prefix}: {', '.join(names)}"


def _aliases(nominal, aliases, errors):
    rows = []
    for index, alias in enumerate(aliases or []):
        row = NominalAlias(nominal=nominal, surname=alias.get("surname", ""), forenames=alias.get("forenames", ""))
        try:
            row.full_clean(exclude=["nominal"])
        except ValidationError as exc:
            for message in exc.messages:
                errors.setdefault("aliases", []).append(f"Alias {index + 1}: {message}")
        rows.append(row)
    return rows


def _other_identifiers(nominal, identifiers, errors):
    rows, seen = [], set()
    for index, identifier in enumerate(identifiers or []):
        row = OtherIdentifier(nominal=nominal, kind=identifier.get("kind", ""), value=identifier.get("value", ""))
        try:
            row.full_clean(exclude=["nominal"], validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for message in exc.messages:
                errors.setdefault("other_identifiers", []).append(f"Identifier {index + 1}: {message}")
        key = (row.kind.lower(), row.value)
        if key in seen:
            errors.setdefault("other_identifiers", []).append(f"Identifier {index + 1} is listed twice")
        seen.add(key)
        rows.append(row)
    return rows


# --- nominals -------------------------------------------------------------------------------------------


def likely_duplicates(
    *, user, surname, forenames="", date_of_birth=None, pnc_id="", prison_number="", crn="", exclude_pk=None
):
    """Nominals the user can see that are probably the same person: the same surname (or alias
    surname) and date of birth, or the same PNC ID, prison number or CRN. Through the access engine,
    so a warning never names an item the user may not see."""
    from .selectors import nominal_queryset

    conditions = Q()
    if surname and date_of_birth:
        surname = surname.strip()
        conditions |= Q(date_of_birth=date_of_birth) & (
            Q(surname__iexact=surname) | Q(aliases__surname__iexact=surname)
        )
    for field, value in (("pnc_id", pnc_id), ("prison_number", prison_number), ("crn", crn)):
        value = normalise_identifier(value)
        if value:
            conditions |= Q(**{field: value})
    if not conditions:
        return Nominal.objects.none()
    matches = Nominal.objects.filter(conditions)
    if exclude_pk:
        matches = matches.exclude(pk=exclude_pk)
    return nominal_queryset(user).filter(pk__in=matches.values("pk")).order_by("surname", "forenames", "pk")


def duplicate_message(duplicates):
    described = "; ".join(
        f"{n.display_name}"
        + (f", born {format_date(n.date_of_birth, 'j F Y')}" if n.date_of_birth else "")
        + f" ({n.owning_agency.name})"
        for n in duplicates[:DUPLICATES_NAMED]
    )
    count = len(duplicates)
    return (
        f"There {'is' if count == 1 else 'are'} already {count} nominal{'' if count == 1 else 's'} you can see "
        f"that may be the same person: {described}. Check, then confirm to create the record anyway."
    )


# What the duplicate check matches on (likely_duplicates): the access log's query of the refusal.
DUPLICATE_CHECK_FIELDS = ("surname", "date_of_birth", "pnc_id", "prison_number", "crn")
# The refusal names at most this many of the likely duplicates.
DUPLICATES_NAMED = 5


class LikelyDuplicate(ValidationError):
    """The refusal of a nominal that is probably already on the register (code "likely_duplicate").
    It names people, so the surface showing it logs the read: `shown` (the nominals the message names)
    and `checked` (what the check matched on, for the log's query)."""

    def __init__(self, duplicates, nominal):
        super().__init__({NON_FIELD_ERRORS: [ValidationError(duplicate_message(duplicates), code="likely_duplicate")]})
        self.duplicates = duplicates
        self.shown = duplicates[:DUPLICATES_NAMED]
        self.checked = {name: getattr(nominal, name) for name in DUPLICATE_CHECK_FIELDS}


@transaction.atomic
def nominal_create(
    *,
    actor,
    threat_areas=(),
    aliases=(),
    other_identifiers=(),
    allow_duplicate=False,
    surface=AccessSurface.PAGE,
    **fields,
):
    """A nominal owned by the actor's agency. Unless `allow_duplicate`, refuses (code
    "likely_duplicate") when the actor can already see a likely duplicate."""
    unknown = set(fields) - NOMINAL_FIELDS
    if unknown:
        raise TypeError(f"nominal_create cannot set {', '.join(sorted(unknown))}")
    require_register_staff(actor, actor.agency_id, what="nominals")
    nominal = Nominal(owning_agency=actor.agency, created_by=actor, **fields)
    errors = _problems(nominal, exclude=["owning_agency", "created_by"])
    areas = _threat_areas(threat_areas, errors)
    alias_rows = _aliases(nominal, aliases, errors)
    identifier_rows = _other_identifiers(nominal, other_identifiers, errors)
    _raise_if(errors)
    if not allow_duplicate:
        duplicates = list(
            likely_duplicates(
                user=actor,
                surname=nominal.surname,
                forenames=nominal.forenames,
                date_of_birth=nominal.date_of_birth,
                pnc_id=nominal.pnc_id,
                prison_number=nominal.prison_number,
                crn=nominal.crn,
            ).select_related("owning_agency")
        )
        if duplicates:
            raise LikelyDuplicate(duplicates, nominal)
    nominal.save()
    nominal.threat_areas.set(areas)
    for row in alias_rows:
        row.nominal = nominal
    NominalAlias.objects.bulk_create(alias_rows)
    for row in identifier_rows:
        row.nominal = nominal
    OtherIdentifier.objects.bulk_create(identifier_rows)
    _log_change(actor=actor, action=AccessAction.CREATE, surface=surface, obj=nominal, what="nominal recorded")
    return nominal


@transaction.atomic
def nominal_update(
    *,
    actor,
    nominal,
    threat_areas=None,
    aliases=None,
    other_identifiers=None,
    surface=AccessSurface.PAGE,
    **changes,
):
    """Change a nominal of the actor's agency. Lists given (threat areas, aliases, identifiers)
    replace the current ones; lists left out are kept. Logged as the names of the fields whose value
    changed; when none did, nothing is written."""
    unknown = set(changes) - NOMINAL_FIELDS
    if unknown:
        raise TypeError(f"nominal_update cannot change {', '.join(sorted(unknown))}")
    require_register_staff(actor, nominal.owning_agency_id, what="nominals")
    nominal = Nominal.objects.select_for_update().get(pk=nominal.pk)
    before = {name: getattr(nominal, name) for name in changes}
    for name, value in changes.items():
        setattr(nominal, name, value)
    errors = _problems(nominal)
    areas = _threat_areas(threat_areas, errors) if threat_areas is not None else None
    alias_rows = _aliases(nominal, aliases, errors) if aliases is not None else None
    identifier_rows = _other_identifiers(nominal, other_identifiers, errors) if other_identifiers is not None else None
    _raise_if(errors)
    changed = _changed_fields(nominal, before)  # after _problems: compared in their normal form
    if areas is not None and {a.code for a in areas} != set(nominal.threat_areas.values_list("code", flat=True)):
        changed.append("threat_areas")
    if alias_rows is not None and sorted((r.surname, r.forenames) for r in alias_rows) != sorted(
        nominal.aliases.values_list("surname", "forenames")
    ):
        changed.append("aliases")
    if identifier_rows is not None and sorted((r.kind, r.value) for r in identifier_rows) != sorted(
        nominal.other_identifiers.values_list("kind", "value")
    ):
        changed.append("other_identifiers")
    if not changed:
        return nominal
    nominal.save()
    if "threat_areas" in changed:
        nominal.threat_areas.set(areas)
    if "aliases" in changed:
        nominal.aliases.all().delete()
        NominalAlias.objects.bulk_create(alias_rows)
    if "other_identifiers" in changed:
        nominal.other_identifiers.all().delete()
        OtherIdentifier.objects.bulk_create(identifier_rows)
    _log_change(actor=actor, action=AccessAction.ALTER, surface=surface, obj=nominal, what=_fields_changed(changed))
    return nominal


def _current_location(episode):
    last = episode.transfers.order_by("-transferred_on", "-id").first()
    return last.to_establishment if last else episode.establishment


def _refresh_custody(nominal):
    """Keep `current_establishment` (denormalised for list filters and hotspot counts) true."""
    open_episode = nominal.custody_episodes.filter(released_on=None).select_related("establishment").first()
    establishment = _current_location(open_episode) if open_episode else None
    if nominal.current_establishment_id != (establishment.pk if establishment else None):
        nominal.current_establishment = establishment
        nominal.save(update_fields=["current_establishment", "updated_at"])


@transaction.atomic
def custody_episode_add(
    *,
    actor,
    nominal,
    establishment,
    received_on,
    prison_number="",
    category=CustodyCategory.UNCATEGORISED,
    released_on=None,
    expected_release_date=None,
    licence_end_date=None,
    surface=AccessSurface.PAGE,
):
    require_register_staff(actor, nominal.owning_agency_id, what="nominals")
    nominal = Nominal.objects.select_for_update().get(pk=nominal.pk)
    episode = CustodyEpisode(
        nominal=nominal,
        establishment=establishment,
        received_on=received_on,
        prison_number=prison_number or "",
        category=category,
        released_on=released_on,
        expected_release_date=expected_release_date,
        licence_end_date=licence_end_date,
    )
    errors = _problems(episode)
    if released_on is None and nominal.custody_episodes.filter(released_on=None).exists():
        errors.setdefault("released_on", []).append(
            "This nominal is already in custody: record their release from that episode first"
        )
    _raise_if(errors)
    episode.save()
    what = "custody episode added"
    if episode.prison_number and not nominal.prison_number:
        nominal.prison_number = episode.prison_number
        nominal.save(update_fields=["prison_number", "updated_at"])
        what += "; fields changed: prison_number"
    _refresh_custody(nominal)
    _log_change(actor=actor, action=AccessAction.ALTER, surface=surface, obj=nominal, what=what)
    return episode


@transaction.atomic
def custody_episode_update(*, actor, episode, surface=AccessSurface.PAGE, **changes):
    """Record a release, or correct the dates, category or prison number of an episode. When nothing
    changes, nothing is written."""
    allowed = {"released_on", "expected_release_date", "licence_end_date", "category", "prison_number"}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"custody_episode_update cannot change {', '.join(sorted(unknown))}")
    require_register_staff(actor, episode.nominal.owning_agency_id, what="nominals")
    episode = CustodyEpisode.objects.select_for_update().select_related("nominal").get(pk=episode.pk)
    before = {name: getattr(episode, name) for name in changes}
    for name, value in changes.items():
        setattr(episode, name, value)
    errors = _problems(episode)
    if episode.released_on:
        late = episode.transfers.filter(transferred_on__gt=episode.released_on).exists()
        if late:
            errors.setdefault("released_on", []).append("The release date must be after the last transfer")
    _raise_if(errors)
    changed = _changed_fields(episode, before)
    if not changed:
        return episode
    episode.save()
    _refresh_custody(episode.nominal)
    _log_change(
        actor=actor,
        action=AccessAction.ALTER,
        surface=surface,
        obj=episode.nominal,
        what=_fields_changed(changed, prefix="custody episode changed"),
    )
    return episode


@transaction.atomic
def transfer_record(*, actor, custody_episode, to_establishment, transferred_on, reason="", surface=AccessSurface.PAGE):
    """A move from where the nominal is now to `to_establishment`, during an episode."""
    episode = CustodyEpisode.objects.select_for_update().select_related("nominal").get(pk=custody_episode.pk)
    require_register_staff(actor, episode.nominal.owning_agency_id, what="nominals")
    transfer = Transfer(
        custody_episode=episode,
        from_establishment=_current_location(episode),
        to_establishment=to_establishment,
        transferred_on=transferred_on,
        reason=(reason or "").strip(),
    )
    errors = _problems(transfer)
    last = episode.transfers.order_by("-transferred_on").first()
    if last and transferred_on and transferred_on < last.transferred_on and "transferred_on" not in errors:
        errors["transferred_on"] = ["The transfer date must be on or after the previous transfer"]
    _raise_if(errors)
    transfer.save()
    _refresh_custody(episode.nominal)
    _log_change(actor=actor, action=AccessAction.ALTER, surface=surface, obj=episode.nominal, what="transfer recorded")
    return transfer


@transaction.atomic
def supervision_add(
    *,
    actor,
    nominal,
    region,
    starts_on,
    offender_manager="",
    ends_on=None,
    licence_conditions="",
    surface=AccessSurface.PAGE,
):
    require_register_staff(actor, nominal.owning_agency_id, what="nominals")
    supervision = ProbationSupervision(
        nominal=nominal,
        region=region,
        starts_on=starts_on,
        ends_on=ends_on,
        offender_manager=(offender_manager or "").strip(),
        licence_conditions=(licence_conditions or "").strip(),
    )
    _raise_if(_problems(supervision))
    supervision.save()
    _log_change(
        actor=actor, action=AccessAction.ALTER, surface=surface, obj=nominal, what="probation supervision added"
    )
    return supervision


@transaction.atomic
def order_add(*, actor, nominal, kind, conditions, made_on, expires_on=None, surface=AccessSurface.PAGE):
    require_register_staff(actor, nominal.owning_agency_id, what="nominals")
    order = LifetimeOrder(nominal=nominal, kind=kind, conditions=conditions, made_on=made_on, expires_on=expires_on)
    _raise_if(_problems(order))
    order.save()
    _log_change(actor=actor, action=AccessAction.ALTER, surface=surface, obj=nominal, what="order added")
    return order


# --- OCGs ---------------------------------------------------------------------------------------------


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


# --- entities and associations ------------------------------------------------------------------------


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


# --- need-to-know grants --------------------------------------------------------------------------------


def _view_permission(model):
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(model), codename=f"view_{model._meta.model_name}"
    )


@transaction.atomic
def grant_create(*, actor, obj, tier, reason, expires_at, user=None, agency=None, surface=AccessSurface.PAGE):
    """Give a user, or every user of an agency, need-to-know access to one nominal or OCG at `tier`
    until `expires_at`. Only the owning agency's register staff may grant. A new grant to the same
    user or agency replaces the previous one. The grant is logged (action GRANT, the disclosure
    decision) with its tier, recipient and reason."""
    model = type(obj)
    if model not in GRANT_MODELS:
        raise TypeError(f"Need-to-know grants cannot be given on {model.__name__}")
    policy = access.policy_for(model)
    require_register_staff(actor, getattr(obj, policy.owner_id), what="items' grants")
    errors = {}
    reason = (reason or "").strip()
    if (user is None) == (agency is None):
        errors["user"] = ["Choose either a person or an agency to grant access to"]
    grantee_agency = user.agency if user is not None else agency
    if isinstance(user, User) and not user.is_active:
        errors["user"] = ["Choose an active user"]
    if tier not in PARTY_TIERS:
        errors["tier"] = ["Choose tier 1 (law enforcement) or tier 2 (partnership)"]
    elif isinstance(grantee_agency, Agency) and tier < highest_tier_for_kind(grantee_agency.kind):
        errors["tier"] = [
            f"{grantee_agency.name} is a {grantee_agency.get_kind_display().lower()}: only police forces, "
            f"prisons, probation regions and regional or national units can receive tier 1"
        ]
    user_model, group_model = GRANT_MODELS[model]
    if not reason:
        errors["reason"] = ["Enter why they need to know"]
    else:
        errors.update(bounds.field_errors(user_model, reason=reason))
    if expires_at is None:
        errors["expires_at"] = ["Enter when the access ends"]
    elif expires_at <= timezone.now():
        errors["expires_at"] = ["The access must end in the future"]
    elif expires_at > timezone.now() + datetime.timedelta(days=settings.GRANT_MAX_DAYS):
        errors["expires_at"] = [f"The access can be given for up to {settings.GRANT_MAX_DAYS} days"]
    _raise_if(errors)
    values = {
        "tier": tier,
        "reason": reason,
        "expires_at": expires_at,
        "granted_by": actor,
        "granted_at": timezone.now(),
    }
    permission = _view_permission(model)
    if user is not None:
        grant, _ = user_model.objects.update_or_create(
            user=user, permission=permission, content_object=obj, defaults=values
        )
        basis, recipient = AccessBasis.USER_GRANT, f"{user.full_name} ({user.agency.name})"
    else:
        grant, _ = group_model.objects.update_or_create(
            group=agency_group(agency), permission=permission, content_object=obj, defaults=values
        )
        basis, recipient = AccessBasis.AGENCY_GRANT, f"Every user of {agency.name}"
    log_access(
        user=actor,
        action=AccessAction.GRANT,
        surface=surface,
        obj=obj,
        access=access.Access(tier=tier, basis=basis, grant_id=grant.pk),
        recipient=recipient,
        justification=f"Need-to-know grant until {expires_at:%Y-%m-%d %H:%M}: {reason}",
    )
    return grant


def _grant_recipient(grant):
    """(basis, recipient) of a grant, as its log entries name them."""
    if hasattr(grant, "user_id"):
        return AccessBasis.USER_GRANT, f"{grant.user.full_name} ({grant.user.agency.name})"
    name = grant.group.name
    agency_id = agency_id_of_group(name)
    agency = Agency.objects.filter(pk=agency_id).first() if agency_id is not None else None
    return AccessBasis.AGENCY_GRANT, f"Every user of {agency.name if agency else name}"


@transaction.atomic
def grant_revoke(*, actor, grant, surface=AccessSurface.PAGE):
    """End a need-to-know grant now (the row is deleted: the grant stays in the access log, where its
    revocation is logged with the grant's number, tier and recipient)."""
    obj = grant.content_object
    require_register_staff(actor, getattr(obj, access.policy_for(type(obj)).owner_id), what="items' grants")
    basis, recipient = _grant_recipient(grant)
    grant_id = grant.pk
    grant.delete()
    log_access(
        user=actor,
        action=AccessAction.REVOKE,
        surface=surface,
        obj=obj,
        access=access.Access(tier=grant.tier, basis=basis, grant_id=grant_id),
        recipient=recipient,
    )


def grants_of(*, actor, obj):
    """The grants on `obj` (user and agency), for its owner's staff to review and revoke."""
    model = type(obj)
    policy = access.policy_for(model)
    require_register_staff(actor, getattr(obj, policy.owner_id), what="items' grants")
    user_model, group_model = GRANT_MODELS[model]
    return (
        list(user_model.objects.filter(content_object=obj).select_related("user__agency", "granted_by")),
        list(group_model.objects.filter(content_object=obj).select_related("group", "granted_by")),
    )

"""Writes of nominals with their aliases and other identifiers, and the likely-duplicate refusal."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.dateformat import format as format_date

from ocgshare.models import AccessAction, AccessSurface
from records.services import require_register_staff

from ..models import Nominal, NominalAlias, OtherIdentifier
from ..selectors.nominals import likely_duplicates
from .change_log import _changed_fields, _fields_changed, _log_change
from .common import _problems, _raise_if, _threat_areas

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
DUPLICATE_CHECK_FIELDS = ("surname", "forenames", "date_of_birth", "pnc_id", "prison_number", "crn")
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
                aliases=[row.surname for row in alias_rows],
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

"""Creation of a protocol from the template and local edits of a draft."""

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import Role
from ocgshare.constants import InformationCategory

from ..constants import ProtocolStatus, highest_tier_for_kind
from ..models import (
    Protocol,
    ProtocolParty,
    ProtocolPartyCategory,
    ProtocolTemplate,
)
from ..permissions import require_create, require_edit
from ..sections import SECTION_FIELDS, changed_section_keys
from .common import _check_dates_ahead, _locked, _require_status, add_months

EDITABLE_FIELDS = frozenset({"reference", "title", "start_date", "end_date", "review_date", *SECTION_FIELDS})


def template_current():
    return ProtocolTemplate.objects.filter(is_current=True).first()


@transaction.atomic
def protocol_create_from_template(*, actor, reference, title, start_date, end_date, review_date=None, template=None):
    """A new draft protocol led by the actor's agency, with every section copied from the template
    and the lead agency as its first party."""
    require_create(actor)
    template = template or template_current()
    if template is None:
        raise ValidationError({"template": ["There is no protocol template to start from"]})
    protocol = Protocol(
        template=template,
        reference=(reference or "").strip(),
        title=(title or "").strip(),
        lead_agency=actor.agency,
        start_date=start_date,
        end_date=end_date,
        review_date=review_date,
        created_by=actor,
        **{name: getattr(template, name) for name in SECTION_FIELDS},
    )
    if protocol.review_date is None and start_date and end_date:
        protocol.review_date = min(add_months(start_date, template.review_interval_months), end_date)
    errors = {}
    try:
        protocol.full_clean(validate_constraints=False)
    except ValidationError as exc:
        errors = exc.message_dict
    _check_dates_ahead(protocol, errors)
    if errors:
        raise ValidationError(errors)
    protocol.save()
    lead = ProtocolParty.objects.create(
        protocol=protocol,
        agency=actor.agency,
        max_tier=highest_tier_for_kind(actor.agency.kind),
        signatory=actor if actor.has_role(Role.AGENCY_ADMIN) else None,
    )
    ProtocolPartyCategory.objects.bulk_create(
        ProtocolPartyCategory(party=lead, category=category) for category in protocol.data_categories
    )
    return protocol


@transaction.atomic
def protocol_update(*, actor, protocol, **changes):
    """Change a draft's sections, title, reference or dates; records which sections now differ
    from the template."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"protocol_update cannot change {', '.join(sorted(unknown))}")
    require_edit(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.DRAFT}, "Only a draft protocol can be changed.")
    for name, value in changes.items():
        setattr(protocol, name, value.strip() if isinstance(value, str) else value)
    errors = {}
    try:
        protocol.full_clean(validate_constraints=False)
    except ValidationError as exc:
        errors = exc.message_dict
    _check_dates_ahead(protocol, errors)
    if "data_categories" not in errors:
        dropped = set(InformationCategory.values) - set(protocol.data_categories)
        receiving = (
            ProtocolPartyCategory.objects.filter(party__protocol=protocol, category__in=dropped)
            .select_related("party__agency")
            .order_by("party__agency__name", "category")
        )
        problems = [f"{row.party.agency.name} receives {row.get_category_display().lower()}" for row in receiving]
        if problems:
            errors["data_categories"] = [
                f"Remove these from the parties before taking the category out of the protocol: {'; '.join(problems)}"
            ]
    if errors:
        raise ValidationError(errors)
    protocol.changed_sections = changed_section_keys(protocol, protocol.template)
    protocol.save()
    return protocol

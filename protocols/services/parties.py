"""The parties to a draft protocol: adding, changing and removing them."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from accounts.models import Role
from ocgshare.constants import InformationCategory

from ..constants import ProtocolStatus
from ..models import (
    ProtocolParty,
    ProtocolPartyCategory,
)
from ..permissions import require_edit
from .common import _locked, _require_status


def _party_errors(party, *, categories, signatory):
    errors = dict(party.tier_errors())
    categories = list(dict.fromkeys(categories or []))
    unknown = set(categories) - set(InformationCategory.values)
    outside = [c for c in categories if c not in party.protocol.data_categories and c not in unknown]
    if not categories:
        errors["categories"] = "Choose at least one category of information this party may receive"
    elif unknown:
        errors["categories"] = "Choose categories from the list"
    elif outside:
        labels = ", ".join(InformationCategory(c).label.lower() for c in outside)
        errors["categories"] = f"The protocol does not cover {labels}; add it to the protocol's categories first"
    if signatory is not None and not (
        signatory.agency_id == party.agency_id and signatory.is_active and signatory.has_role(Role.AGENCY_ADMIN)
    ):
        errors["signatory"] = f"Choose an active agency administrator of {party.agency.name} to sign"
    return errors, categories


def _set_categories(party, categories):
    party.categories.exclude(category__in=categories).delete()
    existing = set(party.categories.values_list("category", flat=True))
    ProtocolPartyCategory.objects.bulk_create(
        ProtocolPartyCategory(party=party, category=c) for c in categories if c not in existing
    )


@transaction.atomic
def party_add(*, actor, protocol, agency, max_tier, categories, signatory=None):
    require_edit(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.DRAFT}, "Parties can only be changed while the protocol is a draft.")
    party = ProtocolParty(protocol=protocol, agency=agency, max_tier=max_tier, signatory=signatory)
    errors, categories = _party_errors(party, categories=categories, signatory=signatory)
    if protocol.parties.filter(agency=agency).exists():
        errors["agency"] = f"{agency.name} is already a party to this protocol"
    if errors:
        raise ValidationError(errors)
    party.save()
    _set_categories(party, categories)
    return party


@transaction.atomic
def party_update(*, actor, party, max_tier, categories, signatory=None):
    protocol = party.protocol
    require_edit(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.DRAFT}, "Parties can only be changed while the protocol is a draft.")
    party.protocol = protocol
    party.max_tier = max_tier
    party.signatory = signatory
    errors, categories = _party_errors(party, categories=categories, signatory=signatory)
    if errors:
        raise ValidationError(errors)
    party.save(update_fields=["max_tier", "signatory"])
    _set_categories(party, categories)
    return party


@transaction.atomic
def party_remove(*, actor, party):
    protocol = party.protocol
    require_edit(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.DRAFT}, "Parties can only be changed while the protocol is a draft.")
    if party.agency_id == protocol.lead_agency_id:
        raise ValidationError({NON_FIELD_ERRORS: ["The lead agency cannot be removed from its own protocol."]})
    party.delete()

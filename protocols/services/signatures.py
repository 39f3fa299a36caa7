"""Sending a protocol for signature, returning it to draft, and signing it for a party."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone

from notifications.models import EventType
from notifications.services import notification_actions_done, notify

from ..constants import ProtocolStatus
from ..permissions import can_sign_for, require_edit, require_signatory
from .common import (
    _detail_url,
    _locked,
    _parties,
    _require_status,
    _set_status,
    _signature_requests_done,
    sign_action_key,
)
from .lifecycle import _activate_if_ready


@transaction.atomic
def protocol_submit_for_signature(*, actor, protocol):
    """Draft → awaiting signatures; asks each party's signatory to sign."""
    require_edit(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.DRAFT}, "Only a draft protocol can be sent for signature.")
    parties = _parties(protocol)
    problems = []
    if len(parties) < 2:
        problems.append("Add at least one other agency as a party")
    for party in parties:
        if party.signatory is None:
            problems.append(f"Choose who signs for {party.agency.name}")
        elif not can_sign_for(party.signatory, party):
            problems.append(f"{party.signatory.full_name} can no longer sign for {party.agency.name}; choose another")
        if not party.categories.all():
            problems.append(f"Choose the categories {party.agency.name} may receive")
        problems.extend(party.tier_errors().values())
    if protocol.end_date < timezone.localdate():
        problems.append("The end date has passed; change the dates first")
    if problems:
        raise ValidationError({NON_FIELD_ERRORS: problems})
    _set_status(protocol, ProtocolStatus.AWAITING_SIGNATURES)
    protocol.signature_round += 1
    protocol.save(update_fields=["status", "status_changed_at", "signature_round", "updated_at"])
    for party in parties:
        notify(
            recipient=party.signatory,
            event_type=EventType.SIGNATURE_REQUESTED,
            title=f"Sign protocol {protocol.reference} for {party.agency.name}",
            body=f"{protocol.lead_agency.name} asks you to sign “{protocol.title}” on behalf of {party.agency.name}.",
            url=_detail_url(protocol),
            dedupe_key=f"protocol-{protocol.pk}-sign-{protocol.signature_round}",
            action_key=sign_action_key(protocol, party.agency_id),
        )
    return protocol


@transaction.atomic
def protocol_return_to_draft(*, actor, protocol):
    """Awaiting signatures → draft, to amend it; signatures already given are withdrawn, and the
    requests to sign are closed (sending it for signature again asks afresh)."""
    require_edit(actor, protocol)
    protocol = _locked(protocol)
    _require_status(
        protocol, {ProtocolStatus.AWAITING_SIGNATURES}, "Only a protocol awaiting signatures can return to draft."
    )
    _signature_requests_done(
        protocol,
        protocol.parties.all(),
        f"No longer needed: {actor.agency.name} took the protocol back to draft; it will be sent for signature again",
    )
    protocol.parties.update(signed_at=None, signed_by=None)
    _set_status(protocol, ProtocolStatus.DRAFT)
    protocol.save(update_fields=["status", "status_changed_at", "updated_at"])
    return protocol


@transaction.atomic
def protocol_sign(*, actor, protocol):
    """Sign for the actor's agency. The last signature activates the protocol if today is within
    its dates. Every request to sign for that agency is marked done."""
    protocol = _locked(protocol)
    parties = _parties(protocol)
    party = require_signatory(actor, parties)
    _require_status(protocol, {ProtocolStatus.AWAITING_SIGNATURES}, "This protocol is not awaiting signatures.")
    if party.is_signed:
        raise ValidationError({NON_FIELD_ERRORS: [f"{party.agency.name} has already signed this protocol."]})
    party.signed_at = timezone.now()
    party.signed_by = actor
    party.save(update_fields=["signed_at", "signed_by"])
    notification_actions_done(
        action_keys=[sign_action_key(protocol, party.agency_id)],
        outcome=f"Signed for {party.agency.name} by {actor.full_name}",
    )
    _activate_if_ready(protocol, parties, timezone.localdate())
    return protocol

"""Activation and stopping, suspension, reinstatement, renewal, review and the calendar's transitions."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from notifications.models import EventType
from notifications.services import notification_actions_done
from ocgshare import bounds

from ..constants import ProtocolStatus
from ..models import Protocol
from ..permissions import require_manage
from .common import (
    _contacts,
    _locked,
    _notify_all,
    _parties,
    _require_status,
    _set_status,
    _signature_requests_done,
    add_months,
    review_action_key,
)
from .grants import _grants_apply, _grants_revoke


def _activate(protocol, parties):
    _set_status(protocol, ProtocolStatus.ACTIVE)
    protocol.suspension_reason = ""
    protocol.save(update_fields=["status", "status_changed_at", "suspension_reason", "updated_at"])
    _grants_apply(protocol, parties)
    _notify_all(
        _contacts(parties),
        event_type=EventType.PROTOCOL_ACTIVATED,
        protocol=protocol,
        title=f"Protocol {protocol.reference} is now active",
        body=f"Every party has signed “{protocol.title}”. Information is now shared under it until "
        f"{protocol.end_date:%-d %B %Y}.",
    )


def _activate_if_ready(protocol, parties, today):
    if all(party.is_signed for party in parties) and protocol.is_within_dates(today):
        _activate(protocol, parties)
        return True
    return False


def _stop(protocol, parties, *, status):
    was_awaiting = protocol.status == ProtocolStatus.AWAITING_SIGNATURES
    _set_status(protocol, status)
    protocol.save(update_fields=["status", "status_changed_at", "suspension_reason", "updated_at"])
    _grants_revoke(protocol)
    if was_awaiting:
        _signature_requests_done(protocol, parties, "No longer needed: the protocol expired before every party signed")
    if status == ProtocolStatus.EXPIRED:
        # A suspended protocol is still reviewed; an expired one is renewed instead.
        notification_actions_done(
            action_keys=[review_action_key(protocol)], outcome="No longer needed: the protocol expired"
        )


@transaction.atomic
def protocol_suspend(*, actor, protocol, reason):
    """Active → suspended: its grants are removed, so nothing is shared under it from the next request."""
    require_manage(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.ACTIVE}, "Only an active protocol can be suspended.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": ["Enter why the protocol is being suspended"]})
    if errors := bounds.field_errors(Protocol, suspension_reason=reason):
        raise ValidationError({"reason": errors["suspension_reason"]})
    protocol.suspension_reason = reason
    parties = _parties(protocol)
    _stop(protocol, parties, status=ProtocolStatus.SUSPENDED)
    _notify_all(
        _contacts(parties),
        event_type=EventType.PROTOCOL_SUSPENDED,
        protocol=protocol,
        title=f"Protocol {protocol.reference} is suspended",
        body=f"{actor.agency.name} suspended “{protocol.title}”: {reason}. Nothing is shared under it until it "
        f"is reinstated.",
    )
    return protocol


@transaction.atomic
def protocol_reinstate(*, actor, protocol):
    """Suspended → active again, if it has not reached its end date."""
    require_manage(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.SUSPENDED}, "Only a suspended protocol can be reinstated.")
    today = timezone.localdate()
    if protocol.end_date < today:
        raise ValidationError(
            {NON_FIELD_ERRORS: [f"This protocol ended on {protocol.end_date:%-d %B %Y}; renew it instead."]}
        )
    parties = _parties(protocol)
    if not _activate_if_ready(protocol, parties, today):
        raise ValidationError({NON_FIELD_ERRORS: ["Every party must have signed before the protocol is reinstated."]})
    return protocol


@transaction.atomic
def protocol_renew(*, actor, protocol, end_date, review_date=None):
    """An expired protocol gets a new term and returns to draft, so that the parties sign again."""
    require_manage(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.EXPIRED}, "Only an expired protocol can be renewed.")
    today = timezone.localdate()
    errors = {}
    if end_date is None or end_date <= today:
        errors["end_date"] = ["The new end date must be in the future"]
    else:
        errors.update(bounds.field_errors(Protocol, end_date=end_date))
    if review_date is None and not errors:
        review_date = min(add_months(today, protocol.review_interval_months), end_date)
    if not errors and not (today <= review_date <= end_date):
        errors["review_date"] = ["The review date must be between today and the new end date"]
    if errors:
        raise ValidationError(errors)
    protocol.end_date = end_date
    protocol.review_date = review_date
    protocol.suspension_reason = ""
    protocol.parties.update(signed_at=None, signed_by=None)
    _set_status(protocol, ProtocolStatus.DRAFT)
    protocol.save()
    return protocol


@transaction.atomic
def protocol_review_record(*, actor, protocol, next_review_date):
    """Record that the parties reviewed the protocol, and when they will next."""
    require_manage(actor, protocol)
    protocol = _locked(protocol)
    _require_status(
        protocol,
        {ProtocolStatus.ACTIVE, ProtocolStatus.SUSPENDED},
        "Only an active or suspended protocol is reviewed.",
    )
    today = timezone.localdate()
    if next_review_date is None or not (today < next_review_date <= protocol.end_date):
        raise ValidationError(
            {"next_review_date": [f"The next review must be after today and by {protocol.end_date:%-d %B %Y}"]}
        )
    protocol.last_reviewed_on = today
    protocol.review_date = next_review_date
    protocol.save(update_fields=["last_reviewed_on", "review_date", "updated_at"])
    notification_actions_done(
        action_keys=[review_action_key(protocol)],
        outcome=f"Review recorded by {actor.full_name}; next review by {next_review_date:%-d %B %Y}",
    )
    return protocol


@transaction.atomic
def protocol_refresh_status(*, protocol, today=None):
    """Apply the calendar: activate a fully signed protocol whose start date has come, and expire a
    protocol past its end date. Returns the new status, or None when nothing changed."""
    today = today or timezone.localdate()
    protocol = _locked(protocol)
    live = {ProtocolStatus.ACTIVE, ProtocolStatus.SUSPENDED, ProtocolStatus.AWAITING_SIGNATURES}
    if protocol.status in live and protocol.end_date < today:
        parties = _parties(protocol)
        was_in_force = protocol.status != ProtocolStatus.AWAITING_SIGNATURES
        _stop(protocol, parties, status=ProtocolStatus.EXPIRED)
        _notify_all(
            _contacts(parties) if was_in_force else [],
            event_type=EventType.PROTOCOL_EXPIRED,
            protocol=protocol,
            title=f"Protocol {protocol.reference} has expired",
            body=f"“{protocol.title}” ended on {protocol.end_date:%-d %B %Y}. Nothing is shared under it "
            f"until {protocol.lead_agency.name} renews it and the parties sign again.",
            dedupe_key=f"protocol-{protocol.pk}-expired-{protocol.end_date.isoformat()}",
        )
        return protocol.status
    if protocol.status == ProtocolStatus.AWAITING_SIGNATURES and _activate_if_ready(
        protocol, _parties(protocol), today
    ):
        return protocol.status
    return None


def protocols_due_for_refresh(*, today):
    return Protocol.objects.filter(
        Q(
            status__in=[ProtocolStatus.ACTIVE, ProtocolStatus.SUSPENDED, ProtocolStatus.AWAITING_SIGNATURES],
            end_date__lt=today,
        )
        | Q(status=ProtocolStatus.AWAITING_SIGNATURES, start_date__lte=today, end_date__gte=today)
    ).order_by("pk")

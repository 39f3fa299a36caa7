"""What the protocol services share: dates, status and row locks, the parties, the contacts they
notify and the keys of the actions notifications ask for."""

import calendar
import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from notifications.services import notification_actions_done, notify

from ..models import (
    Protocol,
    ProtocolPartyCategory,
)


def add_months(day, months):
    """`day` plus `months` calendar months, the last day of a shorter month if need be; date.max past
    the calendar's end (the validation of the dates then explains what is wrong with them)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if year > datetime.MAXYEAR:
        return datetime.date.max
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _require_status(protocol, statuses, message):
    if protocol.status not in statuses:
        raise ValidationError({NON_FIELD_ERRORS: [message]})


def _locked(protocol):
    """The protocol re-read under a row lock, so two concurrent transitions cannot both apply."""
    return Protocol.objects.select_for_update().get(pk=protocol.pk)


def _parties(protocol):
    return list(
        protocol.parties.select_related("agency", "agency__spoc", "signatory").prefetch_related(
            Prefetch("categories", queryset=ProtocolPartyCategory.objects.order_by("category"))
        )
    )


def _set_status(protocol, status):
    protocol.status = status
    protocol.status_changed_at = timezone.now()


def _detail_url(protocol):
    return reverse("protocols:detail", kwargs={"pk": protocol.pk})


def _contacts(parties):
    """Who hears about a protocol's lifecycle: each party's signatory and single point of contact."""
    people = {}
    for party in parties:
        for person in (party.signatory, party.agency.spoc):
            if person is not None and person.is_active:
                people.setdefault(person.pk, person)
    return list(people.values())


def _notify_all(recipients, *, event_type, protocol, title, body="", dedupe_key="", action_key=""):
    for recipient in recipients:
        notify(
            recipient=recipient,
            event_type=event_type,
            title=title,
            body=body,
            url=_detail_url(protocol),
            dedupe_key=dedupe_key,
            action_key=action_key,
        )


# The actions notifications ask for: a request stays open until the service doing the action (or
# ending the need for it) marks it done, in the same transaction.


def sign_action_key(protocol, agency_id):
    """The action of signing `protocol` for one party agency (whoever of that agency may sign)."""
    return f"protocol:{protocol.pk}:sign:{agency_id}"


def review_action_key(protocol):
    """The action of recording a review of `protocol` (whichever review date was reminded of)."""
    return f"protocol:{protocol.pk}:review"


def _signature_requests_done(protocol, parties, outcome):
    notification_actions_done(
        action_keys=[sign_action_key(protocol, party.agency_id) for party in parties], outcome=outcome
    )


def _check_dates_ahead(protocol, errors):
    today = timezone.localdate()
    if protocol.end_date and protocol.end_date < today and "end_date" not in errors:
        errors["end_date"] = "The end date must be today or in the future"

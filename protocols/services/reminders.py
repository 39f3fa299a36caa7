"""Reminders of review and end dates to each protocol's contacts."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from notifications.models import EventType
from notifications.services import notify

from ..constants import REMINDER_DAYS, ProtocolStatus
from ..models import Protocol
from .common import _contacts, _detail_url, _parties, review_action_key


def protocol_send_reminders(*, today=None):
    """Remind each protocol's contacts 30 and 7 days before its review date and its end date.

    A reminder is due once its date is within the window, so a day the task did not run is caught
    up the next day; the dedupe key (protocol, which date, the date itself, the window) makes each
    reminder once per recipient however often the task runs, and a new review or end date starts
    new reminders. Returns the number of notifications recorded.
    """
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=max(REMINDER_DAYS))
    candidates = Protocol.objects.filter(
        Q(review_date__range=(today, horizon)) | Q(end_date__range=(today, horizon)),
        status__in=[ProtocolStatus.ACTIVE, ProtocolStatus.SUSPENDED],
    ).order_by("pk")
    sent = 0
    for protocol in candidates:
        with transaction.atomic():
            parties = None
            for kind, due in (("review", protocol.review_date), ("end", protocol.end_date)):
                days_left = (due - today).days
                windows = [days for days in sorted(REMINDER_DAYS) if 0 <= days_left <= days]
                if not windows:
                    continue
                window = windows[0]
                parties = parties if parties is not None else _parties(protocol)
                for recipient in _contacts(parties):
                    sent += _remind(protocol, recipient, kind=kind, due=due, window=window, days_left=days_left)
    return sent


def _remind(protocol, recipient, *, kind, due, window, days_left):
    when = "today" if days_left == 0 else f"in {days_left} day{'s' if days_left != 1 else ''}"
    if kind == "review":
        event_type = EventType.PROTOCOL_REVIEW_DUE
        title = f"Protocol {protocol.reference} is due for review {when}"
        body = (
            f"“{protocol.title}” is due for review on {due:%-d %B %Y}. {protocol.lead_agency.name} records the review."
        )
    else:
        event_type = EventType.PROTOCOL_EXPIRED
        title = f"Protocol {protocol.reference} ends {when}"
        body = (
            f"“{protocol.title}” ends on {due:%-d %B %Y}; after that nothing is shared under it until it is "
            f"renewed and signed again."
        )
    notification = notify(
        recipient=recipient,
        event_type=event_type,
        title=title,
        body=body,
        url=_detail_url(protocol),
        dedupe_key=f"protocol-{protocol.pk}-{kind}-{due.isoformat()}-{window}d",
        # The end-date reminder only informs: nothing can be done about an end date but renew after it.
        action_key=review_action_key(protocol) if kind == "review" else "",
    )
    return 1 if notification is not None else 0

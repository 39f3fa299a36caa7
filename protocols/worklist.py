"""What the protocols app puts on the home work list (ocgshare.worklist): protocols awaiting the user's
signature, and, for those who look after their agency's protocols, reviews due and protocols ending."""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from ocgshare.worklist import SOON_DAYS, Action, Item, Section, first_items

from .constants import ProtocolStatus
from .models import Protocol, ProtocolParty
from .permissions import can_create_protocol

# Who looks after their agency's protocols: reviews and renewals are theirs to start.
KEEPER_ROLES = (Role.AGENCY_ADMIN, Role.PARTNERSHIP_LEAD, Role.SPOC)


def awaiting_signature(user):
    # Only agency administrators sign for their agency (protocols.permissions.can_sign_for).
    if not user.has_role(Role.AGENCY_ADMIN):
        return None
    parties = (
        ProtocolParty.objects.filter(
            signatory=user,
            agency_id=user.agency_id,
            signed_at__isnull=True,
            protocol__status=ProtocolStatus.AWAITING_SIGNATURES,
        )
        .select_related("protocol")
        .order_by("protocol__start_date", "protocol_id")
    )
    items, total = first_items(
        parties,
        lambda party: Item(
            text=f"{party.protocol.reference}: {party.protocol.title}",
            url=reverse("protocols:detail", args=[party.protocol_id]),
            detail=f"Starts {party.protocol.start_date:%-d %B %Y}",
        ),
    )
    if not items:
        return None
    return Section(
        key="protocols_to_sign",
        title="Protocols awaiting your signature",
        items=items,
        total=total,
        more_url=f"{reverse('protocols:register')}?status={ProtocolStatus.AWAITING_SIGNATURES}",
        more_label="Protocols awaiting signatures",
    )


def reviews_and_endings(user):
    """Active protocols of the user's agency (as lead or party) whose review is overdue or due soon, or
    which end soon."""
    if not user.has_role(*KEEPER_ROLES):
        return None
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=SOON_DAYS)
    protocols = (
        Protocol.objects.filter(status=ProtocolStatus.ACTIVE)
        .filter(Q(lead_agency_id=user.agency_id) | Q(parties__agency_id=user.agency_id))
        .filter(Q(review_date__lte=soon) | Q(end_date__lte=soon))
        .distinct()
        .order_by("review_date", "end_date", "id")
    )
    items, total = first_items(protocols, lambda protocol: _review_item(protocol, today, soon))
    if not items:
        return None
    return Section(
        key="protocols_due",
        title="Protocols due for review or ending",
        items=items,
        total=total,
        more_url=f"{reverse('protocols:register')}?status={ProtocolStatus.ACTIVE}",
        more_label="Active protocols",
    )


def _review_item(protocol, today, soon):
    if protocol.end_date <= soon:
        detail, urgent = f"Ends {protocol.end_date:%-d %B %Y}", True
    elif protocol.review_date < today:
        detail, urgent = f"Review overdue since {protocol.review_date:%-d %B %Y}", True
    else:
        detail, urgent = f"Review due {protocol.review_date:%-d %B %Y}", False
    return Item(
        text=f"{protocol.reference}: {protocol.title}",
        url=reverse("protocols:detail", args=[protocol.pk]),
        detail=detail,
        urgent=urgent,
        due=min(protocol.review_date, protocol.end_date),
    )


def draft_a_protocol(user):
    if not can_create_protocol(user):
        return None
    return Action(key="protocol_create", label="Draft a protocol", url=reverse("protocols:create"), secondary=True)

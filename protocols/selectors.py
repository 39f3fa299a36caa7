"""Reads of protocols: the central register of agreements, one protocol, and the grants that
active protocols give a user's agency — the building block of the access engine's record filter.

Protocols themselves are not intelligence: every signed-in user may read the register.
"""

import datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .constants import ProtocolStatus
from .models import Protocol, ProtocolGroupObjectPermission, ProtocolParty, ProtocolPartyCategory, ProtocolTemplate

REVIEW_DUE_DAYS = 30

SORTS = {
    "reference": ("reference", "id"),
    "-reference": ("-reference", "-id"),
    "title": ("title", "id"),
    "-title": ("-title", "-id"),
    "status": ("status", "reference"),
    "-status": ("-status", "reference"),
    "review_date": ("review_date", "id"),
    "-review_date": ("-review_date", "-id"),
    "end_date": ("end_date", "id"),
    "-end_date": ("-end_date", "-id"),
    "created": ("created_at", "id"),
    "-created": ("-created_at", "-id"),
}
DEFAULT_SORT = "-created"


class ReviewDue:
    OVERDUE = "overdue"
    WITHIN_30_DAYS = "30_days"
    choices = [(OVERDUE, "Review overdue"), (WITHIN_30_DAYS, f"Review due within {REVIEW_DUE_DAYS} days")]


def _with_parties(queryset):
    return queryset.select_related("lead_agency").prefetch_related(
        Prefetch(
            "parties",
            queryset=ProtocolParty.objects.select_related("agency", "signatory").prefetch_related(
                Prefetch("categories", queryset=ProtocolPartyCategory.objects.order_by("category"))
            ),
        )
    )


def filter_protocols(queryset, filters):
    """`queryset` narrowed by `filters`, the values a ProtocolFilterSet (protocols.filters) applies."""
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("agency"):
        queryset = queryset.filter(parties__agency_id=filters["agency"])
    if filters.get("review_due"):
        today = timezone.localdate()
        # Only agreements in force are reviewed.
        queryset = queryset.filter(status__in=[ProtocolStatus.ACTIVE, ProtocolStatus.SUSPENDED])
        if filters["review_due"] == ReviewDue.OVERDUE:
            queryset = queryset.filter(review_date__lt=today)
        else:
            queryset = queryset.filter(review_date__range=(today, today + datetime.timedelta(days=REVIEW_DUE_DAYS)))
    return queryset


def protocol_list(*, user, filterset=None, sort=DEFAULT_SORT):
    """The register of agreements, narrowed by `filterset` (a protocols.filters.ProtocolFilterSet) and
    sorted by `sort` (a key of SORTS); parties are prefetched (with their categories), so rendering a
    page costs a fixed number of queries."""
    queryset = Protocol.objects.all()
    if filterset is not None:
        queryset = filterset.filter_queryset(queryset)
    return _with_parties(queryset.order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT])))


def signing_progress(protocol):
    """What a protocol's signatures add up to now, in words: active, waiting for its start date, or
    who still has to sign. Said after each signature, so the signer learns what actually happened."""
    protocol = Protocol.objects.prefetch_related(
        Prefetch("parties", queryset=ProtocolParty.objects.select_related("agency", "signatory"))
    ).get(pk=protocol.pk)
    if protocol.status == ProtocolStatus.ACTIVE:
        return f"Every party has signed: {protocol.reference} is now active and information is shared under it."
    unsigned = [party for party in protocol.parties.all() if not party.is_signed]
    if not unsigned:
        return (
            f"Every party has signed: {protocol.reference} becomes active on its start date, "
            f"{protocol.start_date:%-d %B %Y}."
        )
    waiting = [
        f"{party.agency.name} ({party.signatory.full_name})" if party.signatory else party.agency.name
        for party in unsigned
    ]
    return f"Still to sign: {', '.join(waiting)}. {protocol.reference} becomes active when they have."


def protocol_get(*, user, pk):
    return get_object_or_404(_with_parties(Protocol.objects.select_related("template")), pk=pk)


def protocol_grants_for_user(user, *, today=None):
    """The protocol grants held by the user's agency groups, for protocols in force today.

    Each row is a ProtocolGroupObjectPermission: `content_object_id` (the protocol), `tier` (the
    most detailed tier the agency may receive: 1 law enforcement, 2 partnership) and `category`
    (an InformationCategory). The access engine uses it as a correlated subquery, for example
    for records released under protocols at a tier:

        Exists(
            Release.objects.filter(
                record=OuterRef("pk"),
                protocol_id__in=protocol_grants_for_user(user).filter(
                    category=OuterRef(OuterRef("category")), tier__lte=OuterRef("tier")
                ).values("content_object_id"),
            )
        )

    which compiles to one EXISTS over release ⋈ grant, served by the index
    (group, content_object, category, tier). Rows exist only while a protocol is active (they are
    written on activation and deleted on suspension or expiry); the date condition also shuts a
    protocol on its end date should the daily expiry task not yet have run.
    """
    today = today or timezone.localdate()
    return ProtocolGroupObjectPermission.objects.filter(
        group__user=user,
        content_object__status=ProtocolStatus.ACTIVE,
        content_object__start_date__lte=today,
        content_object__end_date__gte=today,
    )


def protocol_template_list():
    return ProtocolTemplate.objects.order_by("-is_current", "-published_on")

"""Tier 3: depersonalised counts of OCG nominals in custody, by establishment and threat area."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

import access

from ..models import OCGMembership


@dataclass(frozen=True)
class Hotspot:
    establishment_id: int
    establishment: str
    threat_area: str  # a ThreatArea code
    threat_area_name: str
    count: int


def hotspot_counts(*, user):
    """Depersonalised counts (tier 3) of OCG nominals in custody now, by establishment and by the
    threat areas of their current OCGs. Every signed-in user may see them: no row names anyone.

    Returns (hotspots, totals): hotspots are Hotspot rows, largest first; totals map establishment id to
    (name, count of distinct OCG nominals held there).
    """
    today = timezone.localdate()
    # One filter() call, so the current membership, its OCG and its threat areas are the same join.
    memberships = access.aggregate_queryset(user, OCGMembership).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=today), nominal__current_establishment__isnull=False
    )
    rows = (
        memberships.filter(ocg__threat_areas__isnull=False)
        .values(
            "nominal__current_establishment_id",
            "nominal__current_establishment__name",
            "ocg__threat_areas__code",
            "ocg__threat_areas__name",
        )
        .annotate(count=Count("nominal_id", distinct=True))
        .order_by("-count", "nominal__current_establishment__name", "ocg__threat_areas__name")
    )
    hotspots = [
        Hotspot(
            establishment_id=row["nominal__current_establishment_id"],
            establishment=row["nominal__current_establishment__name"],
            threat_area=row["ocg__threat_areas__code"],
            threat_area_name=row["ocg__threat_areas__name"],
            count=row["count"],
        )
        for row in rows
    ]
    totals = {
        row["nominal__current_establishment_id"]: (row["nominal__current_establishment__name"], row["count"])
        for row in memberships.values("nominal__current_establishment_id", "nominal__current_establishment__name")
        .annotate(count=Count("nominal_id", distinct=True))
        .order_by("nominal__current_establishment__name")
    }
    return hotspots, totals

"""Who the benchmark runs as, chosen from the synthetic data set, and what each of them searches for."""

from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

import access
from accounts.models import Role, User
from demo import synthetic
from nominals.models import Nominal
from protocols.constants import ProtocolStatus
from protocols.models import Protocol, ProtocolParty


@dataclass
class Viewer:
    label: str
    user: User
    visible: int
    description: str


# --- choosing who looks ------------------------------------------------------------------------------


def active_protocols(today):
    return Protocol.objects.filter(
        reference__startswith=synthetic.PROTOCOL_PREFIX,
        status=ProtocolStatus.ACTIVE,
        start_date__lte=today,
        end_date__gte=today,
    )


def _readers(today, role):
    return (
        User.objects.filter(
            agency__name__startswith=synthetic.MARKER,
            is_active=True,
            vetting_expires__gte=today,
            user_roles__role=role,
        )
        .select_related("agency")
        .order_by("agency_id", "pk")
    )


def visible_count(user):
    return access.visible(user, Nominal.objects.all()).count()


def choose_viewers(wanted):
    """The viewers the benchmark runs as: `partner` (the partner SPOC who sees most nominals), `narrow`
    (the partner SPOC who sees fewest, but some: the first page is then furthest down the ordering
    index) and `police` (an analyst of the police force in most active protocols: own items and tier 1)."""
    today = timezone.localdate()
    active = active_protocols(today)
    party_agencies = ProtocolParty.objects.filter(protocol__in=active).values("agency_id")
    viewers = []
    if {"partner", "narrow"} & set(wanted):
        counted = []
        seen = set()
        for user in (
            _readers(today, Role.SPOC)
            .filter(agency__in=party_agencies)
            .exclude(agency__kind__in=synthetic.LAW_ENFORCEMENT_KINDS)
        ):
            if user.agency_id not in seen:
                seen.add(user.agency_id)
                count = visible_count(user)
                if count:
                    counted.append((count, user.agency_id, user))
        if counted:
            counted.sort(key=lambda item: (item[0], item[1]))
            if "partner" in wanted:
                count, _, user = counted[-1]
                viewers.append(Viewer("partner", user, count, "partner SPOC seeing the most nominals"))
            if "narrow" in wanted:
                count, _, user = counted[0]
                viewers.append(Viewer("narrow", user, count, "partner SPOC seeing the fewest nominals"))
    if "police" in wanted:
        busiest = (
            ProtocolParty.objects.filter(protocol__in=active, agency__kind="police_force")
            .values("agency_id")
            .annotate(protocols=Count("pk"))
            .order_by("-protocols", "agency_id")
        )
        for row in busiest:
            user = next(
                (u for u in _readers(today, Role.ANALYST).filter(agency_id=row["agency_id"]) if u.vetting_level >= 2),
                None,
            )
            if user is not None:
                viewers.append(
                    Viewer("police", user, visible_count(user), "police analyst: own nominals and tier 1 of partners")
                )
                break
    return viewers


def search_terms(user):
    """Ten searches a user might make, drawn from nominals they can see."""
    rows = list(
        access.visible(user, Nominal.objects.all())
        .order_by("-created_at", "-id")
        .values("surname", "forenames", "date_of_birth", "pnc_id")[:200]
    )
    if not rows:
        return ["smith"]
    terms = ["smith", rows[0]["surname"], f"{rows[1 % len(rows)]['forenames']} {rows[1 % len(rows)]['surname']}"]
    misspelt = rows[2 % len(rows)]["surname"]
    terms.append(misspelt[:-2] + misspelt[-1] + misspelt[-2] if len(misspelt) > 3 else misspelt)
    terms.append(rows[3 % len(rows)]["surname"][:4])
    with_pnc = [row for row in rows if row["pnc_id"]]
    if with_pnc:
        terms.append(with_pnc[0]["pnc_id"])
    with_birth = [row for row in rows if row["date_of_birth"]]
    if with_birth:
        row = with_birth[0]
        terms.append(f"{row['surname']} {row['date_of_birth']:%d/%m/%Y}")
    terms += ["jones", "patel", "wood"]
    return terms[:10]

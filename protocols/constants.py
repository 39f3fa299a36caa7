"""Vocabularies of information-sharing protocols: sanitisation tiers, legal bases, the lifecycle, and
the object permissions that encode "an agency may receive this tier of this category under this
protocol" (DESIGN.md §3 and §4.2)."""

from django.db import models

from agencies.models import AgencyKind
from ocgshare.constants import InformationCategory


class SanitisationTier(models.IntegerChoices):
    """How far a version of a record has been stripped; a lower number is more detailed."""

    ORIGINATOR = 0, "Tier 0 – originator"
    LAW_ENFORCEMENT = 1, "Tier 1 – law enforcement"
    PARTNERSHIP = 2, "Tier 2 – partnership"
    AGGREGATE = 3, "Tier 3 – aggregate"


# Tier 0 never leaves the owning agency and tier 3 is open to every partner, so a protocol party
# is given one of these two.
# How pages, exports and the access log name each tier, in full.
TIER_LABELS = {
    SanitisationTier.ORIGINATOR: "Tier 0 originator",
    SanitisationTier.LAW_ENFORCEMENT: "Tier 1 law enforcement",
    SanitisationTier.PARTNERSHIP: "Tier 2 partnership",
}
PARTY_TIERS = (SanitisationTier.LAW_ENFORCEMENT, SanitisationTier.PARTNERSHIP)
PARTY_TIER_CHOICES = [(tier.value, tier.label) for tier in PARTY_TIERS]

LAW_ENFORCEMENT_KINDS = frozenset(
    {
        AgencyKind.POLICE_FORCE,
        AgencyKind.PRISON,
        AgencyKind.PROBATION_REGION,
        AgencyKind.REGIONAL_NATIONAL_UNIT,
    }
)


def highest_tier_for_kind(kind):
    """The most detailed tier an agency of this kind may be given under any protocol."""
    if kind in LAW_ENFORCEMENT_KINDS:
        return SanitisationTier.LAW_ENFORCEMENT
    return SanitisationTier.PARTNERSHIP


class LegalBasis(models.TextChoices):
    CDA_1998_S115 = "cda_1998_s115", "Crime and Disorder Act 1998, section 115"
    DPA_2018_PART_3 = "dpa_2018_part_3", "Data Protection Act 2018, Part 3 (law enforcement processing)"
    PCSC_2022_S16 = "pcsc_2022_s16", "Police, Crime, Sentencing and Courts Act 2022, section 16"
    OTHER = "other", "Other (described in the protocol)"


class ProtocolStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING_SIGNATURES = "awaiting_signatures", "Awaiting signatures"
    ACTIVE = "active", "Active"
    SUSPENDED = "suspended", "Suspended"
    EXPIRED = "expired", "Expired"


def receive_codename(tier, category):
    """The object permission on a protocol letting an agency group receive `category` at `tier`."""
    return f"receive_tier{int(tier)}_{category}"


# codename -> (tier, category): the grant rows carry both as columns so the access engine joins on
# them directly (see ProtocolGroupObjectPermission).
RECEIVE_PERMISSIONS = {
    receive_codename(tier, category): (int(tier), category)
    for tier in PARTY_TIERS
    for category in InformationCategory.values
}

RECEIVE_PERMISSION_CHOICES = [
    (receive_codename(tier, category), f"Receive {label.lower()} information at {tier.label.lower()}")
    for tier in PARTY_TIERS
    for category, label in InformationCategory.choices
]

# Days before a review or end date on which the lead and the parties are reminded.
REMINDER_DAYS = (30, 7)

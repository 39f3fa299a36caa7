"""Vocabularies of the nominal and OCG register, the identifier formats, the common risk scale with its
criteria, and FIELD_TIERS: the one mapping of which fields a viewer at each sanitisation tier sees
(serializers, templates and tests all read it)."""

import functools
import re

from django.db import models


class Gender(models.TextChoices):
    MALE = "male", "Male"
    FEMALE = "female", "Female"
    OTHER = "other", "Other"
    UNKNOWN = "unknown", "Not known"


class RiskLevel(models.TextChoices):
    """The one risk scale shared by every agency (the research asked for a common definition)."""

    VERY_HIGH = "very_high", "Very high"
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


# Shown next to the level wherever a risk level is displayed, so every agency reads it the same way.
RISK_CRITERIA = {
    RiskLevel.VERY_HIGH: (
        "Imminent risk of serious harm: access to firearms or other weapons, directs violence or "
        "exploitation, or controls an OCG's activity from custody or the community now."
    ),
    RiskLevel.HIGH: (
        "Identifiable indicators of serious harm: a principal or significant OCG member, recent violence, "
        "exploitation of vulnerable people or control of a drug or phone market; harm could happen at any time."
    ),
    RiskLevel.MEDIUM: (
        "Indicators of harm that are unlikely to be acted on unless circumstances change, such as release, "
        "loss of accommodation or a change of associates; a peripheral member active in the group's business."
    ),
    RiskLevel.LOW: (
        "No current indicators of serious harm: historic or peripheral involvement, or a nominal kept on the "
        "register for association only."
    ),
}


class CustodyCategory(models.TextChoices):
    """The nominal's security category for this episode (not the establishment's)."""

    A = "A", "Category A"
    B = "B", "Category B"
    C = "C", "Category C"
    D = "D", "Category D (open)"
    YOI = "YOI", "Young offender"
    RESTRICTED = "restricted", "Restricted status (women)"
    CLOSED = "closed", "Closed (women)"
    OPEN = "open", "Open (women)"
    UNCATEGORISED = "uncategorised", "Not yet categorised"


class OrderKind(models.TextChoices):
    SCPO = "scpo", "Serious crime prevention order"
    FINANCIAL_REPORTING = "financial_reporting", "Financial reporting order"
    TRAVEL_RESTRICTION = "travel_restriction", "Travel restriction order"


class OCGStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    DORMANT = "dormant", "Dormant"
    DISMANTLED = "dismantled", "Dismantled"


class OCGBand(models.TextChoices):
    """OCG Mapping band (A highest harm to E)."""

    A = "A", "Band A"
    B = "B", "Band B"
    C = "C", "Band C"
    D = "D", "Band D"
    E = "E", "Band E"


class MembershipRole(models.TextChoices):
    PRINCIPAL = "principal", "Principal"
    SIGNIFICANT = "significant", "Significant"
    PERIPHERAL = "peripheral", "Peripheral"


class EntityKind(models.TextChoices):
    ADDRESS = "address", "Address"
    VEHICLE = "vehicle", "Vehicle"
    PHONE = "phone", "Phone"
    BUSINESS = "business", "Business"
    BANK_ACCOUNT = "bank_account", "Bank account"


class AssociationKind(models.TextChoices):
    ASSOCIATE = "associate", "Associate"
    FAMILY = "family", "Family"
    CO_DEFENDANT = "co_defendant", "Co-defendant"
    CELLMATE = "cellmate", "Cellmate"
    VISITOR = "visitor", "Visitor"
    STAFF_MEMBER = "staff_member", "Staff member at an establishment"


# Identifier formats. PNC ID: two-digit year, up to seven digits, check letter (01/123456X).
PNC_ID_RE = re.compile(r"^\d{2}/\d{1,7}[A-Z]$")
PRISON_NUMBER_RE = re.compile(r"^[A-Z]\d{4}[A-Z]{2}$")
CRN_RE = re.compile(r"^[A-Z]\d{6}$")

PNC_ID_MESSAGE = "Enter a PNC ID in the format YY/NNNNNNNA, like 01/123456X"
PRISON_NUMBER_MESSAGE = "Enter a prison number in the format A1234BC"
CRN_MESSAGE = "Enter a probation case reference (CRN) in the format A123456"

EARLIEST_DATE_OF_BIRTH_YEAR = 1900


# What a viewer at each tier sees. A viewer at tier N sees the fields of tier N and of every higher
# (less detailed) tier: tier 2 partnership = identity; tier 1 law enforcement = + custody, supervision,
# orders, associations, entities and membership detail; tier 0 originator = + handling notes.
# Fields not named here (id, created_at, owning agency, category) describe the record itself and are
# shown to anyone who may see the record at all.
FIELD_TIERS = {
    "nominal": {
        2: (
            "surname",
            "forenames",
            "aliases",
            "date_of_birth",
            "gender",
            "nationality",
            "pnc_id",
            "prison_number",
            "crn",
            "other_identifiers",
            "risk_level",
            "threat_areas",
            "ocgs",
        ),
        1: (
            "current_establishment",
            "custody_episodes",
            "transfers",
            "supervisions",
            "orders",
            "associations",
            "entity_links",
            "memberships",
        ),
        0: ("handling_notes",),
    },
    "ocg": {
        2: ("reference", "name", "ocg_mapping_reference", "band", "threat_areas", "status"),
        1: ("memberships", "entity_links"),
        0: ("handling_notes",),
    },
    # Entities and associations are law-enforcement detail through and through: nothing of them is
    # partnership (tier 2), so the access engine does not show them at all there (Policy.widest_tier).
    "entity": {
        1: ("kind", "value", "detail"),
    },
    "association": {
        1: ("nominal_a", "nominal_b", "kind", "started_on", "ended_on", "source"),
    },
}

# How the pages name the tiered fields when they say what a version shows and what it leaves out. The
# fields under one label are one group: shown or left out together, so they share a tier (a test holds
# every FIELD_TIERS field to exactly one group). The order is the pages' order.
FIELD_GROUPS = {
    "nominal": {
        "identity, risk and OCG links": FIELD_TIERS["nominal"][2],
        "custody and supervision": ("current_establishment", "custody_episodes", "transfers", "supervisions"),
        "lifetime-management orders": ("orders",),
        "roles in OCGs": ("memberships",),
        "associations": ("associations",),
        "addresses, vehicles, phones, businesses and bank accounts": ("entity_links",),
        "handling notes": ("handling_notes",),
    },
    "ocg": {
        "the group's reference, band, status and threat areas": FIELD_TIERS["ocg"][2],
        "members' roles and dates": ("memberships",),
        "addresses, vehicles, phones, businesses and bank accounts": ("entity_links",),
        "handling notes": ("handling_notes",),
    },
    "entity": {"the entity": FIELD_TIERS["entity"][1]},
    "association": {"the association": FIELD_TIERS["association"][1]},
}


@functools.cache
def fields_for_tier(kind, tier):
    """The field names of `kind` (a FIELD_TIERS key) a viewer at `tier` sees (empty for no access)."""
    if tier is None:
        return frozenset()
    return frozenset(name for field_tier, names in FIELD_TIERS[kind].items() if field_tier >= tier for name in names)


def widest_tier(kind):
    """The least detailed tier at which a `kind` record shows anything (2 for nominals and OCGs, 1 for
    entities and associations)."""
    return max(FIELD_TIERS[kind])


def groups_shown(kind, tier):
    """Labels of the FIELD_GROUPS a viewer at `tier` is shown, in the pages' order."""
    shown = fields_for_tier(kind, tier)
    return [label for label, fields in FIELD_GROUPS[kind].items() if set(fields) <= shown]


def groups_left_out(kind, tier):
    """Labels of the FIELD_GROUPS a viewer at `tier` is not shown: what a page says it leaves out. The
    complement of `groups_shown`, from the same FIELD_TIERS, so a page never lists as left out what it
    shows, nor leaves out something without saying so."""
    shown = groups_shown(kind, tier)
    return [label for label in FIELD_GROUPS[kind] if label not in shown]


def tier_shows(kind, tier, field):
    """Whether a viewer at `tier` sees `field` of a `kind` record (for templates: {% if %} on sections)."""
    return field in fields_for_tier(kind, tier)

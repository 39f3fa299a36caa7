"""Template helpers of the register pages. The pages render the dicts the API serializers build (so a
page never shows a field the serializer left out for the viewer's tier); these filters turn the
serializers' ISO dates and choice values back into what a person reads."""

import datetime

from django import template

from accounts.models import Role
from ocgshare import access
from ocgshare.constants import InformationCategory
from ocgshare.constants import ThreatArea as ThreatAreaChoice
from protocols.constants import SanitisationTier

from ..constants import (
    AssociationKind,
    CustodyCategory,
    EntityKind,
    Gender,
    MembershipRole,
    OCGBand,
    OCGStatus,
    OrderKind,
    RiskLevel,
)

register = template.Library()

CHOICES = {
    "association_kind": AssociationKind,
    "band": OCGBand,
    "category": InformationCategory,
    "custody_category": CustodyCategory,
    "entity_kind": EntityKind,
    "gender": Gender,
    "membership_role": MembershipRole,
    "order_kind": OrderKind,
    "risk_level": RiskLevel,
    "ocg_status": OCGStatus,
    "threat_area": ThreatAreaChoice,
}

TIER_LABELS = {
    SanitisationTier.ORIGINATOR: "Tier 0 originator",
    SanitisationTier.LAW_ENFORCEMENT: "Tier 1 law enforcement",
    SanitisationTier.PARTNERSHIP: "Tier 2 partnership",
}


@register.filter
def as_date(value):
    """A date from a serializer's ISO string (or a date), for the `date` filter; None when empty."""
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.datetime.fromisoformat(value) if "T" in value else datetime.date.fromisoformat(value)
    except ValueError:
        return None


@register.filter
def choice_label(value, vocabulary):
    """The label of `value` in one of CHOICES (the value itself if unknown)."""
    choices = CHOICES[vocabulary]
    return dict(choices.choices).get(value, value)


@register.filter
def tier_label(tier):
    return TIER_LABELS.get(tier, "")


@register.filter
def reads_register(user):
    """Whether the user has a role that reads the register (the same roles as the engine)."""
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*access.READER_ROLES))


@register.filter
def audits(user):
    return bool(getattr(user, "is_authenticated", False) and user.has_role(Role.AUDITOR))

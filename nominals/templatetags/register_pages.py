"""Template helpers of the register pages. The pages render the dicts the API serializers build (so a
page never shows a field the serializer left out for the viewer's tier); these filters turn the
serializers' ISO dates and choice values back into what a person reads."""

import datetime

from django import template
from django.utils.html import format_html

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


TIER_TAG_COLOURS = {SanitisationTier.ORIGINATOR: "govuk-tag--red", SanitisationTier.LAW_ENFORCEMENT: "govuk-tag--blue"}
RISK_TAG_COLOURS = {
    RiskLevel.VERY_HIGH: "govuk-tag--red",
    RiskLevel.HIGH: "govuk-tag--orange",
    RiskLevel.MEDIUM: "govuk-tag--yellow",
}


# Tags are simple tags, not included templates: a list of 25 rows renders 50 of them.
@register.simple_tag
def tier_tag(tier):
    """The version of a record the viewer sees, as a GOV.UK tag."""
    colour = TIER_TAG_COLOURS.get(tier, "govuk-tag--green")
    return format_html(
        '<strong class="govuk-tag {} app-tier-tag" data-testid="tier-tag">{}</strong>', colour, tier_label(tier)
    )


@register.simple_tag
def risk_tag(risk):
    """A risk level (the serializer's {"level", "label"}) as a tag: the words carry the level, the colour
    only repeats it."""
    colour = RISK_TAG_COLOURS.get(risk.get("level"), "govuk-tag--grey")
    return format_html('<strong class="govuk-tag {}" data-testid="risk-tag">{}</strong>', colour, risk.get("label", ""))


@register.filter
def reads_register(user):
    """Whether the user has a role that reads the register (the same roles as the engine)."""
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*access.READER_ROLES))


@register.filter
def audits(user):
    return bool(getattr(user, "is_authenticated", False) and user.has_role(Role.AUDITOR))

"""Template helpers every record kind's pages share: the tier a viewer sees, as words and as a tag."""

from django import template
from django.utils.html import format_html

from protocols.constants import TIER_LABELS, SanitisationTier

register = template.Library()


TIER_TAG_COLOURS = {SanitisationTier.ORIGINATOR: "govuk-tag--red", SanitisationTier.LAW_ENFORCEMENT: "govuk-tag--blue"}


@register.filter
def tier_label(tier):
    return TIER_LABELS.get(tier, "")


# Tags are simple tags, not included templates: a list of 25 rows renders 50 of them.
@register.simple_tag
def tier_tag(tier):
    """The version of a record the viewer sees, as a GOV.UK tag."""
    colour = TIER_TAG_COLOURS.get(tier, "govuk-tag--green")
    return format_html(
        '<strong class="govuk-tag {} app-tier-tag" data-testid="tier-tag">{}</strong>', colour, tier_label(tier)
    )

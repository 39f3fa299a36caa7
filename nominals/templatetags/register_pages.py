"""Template helpers of the register pages. The pages render the dicts the API serializers build (so a
page never shows a field the serializer left out for the viewer's tier); these filters turn the
serializers' ISO dates and choice values back into what a person reads."""

import datetime
from html import escape

from django import template
from django.utils.dates import MONTHS_3
from django.utils.html import format_html
from django.utils.safestring import mark_safe

import access
from ocgshare.constants import InformationCategory
from ocgshare.constants import ThreatArea as ThreatAreaChoice
from ocgshare.links import url_maker
from records.templatetags.record_pages import tier_label, tier_tag

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

# The tier helpers are the register kit's (records.templatetags.record_pages), offered here too so the
# register's templates load one library.
register.filter("tier_label", tier_label)
register.simple_tag(tier_tag)


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


RISK_TAG_COLOURS = {
    RiskLevel.VERY_HIGH: "govuk-tag--red",
    RiskLevel.HIGH: "govuk-tag--orange",
    RiskLevel.MEDIUM: "govuk-tag--yellow",
}


# Tags are simple tags, not included templates: a list of 25 rows renders 50 of them.


@register.simple_tag
def risk_tag(risk):
    """A risk level (the serializer's {"level", "label"}) as a tag: the words carry the level, the colour
    only repeats it."""
    colour = RISK_TAG_COLOURS.get(risk.get("level"), "govuk-tag--grey")
    return format_html('<strong class="govuk-tag {}" data-testid="risk-tag">{}</strong>', colour, risk.get("label", ""))


# The rows of a page's table of nominals are built here rather than in a template: 25 rows of some forty
# template nodes each were a sixth of a list page's time (benchmarks/README.md). Every value goes through
# `escape` (the standard library's html.escape, which is what Django's escape filter applies) and the
# result is marked safe once, for the whole table. The row dicts are NominalTableSerializer's, so a row
# shows only what the viewer's tier reaches.
@register.simple_tag
def nominal_rows(rows, held_at=True):
    """The <tr> of each nominal of `rows`, for templates/nominals/_nominal_table.html; without the "held
    at" cell when `held_at` is False."""
    nominal_url = url_maker("nominals:nominal-detail")
    ocg_url = url_maker("nominals:ocg-detail")
    return mark_safe("\n".join(_nominal_row(row, nominal_url, ocg_url, held_at) for row in rows))  # noqa: S308 - escaped


def day_month_year(day):
    """`day` as the template filter `date:"j M Y"` shows it (5 Jan 1990), without its general formatter."""
    return f"{day.day} {str(MONTHS_3[day.month]).title()} {day.year}"


def _person(surname, forenames, separator):
    return escape(surname.upper() + (f"{separator}{forenames}" if forenames else ""))


def _nominal_row(row, nominal_url, ocg_url, held_at):
    hint = ""
    if row.get("aliases"):
        aliases = "; ".join(_person(alias["surname"], alias.get("forenames"), " ") for alias in row["aliases"])
        hint += f"Also known as {aliases}<br>"
    for label, key in (("PNC ", "pnc_id"), ("", "prison_number"), ("CRN ", "crn")):
        if row.get(key):
            hint += f"{label}{escape(row[key])}<br>"
    born = as_date(row.get("date_of_birth"))
    held_at_cell = ""
    if held_at:
        if "current_establishment" in row:
            establishment = row["current_establishment"]
            where = escape(establishment["name"]) if establishment else "Not in custody"
        else:
            where = '<span class="govuk-hint govuk-!-font-size-16">Not shared at your tier</span>'
        held_at_cell = f'<td class="govuk-table__cell" data-testid="held-at">{where}</td>'
    ocgs = "<br>".join(
        f'<a class="govuk-link" href="{ocg_url(ocg["id"])}">{escape(ocg["name"])}</a>' for ocg in row.get("ocgs") or ()
    )
    return (
        '<tr class="govuk-table__row" data-testid="nominal-row">'
        f'<td class="govuk-table__cell"><a class="govuk-link" href="{nominal_url(row["id"])}">'
        f"{_person(row['surname'], row.get('forenames'), ', ')}</a>"
        f'<div class="govuk-!-margin-top-1 govuk-!-margin-bottom-1">{tier_tag(row["viewer_tier"])}</div>'
        '<span class="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-display-block">'
        f"{hint}{escape(row.get('owning_agency_name', ''))}</span></td>"
        f'<td class="govuk-table__cell app-nowrap">{day_month_year(born) if born else "Not known"}</td>'
        f'<td class="govuk-table__cell">{risk_tag(row.get("risk") or {})}</td>'
        f"{held_at_cell}"
        f'<td class="govuk-table__cell govuk-!-font-size-16 app-cell-links">{ocgs or "None"}</td>'
        "</tr>"
    )


@register.filter
def reads_register(user):
    """Whether the user has a role that reads the register (the same roles as the engine)."""
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*access.READER_ROLES))

"""The register's list filters (ocgshare.filters): one FilterSet per list, for the page and the API alike.
Each parses and documents its parameters; its selector applies them to the access engine's queryset."""

import django_filters
from django import forms

from ocgshare.constants import ThreatArea as ThreatAreaChoice
from ocgshare.filters import CappedCharFilter, IdFilter, ListFilterSet, documented

from .constants import AssociationKind, EntityKind, OCGBand, OCGStatus, RiskLevel
from .forms.common import _source_agency_choices
from .models import OCG, Association, Entity, Nominal
from .selectors import entities as entity_selectors
from .selectors import nominals as nominal_selectors
from .selectors import ocgs as ocg_selectors
from .selectors.common import MAX_OCG_REFERENCE_LENGTH, MAX_SEARCH_LENGTH
from .selectors.nominals import CustodyStatus

INTEGER, STRING = {"type": "integer"}, {"type": "string"}


def _threat_area():
    return documented(
        django_filters.ChoiceFilter(
            label="Threat area", choices=[("", "Any threat area"), *ThreatAreaChoice.choices], empty_label=None
        ),
        {**STRING, "description": "A threat area code."},
    )


class NominalFilterSet(ListFilterSet):
    """The nominal list's filters. Filters that reveal law-enforcement detail (establishment, custody)
    match only nominals the viewer sees at tier 1 or better (nominals.selectors.nominals)."""

    agency = documented(IdFilter(label="Owning agency"), {**INTEGER, "description": "Owning agency id."})
    establishment = documented(
        IdFilter(
            label="Establishment",
            help_text="Where held now. Matches only nominals you see at tier 1 (law enforcement) or better.",
        ),
        {**INTEGER, "description": "Prison agency id where held now (tier 1 viewers only)."},
    )
    threat_area = _threat_area()
    risk = documented(
        django_filters.ChoiceFilter(
            label="Risk level", choices=[("", "Any risk level"), *RiskLevel.choices], empty_label=None
        ),
        {**STRING, "enum": RiskLevel.values},
    )
    # A text box, not a select: a national user may see around a thousand OCGs. A longer value is cut to
    # the length of a reference rather than refused (no error for a long link).
    ocg_reference = documented(
        CappedCharFilter(
            label="OCG reference",
            cap=MAX_OCG_REFERENCE_LENGTH,
            widget=forms.TextInput(attrs={"maxlength": MAX_OCG_REFERENCE_LENGTH}),
            help_text="Your agency's OCG reference or the OCG Mapping reference, for example NP-OCG-0012.",
        ),
        {**STRING, "description": "Members of the OCG with this reference or OCG Mapping reference (exact, any case)."},
    )
    custody = documented(
        django_filters.ChoiceFilter(
            label="Custody status",
            choices=[("", "Any"), *CustodyStatus.choices],
            empty_label=None,
            help_text="Matches only nominals you see at tier 1 (law enforcement) or better.",
        ),
        {**STRING, "enum": [CustodyStatus.IN, CustodyStatus.OUT], "description": "Tier 1 viewers only."},
    )
    # Links from an OCG's page and the API; the page's form does not offer it.
    ocg = documented(IdFilter(label="OCG"), {**INTEGER, "description": "Members of this OCG."})
    api_only = ("ocg",)

    class Meta(ListFilterSet.Meta):
        model = Nominal
        fields = []

    # Filters on where a nominal is held: the page offers them only to a viewer who reaches some nominal at
    # a tier that shows it (the API keeps them, documented as matching tier-1 rows only).
    custody_filters = ("establishment", "custody")

    def filter_queryset(self, queryset):
        return nominal_selectors.filter_nominals(self.user, queryset, self.applied)

    def page_form(self):
        form = self.form
        if not nominal_selectors.shows_custody(self.user):
            form.is_valid()
            for name in self.custody_filters:
                # Left out of the form and not applied: a filter the page does not show must not empty it.
                form.fields.pop(name, None)
                form.errors.pop(name, None)
                getattr(form, "cleaned_data", {}).pop(name, None)
        return super().page_form()

    def page_choices(self, form):
        form.fields["agency"].choices = _source_agency_choices(self.user, Nominal, self.data.get("agency"))
        if "establishment" in form.fields:
            form.fields["establishment"].choices = [
                ("", "Any establishment"),
                *((str(pk), name) for pk, name in nominal_selectors.establishment_choices()),
            ]


class OCGFilterSet(ListFilterSet):
    status = documented(
        django_filters.ChoiceFilter(label="Status", choices=[("", "Any status"), *OCGStatus.choices], empty_label=None),
        {**STRING, "enum": OCGStatus.values},
    )
    threat_area = _threat_area()
    agency = documented(IdFilter(label="Lead agency"), {**INTEGER, "description": "Lead agency id."})
    band = documented(
        django_filters.ChoiceFilter(
            label="OCG Mapping band", choices=[("", "Any band"), *OCGBand.choices], empty_label=None
        ),
        {**STRING, "enum": OCGBand.values},
    )

    class Meta(ListFilterSet.Meta):
        model = OCG
        fields = []

    def filter_queryset(self, queryset):
        return ocg_selectors.filter_ocgs(queryset, self.applied)

    def page_choices(self, form):
        form.fields["agency"].choices = _source_agency_choices(self.user, OCG, self.data.get("agency"))


class EntityFilterSet(ListFilterSet):
    """The entity list's filters (the API only: entities have no list page)."""

    kind = documented(
        django_filters.ChoiceFilter(label="Kind", choices=EntityKind.choices), {**STRING, "enum": EntityKind.values}
    )
    nominal = documented(IdFilter(label="Nominal"), INTEGER)
    ocg = documented(IdFilter(label="OCG"), INTEGER)
    value = documented(
        CappedCharFilter(label="Value", cap=MAX_SEARCH_LENGTH),
        {**STRING, "description": "Part of the normalised value."},
    )

    class Meta(ListFilterSet.Meta):
        model = Entity
        fields = []

    def filter_queryset(self, queryset):
        return entity_selectors.filter_entities(self.user, queryset, self.applied)


class AssociationFilterSet(ListFilterSet):
    """The association list's filters (the API only: associations have no list page)."""

    nominal = documented(IdFilter(label="Nominal"), {**INTEGER, "description": "Associations of this nominal."})
    kind = documented(
        django_filters.ChoiceFilter(label="Kind", choices=AssociationKind.choices),
        {**STRING, "enum": AssociationKind.values},
    )

    class Meta(ListFilterSet.Meta):
        model = Association
        fields = []

    def filter_queryset(self, queryset):
        return entity_selectors.filter_associations(queryset, self.applied)

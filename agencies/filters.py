"""The directory's and the toolkit's API filters (ocgshare.filters): strict FilterSets, so an invalid value
is a 400. Each parses and documents its parameters; the selector's filter function applies them, so the
API and the pages (agencies.forms) filter by one set of rules."""

import django_filters

from ocgshare.constants import FourP, InformationCategory
from ocgshare.constants import ThreatArea as ThreatAreaChoice

from . import selectors
from .models import Agency, AgencyKind, AgencyLevel, DataHolding, Region, ToolOrPower

# As the pages' search boxes (agencies.forms): a longer text is refused with a 400. SQLite refuses a LIKE
# pattern over 50,000 bytes, and no name or legal basis is anywhere near this long.
SEARCH_MAX_LENGTH = 100


class _SelectorFilterSet(django_filters.FilterSet):
    """Parses and documents the query parameters; the selector's filter function applies them, so
    the API and the pages filter by one set of rules."""

    search = django_filters.CharFilter(label="Words to search for", max_length=SEARCH_MAX_LENGTH)
    apply = None

    def filter_queryset(self, queryset):
        values = {name: value for name, value in self.form.cleaned_data.items() if value not in (None, "", [])}
        if "search" in values:
            values["q"] = values.pop("search")
        return type(self).apply(queryset, values)


class AgencyFilterSet(_SelectorFilterSet):
    search = django_filters.CharFilter(label="Name or short name contains", max_length=SEARCH_MAX_LENGTH)
    kind = django_filters.MultipleChoiceFilter(choices=AgencyKind.choices)
    level = django_filters.MultipleChoiceFilter(choices=AgencyLevel.choices)
    region = django_filters.MultipleChoiceFilter(choices=Region.choices)
    apply = staticmethod(selectors.agency_filter)

    class Meta:
        model = Agency
        fields = []


class ToolOrPowerFilterSet(_SelectorFilterSet):
    search = django_filters.CharFilter(
        label="In the name, legal basis, what it achieves or information needed", max_length=SEARCH_MAX_LENGTH
    )
    agency = django_filters.ModelMultipleChoiceFilter(queryset=Agency.objects.all())
    kind = django_filters.MultipleChoiceFilter(choices=AgencyKind.choices, label="Kind of agency")
    threat_area = django_filters.MultipleChoiceFilter(choices=ThreatAreaChoice.choices, label="Threat area code")
    four_p = django_filters.MultipleChoiceFilter(choices=FourP.choices, label="4P area")
    apply = staticmethod(selectors.tool_or_power_filter)

    class Meta:
        model = ToolOrPower
        fields = []


class DataHoldingFilterSet(_SelectorFilterSet):
    search = django_filters.CharFilter(label="In the name or description", max_length=SEARCH_MAX_LENGTH)
    agency = django_filters.ModelMultipleChoiceFilter(queryset=Agency.objects.all())
    kind = django_filters.MultipleChoiceFilter(choices=AgencyKind.choices, label="Kind of agency")
    threat_area = django_filters.MultipleChoiceFilter(choices=ThreatAreaChoice.choices, label="Threat area code")
    category = django_filters.MultipleChoiceFilter(choices=InformationCategory.choices, label="Information category")
    apply = staticmethod(selectors.data_holding_filter)

    class Meta:
        model = DataHolding
        fields = []

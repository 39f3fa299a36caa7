"""The directory's and the toolkit's filters (ocgshare.filters): one FilterSet per list, used by the API
and by the pages. Each parses and documents its parameters; the selector's filter function applies them.

The API's FilterSets are strict: an invalid value is a 400. The pages use them through a subclass
(`*PageFilterSet`) that keeps the pages' parameters (the search box is `q`, as in the pages' links, and
the page offers no `agency`), shows checkboxes with the pages' labels, and ignores an invalid value
(`values()` leaves it out) so that a shared filter link still shows a list; the form marks the error.
"""

import django_filters
from django import forms

from ocgshare.constants import FourP, InformationCategory
from ocgshare.constants import ThreatArea as ThreatAreaChoice
from ocgshare.forms import GovUKFormMixin

from . import selectors
from .models import Agency, AgencyKind, AgencyLevel, DataHolding, Region, ThreatArea, TimeToAct, ToolOrPower

# As the pages' search boxes: a longer text is refused with a 400. SQLite refuses a LIKE
# pattern over 50,000 bytes, and no name or legal basis is anywhere near this long.
SEARCH_MAX_LENGTH = 100


class _SelectorFilterSet(django_filters.FilterSet):
    """Parses and documents the query parameters; the selector's filter function applies them, so
    the API and the pages filter by one set of rules."""

    search = django_filters.CharFilter(label="Words to search for", max_length=SEARCH_MAX_LENGTH)
    apply = None

    def values(self):
        """The valid values given, as the selector's filters (the search is its `q`). An invalid value
        is left out: the API refused it already (a 400); a page ignores it."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        values = {name: value for name, value in self.form.cleaned_data.items() if value not in (None, "", [])}
        if "search" in values:
            values["q"] = values.pop("search")
        return values

    def filter_queryset(self, queryset):
        return type(self).apply(queryset, self.values())


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
    time_to_act = django_filters.MultipleChoiceFilter(choices=TimeToAct.choices, label="Typical time to act")
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


class _PageFilterSet:
    """What a page's FilterSet (a subclass of an API FilterSet, with `search = None` and a `q` filter)
    changes in the form: `page_fields` gives, per field in the page's order, its label and help text;
    multiple choices are checkboxes. Set before the form is validated, as the page's error marks
    depend on the widget."""

    page_fields = {}

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            self.page_choices(form)
            for name in [name for name in form.fields if name not in self.page_fields]:
                del form.fields[name]
            for name, (label, help_text) in self.page_fields.items():
                field = form.fields[name]
                field.label, field.help_text = label, help_text
                if isinstance(field, forms.MultipleChoiceField):
                    field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
            form.order_fields(self.page_fields)
        return self._form

    def page_choices(self, form):
        """Fill in choices read from the database."""


PageFilterForm = type("PageFilterForm", (GovUKFormMixin, forms.Form), {})
Q_LABEL = "Search"
Q_HELP = "Words in a power's name, legal basis or purpose, or in a data holding."


class AgencyPageFilterSet(_PageFilterSet, AgencyFilterSet):
    """The directory page: AgencyFilterSet with the search box named `q`."""

    search = None
    q = django_filters.CharFilter(max_length=SEARCH_MAX_LENGTH)
    page_fields = {
        "q": ("Name or short name", ""),
        "kind": ("Kind of agency", ""),
        "level": ("Level", ""),
        "region": ("Region", ""),
    }

    class Meta(AgencyFilterSet.Meta):
        form = PageFilterForm


class _ToolkitPageFilterSet(_PageFilterSet):
    """`threat_areas`: the threat area choices when already read (ToolkitPageFilters reads them once)."""

    def __init__(self, data=None, *, threat_areas=None):
        super().__init__(data)
        self.threat_areas = threat_areas

    def page_choices(self, form):
        # The threat areas as the page names them (the API takes the codes of ocgshare.constants).
        if self.threat_areas is None:
            self.threat_areas = [(area.code, area.name) for area in ThreatArea.objects.all()]
        form.fields["threat_area"].choices = self.threat_areas


class ToolOrPowerPageFilterSet(_ToolkitPageFilterSet, ToolOrPowerFilterSet):
    """The toolkit page's filters of tools and powers (see ToolkitPageFilters)."""

    search = None
    agency = None
    q = django_filters.CharFilter(max_length=SEARCH_MAX_LENGTH)
    page_fields = {
        "q": (Q_LABEL, Q_HELP),
        "threat_area": ("Threat area", ""),
        "four_p": ("4P area", "Shows tools and powers in these areas."),
        "time_to_act": ("Typical time to act", "Shows tools and powers that act this quickly."),
        "kind": ("Kind of agency", ""),
    }

    class Meta(ToolOrPowerFilterSet.Meta):
        form = PageFilterForm


class DataHoldingPageFilterSet(_ToolkitPageFilterSet, DataHoldingFilterSet):
    """The toolkit page's filters of data holdings (see ToolkitPageFilters)."""

    search = None
    agency = None
    q = django_filters.CharFilter(max_length=SEARCH_MAX_LENGTH)
    page_fields = {
        "q": (Q_LABEL, Q_HELP),
        "threat_area": ("Threat area", ""),
        "category": ("Information category", "Shows data holdings of these categories."),
        "kind": ("Kind of agency", ""),
    }

    class Meta(DataHoldingFilterSet.Meta):
        form = PageFilterForm


class ToolkitPageFilters:
    """The toolkit page filters tools and powers and data holdings from one set of GET parameters:
    both page FilterSets on the same data. `values()` is what selectors.toolkit_search takes (each
    list's selector filter ignores the other's keys: a 4P area or time to act, an information
    category); `form` is the one form the page shows, the holdings' form with the powers' 4P area and
    time to act added before it is validated, so that it marks an invalid value of those too."""

    def __init__(self, data=None):
        self.holdings = DataHoldingPageFilterSet(data)
        self.form = self.holdings.form
        self.powers = ToolOrPowerPageFilterSet(data, threat_areas=self.holdings.threat_areas)
        for name in ("four_p", "time_to_act"):
            self.form.fields[name] = self.powers.form.fields[name]
        self.form.order_fields(["q", "threat_area", "four_p", "time_to_act", "category", "kind"])
        self.form.is_valid()

    def values(self):
        return {**self.powers.values(), **self.holdings.values()}

"""REST API of the directory (read-only) and the partnership toolkit (read by everyone signed in,
written only by the agency's own administrators, through the same services as the pages)."""

import django_filters
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters, permissions, viewsets

from accounts.models import Role
from ocgshare.constants import FourP, InformationCategory
from ocgshare.constants import ThreatArea as ThreatAreaChoice
from ocgshare.service_errors import service_errors

from . import selectors, services
from .models import Agency, AgencyKind, AgencyLevel, DataHolding, Region, ToolOrPower
from .serializers import AgencySerializer, DataHoldingSerializer, ToolOrPowerSerializer

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


class IsAgencyAdminForWrites(permissions.BasePermission):
    """Reading is for everyone signed in. Writing needs the agency administrator role (403 early for
    anyone else), and then that the entry's agency is the administrator's own (403 otherwise)."""

    message = "Only the agency's own administrators can change its toolkit."

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return request.user.is_superuser or request.user.has_role(Role.AGENCY_ADMIN)

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return services.user_can_manage_agency(user=request.user, agency=obj.agency)


class AgencyViewSet(viewsets.ReadOnlyModelViewSet):
    """The agency directory: every agency, for every signed-in user."""

    serializer_class = AgencySerializer
    filter_backends = [DjangoFilterBackend, filters.OrderingFilter]
    filterset_class = AgencyFilterSet
    ordering_fields = ["name", "kind", "level", "region"]
    ordering = ["name"]

    def get_queryset(self):
        return selectors.agency_list(user=self.request.user).select_related("spoc")


class _ToolkitEntryViewSet(viewsets.ModelViewSet):
    """Tools and powers and data holdings alike: read by everyone signed in, written through the
    services (whose ValidationError becomes field errors); an entry's agency is set once, on create.
    Subclasses name their list selector and their create, update and delete services."""

    permission_classes = [permissions.IsAuthenticated, IsAgencyAdminForWrites]
    filter_backends = [DjangoFilterBackend]

    def perform_create(self, serializer):
        with service_errors():
            serializer.instance = self.create_entry(actor=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        data = {field: value for field, value in serializer.validated_data.items() if field != "agency"}
        with service_errors():
            serializer.instance = self.update_entry(self.request.user, serializer.instance, data)

    def perform_destroy(self, instance):
        self.delete_entry(self.request.user, instance)


class ToolOrPowerViewSet(_ToolkitEntryViewSet):
    """Tools and powers of the partnership's agencies."""

    serializer_class = ToolOrPowerSerializer
    filterset_class = ToolOrPowerFilterSet

    def get_queryset(self):
        return selectors.tool_or_power_list(user=self.request.user)

    def create_entry(self, **kwargs):
        return services.tool_or_power_create(**kwargs)

    def update_entry(self, actor, power, data):
        return services.tool_or_power_update(actor=actor, power=power, data=data)

    def delete_entry(self, actor, power):
        services.tool_or_power_delete(actor=actor, power=power)


class DataHoldingViewSet(_ToolkitEntryViewSet):
    """Data holdings of the partnership's agencies: what information each routinely holds."""

    serializer_class = DataHoldingSerializer
    filterset_class = DataHoldingFilterSet

    def get_queryset(self):
        return selectors.data_holding_list(user=self.request.user)

    def create_entry(self, **kwargs):
        return services.data_holding_create(**kwargs)

    def update_entry(self, actor, holding, data):
        return services.data_holding_update(actor=actor, holding=holding, data=data)

    def delete_entry(self, actor, holding):
        services.data_holding_delete(actor=actor, holding=holding)

"""REST API of the directory (read-only) and the partnership toolkit (read by everyone signed in,
written only by the agency's own administrators, through the same services as the pages)."""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters, permissions, viewsets

from accounts.models import Role
from ocgshare.service_errors import service_errors

from . import selectors, services
from .filters import AgencyFilterSet, DataHoldingFilterSet, ToolOrPowerFilterSet
from .serializers import AgencySerializer, DataHoldingSerializer, ToolOrPowerSerializer


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

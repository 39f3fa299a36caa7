"""REST API of the access log (/api/access-log/): read-only, for auditors, with the page's two views and
rules (audit.selectors.access_log_list): `?view=our_users` (the default), the entries of their own agency's
users; `?view=our_records`, the entries by anyone, in any agency, that name their agency's records, each
showing only those records among its results."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission, IsAuthenticated

from ocgshare.filters import FilterSetBackend
from ocgshare.models import AccessLogEntry, AccessLogResult, AccessSurface
from ocgshare.pagination import CursorPagination
from ocgshare.renderers import JSONRenderer

from .exports import access_log_export
from .filters import AccessLogFilterSet
from .selectors import LogView, access_log_list, can_read_access_log, with_results


class IsAuditor(BasePermission):
    message = "Only auditors can read the access log."

    def has_permission(self, request, view):
        return can_read_access_log(request.user)


class AccessLogResultSerializer(serializers.ModelSerializer):
    class Meta:
        model = AccessLogResult
        fields = ["object_type", "object_id", "object_owner", "tier", "basis", "basis_protocol_id", "basis_grant_id"]


class AccessLogEntrySerializer(serializers.ModelSerializer):
    user_name = serializers.CharField(source="user.full_name", read_only=True)
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    basis_protocol_reference = serializers.CharField(
        source="basis_protocol.reference", read_only=True, default=None, allow_null=True
    )
    results = AccessLogResultSerializer(many=True, read_only=True)

    class Meta:
        model = AccessLogEntry
        fields = [
            "id",
            "at",
            "user",
            "user_name",
            "agency",
            "agency_name",
            "action",
            "surface",
            "object_type",
            "object_id",
            "object_label",
            "object_owner",
            "tier",
            "basis",
            "basis_protocol",
            "basis_protocol_reference",
            "basis_grant_id",
            "query",
            "result_count",
            "recipient",
            "justification",
            "results",
        ]
        read_only_fields = fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if self.context.get("view") == LogView.OUR_RECORDS and data["result_count"] is not None:
            # Only the auditor's agency's records among a list's results are theirs to see, and counted.
            data["result_count"] = len(data["results"])
        return data


class AccessLogPagination(CursorPagination):
    ordering = ("-at", "-id")
    page_size = 50


class AccessLogFilterBackend(FilterSetBackend):
    """The list's FilterSet for the export too (the schema documents its parameters)."""

    def get_filterset_class(self, view, queryset=None):
        if getattr(view, "action", None) == "export":
            return super(FilterSetBackend, self).get_filterset_class(view, queryset)
        return super().get_filterset_class(view, queryset)


class AccessLogViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The access log (auditors only): what your agency's users did, or who read your agency's records."""

    serializer_class = AccessLogEntrySerializer
    permission_classes = [IsAuthenticated, IsAuditor]
    pagination_class = AccessLogPagination
    # The FilterSet documents the list's parameters; get_queryset applies it (the view chooses the entries).
    filter_backends = [AccessLogFilterBackend]
    filterset_class = AccessLogFilterSet

    def _filters(self):
        return AccessLogFilterSet(self.request.query_params, request=self.request).access_log_filters()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema: its FilterSet's model
            return AccessLogEntry.objects.none()
        filters = self._filters()
        entries = access_log_list(user=self.request.user, filters=filters)
        return with_results(entries, user=self.request.user, view=filters.view)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "view": self._filters().view}

    def perform_content_negotiation(self, request, force=False):
        # The export answers CSV whatever is asked (a stream, not rendered) and its refusals JSON, as
        # documented: an Accept header or `?format=` asking for something else changes neither.
        return super().perform_content_negotiation(request, force=force or self.action == "export")

    @extend_schema(
        filters=True,
        responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="One row per entry.")},
        description="The list's entries, for the same parameters, as CSV (streamed; every row, not a page). "
        "The export is logged in the access log (action export).",
    )
    @action(detail=False, methods=["get"], renderer_classes=[JSONRenderer], pagination_class=None)
    def export(self, request):
        filterset = AccessLogFilterSet(request.query_params, request=request)
        return access_log_export(user=request.user, filterset=filterset, surface=AccessSurface.API)

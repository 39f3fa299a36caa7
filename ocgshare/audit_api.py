"""REST API of the access log (/api/access-log/): read-only, for auditors, showing the entries of their
own agency's users — the same rule as the page (ocgshare.audit.access_log_list)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.permissions import BasePermission, IsAuthenticated

from .audit import access_log_filters_from, access_log_list, can_read_access_log
from .models import AccessAction, AccessLogEntry, AccessLogResult
from .pagination import CursorPagination


class IsAuditor(BasePermission):
    message = "Only auditors can read the access log."

    def has_permission(self, request, view):
        return can_read_access_log(request.user)


class AccessLogResultSerializer(serializers.ModelSerializer):
    class Meta:
        model = AccessLogResult
        fields = ["object_type", "object_id", "tier", "basis", "basis_protocol_id", "basis_grant_id"]


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


class AccessLogPagination(CursorPagination):
    ordering = ("-at", "-id")
    page_size = 50


@extend_schema(
    parameters=[
        OpenApiParameter("user", int, description="Entries of this user."),
        OpenApiParameter("object_type", str, description="nominal, ocg, entity or association."),
        OpenApiParameter("object_id", int, description="With object_type: views of the item and lists showing it."),
        OpenApiParameter("action", str, enum=AccessAction.values),
        OpenApiParameter("date_from", str, description="YYYY-MM-DD, inclusive."),
        OpenApiParameter("date_to", str, description="YYYY-MM-DD, inclusive."),
    ]
)
class AccessLogViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The access log of your agency's users (auditors only)."""

    serializer_class = AccessLogEntrySerializer
    permission_classes = [IsAuthenticated, IsAuditor]
    pagination_class = AccessLogPagination
    filter_backends = []

    def get_queryset(self):
        filters = access_log_filters_from(self.request.query_params)
        return access_log_list(user=self.request.user, filters=filters).prefetch_related("results")

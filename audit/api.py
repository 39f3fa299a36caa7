"""REST API of the access log (/api/access-log/): read-only, for auditors, with the page's two views and
rules (audit.selectors.access_log_list): `?view=our_users` (the default), the entries of their own agency's
users; `?view=our_records`, the entries by anyone, in any agency, that name their agency's records, each
showing only those records among its results."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.permissions import BasePermission, IsAuthenticated

from ocgshare.models import AccessAction, AccessLogEntry, AccessLogResult
from ocgshare.pagination import CursorPagination

from .selectors import LogView, access_log_filters_from, access_log_list, can_read_access_log, with_results


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


@extend_schema(
    parameters=[
        OpenApiParameter(
            "view",
            str,
            enum=LogView.values,
            default=LogView.OUR_USERS,
            description="our_users: what your agency's users did. our_records: who, in any agency, read or "
            "changed your agency's records, on which basis; a list's results and result_count are only your "
            "agency's records.",
        ),
        OpenApiParameter("user", int, description="Entries of this user."),
        OpenApiParameter(
            "agency",
            int,
            description="our_users: entries showing records owned by this agency. our_records: entries by "
            "users of this agency.",
        ),
        OpenApiParameter("object_type", str, description="nominal, ocg, entity or association."),
        OpenApiParameter("object_id", int, description="With object_type: views of the item and lists showing it."),
        OpenApiParameter("action", str, enum=AccessAction.values),
        OpenApiParameter("date_from", str, description="YYYY-MM-DD, inclusive."),
        OpenApiParameter("date_to", str, description="YYYY-MM-DD, inclusive."),
    ]
)
class AccessLogViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The access log (auditors only): what your agency's users did, or who read your agency's records."""

    serializer_class = AccessLogEntrySerializer
    permission_classes = [IsAuthenticated, IsAuditor]
    pagination_class = AccessLogPagination
    filter_backends = []

    def get_queryset(self):
        filters = access_log_filters_from(self.request.query_params)
        entries = access_log_list(user=self.request.user, filters=filters)
        return with_results(entries, user=self.request.user, view=filters.view)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "view": access_log_filters_from(self.request.query_params).view}

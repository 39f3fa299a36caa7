"""What every register viewset shares: the reader permission and pagination."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission, IsAuthenticated

import access
from agencies.models import Agency
from audit.mixins import AuditedReadsMixin
from ocgshare.filters import FilterSetBackend
from ocgshare.pagination import CursorPagination

# The cursor pagination's page size, documented with its bounds (drf-spectacular's own says neither).
PAGE_SIZE = OpenApiParameter("page_size", int, description="Up to 100 (default 50).")


class ReadsRegister(BasePermission):
    """Signed-in users with a role that may read the register (others get 403)."""

    message = "Your roles do not give access to the register."

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and request.user.has_role(*access.READER_ROLES))


class RegisterCursorPagination(CursorPagination):
    ordering = ("-created_at", "-id")
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 100


def _parse(serializer_class, data, **kwargs):
    serializer = serializer_class(data=data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _agency(pk):
    return Agency.objects.filter(pk=pk).first() if pk else None


class RegisterViewSet(AuditedReadsMixin, viewsets.GenericViewSet):
    """list() and retrieve() come from AuditedReadsMixin, which logs them: a viewset gives its
    `get_queryset` (the engine's queryset of what the user may see), `audit_filters` and serializers.
    `get_object` is DRF's lookup on that queryset, so an item the user may not see is a 404 exactly
    like one that does not exist."""

    permission_classes = [IsAuthenticated, ReadsRegister]
    pagination_class = RegisterCursorPagination
    # A viewset with a `filterset_class` (nominals.filters) is filtered and documented by it.
    filter_backends = [FilterSetBackend]
    detail_serializer_class = None

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            # DRF's lookup names the model in its message; the API answers a bare "Not found.", as for
            # any other missing item.
            raise NotFound from None

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return super().get_serializer_class()

"""The API side of the one entry point of reads (audit.services.log_read): a mixin for the register's
viewsets that logs what list() and retrieve() return, and refuses a read that logged nothing."""

from django.core.exceptions import ImproperlyConfigured
from rest_framework.response import Response

from ocgshare.models import AccessSurface

from .services import log_read


class AuditedReadsMixin:
    """For API viewsets of the register. list() and retrieve() are defined here and log what they
    return, so a viewset cannot forget: list() logs the page of items (`get_queryset`, paginated),
    retrieve() the item (`get_object`), each with the filters `audit_params()` gives (by default
    the applied FilterSet's `audit_params()`, or `audit_filters(query_params)`,
    a selectors.*_filters_from). Other read actions call `self.log_read`.
    A successful GET that wrote no entry is refused (ImproperlyConfigured, so a 500): the data is not
    served unlogged."""

    audit_filters = None  # a function: query parameters -> the filters dataclass the list applies
    filterset = None  # or the FilterSet the list applied (ocgshare.filters.FilterSetBackend sets it)

    def audit_named(self, shown):
        """Register items that `shown` (the items returned) names besides themselves (through
        `access.visible`): logged with them. None by default."""
        return ()

    def audit_params(self):
        if self.filterset is not None:
            return self.filterset.audit_params()
        parse = type(self).audit_filters
        return parse(self.request.query_params) if parse is not None else None

    def log_read(self, **kwargs):
        kwargs.setdefault("params", self.audit_params())
        entry = log_read(user=self.request.user, surface=AccessSurface.API, **kwargs)
        self._audit_entries = getattr(self, "_audit_entries", 0) + 1
        return entry

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        rows = list(page if page is not None else queryset)
        self.log_read(items=rows, named=self.audit_named(rows))
        data = self.get_serializer(rows, many=True).data
        return self.get_paginated_response(data) if page is not None else Response(data)

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        self.log_read(obj=obj, named=self.audit_named([obj]), params=None)
        return Response(self.get_serializer(obj).data)

    def finalize_response(self, request, response, *args, **kwargs):
        if (
            request.method in ("GET", "HEAD")
            and 200 <= response.status_code < 300
            and not getattr(self, "_audit_entries", 0)
        ):
            raise ImproperlyConfigured(f"{type(self).__name__}.{self.action} showed register data without logging it")
        return super().finalize_response(request, response, *args, **kwargs)

"""The actions every record kind's viewset shares (one endpoint set for all kinds): need-to-know grants, and
asking the owner for more."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

import access
from accounts.models import User
from agencies.models import Agency
from ocgshare.models import AccessSurface
from ocgshare.service_errors import service_errors

from . import selectors, services
from .serializers import AskOwnerSentSerializer, AskOwnerSerializer, GrantSerializer, GrantWriteSerializer


def _grant_row(grant):
    is_user = hasattr(grant, "user_id")
    agency_id = None
    if not is_user:
        agency_id = int(grant.group.name.split(":", 1)[1]) if ":" in grant.group.name else None
    return {
        "id": grant.pk,
        "holder": "user" if is_user else "agency",
        "user": grant.user_id if is_user else None,
        "agency": agency_id,
        "tier": grant.tier,
        "reason": grant.reason,
        "expires_at": grant.expires_at,
        "granted_by": grant.granted_by_id,
        "granted_at": grant.granted_at,
        "is_current": grant.is_current,
    }


class GrantsMixin:
    """{pk}/grants/ (GET the grants on an item, POST a grant) and {pk}/grants/{user|agency}/{id}/ (DELETE:
    revoke) on the viewset of a record kind whose access Policy names grant models. The viewset names
    `record_kind` and logs reads (audit.mixins.AuditedReadsMixin). The actions have no docstring of their
    own, so the API schema describes them with the viewset's (as it did when each viewset had them)."""

    record_kind = None

    def _grant_item(self, pk):
        """The item if the user may see it, else 404 (exactly as if it did not exist)."""
        try:
            return selectors.record_with_owner(self.request.user, self.record_kind, pk)
        except Http404:
            raise Http404 from None  # the API's bare "Not found.", naming no model

    @extend_schema(methods=["GET"], responses=GrantSerializer(many=True))
    @extend_schema(methods=["POST"], request=GrantWriteSerializer, responses={201: GrantSerializer})
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def grants(self, request, pk=None):
        obj = self._grant_item(pk)
        if request.method == "GET":
            with service_errors():
                user_grants, group_grants = selectors.grants_of(actor=request.user, obj=obj)
            rows = [_grant_row(g) for g in [*user_grants, *group_grants]]
            self.log_read(obj=obj, count=len(rows), params=None)
            return Response(GrantSerializer(rows, many=True).data)
        serializer = GrantWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        user = User.objects.select_related("agency").filter(pk=data.pop("user")).first() if data.get("user") else None
        agency_pk = data.pop("agency", None)
        agency = Agency.objects.filter(pk=agency_pk).first() if agency_pk else None
        data.pop("user", None)
        with service_errors():
            if request.data.get("user") and user is None:
                raise DjangoValidationError({"user": ["Choose an active user"]})
            grant = services.grant_create(
                actor=request.user, obj=obj, user=user, agency=agency, surface=AccessSurface.API, **data
            )
        return Response(GrantSerializer(_grant_row(grant)).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["delete"], url_path=r"grants/(?P<holder>user|agency)/(?P<grant_pk>\d+)")
    def grant_revoke(self, request, pk=None, holder=None, grant_pk=None):
        obj = self._grant_item(pk)
        grant = selectors.grant_get(obj, holder, grant_pk)
        if grant is None:
            raise Http404
        with service_errors():
            services.grant_revoke(actor=request.user, grant=grant, surface=AccessSurface.API)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AskOwnerMixin:
    """{pk}/ask-owner/ (POST): a reader who sees another agency's item asks its single point of contact for
    more, as the item's page does (records.services.ask_owner). 404 for an item the user may not see, 403
    for the owner's own staff, 400 without a message, or a second time the same day."""

    record_kind = None

    @extend_schema(request=AskOwnerSerializer, responses={201: AskOwnerSentSerializer})
    @action(detail=True, methods=["post"], url_path="ask-owner", pagination_class=None)
    def ask_owner(self, request, pk=None):
        try:
            obj = selectors.record_with_owner(request.user, self.record_kind, pk)
        except Http404:
            raise Http404 from None  # the API's bare "Not found.", naming no model
        serializer = AskOwnerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            sent = services.ask_owner(actor=request.user, obj=obj, message=serializer.validated_data["message"])
            if sent is None:
                raise DjangoValidationError({"message": ["You have already asked about this record today"]})
        owner = getattr(obj, access.policy_for(self.record_kind).owner_field)
        return Response({"detail": f"Your request has gone to {owner.name}."}, status=status.HTTP_201_CREATED)

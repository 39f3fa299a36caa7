"""/api/ocgs/: list, search, detail, writes and memberships."""

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers as drf_serializers
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from ocgshare.models import AccessSurface
from ocgshare.service_errors import service_errors
from records.api import AskOwnerMixin, GrantsMixin

from ..filters import OCGFilterSet
from ..models import Nominal, OCGMembership
from ..selectors import common as shared_selectors
from ..selectors import ocgs as ocg_selectors
from ..serializers.ocgs import (
    MembershipDetailSerializer,
    MembershipWriteSerializer,
    OCGDetailSerializer,
    OCGSerializer,
    OCGWriteSerializer,
)
from ..services import ocgs as ocg_services
from .common import PAGE_SIZE, RegisterViewSet, _parse


@extend_schema_view(list=extend_schema(parameters=[PAGE_SIZE]))
class OCGViewSet(GrantsMixin, AskOwnerMixin, RegisterViewSet):
    """OCGs the user may see, each with only the fields their tier reaches."""

    record_kind = "ocg"
    serializer_class = OCGSerializer
    detail_serializer_class = OCGDetailSerializer
    filterset_class = OCGFilterSet

    def get_queryset(self):
        if self.action != "list":
            # One item for a write or an action, through the engine (retrieve attaches more: get_object).
            return shared_selectors.ocg_queryset(self.request.user)
        # The FilterSet narrows this.
        return ocg_selectors.ocg_list(user=self.request.user)

    def get_object(self):
        if self.action == "retrieve":
            return ocg_selectors.ocg_get(user=self.request.user, pk=self.kwargs["pk"])
        return super().get_object()

    def audit_named(self, shown):
        return ocg_selectors.named_by_ocg(shown[0]) if self.action == "retrieve" else ()

    def _detail(self, pk, status_code=status.HTTP_200_OK):
        """The item as a write left it (the write's service logged the change)."""
        ocg = ocg_selectors.ocg_get(user=self.request.user, pk=pk)
        return Response(OCGDetailSerializer(ocg, context=self.get_serializer_context()).data, status=status_code)

    @extend_schema(request=OCGWriteSerializer, responses={201: OCGDetailSerializer})
    def create(self, request):
        data = _parse(OCGWriteSerializer, request.data)
        with service_errors():
            ocg = ocg_services.ocg_create(actor=request.user, surface=AccessSurface.API, **data)
        return self._detail(ocg.pk, status.HTTP_201_CREATED)

    @extend_schema(request=OCGWriteSerializer, responses={200: OCGDetailSerializer})
    def partial_update(self, request, pk=None):
        ocg = self.get_object()
        data = _parse(OCGWriteSerializer, request.data, partial=True)
        with service_errors():
            ocg_services.ocg_update(actor=request.user, ocg=ocg, surface=AccessSurface.API, **data)
        return self._detail(ocg.pk)

    @extend_schema(request=MembershipWriteSerializer, responses={201: MembershipDetailSerializer})
    @action(detail=True, methods=["post"])
    def memberships(self, request, pk=None):
        """Add a member: any nominal you may see."""
        ocg = self.get_object()
        data = _parse(MembershipWriteSerializer, request.data)
        nominal = shared_selectors.visible_or_none(request.user, Nominal, data.pop("nominal"))
        with service_errors():
            membership = ocg_services.membership_add(
                actor=request.user, ocg=ocg, nominal=nominal, surface=AccessSurface.API, **data
            )
        return Response(MembershipDetailSerializer(membership).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=inline_serializer("MembershipEnd", {"ended_on": drf_serializers.DateField()}),
        responses={200: MembershipDetailSerializer},
    )
    @action(detail=True, methods=["patch"], url_path=r"memberships/(?P<membership_pk>\d+)")
    def membership_end(self, request, pk=None, membership_pk=None):
        ocg = self.get_object()
        membership = OCGMembership.objects.filter(pk=membership_pk, ocg=ocg).select_related("ocg").first()
        if membership is None:
            raise Http404
        ended_on = drf_serializers.DateField(allow_null=True).run_validation(request.data.get("ended_on"))
        with service_errors():
            membership = ocg_services.membership_end(
                actor=request.user, membership=membership, ended_on=ended_on, surface=AccessSurface.API
            )
        return Response(MembershipDetailSerializer(membership).data)

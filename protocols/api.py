"""REST API of the register of information-sharing protocols (/api/protocols/). Every signed-in
user reads it; changes go through the same services, with the same refusals, as the pages."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from ocgshare.filters import FilterSetBackend
from ocgshare.pagination import CursorPagination
from ocgshare.service_errors import service_errors

from . import selectors
from .filters import ProtocolFilterSet
from .models import ProtocolParty
from .serializers import (
    PartyUpdateSerializer,
    PartyWriteSerializer,
    ProtocolCreateSerializer,
    ProtocolPartySerializer,
    ProtocolSerializer,
    ProtocolUpdateSerializer,
    RenewSerializer,
    ReviewSerializer,
    SuspendSerializer,
)
from .services import drafting as drafting_services
from .services import lifecycle as lifecycle_services
from .services import parties as party_services
from .services import signatures as signature_services


class ProtocolCursorPagination(CursorPagination):
    ordering = ("-created_at", "-id")
    page_size = 50


class ProtocolViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Information-sharing protocols with their parties and status."""

    serializer_class = ProtocolSerializer
    pagination_class = ProtocolCursorPagination
    # The list is filtered, and documented, by its FilterSet (protocols.filters).
    filter_backends = [FilterSetBackend]
    filterset_class = ProtocolFilterSet

    def get_queryset(self):
        # The cursor pagination orders the list, so a `sort` parameter is not offered here.
        return selectors.protocol_list(user=self.request.user)

    def get_object(self):
        return selectors.protocol_get(user=self.request.user, pk=self.kwargs["pk"])

    def _read(self, protocol, status_code=status.HTTP_200_OK):
        protocol = selectors.protocol_get(user=self.request.user, pk=protocol.pk)
        return Response(ProtocolSerializer(protocol, context=self.get_serializer_context()).data, status=status_code)

    def _input(self, serializer_class, **kwargs):
        serializer = serializer_class(data=self.request.data, **kwargs)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    @extend_schema(request=ProtocolCreateSerializer, responses={201: ProtocolSerializer})
    def create(self, request):
        """Create a draft protocol from the template, led by your agency."""
        data = self._input(ProtocolCreateSerializer)
        with service_errors():
            protocol = drafting_services.protocol_create_from_template(actor=request.user, **data)
        return self._read(protocol, status.HTTP_201_CREATED)

    @extend_schema(request=ProtocolUpdateSerializer, responses={200: ProtocolSerializer})
    def partial_update(self, request, pk=None):
        """Change a draft's dates or sections."""
        protocol = self.get_object()
        data = self._input(ProtocolUpdateSerializer, partial=True)
        with service_errors():
            protocol = drafting_services.protocol_update(actor=request.user, protocol=protocol, **data)
        return self._read(protocol)

    @extend_schema(request=PartyWriteSerializer, responses={201: ProtocolPartySerializer})
    @action(detail=True, methods=["post"], url_path="parties")
    def party_add(self, request, pk=None):
        """Add an agency as a party (draft only)."""
        protocol = self.get_object()
        data = self._input(PartyWriteSerializer)
        with service_errors():
            party = party_services.party_add(actor=request.user, protocol=protocol, **data)
        return Response(ProtocolPartySerializer(party).data, status=status.HTTP_201_CREATED)

    @extend_schema(methods=["PUT"], request=PartyUpdateSerializer, responses={200: ProtocolPartySerializer})
    @extend_schema(methods=["DELETE"], request=None, responses={204: None})
    @action(detail=True, methods=["put", "delete"], url_path=r"parties/(?P<party_pk>\d+)")
    def party(self, request, pk=None, party_pk=None):
        """Change a party's tier, categories and signatory, or remove it (draft only)."""
        protocol = self.get_object()
        party = get_object_or_404(ProtocolParty.objects.select_related("agency"), pk=party_pk, protocol=protocol)
        party.protocol = protocol
        if request.method == "DELETE":
            with service_errors():
                party_services.party_remove(actor=request.user, party=party)
            return Response(status=status.HTTP_204_NO_CONTENT)
        data = self._input(PartyUpdateSerializer)
        with service_errors():
            party = party_services.party_update(actor=request.user, party=party, **data)
        party = ProtocolParty.objects.select_related("agency", "signatory").get(pk=party.pk)
        return Response(ProtocolPartySerializer(party).data)

    def _transition(self, service, **kwargs):
        protocol = self.get_object()
        with service_errors():
            protocol = service(actor=self.request.user, protocol=protocol, **kwargs)
        return self._read(protocol)

    @extend_schema(request=None, responses={200: ProtocolSerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Send a draft for signature: each party's signatory is asked to sign."""
        return self._transition(signature_services.protocol_submit_for_signature)

    @extend_schema(request=None, responses={200: ProtocolSerializer})
    @action(detail=True, methods=["post"], url_path="return-to-draft")
    def return_to_draft(self, request, pk=None):
        """Take a protocol awaiting signatures back to draft; signatures given are withdrawn."""
        return self._transition(signature_services.protocol_return_to_draft)

    @extend_schema(request=None, responses={200: ProtocolSerializer})
    @action(detail=True, methods=["post"])
    def sign(self, request, pk=None):
        """Sign for your agency, if you are its named signatory. The last signature activates the protocol."""
        return self._transition(signature_services.protocol_sign)

    @extend_schema(request=SuspendSerializer, responses={200: ProtocolSerializer})
    @action(detail=True, methods=["post"])
    def suspend(self, request, pk=None):
        """Suspend an active protocol (lead agency administrators)."""
        return self._transition(lifecycle_services.protocol_suspend, **self._input(SuspendSerializer))

    @extend_schema(request=None, responses={200: ProtocolSerializer})
    @action(detail=True, methods=["post"])
    def reinstate(self, request, pk=None):
        """Reinstate a suspended protocol (lead agency administrators)."""
        return self._transition(lifecycle_services.protocol_reinstate)

    @extend_schema(request=RenewSerializer, responses={200: ProtocolSerializer})
    @action(detail=True, methods=["post"])
    def renew(self, request, pk=None):
        """Give an expired protocol a new term; it returns to draft to be signed again."""
        return self._transition(lifecycle_services.protocol_renew, **self._input(RenewSerializer))

    @extend_schema(request=ReviewSerializer, responses={200: ProtocolSerializer})
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        """Record a review and set the next review date (lead agency administrators)."""
        return self._transition(lifecycle_services.protocol_review_record, **self._input(ReviewSerializer))

"""/api/entities/ and /api/associations/."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from ocgshare.models import AccessSurface
from ocgshare.service_errors import service_errors

from ..filters import AssociationFilterSet, EntityFilterSet
from ..models import OCG, Nominal
from ..selectors import common as shared_selectors
from ..selectors import entities as entity_selectors
from ..serializers.entities import (
    AssociationSerializer,
    AssociationWriteSerializer,
    EntityLinkSerializer,
    EntityLinkWriteSerializer,
    EntitySerializer,
    EntityWriteSerializer,
)
from ..services import entities as entity_services
from .common import RegisterViewSet, _parse


@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("page_size", int)]))
class EntityViewSet(RegisterViewSet):
    """Entities (law-enforcement detail: tier 1 viewers and owners only)."""

    serializer_class = EntitySerializer
    filterset_class = EntityFilterSet

    def get_queryset(self):
        # The FilterSet narrows this (list only).
        return entity_selectors.entity_list(user=self.request.user)

    @extend_schema(request=EntityWriteSerializer, responses={201: EntitySerializer})
    def create(self, request):
        """Record an entity for your agency (or find the one it already has), optionally linking it."""
        data = _parse(EntityWriteSerializer, request.data)
        link = data.pop("link", None)
        with service_errors():
            entity = entity_services.entity_create(actor=request.user, surface=AccessSurface.API, **data)
            if link:
                _link(request.user, entity, link)
        entity = entity_selectors.entity_list(user=request.user).get(pk=entity.pk)
        return Response(EntitySerializer(entity).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=EntityLinkWriteSerializer, responses={201: EntityLinkSerializer})
    @action(detail=True, methods=["post"])
    def links(self, request, pk=None):
        entity = self.get_object()
        data = _parse(EntityLinkWriteSerializer, request.data)
        with service_errors():
            link = _link(request.user, entity, data)
        return Response(EntityLinkSerializer(link).data, status=status.HTTP_201_CREATED)


def _link(user, entity, data):
    data = dict(data)
    nominal_pk, ocg_pk = data.pop("nominal", None), data.pop("ocg", None)
    nominal = shared_selectors.visible_or_none(user, Nominal, nominal_pk or None)
    ocg = shared_selectors.visible_or_none(user, OCG, ocg_pk or None)
    errors = {}
    if nominal_pk and nominal is None:
        errors["nominal"] = ["Choose a nominal from the register"]
    if ocg_pk and ocg is None:
        errors["ocg"] = ["Choose an OCG from the register"]
    if errors:
        raise DjangoValidationError(errors)
    return entity_services.entity_link(
        actor=user, entity=entity, nominal=nominal, ocg=ocg, surface=AccessSurface.API, **data
    )


@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("page_size", int)]))
class AssociationViewSet(RegisterViewSet):
    """Associations between nominals the user may both see (tier 1 viewers and owners only)."""

    serializer_class = AssociationSerializer
    filterset_class = AssociationFilterSet

    def get_queryset(self):
        # The FilterSet narrows this (list only).
        return entity_selectors.association_list(user=self.request.user).select_related(
            "nominal_a", "nominal_b", "owning_agency"
        )

    def audit_named(self, shown):
        # An association names both its nominals (both visible to the user: association_list's rule).
        ids = {pk for association in shown for pk in (association.nominal_a_id, association.nominal_b_id)}
        return list(shared_selectors.nominal_queryset(self.request.user).filter(pk__in=ids)) if ids else []

    @extend_schema(request=AssociationWriteSerializer, responses={201: AssociationSerializer})
    def create(self, request):
        data = _parse(AssociationWriteSerializer, request.data)
        # Unknown and unseen numbers both reach the service as None: its refusal names neither.
        nominal_a = shared_selectors.visible_or_none(request.user, Nominal, data.pop("nominal_a"))
        nominal_b = shared_selectors.visible_or_none(request.user, Nominal, data.pop("nominal_b"))
        with service_errors():
            association = entity_services.association_add(
                actor=request.user, nominal_a=nominal_a, nominal_b=nominal_b, surface=AccessSurface.API, **data
            )
        association = self.get_queryset().get(pk=association.pk)
        return Response(AssociationSerializer(association).data, status=status.HTTP_201_CREATED)

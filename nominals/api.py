"""REST API of the register: /api/nominals/, /api/ocgs/, /api/entities/, /api/associations/.

Thin: every read goes through nominals.selectors (so through the access engine) and every write through
nominals.services, with the pages' rules. Lists are cursor-paginated on (created_at, id), newest first,
and filtered with the pages' filter parameters. Items the user may not see answer 404, exactly like
items that do not exist; signed-in users without a register role get 403. Every list, search and detail
read is written to the access log with the basis each item was shown on, through
ocgshare.audit.AuditedReadsMixin (list() and retrieve() log what they return; the other read actions call
`self.log_read`); every write is logged by its service, told it came from the API
(`surface=AccessSurface.API`).
"""

from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers as drf_serializers
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.settings import api_settings

import access
from accounts.models import User
from agencies.models import Agency
from ocgshare.audit import AuditedReadsMixin
from ocgshare.models import AccessAction, AccessSurface
from ocgshare.pagination import CursorPagination

from . import selectors, services
from .constants import AssociationKind, EntityKind, OCGBand, OCGStatus, RiskLevel
from .models import OCG, CustodyEpisode, Nominal, OCGMembership
from .serializers import (
    AssociationSerializer,
    AssociationWriteSerializer,
    CustodyEpisodeSerializer,
    CustodyEpisodeUpdateSerializer,
    CustodyEpisodeWriteSerializer,
    EntityLinkSerializer,
    EntityLinkWriteSerializer,
    EntitySerializer,
    EntityWriteSerializer,
    GrantSerializer,
    GrantWriteSerializer,
    HotspotSerializer,
    MembershipDetailSerializer,
    MembershipWriteSerializer,
    NominalDetailSerializer,
    NominalSerializer,
    NominalWriteSerializer,
    OCGDetailSerializer,
    OCGSerializer,
    OCGWriteSerializer,
    OrderSerializer,
    OrderWriteSerializer,
    SupervisionSerializer,
    SupervisionWriteSerializer,
    TransferSerializer,
    TransferWriteSerializer,
)


@contextmanager
def service_errors():
    """A service's ValidationError as a 400 with field errors (PermissionDenied becomes a 403)."""
    try:
        yield
    except DjangoValidationError as exc:
        detail = drf_serializers.as_serializer_error(exc)
        if NON_FIELD_ERRORS in detail:
            detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop(NON_FIELD_ERRORS)
        raise drf_serializers.ValidationError(detail) from exc


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
    `get_queryset`, `get_object` (404 for items the user may not see), `audit_filters` and serializers."""

    permission_classes = [IsAuthenticated, ReadsRegister]
    pagination_class = RegisterCursorPagination
    filter_backends = []
    detail_serializer_class = None

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return super().get_serializer_class()


NOMINAL_FILTERS = [
    OpenApiParameter("agency", int, description="Owning agency id."),
    OpenApiParameter("establishment", int, description="Prison agency id where held now (tier 1 viewers only)."),
    OpenApiParameter("threat_area", str, description="A threat area code."),
    OpenApiParameter("risk", str, enum=RiskLevel.values),
    OpenApiParameter("ocg", int, description="Members of this OCG."),
    OpenApiParameter(
        "ocg_reference",
        str,
        description="Members of the OCG with this reference or OCG Mapping reference (exact, any case).",
    ),
    OpenApiParameter(
        "custody",
        str,
        enum=[selectors.CustodyStatus.IN, selectors.CustodyStatus.OUT],
        description="Tier 1 viewers only.",
    ),
    OpenApiParameter("page_size", int, description="Up to 100 (default 50)."),
]


@extend_schema_view(list=extend_schema(parameters=NOMINAL_FILTERS))
class NominalViewSet(RegisterViewSet):
    """Nominals the user may see, each with only the fields their tier reaches."""

    serializer_class = NominalSerializer
    detail_serializer_class = NominalDetailSerializer
    audit_filters = selectors.nominal_filters_from

    def get_queryset(self):
        # The cursor orders the list: the pages' `sort` is not offered here.
        filters = selectors.nominal_filters_from({**self.request.query_params.dict(), "sort": ""})
        return selectors.nominal_list(user=self.request.user, filters=filters)

    def get_object(self):
        return selectors.nominal_get(user=self.request.user, pk=self.kwargs["pk"])

    def audit_named(self, shown):
        return selectors.named_by_nominal(shown[0]) if self.action == "retrieve" else ()

    def _visible(self, pk):
        nominal = selectors.nominal_queryset(self.request.user).filter(pk=pk).first()
        if nominal is None:
            raise Http404
        return nominal

    def _detail(self, pk, status_code=status.HTTP_200_OK):
        """The item as a write left it (the write's service logged the change)."""
        nominal = selectors.nominal_get(user=self.request.user, pk=pk)
        data = NominalDetailSerializer(nominal, context=self.get_serializer_context()).data
        return Response(data, status=status_code)

    @extend_schema(request=NominalWriteSerializer, responses={201: NominalDetailSerializer})
    def create(self, request):
        """Record a nominal owned by your agency. A likely duplicate you can see is refused (code
        `likely_duplicate`) unless `allow_duplicate` is true; the refusal names the likely duplicates,
        and is logged as a search showing them."""
        data = _parse(NominalWriteSerializer, request.data)
        with service_errors():
            try:
                nominal = services.nominal_create(actor=request.user, surface=AccessSurface.API, **data)
            except services.LikelyDuplicate as refusal:
                self.log_read(items=refusal.shown, action=AccessAction.SEARCH, params=refusal.checked)
                raise
        return self._detail(nominal.pk, status.HTTP_201_CREATED)

    @extend_schema(request=NominalWriteSerializer, responses={200: NominalDetailSerializer})
    def partial_update(self, request, pk=None):
        """Change a nominal your agency owns; lists given replace the current ones."""
        nominal = self._visible(pk)
        data = _parse(NominalWriteSerializer, request.data, partial=True)
        data.pop("allow_duplicate", None)
        with service_errors():
            services.nominal_update(actor=request.user, nominal=nominal, surface=AccessSurface.API, **data)
        return self._detail(nominal.pk)

    @extend_schema(
        parameters=[OpenApiParameter("q", str, required=True, description="Name, alias, identifier or date of birth.")],
        responses=NominalSerializer(many=True),
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def search(self, request):
        """The best matches (up to 50) among the nominals you may see, best first; no count."""
        query = (request.query_params.get("q") or "").strip()
        rows, _more = selectors.nominal_search_best(user=request.user, query=query)
        self.log_read(items=rows, action=AccessAction.SEARCH, params={"q": query})
        return Response(NominalSerializer(rows, many=True, context=self.get_serializer_context()).data)

    @extend_schema(
        responses=inline_serializer(
            "HotspotCounts",
            {
                "hotspots": HotspotSerializer(many=True),
                "totals": inline_serializer(
                    "HotspotTotal",
                    {
                        "establishment_id": drf_serializers.IntegerField(),
                        "establishment": drf_serializers.CharField(),
                        "count": drf_serializers.IntegerField(),
                    },
                    many=True,
                ),
            },
        )
    )
    @action(detail=False, methods=["get"], permission_classes=[IsAuthenticated])
    def hotspots(self, request):
        """Depersonalised counts (tier 3) of OCG nominals in custody, by establishment and threat area."""
        hotspots, totals = selectors.hotspot_counts(user=request.user)
        self.log_read(aggregate=True, count=len(totals), params=None)
        return Response(
            {
                "hotspots": HotspotSerializer(hotspots, many=True).data,
                "totals": [
                    {"establishment_id": pk, "establishment": name, "count": count}
                    for pk, (name, count) in totals.items()
                ],
            }
        )

    # --- custody, supervision, orders ---------------------------------------------------------------------

    @extend_schema(request=CustodyEpisodeWriteSerializer, responses={201: CustodyEpisodeSerializer})
    @action(detail=True, methods=["post"], url_path="custody-episodes")
    def custody_episode_add(self, request, pk=None):
        nominal = self._visible(pk)
        data = _parse(CustodyEpisodeWriteSerializer, request.data)
        data["establishment"] = _agency(data["establishment"])
        with service_errors():
            if data["establishment"] is None:
                raise DjangoValidationError({"establishment": ["Choose a prison establishment"]})
            episode = services.custody_episode_add(
                actor=request.user, nominal=nominal, surface=AccessSurface.API, **data
            )
        return Response(CustodyEpisodeSerializer(episode).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=CustodyEpisodeUpdateSerializer, responses={200: CustodyEpisodeSerializer})
    @action(detail=True, methods=["patch"], url_path=r"custody-episodes/(?P<episode_pk>\d+)")
    def custody_episode_update(self, request, pk=None, episode_pk=None):
        """Record a release or correct an episode."""
        nominal = self._visible(pk)
        episode = CustodyEpisode.objects.filter(pk=episode_pk, nominal=nominal).select_related("nominal").first()
        if episode is None:
            raise Http404
        data = _parse(CustodyEpisodeUpdateSerializer, request.data, partial=True)
        with service_errors():
            episode = services.custody_episode_update(
                actor=request.user, episode=episode, surface=AccessSurface.API, **data
            )
        return Response(CustodyEpisodeSerializer(episode).data)

    @extend_schema(request=TransferWriteSerializer, responses={201: TransferSerializer})
    @action(detail=True, methods=["post"])
    def transfers(self, request, pk=None):
        nominal = self._visible(pk)
        data = _parse(TransferWriteSerializer, request.data)
        episode = CustodyEpisode.objects.filter(pk=data.pop("custody_episode"), nominal=nominal).first()
        to_establishment = _agency(data.pop("to_establishment"))
        with service_errors():
            errors = {}
            if episode is None:
                errors["custody_episode"] = ["Choose one of this nominal's custody episodes"]
            if to_establishment is None:
                errors["to_establishment"] = ["Choose a prison establishment"]
            if errors:
                raise DjangoValidationError(errors)
            transfer = services.transfer_record(
                actor=request.user,
                custody_episode=episode,
                to_establishment=to_establishment,
                surface=AccessSurface.API,
                **data,
            )
        return Response(TransferSerializer(transfer).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=SupervisionWriteSerializer, responses={201: SupervisionSerializer})
    @action(detail=True, methods=["post"])
    def supervisions(self, request, pk=None):
        nominal = self._visible(pk)
        data = _parse(SupervisionWriteSerializer, request.data)
        data["region"] = _agency(data["region"])
        with service_errors():
            if data["region"] is None:
                raise DjangoValidationError({"region": ["Choose a probation region"]})
            supervision = services.supervision_add(
                actor=request.user, nominal=nominal, surface=AccessSurface.API, **data
            )
        return Response(SupervisionSerializer(supervision).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=OrderWriteSerializer, responses={201: OrderSerializer})
    @action(detail=True, methods=["post"])
    def orders(self, request, pk=None):
        nominal = self._visible(pk)
        data = _parse(OrderWriteSerializer, request.data)
        with service_errors():
            order = services.order_add(actor=request.user, nominal=nominal, surface=AccessSurface.API, **data)
        return Response(OrderSerializer(order).data, status=status.HTTP_201_CREATED)

    # --- need-to-know grants ---------------------------------------------------------------------------

    @extend_schema(methods=["GET"], responses=GrantSerializer(many=True))
    @extend_schema(methods=["POST"], request=GrantWriteSerializer, responses={201: GrantSerializer})
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def grants(self, request, pk=None):
        """Need-to-know grants on the item (its owning agency's register staff)."""
        return grants_endpoint(self, request, self._visible(pk))

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["delete"], url_path=r"grants/(?P<holder>user|agency)/(?P<grant_pk>\d+)")
    def grant_revoke(self, request, pk=None, holder=None, grant_pk=None):
        return grant_revoke_endpoint(request, self._visible(pk), holder, grant_pk)


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


def grants_endpoint(view, request, obj):
    if request.method == "GET":
        with service_errors():
            user_grants, group_grants = services.grants_of(actor=request.user, obj=obj)
        rows = [_grant_row(g) for g in [*user_grants, *group_grants]]
        view.log_read(obj=obj, count=len(rows), params=None)
        return Response(GrantSerializer(rows, many=True).data)
    data = _parse(GrantWriteSerializer, request.data)
    user = User.objects.select_related("agency").filter(pk=data.pop("user")).first() if data.get("user") else None
    agency = _agency(data.pop("agency", None))
    data.pop("user", None)
    with service_errors():
        if request.data.get("user") and user is None:
            raise DjangoValidationError({"user": ["Choose an active user"]})
        grant = services.grant_create(
            actor=request.user, obj=obj, user=user, agency=agency, surface=AccessSurface.API, **data
        )
    return Response(GrantSerializer(_grant_row(grant)).data, status=status.HTTP_201_CREATED)


def grant_revoke_endpoint(request, obj, holder, grant_pk):
    user_model, group_model = services.GRANT_MODELS[type(obj)]
    model = user_model if holder == "user" else group_model
    grant = model.objects.filter(pk=grant_pk, content_object=obj).first()
    if grant is None:
        raise Http404
    with service_errors():
        services.grant_revoke(actor=request.user, grant=grant, surface=AccessSurface.API)
    return Response(status=status.HTTP_204_NO_CONTENT)


# --- OCGs ---------------------------------------------------------------------------------------------------

OCG_FILTERS = [
    OpenApiParameter("agency", int, description="Lead agency id."),
    OpenApiParameter("status", str, enum=OCGStatus.values),
    OpenApiParameter("band", str, enum=OCGBand.values),
    OpenApiParameter("threat_area", str, description="A threat area code."),
    OpenApiParameter("page_size", int, description="Up to 100 (default 50)."),
]


@extend_schema_view(list=extend_schema(parameters=OCG_FILTERS))
class OCGViewSet(RegisterViewSet):
    """OCGs the user may see, each with only the fields their tier reaches."""

    serializer_class = OCGSerializer
    detail_serializer_class = OCGDetailSerializer
    audit_filters = selectors.ocg_filters_from

    def get_queryset(self):
        filters = selectors.ocg_filters_from({**self.request.query_params.dict(), "sort": ""})
        return selectors.ocg_list(user=self.request.user, filters=filters)

    def get_object(self):
        return selectors.ocg_get(user=self.request.user, pk=self.kwargs["pk"])

    def audit_named(self, shown):
        return selectors.named_by_ocg(shown[0]) if self.action == "retrieve" else ()

    def _visible(self, pk):
        ocg = selectors.ocg_queryset(self.request.user).filter(pk=pk).first()
        if ocg is None:
            raise Http404
        return ocg

    def _detail(self, pk, status_code=status.HTTP_200_OK):
        """The item as a write left it (the write's service logged the change)."""
        ocg = selectors.ocg_get(user=self.request.user, pk=pk)
        return Response(OCGDetailSerializer(ocg, context=self.get_serializer_context()).data, status=status_code)

    @extend_schema(request=OCGWriteSerializer, responses={201: OCGDetailSerializer})
    def create(self, request):
        data = _parse(OCGWriteSerializer, request.data)
        with service_errors():
            ocg = services.ocg_create(actor=request.user, surface=AccessSurface.API, **data)
        return self._detail(ocg.pk, status.HTTP_201_CREATED)

    @extend_schema(request=OCGWriteSerializer, responses={200: OCGDetailSerializer})
    def partial_update(self, request, pk=None):
        ocg = self._visible(pk)
        data = _parse(OCGWriteSerializer, request.data, partial=True)
        with service_errors():
            services.ocg_update(actor=request.user, ocg=ocg, surface=AccessSurface.API, **data)
        return self._detail(ocg.pk)

    @extend_schema(request=MembershipWriteSerializer, responses={201: MembershipDetailSerializer})
    @action(detail=True, methods=["post"])
    def memberships(self, request, pk=None):
        """Add a member: any nominal you may see."""
        ocg = self._visible(pk)
        data = _parse(MembershipWriteSerializer, request.data)
        nominal = Nominal.objects.filter(pk=data.pop("nominal")).first()
        with service_errors():
            membership = services.membership_add(
                actor=request.user, ocg=ocg, nominal=nominal, surface=AccessSurface.API, **data
            )
        return Response(MembershipDetailSerializer(membership).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=inline_serializer("MembershipEnd", {"ended_on": drf_serializers.DateField()}),
        responses={200: MembershipDetailSerializer},
    )
    @action(detail=True, methods=["patch"], url_path=r"memberships/(?P<membership_pk>\d+)")
    def membership_end(self, request, pk=None, membership_pk=None):
        ocg = self._visible(pk)
        membership = OCGMembership.objects.filter(pk=membership_pk, ocg=ocg).select_related("ocg").first()
        if membership is None:
            raise Http404
        ended_on = drf_serializers.DateField(allow_null=True).run_validation(request.data.get("ended_on"))
        with service_errors():
            membership = services.membership_end(
                actor=request.user, membership=membership, ended_on=ended_on, surface=AccessSurface.API
            )
        return Response(MembershipDetailSerializer(membership).data)

    @extend_schema(methods=["GET"], responses=GrantSerializer(many=True))
    @extend_schema(methods=["POST"], request=GrantWriteSerializer, responses={201: GrantSerializer})
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def grants(self, request, pk=None):
        return grants_endpoint(self, request, self._visible(pk))

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["delete"], url_path=r"grants/(?P<holder>user|agency)/(?P<grant_pk>\d+)")
    def grant_revoke(self, request, pk=None, holder=None, grant_pk=None):
        return grant_revoke_endpoint(request, self._visible(pk), holder, grant_pk)


# --- entities and associations --------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("kind", str, enum=EntityKind.values),
            OpenApiParameter("nominal", int),
            OpenApiParameter("ocg", int),
            OpenApiParameter("value", str, description="Part of the normalised value."),
            OpenApiParameter("page_size", int),
        ]
    )
)
class EntityViewSet(RegisterViewSet):
    """Entities (law-enforcement detail: tier 1 viewers and owners only)."""

    serializer_class = EntitySerializer
    audit_filters = selectors.entity_filters_from

    def get_queryset(self):
        filters = selectors.entity_filters_from(self.request.query_params)
        return selectors.entity_list(user=self.request.user, filters=filters)

    def get_object(self):
        entity = selectors.entity_list(user=self.request.user).filter(pk=self.kwargs["pk"]).first()
        if entity is None:
            raise Http404
        return entity

    def _visible(self, pk):
        entity = self.get_queryset().filter(pk=pk).first()
        if entity is None:
            raise Http404
        return entity

    @extend_schema(request=EntityWriteSerializer, responses={201: EntitySerializer})
    def create(self, request):
        """Record an entity for your agency (or find the one it already has), optionally linking it."""
        data = _parse(EntityWriteSerializer, request.data)
        link = data.pop("link", None)
        with service_errors():
            entity = services.entity_create(actor=request.user, surface=AccessSurface.API, **data)
            if link:
                _link(request.user, entity, link)
        entity = selectors.entity_list(user=request.user).get(pk=entity.pk)
        return Response(EntitySerializer(entity).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=EntityLinkWriteSerializer, responses={201: EntityLinkSerializer})
    @action(detail=True, methods=["post"])
    def links(self, request, pk=None):
        entity = self._visible(pk)
        data = _parse(EntityLinkWriteSerializer, request.data)
        with service_errors():
            link = _link(request.user, entity, data)
        return Response(EntityLinkSerializer(link).data, status=status.HTTP_201_CREATED)


def _link(user, entity, data):
    data = dict(data)
    nominal_pk, ocg_pk = data.pop("nominal", None), data.pop("ocg", None)
    nominal = Nominal.objects.filter(pk=nominal_pk).first() if nominal_pk else None
    ocg = OCG.objects.filter(pk=ocg_pk).first() if ocg_pk else None
    errors = {}
    if nominal_pk and nominal is None:
        errors["nominal"] = ["Choose a nominal from the register"]
    if ocg_pk and ocg is None:
        errors["ocg"] = ["Choose an OCG from the register"]
    if errors:
        raise DjangoValidationError(errors)
    return services.entity_link(actor=user, entity=entity, nominal=nominal, ocg=ocg, surface=AccessSurface.API, **data)


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("nominal", int, description="Associations of this nominal."),
            OpenApiParameter("kind", str, enum=AssociationKind.values),
            OpenApiParameter("page_size", int),
        ]
    )
)
class AssociationViewSet(RegisterViewSet):
    """Associations between nominals the user may both see (tier 1 viewers and owners only)."""

    serializer_class = AssociationSerializer
    audit_filters = selectors.association_filters_from

    def get_queryset(self):
        filters = selectors.association_filters_from(self.request.query_params)
        return selectors.association_list(user=self.request.user, filters=filters).select_related(
            "nominal_a", "nominal_b", "owning_agency"
        )

    def audit_named(self, shown):
        # An association names both its nominals (both visible to the user: association_list's rule).
        ids = {pk for association in shown for pk in (association.nominal_a_id, association.nominal_b_id)}
        return list(selectors.nominal_queryset(self.request.user).filter(pk__in=ids)) if ids else []

    def get_object(self):
        association = self.get_queryset().filter(pk=self.kwargs["pk"]).first()
        if association is None:
            raise Http404
        return association

    @extend_schema(request=AssociationWriteSerializer, responses={201: AssociationSerializer})
    def create(self, request):
        data = _parse(AssociationWriteSerializer, request.data)
        nominal_a = Nominal.objects.filter(pk=data.pop("nominal_a")).first()
        nominal_b = Nominal.objects.filter(pk=data.pop("nominal_b")).first()
        with service_errors():
            association = services.association_add(
                actor=request.user, nominal_a=nominal_a, nominal_b=nominal_b, surface=AccessSurface.API, **data
            )
        association = self.get_queryset().get(pk=association.pk)
        return Response(AssociationSerializer(association).data, status=status.HTTP_201_CREATED)

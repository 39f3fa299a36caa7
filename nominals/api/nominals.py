"""/api/nominals/: list, search, detail, writes and the custody, supervision and order actions."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers as drf_serializers
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from ocgshare.models import AccessAction, AccessSurface
from ocgshare.service_errors import service_errors
from records.api import AskOwnerMixin, GrantsMixin

from ..filters import NominalFilterSet
from ..models import CustodyEpisode
from ..selectors import common as shared_selectors
from ..selectors import hotspots as hotspot_selectors
from ..selectors import nominals as nominal_selectors
from ..selectors import search as search_selectors
from ..serializers.custody import (
    CustodyEpisodeSerializer,
    CustodyEpisodeUpdateSerializer,
    CustodyEpisodeWriteSerializer,
    HotspotSerializer,
    OrderSerializer,
    OrderWriteSerializer,
    SupervisionSerializer,
    SupervisionWriteSerializer,
    TransferSerializer,
    TransferWriteSerializer,
)
from ..serializers.nominals import NominalDetailSerializer, NominalSerializer, NominalWriteSerializer
from ..services import custody as custody_services
from ..services import nominals as nominal_services
from .common import PAGE_SIZE, RegisterViewSet, _agency, _parse


@extend_schema_view(
    list=extend_schema(parameters=[PAGE_SIZE]),
    grants=extend_schema(description="Need-to-know grants on the item (its owning agency's register staff)."),
)
class NominalViewSet(GrantsMixin, AskOwnerMixin, RegisterViewSet):
    """Nominals the user may see, each with only the fields their tier reaches."""

    record_kind = "nominal"
    serializer_class = NominalSerializer
    detail_serializer_class = NominalDetailSerializer
    filterset_class = NominalFilterSet

    def get_queryset(self):
        if self.action != "list":
            # One item for a write or an action, through the engine (retrieve attaches more: get_object).
            return shared_selectors.nominal_queryset(self.request.user)
        # The cursor orders the list: the pages' `sort` is not offered here. The FilterSet narrows this.
        return nominal_selectors.nominal_list(user=self.request.user)

    def get_object(self):
        if self.action == "retrieve":
            return nominal_selectors.nominal_get(user=self.request.user, pk=self.kwargs["pk"])
        return super().get_object()

    def audit_named(self, shown):
        return nominal_selectors.named_by_nominal(shown[0]) if self.action == "retrieve" else ()

    def _detail(self, pk, status_code=status.HTTP_200_OK):
        """The item as a write left it (the write's service logged the change)."""
        nominal = nominal_selectors.nominal_get(user=self.request.user, pk=pk)
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
                nominal = nominal_services.nominal_create(actor=request.user, surface=AccessSurface.API, **data)
            except nominal_services.LikelyDuplicate as refusal:
                self.log_read(items=refusal.shown, action=AccessAction.SEARCH, params=refusal.checked)
                raise
        return self._detail(nominal.pk, status.HTTP_201_CREATED)

    @extend_schema(request=NominalWriteSerializer, responses={200: NominalDetailSerializer})
    def partial_update(self, request, pk=None):
        """Change a nominal your agency owns; lists given replace the current ones."""
        nominal = self.get_object()
        data = _parse(NominalWriteSerializer, request.data, partial=True)
        data.pop("allow_duplicate", None)
        with service_errors():
            nominal_services.nominal_update(actor=request.user, nominal=nominal, surface=AccessSurface.API, **data)
        return self._detail(nominal.pk)

    @extend_schema(
        parameters=[OpenApiParameter("q", str, required=True, description="Name, alias, identifier or date of birth.")],
        responses=NominalSerializer(many=True),
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def search(self, request):
        """The best matches (up to 50) among the nominals you may see, best first; no count."""
        query = (request.query_params.get("q") or "").strip()
        rows, _more = search_selectors.nominal_search_best(user=request.user, query=query)
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
        hotspots, totals = hotspot_selectors.hotspot_counts(user=request.user)
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
        nominal = self.get_object()
        data = _parse(CustodyEpisodeWriteSerializer, request.data)
        data["establishment"] = _agency(data["establishment"])
        with service_errors():
            if data["establishment"] is None:
                raise DjangoValidationError({"establishment": ["Choose a prison establishment"]})
            episode = custody_services.custody_episode_add(
                actor=request.user, nominal=nominal, surface=AccessSurface.API, **data
            )
        return Response(CustodyEpisodeSerializer(episode).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=CustodyEpisodeUpdateSerializer, responses={200: CustodyEpisodeSerializer})
    @action(detail=True, methods=["patch"], url_path=r"custody-episodes/(?P<episode_pk>\d+)")
    def custody_episode_update(self, request, pk=None, episode_pk=None):
        """Record a release or correct an episode."""
        nominal = self.get_object()
        episode = CustodyEpisode.objects.filter(pk=episode_pk, nominal=nominal).select_related("nominal").first()
        if episode is None:
            raise Http404
        data = _parse(CustodyEpisodeUpdateSerializer, request.data, partial=True)
        with service_errors():
            episode = custody_services.custody_episode_update(
                actor=request.user, episode=episode, surface=AccessSurface.API, **data
            )
        return Response(CustodyEpisodeSerializer(episode).data)

    @extend_schema(request=TransferWriteSerializer, responses={201: TransferSerializer})
    @action(detail=True, methods=["post"])
    def transfers(self, request, pk=None):
        nominal = self.get_object()
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
            transfer = custody_services.transfer_record(
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
        nominal = self.get_object()
        data = _parse(SupervisionWriteSerializer, request.data)
        data["region"] = _agency(data["region"])
        with service_errors():
            if data["region"] is None:
                raise DjangoValidationError({"region": ["Choose a probation region"]})
            supervision = custody_services.supervision_add(
                actor=request.user, nominal=nominal, surface=AccessSurface.API, **data
            )
        return Response(SupervisionSerializer(supervision).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=OrderWriteSerializer, responses={201: OrderSerializer})
    @action(detail=True, methods=["post"])
    def orders(self, request, pk=None):
        nominal = self.get_object()
        data = _parse(OrderWriteSerializer, request.data)
        with service_errors():
            order = custody_services.order_add(actor=request.user, nominal=nominal, surface=AccessSurface.API, **data)
        return Response(OrderSerializer(order).data, status=status.HTTP_201_CREATED)

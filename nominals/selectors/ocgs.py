"""Reads of OCGs: the list with its filters, search and one OCG with its members."""

from dataclasses import dataclass

from django.db.models import F, Q, prefetch_related_objects
from django.http import Http404

import access
from ocgshare.constants import ThreatArea as ThreatAreaChoice

from ..constants import OCGBand, OCGStatus
from ..models import Entity, EntityLink, OCGMembership
from .common import LAW_ENFORCEMENT_TIER, MAX_SEARCH_LENGTH, _int, _ordering, _visible_nominals, ocg_queryset

OCG_SORTS = {
    "created": (F("created_at").asc(), F("id").asc()),
    "name": (F("name").asc(), F("id").asc()),
    "reference": (F("reference").asc(), F("id").asc()),
}
DEFAULT_OCG_SORT = "-created"


@dataclass(frozen=True)
class OCGFilters:
    agency: int | None = None
    status: str = ""
    band: str = ""
    threat_area: str = ""
    sort: str = DEFAULT_OCG_SORT


def ocg_filters_from(params):
    status, band, threat_area = params.get("status", ""), params.get("band", ""), params.get("threat_area", "")
    sort = params.get("sort", "") or DEFAULT_OCG_SORT
    return OCGFilters(
        agency=_int(params.get("agency")),
        status=status if status in OCGStatus.values else "",
        band=band if band in OCGBand.values else "",
        threat_area=threat_area if threat_area in ThreatAreaChoice.values else "",
        sort=sort if sort.removeprefix("-") in OCG_SORTS else DEFAULT_OCG_SORT,
    )


def ocg_list(*, user, filters=None):
    filters = filters or OCGFilters()
    queryset = ocg_queryset(user)
    if filters.agency:
        queryset = queryset.filter(lead_agency_id=filters.agency)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.band:
        queryset = queryset.filter(band=filters.band)
    if filters.threat_area:
        queryset = queryset.filter(threat_areas__code=filters.threat_area)
    queryset = queryset.order_by(*_ordering(OCG_SORTS, filters.sort, DEFAULT_OCG_SORT))
    return queryset.prefetch_related("threat_areas")


def ocg_search(*, user, query):
    """OCGs the user may see whose name, reference or OCG Mapping reference contains `query`."""
    text = (query or "").strip()[:MAX_SEARCH_LENGTH]
    if not text:
        return ocg_queryset(user).none()
    return (
        ocg_queryset(user)
        .filter(Q(name__icontains=text) | Q(reference__iexact=text) | Q(ocg_mapping_reference__iexact=text))
        .order_by("name", "-id")
        .prefetch_related("threat_areas")
    )


def ocg_get(*, user, pk):
    """The OCG with what the viewer may see attached: members (nominals they may see) and, at tier 1,
    membership detail and linked entities. 404 when absent or not visible."""
    ocg = ocg_queryset(user).filter(pk=pk).first()
    if ocg is None:
        raise Http404("No OCG found")
    ocg.access = access.access_of(user, ocg)
    prefetch_related_objects([ocg], "threat_areas")
    ocg.member_list = list(
        OCGMembership.objects.filter(ocg=ocg, nominal__in=_visible_nominals(user))
        .select_related("nominal")
        .order_by("ended_on", "role", "nominal__surname", "id")
    )
    ocg.entity_link_list = []
    if ocg.viewer_tier <= LAW_ENFORCEMENT_TIER:
        ocg.entity_link_list = list(
            EntityLink.objects.filter(ocg=ocg, entity__in=access.only_visible(user, Entity.objects.all()))
            .select_related("entity", "entity__owning_agency")
            .order_by("entity__kind", "-started_on", "-id")
        )
    return ocg


def named_by_ocg(ocg):
    """The other register items an OCG's detail names (for the access log): its members (nominals the
    viewer may see) and linked entities, as `ocg_get` attached them."""
    return [membership.nominal for membership in ocg.member_list] + [link.entity for link in ocg.entity_link_list]

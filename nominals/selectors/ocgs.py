"""Reads of OCGs: the list with its filters, search and one OCG with its members."""

from django.db.models import F, Q, prefetch_related_objects
from django.http import Http404

import access
from ocgshare.tables import ordering

from ..models import Entity, EntityLink, OCGMembership
from .common import LAW_ENFORCEMENT_TIER, MAX_SEARCH_LENGTH, _visible_nominals, ocg_queryset

OCG_SORTS = {
    "created": (F("created_at").asc(), F("id").asc()),
    "name": (F("name").asc(), F("id").asc()),
    "reference": (F("reference").asc(), F("id").asc()),
}
DEFAULT_OCG_SORT = "-created"


def filter_ocgs(queryset, filters):
    """`queryset` (the access engine's) narrowed by `filters`, the values an OCGFilterSet
    (nominals.filters) applies: name -> value."""
    if filters.get("agency"):
        queryset = queryset.filter(lead_agency_id=filters["agency"])
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("band"):
        queryset = queryset.filter(band=filters["band"])
    if filters.get("threat_area"):
        queryset = queryset.filter(threat_areas__code=filters["threat_area"])
    return queryset


def ocg_list(*, user, filterset=None, sort=DEFAULT_OCG_SORT):
    """The OCGs the user may see, narrowed by `filterset` (a nominals.filters.OCGFilterSet) and sorted."""
    queryset = ocg_queryset(user)
    if filterset is not None:
        queryset = filterset.filter_queryset(queryset)
    queryset = queryset.order_by(*ordering(OCG_SORTS, sort, DEFAULT_OCG_SORT))
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

"""Reads of entities and associations."""

from dataclasses import dataclass

from django.db.models import Q

import access

from ..constants import EntityKind
from ..models import Association, Entity, EntityLink
from .common import LAW_ENFORCEMENT_TIER, MAX_SEARCH_LENGTH, _int, _visible_nominals, nominal_queryset, ocg_queryset


@dataclass(frozen=True)
class EntityFilters:
    kind: str = ""
    nominal: int | None = None
    ocg: int | None = None
    value: str = ""


def entity_filters_from(params):
    kind = params.get("kind", "")
    return EntityFilters(
        kind=kind if kind in EntityKind.values else "",
        nominal=_int(params.get("nominal")),
        ocg=_int(params.get("ocg")),
        value=(params.get("value") or "").strip()[:MAX_SEARCH_LENGTH],
    )


def entity_list(*, user, filters=None):
    """Entities the user may see (law-enforcement detail: tier 1 or better). Filtering by nominal or OCG
    matches only links to nominals and OCGs the user may see at tier 1."""
    filters = filters or EntityFilters()
    queryset = access.visible(user, Entity.objects.select_related("owning_agency"))
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.value:
        queryset = queryset.filter(value__icontains=filters.value)
    if filters.nominal:
        nominals = nominal_queryset(user).filter(pk=filters.nominal, viewer_tier__lte=LAW_ENFORCEMENT_TIER)
        queryset = queryset.filter(pk__in=EntityLink.objects.filter(nominal__in=nominals.values("pk")).values("entity"))
    if filters.ocg:
        ocgs = ocg_queryset(user).filter(pk=filters.ocg, viewer_tier__lte=LAW_ENFORCEMENT_TIER)
        queryset = queryset.filter(pk__in=EntityLink.objects.filter(ocg__in=ocgs.values("pk")).values("entity"))
    return queryset.order_by("-created_at", "-id")


@dataclass(frozen=True)
class AssociationFilters:
    nominal: int | None = None
    kind: str = ""


def association_filters_from(params):
    from ..constants import AssociationKind

    kind = params.get("kind", "")
    return AssociationFilters(nominal=_int(params.get("nominal")), kind=kind if kind in AssociationKind.values else "")


def association_list(*, user, filters=None):
    """Associations the user may see (tier 1 or better) between two nominals they may both see, so an
    association never reveals a person the user may not see."""
    filters = filters or AssociationFilters()
    visible_nominals = _visible_nominals(user)
    queryset = access.visible(user, Association.objects.all()).filter(
        nominal_a__in=visible_nominals, nominal_b__in=visible_nominals
    )
    if filters.nominal:
        queryset = queryset.filter(Q(nominal_a_id=filters.nominal) | Q(nominal_b_id=filters.nominal))
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    return queryset.order_by("-created_at", "-id")

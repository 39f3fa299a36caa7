"""Reads of entities and associations."""

from django.db.models import Q

import access

from ..models import Association, Entity, EntityLink
from .common import LAW_ENFORCEMENT_TIER, _visible_nominals, nominal_queryset, ocg_queryset


def filter_entities(user, queryset, filters):
    """`queryset` (the access engine's) narrowed by `filters`, the values an EntityFilterSet
    (nominals.filters) applies: name -> value. Filtering by nominal or OCG matches only links to
    nominals and OCGs the user may see at tier 1."""
    if filters.get("kind"):
        queryset = queryset.filter(kind=filters["kind"])
    if filters.get("value"):
        queryset = queryset.filter(value__icontains=filters["value"])
    if filters.get("nominal"):
        nominals = nominal_queryset(user).filter(pk=filters["nominal"], viewer_tier__lte=LAW_ENFORCEMENT_TIER)
        queryset = queryset.filter(pk__in=EntityLink.objects.filter(nominal__in=nominals.values("pk")).values("entity"))
    if filters.get("ocg"):
        ocgs = ocg_queryset(user).filter(pk=filters["ocg"], viewer_tier__lte=LAW_ENFORCEMENT_TIER)
        queryset = queryset.filter(pk__in=EntityLink.objects.filter(ocg__in=ocgs.values("pk")).values("entity"))
    return queryset


def entity_list(*, user, filterset=None):
    """Entities the user may see (law-enforcement detail: tier 1 or better), narrowed by `filterset`
    (a nominals.filters.EntityFilterSet)."""
    queryset = access.visible(user, Entity.objects.select_related("owning_agency"))
    if filterset is not None:
        queryset = filterset.filter_queryset(queryset)
    return queryset.order_by("-created_at", "-id")


def filter_associations(queryset, filters):
    """`queryset` narrowed by `filters`, the values an AssociationFilterSet (nominals.filters) applies."""
    if filters.get("nominal"):
        queryset = queryset.filter(Q(nominal_a_id=filters["nominal"]) | Q(nominal_b_id=filters["nominal"]))
    if filters.get("kind"):
        queryset = queryset.filter(kind=filters["kind"])
    return queryset


def association_list(*, user, filterset=None, nominal=None):
    """Associations the user may see (tier 1 or better) between two nominals they may both see, so an
    association never reveals a person the user may not see; narrowed by `filterset` (a
    nominals.filters.AssociationFilterSet) or to those of `nominal` (an id)."""
    visible_nominals = _visible_nominals(user)
    queryset = access.visible(user, Association.objects.all()).filter(
        nominal_a__in=visible_nominals, nominal_b__in=visible_nominals
    )
    if filterset is not None:
        queryset = filterset.filter_queryset(queryset)
    if nominal is not None:
        queryset = filter_associations(queryset, {"nominal": nominal})
    return queryset.order_by("-created_at", "-id")

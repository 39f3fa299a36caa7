"""Querysets of register items through the access engine, and what the lists share."""

from django.http import Http404

import access
from ocgshare.params import parse_id

from ..models import OCG, Nominal, OCGMembership

LAW_ENFORCEMENT_TIER = 1


def nominal_queryset(user):
    return access.visible(user, Nominal.objects.select_related("owning_agency"))


def ocg_queryset(user):
    return access.visible(user, OCG.objects.select_related("lead_agency"))


def visible_or_none(user, kind, pk):
    """The item `pk` of `kind` fetched through the engine if `user` may see it, else None — the missing
    and the unseen alike: for a write naming another register item (the member of an OCG, the other
    nominal of an association), whose service then refuses None with a message that names neither."""
    if pk is None:
        return None
    try:
        return access.access_get(user, kind, pk)
    except Http404:
        return None


def _visible_ocgs(user):
    return access.only_visible(user, OCG.objects.all()).values("pk")


def _visible_nominals(user):
    return access.only_visible(user, Nominal.objects.all()).values("pk")


def _memberships(user):
    """Memberships of OCGs the user may see, with the OCG."""
    return OCGMembership.objects.filter(ocg__in=_visible_ocgs(user)).select_related("ocg")


_int = parse_id


MAX_OCG_REFERENCE_LENGTH = 40  # the length of OCG.reference and OCG.ocg_mapping_reference
MAX_SEARCH_LENGTH = 200

"""Querysets of register items through the access engine, and what the lists share."""

import access
from ocgshare.params import parse_id

from ..models import OCG, Nominal, OCGMembership

LAW_ENFORCEMENT_TIER = 1


def nominal_queryset(user):
    return access.visible(user, Nominal.objects.select_related("owning_agency"))


def ocg_queryset(user):
    return access.visible(user, OCG.objects.select_related("lead_agency"))


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

"""Reads of nominals: the list with its filters and sorting, the relations a row carries, one nominal
with what the viewer may see of it, and likely duplicates."""

from django.db import connection
from django.db.models import Case, F, IntegerField, OuterRef, Prefetch, Q, Value, When, prefetch_related_objects
from django.db.models.functions import JSONObject
from django.http import Http404

import access
from agencies.models import Agency
from ocgshare.expressions import JSONRows
from ocgshare.tables import ordering

from ..constants import RiskLevel, tier_shows
from ..models import OCG, Entity, EntityLink, Nominal, NominalAlias, OCGMembership, OtherIdentifier, Transfer
from ..normalise import normalise_identifier
from .common import (
    LAW_ENFORCEMENT_TIER,
    _memberships,
    _visible_ocgs,
    nominal_queryset,
)
from .entities import association_list

# The relations a nominal row carries besides its own columns. An API row carries everything its tier
# shows; a page's table of nominals shows only aliases and OCGs, so it fetches only those.
API_ROW = ("aliases", "other_identifiers", "threat_areas", "memberships")
TABLE_ROW = ("aliases", "memberships")


def _relation_rows(user, name):
    """The JSONRows annotation (attribute, expression) carrying relation `name` of each nominal row: the
    relations come in the row's own query, whatever the number of rows, rather than a query each."""
    this_nominal = OuterRef("pk")
    if name == "aliases":
        rows = NominalAlias.objects.filter(nominal_id=this_nominal).values(
            item=JSONObject(surname="surname", forenames="forenames")
        )
        return "alias_rows", JSONRows(rows)
    if name == "other_identifiers":
        rows = OtherIdentifier.objects.filter(nominal_id=this_nominal).values(
            item=JSONObject(kind="kind", value="value")
        )
        return "identifier_rows", JSONRows(rows)
    if name == "threat_areas":
        rows = Nominal.threat_areas.through.objects.filter(nominal_id=this_nominal).order_by("threatarea__name")
        return "threat_area_rows", JSONRows(rows.values(item=JSONObject(code="threatarea__code")))
    if name == "memberships":
        # Each membership of an OCG the user may see, current ones first: a row shows an OCG once.
        rows = OCGMembership.objects.filter(nominal_id=this_nominal, ocg__in=_visible_ocgs(user)).values(
            item=JSONObject(id="ocg_id", reference="ocg__reference", name="ocg__name")
        )
        return "ocg_rows", JSONRows(rows)
    raise ValueError(f"No relation {name!r} of a nominal row")


def with_list_relations(user, queryset, relations=API_ROW):
    """What a nominal row shows besides its own columns, in the same query: a fixed number of queries
    whatever the page size (one)."""
    return queryset.select_related("current_establishment").annotate(
        **dict(_relation_rows(user, name) for name in relations)
    )


RISK_ORDER = Case(
    *(When(risk_level=level, then=Value(rank)) for rank, level in enumerate(RiskLevel.values)),
    output_field=IntegerField(),
)

NOMINAL_SORTS = {
    "created": (F("created_at").asc(), F("id").asc()),
    "surname": (F("surname").asc(), F("forenames").asc(), F("id").asc()),
    "date_of_birth": (F("date_of_birth").asc(nulls_last=True), F("id").asc()),
    "risk": (RISK_ORDER.asc(), F("created_at").desc(), F("id").desc()),
}
DEFAULT_NOMINAL_SORT = "-created"


class CustodyStatus:
    IN = "in"
    OUT = "out"
    choices = [(IN, "In custody"), (OUT, "Not in custody")]


def filter_nominals(user, queryset, filters):
    """`queryset` (the access engine's) narrowed by `filters`, the values a NominalFilterSet
    (nominals.filters) applies: name -> value."""
    agency, establishment, custody = filters.get("agency"), filters.get("establishment"), filters.get("custody")
    if agency:
        queryset = queryset.filter(owning_agency_id=agency)
    if filters.get("threat_area"):
        queryset = queryset.filter(threat_areas__code=filters["threat_area"])
    if filters.get("risk"):
        queryset = queryset.filter(risk_level=filters["risk"])
    if filters.get("ocg"):
        queryset = queryset.filter(
            pk__in=OCGMembership.objects.filter(ocg_id=filters["ocg"], ocg__in=_visible_ocgs(user)).values("nominal_id")
        )
    if filters.get("ocg_reference"):
        ref = filters["ocg_reference"]
        matches = Q(ocg__reference__iexact=ref) | Q(ocg__ocg_mapping_reference__iexact=ref)
        queryset = queryset.filter(
            pk__in=OCGMembership.objects.filter(matches, ocg__in=_visible_ocgs(user)).values("nominal_id")
        )
    if establishment or custody:
        queryset = queryset.filter(viewer_tier__lte=LAW_ENFORCEMENT_TIER)
        if establishment:
            queryset = queryset.filter(current_establishment_id=establishment)
        if custody == CustodyStatus.IN:
            queryset = queryset.filter(current_establishment__isnull=False)
        elif custody == CustodyStatus.OUT:
            queryset = queryset.filter(current_establishment__isnull=True)
    return queryset


def shows_custody(user):
    """Whether any nominal the user may see reaches them at a tier that shows where it is held: if none
    does, a list has no "held at" column and no custody filters to offer them (no query past the
    engine's routes)."""
    return tier_shows("nominal", access.most_detailed_tier(user, Nominal), "current_establishment")


def nominal_list(*, user, filterset=None, sort=DEFAULT_NOMINAL_SORT, relations=API_ROW):
    """The nominals the user may see, narrowed by `filterset` (a nominals.filters.NominalFilterSet) and
    sorted by `sort` (a key of NOMINAL_SORTS, '-' first for descending), with what a list row shows."""
    if (sort or "").removeprefix("-") not in NOMINAL_SORTS:
        sort = DEFAULT_NOMINAL_SORT
    order = ordering(NOMINAL_SORTS, sort, DEFAULT_NOMINAL_SORT)

    def build():
        return with_list_relations(user, nominal_queryset(user).order_by(*order), relations)

    # Built once per viewer's routes (it costs more to build than to run); the filters go on a clone.
    queryset = access.per_routes(user, (Nominal, OCG), ("nominal_list", sort, relations), build)
    if filterset is not None:
        queryset = filterset.filter_queryset(queryset)
    return queryset


def _attach_detail(user, nominal):
    """Attach what the viewer may see of the nominal's relations, by tier; a fixed number of queries."""
    nominal.access = access.access_of(user, nominal)
    tier = nominal.viewer_tier
    prefetch_related_objects(
        [nominal], Prefetch("memberships", queryset=_memberships(user), to_attr="visible_memberships")
    )
    nominal.custody_list = nominal.transfer_list = nominal.supervision_list = nominal.order_list = []
    nominal.association_list = nominal.entity_link_list = []
    if tier > LAW_ENFORCEMENT_TIER:
        return nominal
    nominal.custody_list = list(
        nominal.custody_episodes.select_related("establishment").prefetch_related(
            Prefetch("transfers", queryset=Transfer.objects.select_related("from_establishment", "to_establishment"))
        )
    )
    nominal.transfer_list = sorted(
        (t for episode in nominal.custody_list for t in episode.transfers.all()),
        key=lambda t: (t.transferred_on, t.pk),
        reverse=True,
    )
    nominal.supervision_list = list(nominal.supervisions.select_related("region"))
    nominal.order_list = list(nominal.orders.all())
    nominal.association_list = list(
        association_list(user=user, nominal=nominal.pk).select_related("nominal_a", "nominal_b", "owning_agency")
    )
    nominal.entity_link_list = list(
        EntityLink.objects.filter(nominal=nominal, entity__in=access.only_visible(user, Entity.objects.all()))
        .select_related("entity", "entity__owning_agency")
        .order_by("entity__kind", "-started_on", "-id")
    )
    return nominal


def nominal_get(*, user, pk):
    """The nominal with what the viewer may see of it attached (`access`, `viewer_tier`, the lists
    above); 404 when it does not exist or the user may not see it — the same answer for both."""
    queryset = with_list_relations(user, nominal_queryset(user).select_related("created_by").filter(pk=pk))
    nominal = queryset.first()
    if nominal is None:
        raise Http404("No nominal found")
    return _attach_detail(user, nominal)


def named_by_nominal(nominal):
    """The other register items a nominal's detail names (for the access log): the OCGs of its
    memberships, the other nominal of each association, its linked entities — those `nominal_get`
    attached, so those the viewer may see."""
    others = [
        association.nominal_b if association.nominal_a_id == nominal.pk else association.nominal_a
        for association in nominal.association_list
    ]
    return (
        [membership.ocg for membership in nominal.visible_memberships]
        + others
        + [link.entity for link in nominal.entity_link_list]
    )


def establishment_choices():
    """Prisons, for the establishment filter."""
    return Agency.objects.filter(kind="prison").order_by("name").values_list("pk", "name")


def likely_duplicates(
    *,
    user,
    surname,
    forenames="",
    aliases=(),
    date_of_birth=None,
    pnc_id="",
    prison_number="",
    crn="",
    exclude_pk=None,
):
    """Nominals the user can see that are probably the same person: the same PNC ID, prison number or CRN,
    or the same date of birth with a name that search would find (nominal_search): a surname or alias
    surname like the new surname or one of its alias surnames (`aliases`: surnames), or the same
    forenames. Through the access engine, so a warning never names an item the user may not see."""
    conditions = Q()
    names = {name.strip() for name in (surname, *aliases) if name and name.strip()}
    if date_of_birth and (names or forenames.strip()):
        alike = Q()
        for name in names:
            alike |= _surname_like("surname", name) | _surname_like("aliases__surname", name)
        if forenames.strip():
            alike |= Q(forenames__iexact=forenames.strip())
        conditions |= Q(date_of_birth=date_of_birth) & alike
    for field, value in (("pnc_id", pnc_id), ("prison_number", prison_number), ("crn", crn)):
        value = normalise_identifier(value)
        if value:
            conditions |= Q(**{field: value})
    if not conditions:
        return Nominal.objects.none()
    matches = Nominal.objects.filter(conditions)
    if exclude_pk:
        matches = matches.exclude(pk=exclude_pk)
    return nominal_queryset(user).filter(pk__in=matches.values("pk")).order_by("surname", "forenames", "pk")


def _surname_like(lookup, name):
    """A surname search would find for `name`: on PostgreSQL trigram similarity (PARKER and PARKES, as
    nominal_search finds misspellings); elsewhere, without trigrams, the same first three letters."""
    if connection.vendor == "postgresql":
        return Q(**{f"{lookup}__trigram_similar": name}) | Q(**{f"{lookup}__iexact": name})
    if len(name) < 3:
        return Q(**{f"{lookup}__iexact": name})
    return Q(**{f"{lookup}__istartswith": name[:3]})

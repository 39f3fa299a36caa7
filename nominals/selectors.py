"""Reads of the register: lists with filters and sorting, search, one nominal or OCG with what the viewer
may see of it, entities, associations and the tier-3 hotspot counts. Every queryset comes from the
access engine (ocgshare.access); nothing here decides who sees what.

Filters that reveal law-enforcement detail (establishment, custody status) only match items the viewer
sees at tier 1 or better, so a partnership (tier 2) viewer cannot learn where someone is held by
filtering. Filters naming an OCG only match OCGs the viewer may see.
"""

import datetime
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Greatest, JSONObject
from django.http import Http404
from django.utils import timezone

import access
from agencies.models import Agency
from ocgshare.constants import ThreatArea as ThreatAreaChoice
from ocgshare.expressions import JSONRows
from ocgshare.params import parse_id

from .constants import EntityKind, OCGBand, OCGStatus, RiskLevel
from .models import (
    OCG,
    Association,
    CustodyEpisode,
    Entity,
    EntityLink,
    Nominal,
    NominalAlias,
    OCGMembership,
    OtherIdentifier,
    Transfer,
)
from .normalise import normalise_identifier

LAW_ENFORCEMENT_TIER = 1

# --- querysets through the engine -------------------------------------------------------------------


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


# --- nominal list -------------------------------------------------------------------------------------

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


def _ordering(sorts, sort, default):
    key = sort.removeprefix("-") if sort else ""
    if key not in sorts:
        sort, key = default, default.removeprefix("-")
    fields = sorts[key]
    if not sort.startswith("-"):
        return fields
    # Descending: reverse every term, so ties break the same way in both directions.
    return tuple(field.copy().reverse_ordering() for field in fields)


class CustodyStatus:
    IN = "in"
    OUT = "out"
    choices = [(IN, "In custody"), (OUT, "Not in custody")]


@dataclass(frozen=True)
class NominalFilters:
    agency: int | None = None
    establishment: int | None = None
    threat_area: str = ""
    risk: str = ""
    ocg: int | None = None
    # An OCG's reference or OCG Mapping reference, matched exactly but case-insensitively (the pages).
    ocg_reference: str = ""
    custody: str = ""
    sort: str = DEFAULT_NOMINAL_SORT


_int = parse_id


MAX_OCG_REFERENCE_LENGTH = 40  # the length of OCG.reference and OCG.ocg_mapping_reference


def nominal_filters_from(params):
    """NominalFilters from query parameters, ignoring values that are not valid (as the pages do)."""
    threat_area = params.get("threat_area", "")
    risk = params.get("risk", "")
    custody = params.get("custody", "")
    ocg_reference = (params.get("ocg_reference") or "").strip()[:MAX_OCG_REFERENCE_LENGTH]
    sort = params.get("sort", "") or DEFAULT_NOMINAL_SORT
    return NominalFilters(
        agency=_int(params.get("agency")),
        establishment=_int(params.get("establishment")),
        threat_area=threat_area if threat_area in ThreatAreaChoice.values else "",
        risk=risk if risk in RiskLevel.values else "",
        ocg=_int(params.get("ocg")),
        ocg_reference=ocg_reference,
        custody=custody if custody in dict(CustodyStatus.choices) else "",
        sort=sort if sort.removeprefix("-") in NOMINAL_SORTS else DEFAULT_NOMINAL_SORT,
    )


def _apply_nominal_filters(user, queryset, filters):
    if filters.agency:
        queryset = queryset.filter(owning_agency_id=filters.agency)
    if filters.threat_area:
        queryset = queryset.filter(threat_areas__code=filters.threat_area)
    if filters.risk:
        queryset = queryset.filter(risk_level=filters.risk)
    if filters.ocg:
        queryset = queryset.filter(
            pk__in=OCGMembership.objects.filter(ocg_id=filters.ocg, ocg__in=_visible_ocgs(user)).values("nominal_id")
        )
    if filters.ocg_reference:
        ref = filters.ocg_reference
        matches = Q(ocg__reference__iexact=ref) | Q(ocg__ocg_mapping_reference__iexact=ref)
        queryset = queryset.filter(
            pk__in=OCGMembership.objects.filter(matches, ocg__in=_visible_ocgs(user)).values("nominal_id")
        )
    if filters.establishment or filters.custody:
        queryset = queryset.filter(viewer_tier__lte=LAW_ENFORCEMENT_TIER)
        if filters.establishment:
            queryset = queryset.filter(current_establishment_id=filters.establishment)
        if filters.custody == CustodyStatus.IN:
            queryset = queryset.filter(current_establishment__isnull=False)
        elif filters.custody == CustodyStatus.OUT:
            queryset = queryset.filter(current_establishment__isnull=True)
    return queryset


def nominal_list(*, user, filters=None, relations=API_ROW):
    """The nominals the user may see, filtered and sorted, with what a list row shows prefetched."""
    filters = filters or NominalFilters()
    queryset = _apply_nominal_filters(user, nominal_queryset(user), filters)
    ordering = _ordering(NOMINAL_SORTS, filters.sort, DEFAULT_NOMINAL_SORT)
    return with_list_relations(user, queryset.order_by(*ordering), relations)


# --- search -------------------------------------------------------------------------------------------

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")
IDENTIFIER_RE = re.compile(r"^(\d{2}/\d{1,7}[A-Z]|[A-Z]\d{4}[A-Z]{2}|[A-Z]\d{6})$")
MAX_SEARCH_LENGTH = 200
# The search page and the API search show the best matches only, never an exact count: counting repeats
# the name match over the whole register, which costs as much as finding the rows.
SEARCH_PAGE_LIMIT = 50


def _parse_date(token):
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(token, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class SearchTerms:
    names: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()
    date_of_birth: datetime.date | None = None

    @property
    def is_empty(self):
        return not (self.names or self.identifiers or self.date_of_birth)


def search_terms(query):
    """Split a search into name words, identifiers (anything shaped like a PNC ID, prison number or
    CRN, or containing a digit) and a date of birth."""
    names, identifiers, date_of_birth = [], [], None
    for token in (query or "")[:MAX_SEARCH_LENGTH].split():
        date = _parse_date(token)
        if date and date_of_birth is None:
            date_of_birth = date
            continue
        upper = normalise_identifier(token)
        if IDENTIFIER_RE.match(upper) or any(ch.isdigit() for ch in upper):
            identifiers.append(upper)
            continue
        word = re.sub(r"[^\w'-]", "", token, flags=re.UNICODE)
        if word:
            names.append(word.lower())
    # Identifiers are often typed with spaces ("QQ 12 34 56 C"): try the whole query joined up as well.
    whole = normalise_identifier(query or "")[:MAX_SEARCH_LENGTH]
    if len((query or "").split()) > 1 and any(ch.isdigit() for ch in whole) and date_of_birth is None:
        identifiers.append(whole)
    return SearchTerms(tuple(names), tuple(identifiers), date_of_birth)


def _identifier_ids(identifiers):
    if not identifiers:
        return None
    # Compound statements cannot carry the models' default ordering: .order_by() clears it.
    direct = (
        Nominal.objects.filter(Q(pnc_id__in=identifiers) | Q(prison_number__in=identifiers) | Q(crn__in=identifiers))
        .values("pk")
        .order_by()
    )
    other = OtherIdentifier.objects.filter(value__in=identifiers).values("nominal_id").order_by()
    custody = CustodyEpisode.objects.filter(prison_number__in=identifiers).values("nominal_id").order_by()
    return direct.union(other, custody)


def _name_ids_postgresql(names):
    from django.contrib.postgres.search import SearchQuery, SearchVector

    text = " ".join(names)
    # Prefix matching on every word: "smi joh" finds John Smith.
    # Only word characters reach the raw tsquery, so punctuation in names (O'Neil, Smith-Jones) cannot
    # break its syntax.
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    vector = SearchVector("surname", "forenames", config="simple")
    match = Q(surname__trigram_similar=text)
    if names[-1] != text:
        # With one word the two are the same, and PostgreSQL would scan each trigram index twice.
        match |= Q(surname__trigram_similar=names[-1])
    if words:
        # A one-letter prefix would match most of the register: single letters match whole words only.
        terms = " & ".join(f"{w}:*" if len(w) > 1 else w for w in words)
        match |= Q(name_vector=SearchQuery(terms, search_type="raw", config="simple"))
    nominals = Nominal.objects.annotate(name_vector=vector).filter(match)
    aliases = NominalAlias.objects.annotate(name_vector=vector).filter(match)
    return nominals.values("pk").order_by().union(aliases.values("nominal_id").order_by())


def _name_ids_simple(names):
    nominal_q, alias_q = Q(), Q()
    for name in names:
        nominal_q &= Q(surname__icontains=name) | Q(forenames__icontains=name)
        alias_q &= Q(surname__icontains=name) | Q(forenames__icontains=name)
    return (
        Nominal.objects.filter(nominal_q)
        .values("pk")
        .order_by()
        .union(NominalAlias.objects.filter(alias_q).values("nominal_id").order_by())
    )


def nominal_search(*, user, query, relations=API_ROW):
    """Nominals the user may see matching `query`: names and aliases (on PostgreSQL full-text prefix
    matching and trigram similarity, so misspellings are found; elsewhere substring matching), PNC ID,
    prison number, CRN or other identifiers (exact), and a date of birth (exact; with names, both
    must match). Best matches first."""
    terms = search_terms(query)
    queryset = nominal_queryset(user)
    if terms.is_empty:
        return queryset.none()
    postgresql = connection.vendor == "postgresql"
    matches = []
    if terms.names:
        matches.append(_name_ids_postgresql(terms.names) if postgresql else _name_ids_simple(terms.names))
    identifier_ids = _identifier_ids(terms.identifiers)
    if identifier_ids is not None:
        matches.append(identifier_ids)
    if matches:
        ids = matches[0].union(*matches[1:]) if len(matches) > 1 else matches[0]
        queryset = queryset.filter(pk__in=ids)
    if terms.date_of_birth:
        queryset = queryset.filter(date_of_birth=terms.date_of_birth)
    if postgresql and terms.names:
        from django.contrib.postgres.search import TrigramSimilarity

        text = " ".join(terms.names)
        queryset = queryset.annotate(
            rank=Greatest(TrigramSimilarity("surname", text), TrigramSimilarity("forenames", text), Value(0.0))
        ).order_by("-rank", "-created_at", "-id")
    else:
        queryset = queryset.order_by("surname", "forenames", "-created_at", "-id")
    return with_list_relations(user, queryset, relations)


def nominal_search_best(*, user, query, relations=API_ROW):
    """The best SEARCH_PAGE_LIMIT matches of `nominal_search` as a list, and whether more matched.
    Reads one row past the limit rather than counting, so the name match runs once."""
    rows = list(nominal_search(user=user, query=query, relations=relations)[: SEARCH_PAGE_LIMIT + 1])
    return rows[:SEARCH_PAGE_LIMIT], len(rows) > SEARCH_PAGE_LIMIT


# --- one nominal -------------------------------------------------------------------------------------


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
        association_list(user=user, filters=AssociationFilters(nominal=nominal.pk)).select_related(
            "nominal_a", "nominal_b", "owning_agency"
        )
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


# --- OCGs ---------------------------------------------------------------------------------------------

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


# --- entities and associations ------------------------------------------------------------------------


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
    from .constants import AssociationKind

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


# --- tier 3: hotspots ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hotspot:
    establishment_id: int
    establishment: str
    threat_area: str  # a ThreatArea code
    threat_area_name: str
    count: int


def hotspot_counts(*, user):
    """Depersonalised counts (tier 3) of OCG nominals in custody now, by establishment and by the
    threat areas of their current OCGs. Every signed-in user may see them: no row names anyone.

    Returns (hotspots, totals): hotspots are Hotspot rows, largest first; totals map establishment id to
    (name, count of distinct OCG nominals held there).
    """
    today = timezone.localdate()
    # One filter() call, so the current membership, its OCG and its threat areas are the same join.
    memberships = access.aggregate_queryset(user, OCGMembership).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=today), nominal__current_establishment__isnull=False
    )
    rows = (
        memberships.filter(ocg__threat_areas__isnull=False)
        .values(
            "nominal__current_establishment_id",
            "nominal__current_establishment__name",
            "ocg__threat_areas__code",
            "ocg__threat_areas__name",
        )
        .annotate(count=Count("nominal_id", distinct=True))
        .order_by("-count", "nominal__current_establishment__name", "ocg__threat_areas__name")
    )
    hotspots = [
        Hotspot(
            establishment_id=row["nominal__current_establishment_id"],
            establishment=row["nominal__current_establishment__name"],
            threat_area=row["ocg__threat_areas__code"],
            threat_area_name=row["ocg__threat_areas__name"],
            count=row["count"],
        )
        for row in rows
    ]
    totals = {
        row["nominal__current_establishment_id"]: (row["nominal__current_establishment__name"], row["count"])
        for row in memberships.values("nominal__current_establishment_id", "nominal__current_establishment__name")
        .annotate(count=Count("nominal_id", distinct=True))
        .order_by("nominal__current_establishment__name")
    }
    return hotspots, totals


def establishment_choices():
    """Prisons, for the establishment filter."""
    return Agency.objects.filter(kind="prison").order_by("name").values_list("pk", "name")

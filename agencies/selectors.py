"""Reads of the agency directory and the partnership toolkit.

The directory and the toolkit are not sensitive: they say who is in the partnership and what each
agency can bring, which every partner needs to know. Every signed-in user reads all of them, so
these selectors take `user` for the common signature but apply no access-engine filter (DESIGN.md
§4.1 covers nominals, OCGs, intelligence, targets and exports, not this reference data).

Filters are plain dicts of parsed values (lists for multiple choices), parsed by the FilterSets of
agencies.filters for the pages and the API alike, so both surfaces filter by the same rules.
"""

from dataclasses import dataclass

from django.db.models import Case, CharField, Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from ocgshare import lists

from .models import Agency, AgencyKind, AgencyLevel, DataHolding, Region, ToolOrPower

LEVEL_RANK = {AgencyLevel.LOCAL: 1, AgencyLevel.REGIONAL: 2, AgencyLevel.NATIONAL: 3}

# Sort keys offered to users, mapped to an order that reads right: kinds and regions by their
# label (not their code), levels from local to national; name and id break ties.
AGENCY_SORTS = {
    "name": ("name",),
    "kind": ("kind_label", "name"),
    "level": ("level_rank", "name"),
    "region": ("region_label", "name"),
}
DEFAULT_AGENCY_SORT = "name"


def _values(filters, key):
    value = (filters or {}).get(key)
    if value in (None, "", [], ()):
        return []
    if isinstance(value, list | tuple | set | QuerySet):
        return [v for v in value if v not in (None, "")]
    return [value]


def _text(filters, key="q"):
    return ((filters or {}).get(key) or "").strip()


def _label_case(field, choices, output_field):
    return Case(*[When(**{field: value}, then=Value(label)) for value, label in choices], output_field=output_field)


def agency_filter(queryset, filters):
    """Narrow agencies by `q` (name or short name), `kind`, `level`, `region` and `parent`."""
    if text := _text(filters):
        queryset = queryset.filter(Q(name__icontains=text) | Q(short_name__icontains=text))
    for key in ("kind", "level", "region"):
        if values := _values(filters, key):
            queryset = queryset.filter(**{f"{key}__in": values})
    if parents := _values(filters, "parent"):
        queryset = queryset.filter(parent__in=parents)
    return queryset


def agency_sort(queryset, sort):
    """Order agencies by one of AGENCY_SORTS, '-' first for descending; unknown keys sort by name."""
    sort = lists.parse_sort(sort, AGENCY_SORTS, DEFAULT_AGENCY_SORT)
    key = sort.removeprefix("-")
    descending = sort != key
    queryset = queryset.annotate(
        kind_label=_label_case("kind", AgencyKind.choices, CharField()),
        region_label=_label_case("region", Region.choices, CharField()),
        level_rank=Case(
            *[When(level=value, then=Value(rank)) for value, rank in LEVEL_RANK.items()], output_field=IntegerField()
        ),
    )
    fields = AGENCY_SORTS[key]
    if descending:
        fields = (f"-{fields[0]}", *fields[1:])
    return queryset.order_by(*fields, "id")


def agency_list(*, user, filters=None):
    """Agencies matching `filters` (see agency_filter) ordered by `filters['sort']`."""
    queryset = Agency.objects.select_related("parent")
    return agency_sort(agency_filter(queryset, filters), (filters or {}).get("sort"))


def agency_get(*, user, pk):
    """One agency with everything its page shows: parent, SPOC, children, its toolkit and the number
    of active users (a count, never the list). Raises Http404 if there is none."""
    queryset = (
        Agency.objects.select_related("parent", "spoc")
        .annotate(active_user_count=Count("users", filter=Q(users__is_active=True)))
        .prefetch_related(
            Prefetch("children", queryset=Agency.objects.order_by("name")),
            Prefetch(
                "tools_and_powers",
                queryset=ToolOrPower.objects.order_by("name").prefetch_related("threat_areas"),
            ),
            Prefetch(
                "data_holdings",
                queryset=DataHolding.objects.order_by("category", "name").prefetch_related("threat_areas"),
            ),
        )
    )
    return get_object_or_404(queryset, pk=pk)


def _tagged_with(queryset, through, owner_field, codes):
    """Entries tagged with any of the threat-area `codes`, as EXISTS so that no row is repeated."""
    if not codes:
        return queryset
    return queryset.filter(Exists(through.objects.filter(**{owner_field: OuterRef("pk")}, threatarea__code__in=codes)))


def tool_or_power_filter(queryset, filters):
    """Narrow tools and powers by `agency`, `kind` (of agency), `threat_area` (codes), `four_p`,
    `time_to_act` and `q` (name, legal basis, what it achieves, information needed)."""
    if agencies := _values(filters, "agency"):
        queryset = queryset.filter(agency__in=agencies)
    if kinds := _values(filters, "kind"):
        queryset = queryset.filter(agency__kind__in=kinds)
    if four_ps := _values(filters, "four_p"):
        queryset = queryset.filter(four_p__in=four_ps)
    if times := _values(filters, "time_to_act"):
        queryset = queryset.filter(time_to_act__in=times)
    queryset = _tagged_with(queryset, ToolOrPower.threat_areas.through, "toolorpower", _values(filters, "threat_area"))
    if text := _text(filters):
        queryset = queryset.filter(
            Q(name__icontains=text)
            | Q(legal_basis__icontains=text)
            | Q(achieves__icontains=text)
            | Q(information_needed__icontains=text)
        )
    return queryset


def tool_or_power_list(*, user, filters=None):
    """Tools and powers matching `filters` (see tool_or_power_filter), by agency then name."""
    queryset = ToolOrPower.objects.select_related("agency").prefetch_related("threat_areas")
    return tool_or_power_filter(queryset, filters).order_by("agency__name", "name", "id")


def data_holding_filter(queryset, filters):
    """Narrow data holdings by `agency`, `kind` (of agency), `threat_area` (codes), `category` and
    `q` (name or description)."""
    if agencies := _values(filters, "agency"):
        queryset = queryset.filter(agency__in=agencies)
    if kinds := _values(filters, "kind"):
        queryset = queryset.filter(agency__kind__in=kinds)
    if categories := _values(filters, "category"):
        queryset = queryset.filter(category__in=categories)
    queryset = _tagged_with(queryset, DataHolding.threat_areas.through, "dataholding", _values(filters, "threat_area"))
    if text := _text(filters):
        queryset = queryset.filter(Q(name__icontains=text) | Q(description__icontains=text))
    return queryset


def data_holding_list(*, user, filters=None):
    """Data holdings matching `filters` (see data_holding_filter), by agency, category and name."""
    queryset = DataHolding.objects.select_related("agency").prefetch_related("threat_areas")
    return data_holding_filter(queryset, filters).order_by("agency__name", "category", "name", "id")


@dataclass(frozen=True)
class ToolkitResult:
    """Who can bring what: the agencies with something matching, each carrying `matching_powers`
    and `matching_holdings` once evaluated, and the matching entries themselves for counting."""

    agencies: QuerySet
    powers: QuerySet
    holdings: QuerySet
    shows_powers: bool
    shows_holdings: bool


def toolkit_search(*, user, filters=None):
    """Which agencies hold relevant powers and data, for `threat_area`, `category`, `four_p`,
    `time_to_act`, `kind` and `q`.

    A threat area narrows both powers and holdings. An information category describes data, so it
    narrows holdings and, asked alone, leaves powers out; a 4P area or a time to act describes what a
    power does, so it narrows powers and, asked alone, leaves holdings out. Asked together, each narrows its own
    kind and both are shown. Evaluating a page of `agencies` costs a fixed number of queries (the
    agencies, their matching powers and holdings, and the threat areas of each), whatever the rows.
    """
    categories = _values(filters, "category")
    about_powers = _values(filters, "four_p") or _values(filters, "time_to_act")
    shows_powers = bool(about_powers) or not categories
    shows_holdings = bool(categories) or not about_powers

    powers = tool_or_power_list(user=user, filters=filters) if shows_powers else ToolOrPower.objects.none()
    holdings = data_holding_list(user=user, filters=filters) if shows_holdings else DataHolding.objects.none()

    # Inside the prefetch the agency is already known: no join, no select_related.
    power_rows = powers.select_related(None).order_by("name", "id")
    holding_rows = holdings.select_related(None).order_by("category", "name", "id")
    has_match = Q(pk__in=[])
    if shows_powers:
        has_match |= Q(Exists(powers.filter(agency=OuterRef("pk")).order_by().values("pk")))
    if shows_holdings:
        has_match |= Q(Exists(holdings.filter(agency=OuterRef("pk")).order_by().values("pk")))
    agencies = (
        Agency.objects.filter(has_match)
        .prefetch_related(
            Prefetch("tools_and_powers", queryset=power_rows, to_attr="matching_powers"),
            Prefetch("data_holdings", queryset=holding_rows, to_attr="matching_holdings"),
        )
        .order_by("name", "id")
    )
    return ToolkitResult(
        agencies=agencies,
        powers=powers,
        holdings=holdings,
        shows_powers=shows_powers,
        shows_holdings=shows_holdings,
    )


def toolkit_power_agency_count(result):
    """How many agencies have a tool or power in `result` (a ToolkitResult)."""
    return result.powers.order_by().values("agency").distinct().count()


def toolkit_by_threat_area(result, filters=None):
    """The tools and powers of `result` (a ToolkitResult) as (threat area, tool or power) rows, by
    threat area, agency and name: a power tagged with two threat areas is listed under both, and under
    only those asked for when `filters` name threat areas. Rows of ToolOrPower.threat_areas.through,
    each with `threatarea` and `toolorpower` (with its agency and threat areas) read with the page: a
    page costs two queries whatever its rows. A power tagged with no threat area has no row."""
    rows = ToolOrPower.threat_areas.through.objects.filter(toolorpower__in=result.powers.order_by().values("pk"))
    if codes := _values(filters, "threat_area"):
        rows = rows.filter(threatarea__code__in=codes)
    return (
        rows.select_related("threatarea", "toolorpower__agency")
        .prefetch_related("toolorpower__threat_areas")
        .order_by("threatarea__name", "threatarea_id", "toolorpower__agency__name", "toolorpower__name", "id")
    )

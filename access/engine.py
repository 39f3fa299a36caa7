"""The engine's public functions (exposed as `access.<name>`): querysets reduced to what a user may see,
a permission-checked fetch by primary key, the tier and basis of one item, and counts of what a user
may not see. Every function takes a record kind registered in access.policies, by model or kind name."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, QuerySet, Value
from django.http import Http404

from ocgshare.models import AccessBasis
from protocols.constants import SanitisationTier

from . import caches
from .conditions import conditions_for
from .policies import policy_for
from .viewer import viewer_for

# Where two routes give the same tier, the basis recorded is the first of these.
BASES = (AccessBasis.OWN_AGENCY, AccessBasis.PROTOCOL, AccessBasis.USER_GRANT, AccessBasis.AGENCY_GRANT)
BASIS_ORDER = {basis: order for order, basis in enumerate(BASES)}


# --- querysets ------------------------------------------------------------------------------------------


def visible(user, queryset):
    """`queryset` reduced to the items `user` may see, annotated with `viewer_tier` (0, 1 or 2: the
    most detailed version they may be shown). `access_of(user, item)` gives the basis of each."""
    conditions = conditions_for(viewer_for(user), policy_for(queryset.model))
    if conditions is None:
        return queryset.none().annotate(viewer_tier=Value(None, output_field=IntegerField()))
    return queryset.filter(conditions.where).annotate(viewer_tier=conditions.tier)


def only_visible(user, queryset):
    """`queryset` reduced to the items `user` may see, without annotations: for subqueries such as
    "the OCGs of this nominal that the user may see"."""
    conditions = conditions_for(viewer_for(user), policy_for(queryset.model))
    return queryset.filter(conditions.where) if conditions is not None else queryset.none()


def access_queryset(user, kind):
    """Every item of `kind` (a model or kind name) that `user` may see, annotated with `viewer_tier`: a
    view's `get_queryset`, so that DRF's `get_object` answers 404 alike for the missing and the unseen."""
    return visible(user, policy_for(kind).model._default_manager.all())


def most_detailed_tier(user, kind):
    """The most detailed tier at which `user` may be shown any item of `kind` (None: no item at all), from
    the same conditions as `visible` (no query past the routes): for a page to leave out what no row
    it can show would fill, such as columns and filters of a tier the viewer never reaches."""
    conditions = conditions_for(viewer_for(user), policy_for(kind))
    return conditions.tiers[0] if conditions is not None and conditions.tiers else None


def per_routes(user, kinds, key, build):
    """The queryset `build()` returns, built once per distinct engine conditions of `user` on `kinds` (and
    `key`) and cloned on every later call: for a list whose queryset — annotations, subqueries, ordering —
    costs more to build than to run. `build` must use nothing of the user but what the engine derives
    from them for `kinds` (`visible`, `only_visible` and the querysets made of them), and `key` must name
    everything else it depends on (sort, relations). Users share an entry only when their Conditions on
    every kind are the very same cached object (access.caches.conditions: the same routes, vetting and
    grants); a change of routes makes new Conditions, so a new entry. Never evaluate what it returns
    in place of a clone: it is shared."""
    viewer = viewer_for(user)
    conditions = tuple(conditions_for(viewer, policy_for(kind)) for kind in kinds)
    # Conditions objects are held by the entry, so their ids cannot be reused while it exists.
    cache_key = (key, tuple(id(condition) for condition in conditions))
    entry = caches.querysets.get(cache_key)
    if entry is None or any(held is not now for held, now in zip(entry[0], conditions, strict=True)):
        entry = (conditions, build())
        caches.querysets.put(cache_key, entry)
    return entry[1].all()


def access_get(user, kind, pk):
    """The item `pk` of `kind` (a model or kind name, or a queryset of a registered model to fetch related
    rows in the same query, as `get_object_or_404` takes), fetched through the engine (annotated with
    `viewer_tier`) in one query. Http404 if it does not exist or `user` may not see it — the same
    answer either way, so the response tells nothing of items the user may not see."""
    queryset = kind if isinstance(kind, QuerySet) else policy_for(kind).model._default_manager.all()
    model = queryset.model
    try:
        pk = model._meta.pk.to_python(pk)
        return visible(user, queryset.filter(pk=pk)).get()
    except (ValidationError, model.DoesNotExist):
        raise Http404(f"No {model._meta.object_name} matches the given query.") from None


def hidden_counts(user, kind):
    """{owning agency id: number of items of `kind` that exist but `user` may not see} — for hit/no-hit
    matching, which may tell a user that another agency holds something and whom to ask. Reveals
    nothing else: no ids, no categories. With `visible` it partitions the kind's table. One query. Empty
    (and no query) for a user who may not read aggregates (`can_read_aggregates`: signed out, disabled,
    vetting expired), who must not learn even that much."""
    if not can_read_aggregates(user):
        return {}
    policy = policy_for(kind)
    queryset = policy.model._default_manager.all()
    conditions = conditions_for(viewer_for(user), policy)
    if conditions is not None:
        queryset = queryset.exclude(conditions.where)
    rows = queryset.order_by().values_list(policy.owner_id).annotate(count=Count("pk"))
    return dict(rows)


def aggregate_queryset(user, model):
    """Every row of `model` (a registered model or one of its relations, such as OCG memberships), for
    depersonalised tier-3 counts only — never return its rows to a user. Empty for someone who may
    not read aggregates."""
    queryset = model._default_manager.all()
    return queryset if can_read_aggregates(user) else queryset.none()


# --- one item -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Access:
    """How a user sees one item: the tier and the basis, for the page and for the access log."""

    tier: int
    basis: str
    protocol_id: int | None = None
    grant_id: int | None = None


def _basis(viewer, policy, *, pk, owner_id, category):
    """(basis, protocol id, grant id) of the route giving the most detailed tier — the same routes the
    SQL condition was built from, so this is the route that let the row through. Ties go to the own
    agency, then the protocol, then a grant to the user, then a grant to their agency."""
    candidates = []
    if viewer.sees_own and owner_id == viewer.agency_id:
        candidates.append((SanitisationTier.ORIGINATOR, BASIS_ORDER[AccessBasis.OWN_AGENCY], 0, 0))
    route = viewer.protocol_routes().get((owner_id, category))
    if route is not None and route[0] <= policy.widest_tier:
        tier, protocol_id = route
        candidates.append((tier, BASIS_ORDER[AccessBasis.PROTOCOL], protocol_id, 0))
    for tier, basis, grant_id in viewer.grants_on(policy, pk):
        if tier <= policy.widest_tier:
            candidates.append((tier, BASIS_ORDER[basis], 0, grant_id))
    if not candidates:
        return "", None, None
    _tier, order, protocol_id, grant_id = min(candidates)
    return BASES[order], protocol_id or None, grant_id or None


def access_of(user, obj):
    """The Access of an item fetched through `visible(user, ...)` (no query)."""
    policy = policy_for(type(obj))
    basis, protocol_id, grant_id = _basis(
        viewer_for(user),
        policy,
        pk=obj.pk,
        owner_id=getattr(obj, policy.owner_id),
        category=getattr(obj, policy.category_field),
    )
    return Access(tier=obj.viewer_tier, basis=basis, protocol_id=protocol_id, grant_id=grant_id)


def access_by_routes(user, obj):
    """The Access of an item the user may see that was fetched without `visible` (a related row: the
    OCG of a membership, the other nominal of an association), worked out from the same routes as the
    SQL — the most detailed tier they reach it by, or their vetting's — without a query. None if no
    route reaches it."""
    viewer = viewer_for(user)
    policy = policy_for(type(obj))
    if viewer.shut_out_of(policy):
        return None
    owner_id, category = getattr(obj, policy.owner_id), getattr(obj, policy.category_field)
    tiers = []
    if viewer.sees_own and owner_id == viewer.agency_id:
        tiers.append(SanitisationTier.ORIGINATOR)
    route = viewer.protocol_routes().get((owner_id, category))
    if route is not None and route[0] <= policy.widest_tier:
        tiers.append(route[0])
    tiers.extend(tier for tier, _basis, _grant in viewer.grants_on(policy, obj.pk) if tier <= policy.widest_tier)
    if not tiers:
        return None
    basis, protocol_id, grant_id = _basis(viewer, policy, pk=obj.pk, owner_id=owner_id, category=category)
    tier = viewer.vetting_floor if viewer.vetting_floor > SanitisationTier.ORIGINATOR else min(tiers)
    return Access(tier=tier, basis=basis, protocol_id=protocol_id, grant_id=grant_id)


def access_for(user, obj):
    """The user's Access to one item, or None if they may not see it (one query)."""
    model = type(obj)
    policy = policy_for(model)
    row = visible(user, model._default_manager.filter(pk=obj.pk)).values(
        "viewer_tier", policy.owner_id, policy.category_field
    )
    row = next(iter(row), None)
    if row is None:
        return None
    basis, protocol_id, grant_id = _basis(
        viewer_for(user), policy, pk=obj.pk, owner_id=row[policy.owner_id], category=row[policy.category_field]
    )
    return Access(tier=row["viewer_tier"], basis=basis, protocol_id=protocol_id, grant_id=grant_id)


def tier_for(user, obj):
    """The tier at which `user` may see `obj`, or None (one query)."""
    model = type(obj)
    return visible(user, model._default_manager.filter(pk=obj.pk)).values_list("viewer_tier", flat=True).first()


def can_see(user, obj):
    return tier_for(user, obj) is not None


# --- the user -------------------------------------------------------------------------------------------


def source_agency_ids(user, model):
    """Ids of the agencies some of whose items of `model` the user may see — their own if they work its
    register, the owners under protocols in force, and the owners of items granted to them — for
    filter choices, so a list offers only agencies that can match. At most one query (grants only)."""
    viewer = viewer_for(user)
    policy = policy_for(model)
    if viewer.shut_out_of(policy):
        return set()
    ids = {viewer.agency_id} if viewer.sees_own else set()
    ids |= {agency_id for (agency_id, _), (tier, _) in viewer.protocol_routes().items() if tier <= policy.widest_tier}
    granted = [item_id for item_id, tier, _, _ in viewer.grant_routes(policy) if tier <= policy.widest_tier]
    if granted:
        ids |= set(model._default_manager.filter(pk__in=granted).values_list(policy.owner_id, flat=True))
    return ids


def can_read_aggregates(user):
    """Tier 3 (depersonalised counts) is open to every signed-in user with current vetting."""
    viewer = viewer_for(user)
    return viewer.vetting_floor is not None


def is_owner_staff(user, agency_id):
    """Whether `user` works the register for the agency `agency_id`: may create and edit its items.
    Editing means seeing tier 0, so it needs the vetting tier 0 needs."""
    viewer = viewer_for(user)
    return viewer.sees_own and viewer.vetting_floor == SanitisationTier.ORIGINATOR and viewer.agency_id == agency_id

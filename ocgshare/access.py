"""THE access engine (DESIGN.md §4.1–4.2): the only code that decides which register items a user may
see, and which version (sanitisation tier) of each. Every surface — pages, API, search, counts, later
exports, matching and notifications — asks here; nothing else filters register data by agency.

For a user and a register model (Nominal, OCG, Entity, Association; Intelligence and Target plug in
through POLICIES) the rules are:

* Nobody who is signed out, disabled or whose vetting has expired sees anything.
* Owner: users of the owning agency with a register role (PIO, analyst, sanitiser, partnership lead)
  see their agency's items at tier 0.
* Protocol: a user with a reading role (the register roles and SPOC) sees an item if there is an ACTIVE
  protocol, within its dates, to which the item's owning agency is a party and under which the user's
  agency group holds a grant for the item's category (protocols.models.ProtocolGroupObjectPermission;
  the rows exist only while the protocol is active, so a suspension shows on the next request). The
  tier is the grant's; where several protocols apply the most generous (lowest) tier wins. The owning
  agency's own SPOC, who has no register role, reaches its own items this way too.
* Need-to-know grant: an unexpired grant on the item to the user or to their agency group (the
  django-guardian direct tables of nominals.models) gives its tier, to a user with a reading role.
* Vetting: tiers 0 and 1 need vetting of CTC or above, tier 2 needs BPSS. A user granted a tier their
  vetting does not reach is served the least detailed version instead (tier 2): below CTC, everything
  they may see is shown at tier 2, and items with nothing to show at tier 2 (entities, associations)
  are not shown at all.
* Agency administrators and auditors with no other role see nothing of the register; depersonalised
  tier-3 counts (`aggregate_queryset`) are open to every signed-in user.

How it runs. Per request the engine reads, once each: the user's roles and groups; the protocol
grants of their agency groups under protocols in force today, joined to the parties (a few hundred
rows at most: (owning agency, category) -> most generous tier and protocol); and, per register model,
their unexpired need-to-know grants. The queryset filter is then an OR of plain conditions on indexed
columns — owning agency; one (category = c AND owning agency IN ...) per category, merging every
protocol that shares it; primary key IN the granted items — and the tier is a CASE over the same
conditions, most detailed first (a constant where the user reaches everything at one tier). Both are
built once per request and model. The basis of a row (own agency, which protocol, which grant) is
worked out in Python from the same routes (`access_of`), so it costs nothing in SQL.

One statement, no correlated subqueries: PostgreSQL walks the ordering index (created_at DESC, id DESC)
for a first page or combines bitmaps of (owning agency, category) for counts, whatever the share of
the register the user may see. Correlated EXISTS over the grant tables was measured against
this at 100,000 nominals and is far slower for counts (a sequential scan with a subplan per row).
Suspending a protocol deletes its grant rows, so it shows on the next request; nothing is ever
written per record per user.
"""

from dataclasses import dataclass, field
from functools import cache

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone

from accounts.models import Role, VettingLevel
from ocgshare.models import AccessBasis
from protocols.constants import ProtocolStatus, SanitisationTier
from protocols.models import ProtocolGroupObjectPermission

# Roles that work the register: they see their own agency's items in full.
REGISTER_ROLES = frozenset({Role.PIO, Role.ANALYST, Role.SANITISER, Role.PARTNERSHIP_LEAD})
# Roles that may receive other agencies' items (protocols, need-to-know grants).
READER_ROLES = REGISTER_ROLES | {Role.SPOC}
# Vetting needed to be served each tier.
TIER_VETTING = {
    SanitisationTier.ORIGINATOR: VettingLevel.CTC,
    SanitisationTier.LAW_ENFORCEMENT: VettingLevel.CTC,
    SanitisationTier.PARTNERSHIP: VettingLevel.BPSS,
}
# Where two routes give the same tier, the basis recorded is the first of these.
BASES = (AccessBasis.OWN_AGENCY, AccessBasis.PROTOCOL, AccessBasis.USER_GRANT, AccessBasis.AGENCY_GRANT)
BASIS_ORDER = {basis: order for order, basis in enumerate(BASES)}


@dataclass(frozen=True)
class Policy:
    """How the engine reads one register model."""

    kind: str  # the FIELD_TIERS / access-log name of the model
    owner_field: str
    category_field: str = "category"
    user_grant_model: type | None = None
    group_grant_model: type | None = None
    # The least detailed tier at which the item shows anything, from FIELD_TIERS: entities and
    # associations are law-enforcement detail (tier 1) and are not shown at all at tier 2.
    widest_tier: int = SanitisationTier.PARTNERSHIP

    @property
    def owner_id(self):
        return f"{self.owner_field}_id"


@cache
def _policies():
    from nominals import models as register
    from nominals.constants import widest_tier

    return {
        register.Nominal: Policy(
            kind="nominal",
            owner_field="owning_agency",
            widest_tier=widest_tier("nominal"),
            user_grant_model=register.NominalUserObjectPermission,
            group_grant_model=register.NominalGroupObjectPermission,
        ),
        register.OCG: Policy(
            kind="ocg",
            owner_field="lead_agency",
            widest_tier=widest_tier("ocg"),
            user_grant_model=register.OCGUserObjectPermission,
            group_grant_model=register.OCGGroupObjectPermission,
        ),
        register.Entity: Policy(kind="entity", owner_field="owning_agency", widest_tier=widest_tier("entity")),
        register.Association: Policy(
            kind="association", owner_field="owning_agency", widest_tier=widest_tier("association")
        ),
    }


def policy_for(model):
    try:
        return _policies()[model]
    except KeyError:
        raise LookupError(f"{model.__name__} is not a register model known to the access engine") from None


# --- the viewer -------------------------------------------------------------------------------------


@dataclass(eq=False)
class Viewer:
    """What the engine knows about a user for one request: roles, groups and vetting, and — read on
    first use, at most once each per request — the protocol grants of their agency and their
    need-to-know grants."""

    user_id: int | None
    agency_id: int | None
    group_ids: tuple[int, ...]
    sees_own: bool  # tier 0 of the own agency's items
    reads_others: bool  # protocols and need-to-know grants
    # The most detailed tier the user's vetting allows (None: nothing at all).
    vetting_floor: int | None
    _protocol_routes: dict | None = field(default=None, repr=False)
    _grant_routes: dict | None = field(default=None, repr=False)
    _grants_by_item: dict = field(default_factory=dict, repr=False)
    _conditions: dict = field(default_factory=dict, repr=False)

    @property
    def sees_anything(self):
        return self.vetting_floor is not None and (self.sees_own or self.reads_others)

    def protocol_routes(self):
        """{(owning agency id, category): (tier, protocol id)}: what the user's agency groups receive
        under protocols in force today — the most generous tier, and the protocol giving it."""
        if self._protocol_routes is None:
            routes = {}
            if self.reads_others and self.group_ids:
                today = timezone.localdate()
                rows = (
                    ProtocolGroupObjectPermission.objects.filter(
                        group_id__in=self.group_ids,
                        content_object__status=ProtocolStatus.ACTIVE,
                        content_object__start_date__lte=today,
                        content_object__end_date__gte=today,
                    )
                    .values_list("content_object__parties__agency_id", "category", "tier", "content_object_id")
                    .order_by()
                )
                for agency_id, category, tier, protocol_id in rows:
                    key = (agency_id, category)
                    if key not in routes or (tier, protocol_id) < routes[key]:
                        routes[key] = (tier, protocol_id)
            self._protocol_routes = routes
        return self._protocol_routes

    def grant_routes(self, policy):
        """[(item id, tier, basis, grant id)]: the user's unexpired need-to-know grants on `policy`'s
        model, to them and to their agency groups. The grants on every model are read together, in one
        query, on first use: a list of nominals needs those on OCGs too (the OCG links of each row)."""
        if policy.user_grant_model is None:
            return []  # no need-to-know grants on this model (entities, associations)
        if self._grant_routes is None:
            self._grant_routes = self._read_grant_routes()
        return self._grant_routes.get(policy.kind, [])

    def _read_grant_routes(self):
        routes = {}
        if not self.reads_others:
            return routes
        now = timezone.now()
        columns = ("model", "content_object_id", "tier", "kind", "pk")
        parts = []
        for policy in _policies().values():
            if policy.user_grant_model is None:
                continue
            model = Value(policy.kind)
            parts.append(
                policy.user_grant_model.objects.filter(user_id=self.user_id, expires_at__gt=now)
                .annotate(model=model, kind=Value(AccessBasis.USER_GRANT))
                .values_list(*columns)
                .order_by()
            )
            if self.group_ids:
                parts.append(
                    policy.group_grant_model.objects.filter(group_id__in=self.group_ids, expires_at__gt=now)
                    .annotate(model=model, kind=Value(AccessBasis.AGENCY_GRANT))
                    .values_list(*columns)
                    .order_by()
                )
        for model, item_id, tier, basis, grant_id in parts[0].union(*parts[1:], all=True):
            routes.setdefault(model, []).append((item_id, tier, basis, grant_id))
        return routes

    def grants_on(self, policy, item_id):
        """[(tier, basis, grant id)]: the user's unexpired need-to-know grants on one item."""
        if policy.kind not in self._grants_by_item:
            by_item = {}
            for granted_id, tier, basis, grant_id in self.grant_routes(policy):
                by_item.setdefault(granted_id, []).append((tier, basis, grant_id))
            self._grants_by_item[policy.kind] = by_item
        return self._grants_by_item[policy.kind].get(item_id, ())


NOBODY = Viewer(None, None, (), False, False, None)


def viewer_for(user):
    """The user's Viewer, computed on first use and kept on the user object for the request (the
    user object is loaded afresh on each request, so a change of role, group or protocol shows on
    the next one)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return NOBODY
    cached = getattr(user, "_access_viewer", None)
    if cached is not None:
        return cached
    roles = user.role_codes
    floor = None
    if user.vetting_is_current:
        floor = next(
            (tier for tier in sorted(TIER_VETTING) if (user.vetting_level or 0) >= TIER_VETTING[tier]),
            None,
        )
    viewer = Viewer(
        user_id=user.pk,
        agency_id=user.agency_id,
        group_ids=user.group_ids,
        sees_own=bool(roles & REGISTER_ROLES),
        reads_others=bool(roles & READER_ROLES),
        vetting_floor=floor,
    )
    user._access_viewer = viewer
    return viewer


def forget_viewer(user):
    """Drop the cached Viewer (for code that changes a user's roles, groups or grants and reads again
    within the same request)."""
    if hasattr(user, "_access_viewer"):
        del user._access_viewer


# --- conditions: every way the user reaches items, merged per category -----------------------------------
#
# The WHERE clause and the tier CASE are built once per Viewer and model and reused by every queryset of
# the request (a list and the OCGs of its membership prefetch, say). Routes are merged: one condition
# per category (category = c AND owner IN (...)) whatever the number of protocols behind it, so the SQL
# grows with the categories (five), not with the protocols. The basis of each row (own agency, which
# protocol, which grant) is not computed in SQL: `access_of` works it out in Python from the same routes.


@dataclass(frozen=True)
class Conditions:
    """The engine's SQL for one Viewer and model: which rows, and the tier of each."""

    where: Q
    tier: object  # an expression: a Value or a Case


def _by_category(agencies_by_category, policy):
    """One condition per category: `category = c AND owner IN (...)`."""
    condition = Q(pk__in=[])
    for category, agency_ids in sorted(agencies_by_category.items()):
        condition |= Q(**{policy.category_field: category, f"{policy.owner_id}__in_ids": agency_ids})
    return condition


def _conditions(viewer, policy):
    """The Conditions of `viewer` on `policy`'s model, or None if they can see none of it."""
    if policy.kind in viewer._conditions:
        return viewer._conditions[policy.kind]
    conditions = None
    if not _shut(viewer, policy):
        # tier -> the pieces of the condition giving that tier: own agency, {category: agencies}, item ids.
        own = {}
        protocols = {}
        granted = {}
        if viewer.sees_own:
            own[SanitisationTier.ORIGINATOR] = Q(**{policy.owner_id: viewer.agency_id})
        for (agency_id, category), (tier, _protocol_id) in viewer.protocol_routes().items():
            if tier <= policy.widest_tier:
                protocols.setdefault(tier, {}).setdefault(category, set()).add(agency_id)
        for item_id, tier, _basis, _grant_id in viewer.grant_routes(policy):
            if tier <= policy.widest_tier:
                granted.setdefault(tier, set()).add(item_id)
        tiers = sorted(set(own) | set(protocols) | set(granted))
        if tiers:
            by_tier = {}
            for tier in tiers:
                condition = own.get(tier, Q(pk__in=[]))
                condition |= _by_category(protocols.get(tier, {}), policy)
                if granted.get(tier):
                    condition |= Q(pk__in_ids=granted[tier])
                by_tier[tier] = condition
            # Across tiers, each category appears once with the agencies of every tier.
            all_protocols = {}
            for categories in protocols.values():
                for category, agency_ids in categories.items():
                    all_protocols.setdefault(category, set()).update(agency_ids)
            where = Q(pk__in=[])
            if own:
                where |= own[SanitisationTier.ORIGINATOR]
            where |= _by_category(all_protocols, policy)
            all_granted = set().union(*granted.values())
            if all_granted:
                where |= Q(pk__in_ids=all_granted)
            if viewer.vetting_floor > SanitisationTier.ORIGINATOR:
                # Below the vetting of the tier granted: served the least detailed version instead.
                tier = Value(viewer.vetting_floor, output_field=IntegerField())
            elif len(tiers) == 1:
                tier = Value(tiers[0], output_field=IntegerField())
            else:
                # The first matching WHEN is the most detailed tier the user reaches the row by.
                whens = [When(by_tier[tier], then=Value(tier)) for tier in tiers]
                tier = Case(*whens, default=Value(None), output_field=IntegerField())
            conditions = Conditions(where=where, tier=tier)
    viewer._conditions[policy.kind] = conditions
    return conditions


# --- the interface --------------------------------------------------------------------------------


def _shut(viewer, policy):
    return not viewer.sees_anything or viewer.vetting_floor > policy.widest_tier


def visible(user, queryset):
    """`queryset` reduced to the items `user` may see, annotated with `viewer_tier` (0, 1 or 2: the
    most detailed version they may be shown). `access_of(user, item)` gives the basis of each."""
    conditions = _conditions(viewer_for(user), policy_for(queryset.model))
    if conditions is None:
        return queryset.none().annotate(viewer_tier=Value(None, output_field=IntegerField()))
    return queryset.filter(conditions.where).annotate(viewer_tier=conditions.tier)


def only_visible(user, queryset):
    """`queryset` reduced to the items `user` may see, without annotations: for subqueries such as
    "the OCGs of this nominal that the user may see"."""
    conditions = _conditions(viewer_for(user), policy_for(queryset.model))
    return queryset.filter(conditions.where) if conditions is not None else queryset.none()


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
    if _shut(viewer, policy):
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


def source_agency_ids(user, model):
    """Ids of the agencies some of whose items of `model` the user may see — their own if they work its
    register, the owners under protocols in force, and the owners of items granted to them — for
    filter choices, so a list offers only agencies that can match. At most one query (grants only)."""
    viewer = viewer_for(user)
    policy = policy_for(model)
    if _shut(viewer, policy):
        return set()
    ids = {viewer.agency_id} if viewer.sees_own else set()
    ids |= {agency_id for (agency_id, _), (tier, _) in viewer.protocol_routes().items() if tier <= policy.widest_tier}
    granted = [item_id for item_id, tier, _, _ in viewer.grant_routes(policy) if tier <= policy.widest_tier]
    if granted:
        ids |= set(model._default_manager.filter(pk__in=granted).values_list(policy.owner_id, flat=True))
    return ids


def tier_for(user, obj):
    """The tier at which `user` may see `obj`, or None (one query)."""
    model = type(obj)
    return visible(user, model._default_manager.filter(pk=obj.pk)).values_list("viewer_tier", flat=True).first()


def can_see(user, obj):
    return tier_for(user, obj) is not None


def can_read_aggregates(user):
    """Tier 3 (depersonalised counts) is open to every signed-in user with current vetting."""
    viewer = viewer_for(user)
    return viewer.vetting_floor is not None


def aggregate_queryset(user, model):
    """Every row of `model` (a register model or one of its relations, such as OCG memberships), for
    depersonalised tier-3 counts only — never return its rows to a user. Empty for someone who may
    not read aggregates."""
    queryset = model._default_manager.all()
    return queryset if can_read_aggregates(user) else queryset.none()


def is_owner_staff(user, agency_id):
    """Whether `user` works the register for the agency `agency_id`: may create and edit its items.
    Editing means seeing tier 0, so it needs the vetting tier 0 needs."""
    viewer = viewer_for(user)
    return viewer.sees_own and viewer.vetting_floor == SanitisationTier.ORIGINATOR and viewer.agency_id == agency_id

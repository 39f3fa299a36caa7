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
columns — owning agency; (category, owning agency IN ...) per protocol route; primary key IN the
granted items — and the tier and basis are CASE expressions over the same conditions, most detailed
first. One statement, no correlated subqueries: PostgreSQL walks the ordering index (created_at DESC,
id DESC) for a first page or combines bitmaps of (owning agency, category) for counts, whatever the
share of the register the user may see. Correlated EXISTS over the grant tables was measured against
this at 100,000 nominals and is far slower for counts (a sequential scan with a subplan per row).
Suspending a protocol deletes its grant rows, so it shows on the next request; nothing is ever
written per record per user.
"""

from dataclasses import dataclass, field
from functools import cache

from django.db.models import Case, CharField, IntegerField, Q, Value, When
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


@dataclass(frozen=True)
class Policy:
    """How the engine reads one register model."""

    kind: str  # the FIELD_TIERS / access-log name of the model
    owner_field: str
    category_field: str = "category"
    user_grant_model: type | None = None
    group_grant_model: type | None = None
    # The least detailed tier at which the item shows anything: entities and associations are
    # law-enforcement detail (tier 1) and are not shown at all at tier 2.
    widest_tier: int = SanitisationTier.PARTNERSHIP

    @property
    def owner_id(self):
        return f"{self.owner_field}_id"


@cache
def _policies():
    from nominals import models as register

    return {
        register.Nominal: Policy(
            kind="nominal",
            owner_field="owning_agency",
            user_grant_model=register.NominalUserObjectPermission,
            group_grant_model=register.NominalGroupObjectPermission,
        ),
        register.OCG: Policy(
            kind="ocg",
            owner_field="lead_agency",
            user_grant_model=register.OCGUserObjectPermission,
            group_grant_model=register.OCGGroupObjectPermission,
        ),
        register.Entity: Policy(
            kind="entity", owner_field="owning_agency", widest_tier=SanitisationTier.LAW_ENFORCEMENT
        ),
        register.Association: Policy(
            kind="association", owner_field="owning_agency", widest_tier=SanitisationTier.LAW_ENFORCEMENT
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
    _grant_routes: dict = field(default_factory=dict, repr=False)

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
        model, to them and to their agency groups (one query)."""
        if policy.kind not in self._grant_routes:
            routes = []
            if self.reads_others and policy.user_grant_model is not None:
                now = timezone.now()
                user_grants = policy.user_grant_model.objects.filter(user_id=self.user_id, expires_at__gt=now)
                columns = ("content_object_id", "tier", "kind", "pk")
                user_rows = user_grants.annotate(kind=Value(AccessBasis.USER_GRANT)).values_list(*columns).order_by()
                group_rows = (
                    policy.group_grant_model.objects.filter(group_id__in=self.group_ids, expires_at__gt=now)
                    .annotate(kind=Value(AccessBasis.AGENCY_GRANT))
                    .values_list(*columns)
                    .order_by()
                )
                rows = user_rows.union(group_rows, all=True) if self.group_ids else user_rows
                routes = list(rows)
            self._grant_routes[policy.kind] = routes
        return self._grant_routes[policy.kind]


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
        group_ids=tuple(user.groups.order_by("pk").values_list("pk", flat=True)),
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


# --- routes: every way the user reaches items, as plain conditions --------------------------------------


@dataclass(frozen=True)
class Route:
    """One way to items: a condition on the row, the tier it gives and its basis."""

    tier: int
    basis: str
    condition: Q | None = None  # own agency and protocols
    item_id: int | None = None  # need-to-know grants: the one item granted
    protocol_id: int | None = None
    grant_id: int | None = None

    def q(self):
        return self.condition if self.item_id is None else Q(pk=self.item_id)


BASIS_ORDER = {
    AccessBasis.OWN_AGENCY: 0,
    AccessBasis.PROTOCOL: 1,
    AccessBasis.USER_GRANT: 2,
    AccessBasis.AGENCY_GRANT: 3,
}


def _routes(viewer, policy):
    """The routes to items of `policy`'s model, most detailed tier first (then own agency, protocol,
    user grant, agency grant), so that the first route matching a row is the one that applies."""
    routes = []
    if viewer.sees_own:
        own = Q(**{policy.owner_id: viewer.agency_id})
        routes.append(Route(SanitisationTier.ORIGINATOR, AccessBasis.OWN_AGENCY, condition=own))
    by_protocol = {}
    for (agency_id, category), (tier, protocol_id) in viewer.protocol_routes().items():
        if tier <= policy.widest_tier:
            by_protocol.setdefault((tier, protocol_id, category), []).append(agency_id)
    for (tier, protocol_id, category), agency_ids in by_protocol.items():
        condition = Q(**{policy.category_field: category, f"{policy.owner_id}__in": sorted(agency_ids)})
        routes.append(Route(tier, AccessBasis.PROTOCOL, condition=condition, protocol_id=protocol_id))
    for item_id, tier, basis, grant_id in viewer.grant_routes(policy):
        if tier <= policy.widest_tier:
            routes.append(Route(tier, basis, item_id=item_id, grant_id=grant_id))
    routes.sort(key=lambda r: (r.tier, BASIS_ORDER[r.basis], r.protocol_id or 0, r.grant_id or 0))
    return routes


def _any_of(routes):
    """One condition matching any of `routes`: their conditions, and the granted items as one IN list."""
    condition = Q(pk__in=[])
    for route in routes:
        if route.item_id is None:
            condition |= route.condition
    granted = sorted({route.item_id for route in routes if route.item_id is not None})
    if granted:
        condition |= Q(pk__in=granted)
    return condition


def _tier_case(routes):
    """The tier of the first matching route, one WHEN per tier."""
    tiers = sorted({route.tier for route in routes})
    whens = [When(_any_of([r for r in routes if r.tier == tier]), then=Value(tier)) for tier in tiers]
    return Case(*whens, default=Value(None), output_field=IntegerField())


def _route_case(routes, value, output_field, default=None):
    whens = [When(route.q(), then=Value(value(route))) for route in routes]
    return Case(*whens, default=Value(default), output_field=output_field)


# --- the interface --------------------------------------------------------------------------------


def _shut(viewer, policy):
    return not viewer.sees_anything or viewer.vetting_floor > policy.widest_tier


def visible(user, queryset, *, with_basis=False):
    """`queryset` reduced to the items `user` may see, annotated with `viewer_tier` (0, 1 or 2: the
    most detailed version they may be shown).

    With `with_basis=True` also `viewer_basis` (an AccessBasis: own agency, protocol, user grant or
    agency grant — the route giving that tier), `viewer_basis_protocol_id` and `viewer_basis_grant_id`,
    for the access log.
    """
    policy = policy_for(queryset.model)
    viewer = viewer_for(user)
    routes = [] if _shut(viewer, policy) else _routes(viewer, policy)
    if not routes:
        queryset = queryset.none().annotate(viewer_tier=Value(None, output_field=IntegerField()))
        if with_basis:
            queryset = queryset.annotate(
                viewer_basis=Value("", output_field=CharField()),
                viewer_basis_protocol_id=Value(None, output_field=IntegerField()),
                viewer_basis_grant_id=Value(None, output_field=IntegerField()),
            )
        return queryset
    queryset = queryset.filter(_any_of(routes))
    if viewer.vetting_floor > SanitisationTier.ORIGINATOR:
        # Below the vetting of the tier granted: served the least detailed version instead.
        tier = Value(viewer.vetting_floor, output_field=IntegerField())
    else:
        tier = _tier_case(routes)
    queryset = queryset.annotate(viewer_tier=tier)
    if not with_basis:
        return queryset
    return queryset.annotate(
        viewer_basis=_route_case(routes, lambda r: r.basis, CharField(), default=""),
        viewer_basis_protocol_id=_route_case(routes, lambda r: r.protocol_id, IntegerField()),
        viewer_basis_grant_id=_route_case(routes, lambda r: r.grant_id, IntegerField()),
    )


def only_visible(user, queryset):
    """`queryset` reduced to the items `user` may see, without annotations: for subqueries such as
    "the OCGs of this nominal that the user may see"."""
    policy = policy_for(queryset.model)
    viewer = viewer_for(user)
    routes = [] if _shut(viewer, policy) else _routes(viewer, policy)
    return queryset.filter(_any_of(routes)) if routes else queryset.none()


@dataclass(frozen=True)
class Access:
    """How a user sees one item: the tier and the basis, for the page and for the access log."""

    tier: int
    basis: str
    protocol_id: int | None = None
    grant_id: int | None = None


def access_of(obj):
    """The Access of an object fetched through `visible(..., with_basis=True)`."""
    return Access(
        tier=obj.viewer_tier,
        basis=obj.viewer_basis,
        protocol_id=obj.viewer_basis_protocol_id,
        grant_id=obj.viewer_basis_grant_id,
    )


def access_for(user, obj):
    """The user's Access to one item, or None if they may not see it (one query)."""
    model = type(obj)
    row = visible(user, model._default_manager.filter(pk=obj.pk), with_basis=True).values(
        "viewer_tier", "viewer_basis", "viewer_basis_protocol_id", "viewer_basis_grant_id"
    )
    row = next(iter(row), None)
    if row is None:
        return None
    return Access(
        tier=row["viewer_tier"],
        basis=row["viewer_basis"],
        protocol_id=row["viewer_basis_protocol_id"],
        grant_id=row["viewer_basis_grant_id"],
    )


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

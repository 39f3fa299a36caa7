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

Everything is one SQL statement: the filter is an OR of the owner test, per-category `IN` subqueries
over the user's protocol grants joined to the parties, and `IN` subqueries over the user's need-to-know
grants. None is correlated, so PostgreSQL hashes each once and walks the register's ordering index
(created_at DESC, id DESC) for a first page. The tier (and, on request, the basis) is annotated with
small correlated subqueries that run only for the rows returned. The user's group ids are read once per
request and kept on the user object. Nothing is ever written per record per user.
"""

from dataclasses import dataclass
from functools import cache

from django.db.models import (
    Case,
    CharField,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, Least
from django.utils import timezone

from accounts.models import Role, VettingLevel
from ocgshare.constants import InformationCategory
from ocgshare.models import AccessBasis
from protocols.constants import ProtocolStatus, SanitisationTier
from protocols.models import ProtocolGroupObjectPermission, ProtocolParty

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
# Larger than any tier: "no access by this route" inside Least().
NO_TIER = 9


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


@dataclass(frozen=True)
class Viewer:
    """What the engine needs to know about a user, read once per request."""

    user_id: int | None
    agency_id: int | None
    group_ids: tuple[int, ...]
    sees_own: bool  # tier 0 of the own agency's items
    reads_others: bool  # protocols and need-to-know grants
    # The most detailed tier the user's vetting allows (None: nothing at all).
    vetting_floor: int | None

    @property
    def sees_anything(self):
        return self.vetting_floor is not None and (self.sees_own or self.reads_others)


NOBODY = Viewer(None, None, (), False, False, None)


def viewer_for(user):
    """The user's Viewer, computed on first use and kept on the user object for the request (the
    user object is loaded afresh on each request, so a change of role or group shows on the next)."""
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
    """Drop the cached Viewer (for code that changes a user's roles or groups within one request)."""
    if hasattr(user, "_access_viewer"):
        del user._access_viewer


# --- the building blocks ----------------------------------------------------------------------------


def _active_protocol_grants(viewer, policy, now):
    """The user's agency-group grants under protocols in force today, at a tier that shows something."""
    today = timezone.localdate(now)
    return ProtocolGroupObjectPermission.objects.filter(
        group_id__in=viewer.group_ids,
        tier__lte=policy.widest_tier,
        content_object__status=ProtocolStatus.ACTIVE,
        content_object__start_date__lte=today,
        content_object__end_date__gte=today,
    )


def _need_to_know_grants(viewer, policy, now):
    """(kind, queryset) of the unexpired need-to-know grants to the user and to their groups."""
    grants = []
    if policy.user_grant_model is not None:
        grants.append(
            (
                AccessBasis.USER_GRANT,
                policy.user_grant_model.objects.filter(
                    user_id=viewer.user_id, expires_at__gt=now, tier__lte=policy.widest_tier
                ),
            )
        )
    if policy.group_grant_model is not None and viewer.group_ids:
        grants.append(
            (
                AccessBasis.AGENCY_GRANT,
                policy.group_grant_model.objects.filter(
                    group_id__in=viewer.group_ids, expires_at__gt=now, tier__lte=policy.widest_tier
                ),
            )
        )
    return grants


def _own_q(viewer, policy):
    return Q(**{policy.owner_id: viewer.agency_id})


def _visibility_q(viewer, policy, now):
    """The WHERE clause: uncorrelated subqueries only, so each is evaluated (and hashed) once."""
    conditions = []
    if viewer.sees_own:
        conditions.append(_own_q(viewer, policy))
    if viewer.reads_others:
        if viewer.group_ids:
            grants = _active_protocol_grants(viewer, policy, now)
            for category in InformationCategory.values:
                parties = ProtocolParty.objects.filter(
                    protocol_id__in=grants.filter(category=category).values("content_object_id")
                ).values("agency_id")
                conditions.append(Q(**{policy.category_field: category, f"{policy.owner_id}__in": parties}))
        for _kind, grants in _need_to_know_grants(viewer, policy, now):
            conditions.append(Q(pk__in=grants.values("content_object_id")))
    condition = Q(pk__in=[])
    for part in conditions:
        condition |= part
    return condition


def _protocol_match(viewer, policy, now):
    """The user's protocol grants that apply to the outer row (correlated: for annotations only)."""
    return _active_protocol_grants(viewer, policy, now).filter(
        category=OuterRef(policy.category_field),
        content_object__parties__agency_id=OuterRef(policy.owner_id),
    )


def _routes(viewer, policy, now):
    """{basis: (tier subquery, id subquery)} for each route other than the owner's, correlated."""
    routes = {}
    if not viewer.reads_others:
        return routes
    if viewer.group_ids:
        match = _protocol_match(viewer, policy, now).order_by("tier", "content_object_id")
        routes[AccessBasis.PROTOCOL] = (match.values("tier")[:1], match.values("content_object_id")[:1])
    for kind, grants in _need_to_know_grants(viewer, policy, now):
        match = grants.filter(content_object_id=OuterRef("pk")).order_by("tier", "-expires_at", "pk")
        routes[kind] = (match.values("tier")[:1], match.values("pk")[:1])
    return routes


def _min(expressions):
    if not expressions:
        return Value(NO_TIER)
    if len(expressions) == 1:
        return expressions[0]
    return Least(*expressions)


def _raw_tier(viewer, policy, routes):
    """The most detailed tier any route gives, before vetting (NO_TIER when none does)."""
    others = _min(
        [Coalesce(Subquery(tier, output_field=IntegerField()), Value(NO_TIER)) for tier, _ in routes.values()]
    )
    if viewer.sees_own:
        return Case(When(_own_q(viewer, policy), then=Value(SanitisationTier.ORIGINATOR)), default=others)
    return others


# --- the interface --------------------------------------------------------------------------------


def visible(user, queryset, *, with_basis=False):
    """`queryset` reduced to the items `user` may see, annotated with `viewer_tier` (0, 1 or 2: the
    most detailed version they may be shown).

    With `with_basis=True` also `viewer_basis` (an AccessBasis: own agency, protocol, user grant or
    agency grant — the route giving that tier), `viewer_basis_protocol_id` and `viewer_basis_grant_id`,
    for the access log. Use it for a detail view or one page of results, not for counting.
    """
    policy = policy_for(queryset.model)
    viewer = viewer_for(user)
    if not viewer.sees_anything or viewer.vetting_floor > policy.widest_tier:
        queryset = queryset.none()
        tier = Value(None, output_field=IntegerField())
        if with_basis:
            queryset = queryset.annotate(
                viewer_basis=Value("", output_field=CharField()),
                viewer_basis_protocol_id=Value(None, output_field=IntegerField()),
                viewer_basis_grant_id=Value(None, output_field=IntegerField()),
            )
        return queryset.annotate(viewer_tier=tier)

    now = timezone.now()
    queryset = queryset.filter(_visibility_q(viewer, policy, now))
    routes = _routes(viewer, policy, now)
    raw_tier = _raw_tier(viewer, policy, routes)
    if viewer.vetting_floor > SanitisationTier.ORIGINATOR:
        tier = Greatest(raw_tier, Value(viewer.vetting_floor))
    else:
        tier = raw_tier
    if not with_basis:
        return queryset.annotate(viewer_tier=ExpressionWrapper(tier, output_field=IntegerField()))

    queryset = queryset.annotate(_raw_tier=ExpressionWrapper(raw_tier, output_field=IntegerField()))
    whens = []
    if viewer.sees_own:
        whens.append(When(_own_q(viewer, policy), then=Value(AccessBasis.OWN_AGENCY)))
    for kind, (route_tier, _ids) in routes.items():
        whens.append(When(_raw_tier=Subquery(route_tier, output_field=IntegerField()), then=Value(kind)))
    basis = Case(*whens, default=Value(""), output_field=CharField())
    queryset = queryset.annotate(viewer_basis=basis)
    protocol_id = routes.get(AccessBasis.PROTOCOL, (None, None))[1]
    grant_whens = [
        When(viewer_basis=kind, then=Subquery(ids, output_field=IntegerField()))
        for kind, (_tier, ids) in routes.items()
        if kind != AccessBasis.PROTOCOL
    ]
    return queryset.annotate(
        viewer_tier=ExpressionWrapper(tier, output_field=IntegerField()),
        viewer_basis_protocol_id=(
            Case(
                When(viewer_basis=AccessBasis.PROTOCOL, then=Subquery(protocol_id, output_field=IntegerField())),
                default=Value(None),
                output_field=IntegerField(),
            )
            if protocol_id is not None
            else Value(None, output_field=IntegerField())
        ),
        viewer_basis_grant_id=(
            Case(*grant_whens, default=Value(None), output_field=IntegerField())
            if grant_whens
            else Value(None, output_field=IntegerField())
        ),
    )


def only_visible(user, queryset):
    """`queryset` reduced to the items `user` may see, without annotations: for subqueries such as
    "the OCGs of this nominal that the user may see"."""
    policy = policy_for(queryset.model)
    viewer = viewer_for(user)
    if not viewer.sees_anything or viewer.vetting_floor > policy.widest_tier:
        return queryset.none()
    return queryset.filter(_visibility_q(viewer, policy, timezone.now()))


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

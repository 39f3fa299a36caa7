"""What the engine knows about a user for one request (the Viewer), read at most once per request:
roles, groups and vetting; the protocol grants of their agency groups; their need-to-know grants. The
routes come from this process's caches (access.caches) where the sharing version has not changed since
they were read, so a repeated request reads only that version (one primary-key query)."""

from dataclasses import dataclass, field
from types import MappingProxyType

from django.db.models import Value
from django.utils import timezone

from accounts.models import Role, VettingLevel
from ocgshare.models import AccessBasis
from ocgshare.sharing import sharing_version
from protocols.constants import ProtocolStatus, SanitisationTier
from protocols.models import ProtocolGroupObjectPermission

from . import caches
from .policies import policies

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

_UNREAD = object()
NO_PROTOCOL_ROUTES = MappingProxyType({})


@dataclass(eq=False)
class Viewer:
    """What the engine knows about a user for one request: roles, groups and vetting, and — read on
    first use, at most once each per request, from the process's caches where the sharing version allows
    — the protocol grants of their agency and their need-to-know grants."""

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
    _version: object = field(default=_UNREAD, repr=False)
    _protocol_key: tuple | None = field(default=None, repr=False)

    @property
    def sees_anything(self):
        return self.vetting_floor is not None and (self.sees_own or self.reads_others)

    def shut_out_of(self, policy):
        """Whether the user can see nothing of `policy`'s kind, whatever the routes (no query)."""
        return not self.sees_anything or self.vetting_floor > policy.widest_tier

    def sharing_version(self):
        """The sharing version, read once per request (one primary-key query) and before any route: routes
        read after it are at least as new as it, so nothing older is ever cached under it."""
        if self._version is _UNREAD:
            self._version = sharing_version()
        return self._version

    def protocol_routes_key(self):
        """What the protocol routes are read from — (sharing version, today, group ids) — and their key in
        the process's cache; None where the user receives nothing under protocols."""
        if not (self.reads_others and self.group_ids):
            return None
        if self._protocol_key is None:
            self._protocol_key = (self.sharing_version(), timezone.localdate(), self.group_ids)
        return self._protocol_key

    def protocol_routes(self):
        """{(owning agency id, category): (tier, protocol id)}: what the user's agency groups receive
        under protocols in force today — the most generous tier, and the protocol giving it. Read-only:
        the mapping is shared, through the cache, with every user of the same groups."""
        if self._protocol_routes is None:
            key = self.protocol_routes_key()
            if key is None:
                routes = NO_PROTOCOL_ROUTES
            else:
                routes = caches.protocol_routes.get(key)
                if routes is None:
                    _version, today, group_ids = key
                    routes = MappingProxyType(_read_protocol_routes(group_ids, today))
                    caches.protocol_routes.put(key, routes)
            self._protocol_routes = routes
        return self._protocol_routes

    def grant_routes(self, policy):
        """((item id, tier, basis, grant id), ...): the user's unexpired need-to-know grants on `policy`'s
        kind, to them and to their agency groups. The grants on every kind are read together, in one
        query, on first use: a list of nominals needs those on OCGs too (the OCG links of each row)."""
        if policy.user_grant_model is None:
            return ()  # no need-to-know grants on this kind (entities, associations)
        if self._grant_routes is None:
            self._grant_routes = self._cached_grant_routes()
        return self._grant_routes.get(policy.kind, ())

    def _cached_grant_routes(self):
        if not self.reads_others:
            return {}
        kinds = tuple(policy.kind for policy in policies() if policy.user_grant_model is not None)
        key = (self.sharing_version(), self.user_id, self.group_ids, kinds)
        now = timezone.now()
        entry = caches.grant_routes.get(key)
        # Grants expire with no write to change the version: an entry serves until its first grant expires.
        if entry is None or (entry[1] is not None and entry[1] <= now):
            entry = self._read_grant_routes(now)
            caches.grant_routes.put(key, entry)
        return entry[0]

    def _read_grant_routes(self, now):
        """({kind: ((item id, tier, basis, grant id), ...)}, the earliest expiry among them or None)."""
        routes = {}
        columns = ("model", "content_object_id", "tier", "kind", "pk", "expires_at")
        parts = []
        for policy in policies():
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
        if not parts:
            return {}, None
        earliest = None
        for model, item_id, tier, basis, grant_id, expires_at in parts[0].union(*parts[1:], all=True):
            routes.setdefault(model, []).append((item_id, tier, basis, grant_id))
            earliest = expires_at if earliest is None else min(earliest, expires_at)
        return {kind: tuple(rows) for kind, rows in routes.items()}, earliest

    def grants_on(self, policy, item_id):
        """[(tier, basis, grant id)]: the user's unexpired need-to-know grants on one item."""
        if policy.kind not in self._grants_by_item:
            by_item = {}
            for granted_id, tier, basis, grant_id in self.grant_routes(policy):
                by_item.setdefault(granted_id, []).append((tier, basis, grant_id))
            self._grants_by_item[policy.kind] = by_item
        return self._grants_by_item[policy.kind].get(item_id, ())


NOBODY = Viewer(None, None, (), False, False, None)


def _read_protocol_routes(group_ids, today):
    """The protocol routes of agency groups `group_ids` on `today` (one query; see Viewer.protocol_routes)."""
    routes = {}
    rows = (
        ProtocolGroupObjectPermission.objects.filter(
            group_id__in=group_ids,
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
    return routes


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

"""THE access engine (DESIGN.md §4.1–4.2): the only code that decides which register items a user may
see, and which version (sanitisation tier) of each. Every surface — pages, API, search, counts, later
exports, matching and notifications — asks here; nothing else filters register data by agency.

The engine names no domain model. Each record kind registers a Policy (access.policies: its model,
owner and category fields, the fields of each tier, the widest tier, its need-to-know grant tables,
and later a per-record release table) from its app's AppConfig.ready; the register's four kinds
(Nominal, OCG, Entity, Association) from nominals/apps.py. Intelligence and targets will plug in the
same way. For a user and a registered kind the rules are:

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
  django-guardian direct tables the kind's Policy names) gives its tier, to a user with a reading role.
* Vetting: tiers 0 and 1 need vetting of CTC or above, tier 2 needs BPSS. A user granted a tier their
  vetting does not reach is served the least detailed version instead (tier 2): below CTC, everything
  they may see is shown at tier 2, and items with nothing to show at tier 2 (entities, associations)
  are not shown at all.
* Agency administrators and auditors with no other role see nothing of the register; depersonalised
  tier-3 counts (`aggregate_queryset`) are open to every signed-in user.

How it runs. Per request the engine reads, once each: the user's roles and groups; the protocol
grants of their agency groups under protocols in force today, joined to the parties (a few hundred
rows at most: (owning agency, category) -> most generous tier and protocol); and, for every
registered kind, their unexpired need-to-know grants. The queryset filter is then an OR of plain conditions on indexed
columns — owning agency; one (category = c AND owning agency IN ...) per category, merging every
protocol that shares it; primary key IN the granted items — and the tier is a CASE over the same
conditions, most detailed first (a constant where the user reaches everything at one tier). Both are
built once per request and kind, and kept across requests in the process's caches (access.caches), keyed
by a sharing version that every write of routes changes (ocgshare.sharing). The basis of a row (own
agency, which protocol, which grant) is worked out in Python from the same routes (`access_of`), so it
costs nothing in SQL.

One statement, no correlated subqueries: PostgreSQL walks the ordering index (created_at DESC, id DESC)
for a first page or combines bitmaps of (owning agency, category) for counts, whatever the share of
the register the user may see. Correlated EXISTS over the grant tables was measured against
this at 100,000 nominals and is far slower for counts (a sequential scan with a subplan per row).
Suspending a protocol deletes its grant rows, so it shows on the next request; nothing is ever
written per record per user.

Where it lives: access.policies (the registry of kinds), access.viewer (the user, read once per
request), access.conditions (the SQL), access.caches (routes and conditions kept per process),
access.engine (the public functions, exposed here).
"""

# The public functions are exposed lazily: Django imports this package while it loads the apps, before
# any model may be imported, and the engine's modules import models (roles, protocol grants).
_EXPORTS = {
    "engine": (
        "Access",
        "access_by_routes",
        "access_for",
        "access_get",
        "access_of",
        "access_queryset",
        "aggregate_queryset",
        "can_read_aggregates",
        "can_see",
        "hidden_counts",
        "is_owner_staff",
        "most_detailed_tier",
        "only_visible",
        "per_routes",
        "source_agency_ids",
        "tier_for",
        "visible",
    ),
    "policies": ("Policy", "Release", "policies", "policy_for", "register"),
    "viewer": ("READER_ROLES", "REGISTER_ROLES", "TIER_VETTING", "Viewer", "forget_viewer", "viewer_for"),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_MODULE_OF)


def __getattr__(name):
    if name not in _MODULE_OF:
        raise AttributeError(f"module 'access' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"access.{_MODULE_OF[name]}"), name)
    globals()[name] = value  # later lookups are plain attribute reads
    return value


def __dir__():
    return sorted([*globals(), *__all__])

"""The engine's SQL: every way a Viewer reaches the items of one kind, merged per category.

The WHERE clause and the tier CASE are built once per Viewer and kind and reused by every queryset of
the request (a list and the OCGs of its membership prefetch, say), and kept in the process's cache
(access.caches) under everything they are built from, for the next request of anyone with the same
routes. Routes are merged: one condition per category (category = c AND owner IN (...)) whatever the
number of protocols behind it, so the SQL grows with the categories (five), not with the protocols.
The basis of each row (own agency, which protocol, which grant) is not computed in SQL:
`access.engine.access_of` works it out in Python from the same routes.

Per-record releases (the extension point). A kind whose Policy names a `release` table (intelligence:
each record released under chosen protocols at chosen tiers) will reach its items by protocol through
that table instead of by (owner, category): `pk IN (release rows whose protocol is one the viewer's
agency groups hold a grant under, in force today)`, at the release's tier, no more detailed than the
grant's. It is not built yet: which grant tier caps a release, and whether the item's category must
also be granted, are decisions of the intelligence issue, and there is no release table to test it
against. Until then `conditions_for` refuses such a policy (NotImplementedError) rather than read it
as (owner, category) sharing; `_release_routes` is where it goes. The register's kinds have no
release table and their SQL is exactly as before.
"""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, Value, When

from protocols.constants import SanitisationTier

from . import caches

_MISSING = object()


@dataclass(frozen=True)
class Conditions:
    """The engine's SQL for one Viewer and kind: which rows, and the tier of each."""

    where: Q
    tier: object  # an expression: a Value or a Case
    tiers: tuple = ()  # the tiers `tier` may give a row, most detailed first


def _by_category(agencies_by_category, policy):
    """One condition per category: `category = c AND owner IN (...)`."""
    condition = Q(pk__in=[])
    for category, agency_ids in sorted(agencies_by_category.items()):
        condition |= Q(**{policy.category_field: category, f"{policy.owner_id}__in_ids": agency_ids})
    return condition


def _release_routes(viewer, policy):
    """{tier: Q} of the items of `policy`'s kind released to the viewer under protocols (see the module
    docstring): the extension point for kinds released record by record."""
    raise NotImplementedError(
        f"The {policy.kind!r} policy names a release table; the access engine does not read releases yet"
    )


def conditions_for(viewer, policy):
    """The Conditions of `viewer` on `policy`'s kind, or None if they can see none of it."""
    if policy.kind in viewer._conditions:
        return viewer._conditions[policy.kind]
    if policy.release is not None:
        _release_routes(viewer, policy)
    conditions = None
    if not viewer.shut_out_of(policy):
        key = _cache_key(viewer, policy)
        conditions = caches.conditions.get(key, _MISSING)
        if conditions is _MISSING:
            conditions = _build(viewer, policy)
            caches.conditions.put(key, conditions)
    viewer._conditions[policy.kind] = conditions
    return conditions


def _cache_key(viewer, policy):
    """Everything the Conditions of `viewer` on `policy`'s kind are built from (no query past the routes):
    the kind, the viewer's own agency, reach and vetting, their protocol routes' key (sharing version,
    today, groups) and their grants on the kind."""
    grants = tuple(sorted((item_id, tier) for item_id, tier, _basis, _grant_id in viewer.grant_routes(policy)))
    return (
        (policy.kind, policy.model, policy.owner_field, policy.category_field, policy.widest_tier),
        viewer.agency_id if viewer.sees_own else None,
        viewer.sees_own,
        viewer.vetting_floor,
        viewer.protocol_routes_key(),
        grants,
    )


def _build(viewer, policy):
    """The Conditions of a viewer who is not shut out of `policy`'s kind, or None if no route reaches it."""
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
            tiers = [viewer.vetting_floor]
            tier = Value(viewer.vetting_floor, output_field=IntegerField())
        elif len(tiers) == 1:
            tier = Value(tiers[0], output_field=IntegerField())
        else:
            # The first matching WHEN is the most detailed tier the user reaches the row by.
            whens = [When(by_tier[tier], then=Value(tier)) for tier in tiers]
            tier = Case(*whens, default=Value(None), output_field=IntegerField())
        return Conditions(where=where, tier=tier, tiers=tuple(tiers))
    return None

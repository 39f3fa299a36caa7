"""The registry of record kinds: how the engine reads each one (DESIGN.md §4.1).

The engine names no domain model. Each app that owns a record kind registers a Policy for it from its
AppConfig.ready (the register: nominals/apps.py), and the engine finds the policy by model or by kind
name. Registering a kind or model twice, or asking about one never registered, is an error that names
it: a record kind the engine does not know must never be read as "no restriction".
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

from protocols.constants import SanitisationTier


@dataclass(frozen=True)
class Release:
    """Where a record kind is released item by item (intelligence: each record under chosen protocols at
    chosen tiers), the table of its releases: one row per (item, protocol, tier). Field names are those
    of `model`. Named by a Policy; see access.conditions for what the engine does with it."""

    model: type
    item_field: str = "item"
    protocol_field: str = "protocol"
    tier_field: str = "tier"


@dataclass(frozen=True)
class Policy:
    """How the engine reads one record kind."""

    kind: str  # the FIELD_TIERS / access-log name of the kind
    model: type
    owner_field: str
    category_field: str = "category"
    # What each tier shows of the kind: {tier: field names first shown at that tier} (FIELD_TIERS[kind]).
    # The engine decides only the tier; serializers and pages read this to decide the fields.
    tier_fields: Mapping[int, tuple[str, ...]] | None = None
    # The least detailed tier at which the item shows anything, from FIELD_TIERS: entities and
    # associations are law-enforcement detail (tier 1) and are not shown at all at tier 2.
    widest_tier: int = SanitisationTier.PARTNERSHIP
    # django-guardian direct tables of need-to-know grants on the kind's items (None: no such grants).
    user_grant_model: type | None = None
    group_grant_model: type | None = None
    # Per-record releases (None for the register, whose items are shared by (owner, category) under
    # protocols). Not yet read by the engine: see access.conditions.
    release: Release | None = None

    @property
    def owner_id(self):
        return f"{self.owner_field}_id"


_by_model = {}
_by_kind = {}


def register(policy):
    """Make `policy`'s kind known to the engine (from the owning app's AppConfig.ready)."""
    if policy.kind in _by_kind:
        raise ImproperlyConfigured(f"The access engine already has a policy for the kind {policy.kind!r}")
    if policy.model in _by_model:
        raise ImproperlyConfigured(
            f"The access engine already has a policy for {policy.model.__name__} "
            f"(kind {_by_model[policy.model].kind!r})"
        )
    if (policy.user_grant_model is None) != (policy.group_grant_model is None):
        raise ImproperlyConfigured(f"The {policy.kind!r} policy needs both need-to-know grant models, or neither")
    _by_model[policy.model] = policy
    _by_kind[policy.kind] = policy
    if policy.user_grant_model is not None:
        _watch_grants(policy)
    return policy


def _watch_grants(policy):
    """Change the sharing version on every save and delete of the kind's need-to-know grants (the grant
    services, factories, the Django admin alike), so every process reads its cached grant routes afresh."""
    from ocgshare.sharing import watch

    watch(policy.user_grant_model)
    watch(policy.group_grant_model)


def policy_for(kind_or_model):
    """The Policy of a registered record kind, by kind name ("nominal") or model (Nominal)."""
    try:
        if isinstance(kind_or_model, str):
            return _by_kind[kind_or_model]
        return _by_model[kind_or_model]
    except (KeyError, TypeError):
        name = getattr(kind_or_model, "__name__", repr(kind_or_model))
        raise LookupError(f"{name} is not a record kind registered with the access engine") from None


def policies():
    """Every registered Policy, in the order of registration."""
    return tuple(_by_kind.values())

"""Writing and reading the access log (DPA 2018 s62: collection, alteration, consultation, disclosure).

`log_access` is called by every surface that shows register items: a detail view with the item and the
basis it was shown on (ocgshare.access.Access), a list or search with its query, its count and the
items it showed (each fetched through `access.visible`), a disclosure with its
recipient and justification. Call it inside the request that shows the data; it writes at most two
statements (the entry and, for lists, its results in one bulk insert).

It is also called by every write service of the register (nominals.services), inside the write's
transaction: CREATE or ALTER with the item whose data changed and, as the query, the names of what
changed (never the values). Those entries pass no `access`, so their tier and basis are empty: a
write is not a read on a basis, only the owner's register staff may write (the service checked), and an
entity link is logged on the nominal or OCG it links to, which may be another agency's item seen under a
protocol. GRANT and REVOKE entries carry the grant's tier, basis and number, as disclosures do.

Auditors read the log of their own agency's users with `access_log_list`.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from accounts.models import Role

from .access import Access, access_of, policy_for
from .models import AccessAction, AccessBasis, AccessLogEntry, AccessLogResult, AccessSurface
from .params import parse_id


def object_label(obj):
    """A label an auditor may see even if they may not see the item: its type, number and owner."""
    policy = policy_for(type(obj))
    owner = getattr(obj, policy.owner_field, None)
    owner_name = owner.short_name or owner.name if owner is not None else "unknown agency"
    return f"{type(obj)._meta.verbose_name.capitalize()} {obj.pk} ({owner_name})"


# No savepoint: inside a write's transaction, a failed log entry must fail the write anyway, and the two
# round trips of a savepoint were a measurable part of every list page (README "Benchmarks").
@transaction.atomic(savepoint=False)
def log_access(
    *,
    user,
    action,
    surface,
    obj=None,
    access=None,
    query="",
    result_count=None,
    results=(),
    recipient="",
    justification="",
):
    """Append one entry to the access log; returns it.

    obj/access: the item viewed or disclosed and how the user could see it (an access.Access).
    results: the items a list or search showed, fetched through `access.visible(user, ...)`.
    """
    if action not in AccessAction.values or surface not in AccessSurface.values:
        raise ValueError(f"Unknown access log action or surface: {action!r}, {surface!r}")
    entry = AccessLogEntry(
        user=user,
        agency_id=user.agency_id,
        action=action,
        surface=surface,
        query=(query or "")[:500],
        result_count=result_count,
        recipient=recipient[:300],
        justification=justification,
    )
    if obj is not None:
        entry.object_type = policy_for(type(obj)).kind
        entry.object_id = obj.pk
        entry.object_label = object_label(obj)
    if access is not None:
        entry.tier = access.tier
        entry.basis = access.basis
        entry.basis_protocol_id = access.protocol_id
        entry.basis_grant_id = access.grant_id
    entry.save()
    rows = []
    for item in results:
        seen = access_of(user, item)
        rows.append(
            AccessLogResult(
                entry=entry,
                object_type=policy_for(type(item)).kind,
                object_id=item.pk,
                tier=seen.tier,
                basis=seen.basis,
                basis_protocol_id=seen.protocol_id,
                basis_grant_id=seen.grant_id,
            )
        )
    if rows:
        AccessLogResult.objects.bulk_create(rows)
    return entry


def log_aggregate(*, user, surface, query, result_count):
    """A read of depersonalised tier-3 counts (no item is named)."""
    return log_access(
        user=user,
        action=AccessAction.LIST,
        surface=surface,
        access=Access(tier=3, basis=AccessBasis.AGGREGATE),
        query=query,
        result_count=result_count,
    )


# --- reading the log ------------------------------------------------------------------------------


def can_read_access_log(user):
    return user.is_authenticated and user.is_active and user.has_role(Role.AUDITOR)


@dataclass(frozen=True)
class AccessLogFilters:
    user: int | None = None
    object_type: str = ""
    object_id: int | None = None
    action: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


_int = parse_id


def _date(value):
    try:
        return datetime.date.fromisoformat((value or "").strip())
    except ValueError:
        return None


def access_log_filters_from(params):
    """AccessLogFilters from query parameters (user, object_type, object_id, action, date_from,
    date_to as YYYY-MM-DD), ignoring values that are not valid."""
    action = params.get("action", "")
    return AccessLogFilters(
        user=_int(params.get("user")),
        object_type=(params.get("object_type") or "").strip(),
        object_id=_int(params.get("object_id")),
        action=action if action in AccessAction.values else "",
        date_from=_date(params.get("date_from")),
        date_to=_date(params.get("date_to")),
    )


def access_log_list(*, user, filters=None):
    """The log entries of the auditor's own agency's users, newest first, filtered.

    The item filter finds views of the item and the lists and searches that showed it. Refuses
    anyone who is not an auditor.
    """
    if not can_read_access_log(user):
        raise PermissionDenied("Only auditors can read the access log.")
    filters = filters or AccessLogFilters()
    entries = AccessLogEntry.objects.filter(agency_id=user.agency_id)
    if filters.user:
        entries = entries.filter(user_id=filters.user)
    if filters.action:
        entries = entries.filter(action=filters.action)
    if filters.object_type and filters.object_id:
        shown = AccessLogResult.objects.filter(
            entry=OuterRef("pk"), object_type=filters.object_type, object_id=filters.object_id
        )
        entries = entries.filter(Q(object_type=filters.object_type, object_id=filters.object_id) | Exists(shown))
    elif filters.object_type:
        entries = entries.filter(object_type=filters.object_type)
    if filters.date_from:
        entries = entries.filter(at__date__gte=filters.date_from)
    if filters.date_to:
        entries = entries.filter(at__date__lte=filters.date_to)
    return entries.select_related("user", "agency", "basis_protocol").order_by("-at", "-id")

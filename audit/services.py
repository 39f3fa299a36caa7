"""Writing and reading the access log (DPA 2018 s62: collection, alteration, consultation, disclosure).

Reads: ONE entry point. Every page and API view that shows register items logs through `log_read`:
pages with `log_page_read(request, ...)`, API viewsets with `audit.mixins.AuditedReadsMixin`, whose list() and
retrieve() log what they return themselves. Neither can be forgotten quietly: a successful GET of such a
viewset, or a register page opened (nominals.views.common._render), that logged nothing is refused with a 500
rather than answered unlogged. One read is one entry:

* a detail (action VIEW): the item, with the tier and basis it was shown on (the access engine's Access);
* a list or search (LIST, SEARCH): the query, the count and, as AccessLogResult rows, every item shown,
  each with its own tier and basis (items fetched through `access.visible`);
* items that a detail or list names besides its own (`named`: the two nominals of an association; the
  OCGs, associates and entities on a nominal's page; an OCG's members and entities) are AccessLogResult
  rows too, so that their owners find the read; the count stays that of the items listed;
* a list of an item's sub-records that are not register items (its need-to-know grants): the item,
  as LIST, with the count;
* depersonalised tier-3 counts (the hotspots): LIST on the aggregate basis, with the count, no item.

The `query` field of a read has one format on every surface: the filters the surface applied (parsed and
normalised, so values it ignored are not there), as `key=value` pairs sorted by key and joined with `&`,
URL-encoded (`urllib.parse.urlencode`, so a space is `+`), empty values left out, and paging and sorting
(`page`, `cursor`, `page_size`, `sort`) left out, since the items shown are logged one by one. The same
filters give the same string on the page and in the API: `agency=3&risk=high`; a search is `q=smith`;
the duplicate check of a new nominal names what it matched on: `date_of_birth=1988-03-02&surname=Marsh`.
`query_string` builds it.

Writes: every write service of the register (nominals.services) calls `log_access` inside the write's
transaction: CREATE or ALTER with the item whose data changed and, as the query, the names of what
changed (never the values). Those entries pass no `access`, so their tier and basis are empty: a
write is not a read on a basis, only the owner's register staff may write (the service checked), and an
entity link is logged on the nominal or OCG it links to, which may be another agency's item seen under a
protocol. GRANT and REVOKE entries carry the grant's tier, basis and number, as disclosures do.
Changes to user accounts (accounts.services, object_type "user") are logged the same way, with the old and
new roles, vetting and status in the query (they say what the account may see, and are no one's register
data) and the administrator's reason as the justification.

Every entry and result records the agency owning the item (`object_owner`) when it is written, so that
the owner's auditors can find the reads of their records without joining the register.

Auditors read the log (audit.selectors: `access_log_list`, `LogView`) two ways: what their own agency's users did, and
who, in any agency, read or changed their agency's records, with the reader's agency and the basis
(protocol or grant) — the controller's half of s62. In the second view an entry shows only the items of
the auditor's agency: other agencies' reads of other agencies' records are not theirs to see.
"""

import dataclasses
import datetime
from urllib.parse import urlencode

from django.db import connection, transaction

# The log names each item by the kind, owner, tier and basis the access engine gives it: that is why the
# writing of the log lives here, above the engine, and not in ocgshare with the log's tables.
from access import Access, access_by_routes, access_for, access_of, policy_for
from ocgshare.models import AccessAction, AccessBasis, AccessLogEntry, AccessLogResult, AccessSurface


def object_label(obj):
    """A label an auditor may see even if they may not see the item: its type, number and owner."""
    return item_label(policy_for(type(obj)).kind, obj.pk, getattr(obj, policy_for(type(obj)).owner_field, None))


def item_label(kind, pk, owner):
    """`object_label` from what the log keeps of an item (its kind, number and owning Agency or None): the
    access log's pages and exports name the items a list showed the same way as the item it logged."""
    try:
        name = policy_for(kind).model._meta.verbose_name
    except LookupError:
        name = kind
    owner_name = owner.short_name or owner.name if owner is not None else "unknown agency"
    return f"{name[:1].upper()}{name[1:]} {pk} ({owner_name})"


def _owner_id(obj):
    return getattr(obj, policy_for(type(obj)).owner_id, None)


# No savepoint: inside a write's transaction, a failed log entry must fail the write anyway, and the two
# round trips of a savepoint were a measurable part of every list page (benchmarks/README.md).
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
    """Append one entry to the access log; returns it. Reads go through `log_read` instead.

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
        entry.object_owner_id = _owner_id(obj)
    if access is not None:
        entry.tier = access.tier
        entry.basis = access.basis
        entry.basis_protocol_id = access.protocol_id
        entry.basis_grant_id = access.grant_id
    entry.save()
    rows = []
    for item in results:
        # Items a read names besides those it listed come without `viewer_tier`: the same routes decide.
        seen = access_of(user, item) if hasattr(item, "viewer_tier") else access_by_routes(user, item)
        if seen is None:
            raise ValueError(f"{object_label(item)} is not visible to user {user.pk}: it cannot have been shown")
        rows.append(
            (
                policy_for(type(item)).kind,
                item.pk,
                _owner_id(item),
                seen.tier,
                seen.basis,
                seen.protocol_id,
                seen.grant_id,
            )
        )
    if rows:
        _insert_results(entry, rows)
    return entry


RESULT_COLUMNS = ("object_type", "object_id", "object_owner_id", "tier", "basis", "basis_protocol_id", "basis_grant_id")
# PostgreSQL's types of RESULT_COLUMNS, for unnest().
RESULT_ARRAY_TYPES = ("varchar", "bigint", "bigint", "smallint", "varchar", "bigint", "bigint")


def _insert_results(entry, rows):
    """Write the AccessLogResult rows of `entry` (tuples in RESULT_COLUMNS' order) in one statement. A list
    page names 25 to 50 items on every request: bulk_create built a model instance per item and compiled
    an INSERT of as many rows, the largest part of the log's cost (benchmarks/README.md). On
    PostgreSQL the values go as one array per column, unnested server-side; elsewhere, executemany."""
    table = connection.ops.quote_name(AccessLogResult._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(name) for name in ("entry_id", *RESULT_COLUMNS))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            arrays = ", ".join(f"%s::{kind}[]" for kind in RESULT_ARRAY_TYPES)
            cursor.execute(
                f"INSERT INTO {table} ({columns}) SELECT %s, * FROM unnest({arrays})",  # noqa: S608 - names only
                [entry.pk, *(list(column) for column in zip(*rows, strict=True))],
            )
        else:
            placeholders = ", ".join(["%s"] * (len(RESULT_COLUMNS) + 1))
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608 - names only
                [(entry.pk, *row) for row in rows],
            )


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


# --- reads: the one entry point -----------------------------------------------------------------------

# Paging and sorting choose which items a list shows, and those are logged one by one.
NOT_QUERY = frozenset({"page", "cursor", "page_size", "sort", "format"})


def _text(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return str(value).strip()


def query_string(params=None):
    """The `query` of a read, in the one format of every surface (see the module docstring): from a
    filters dataclass, a dict or a QueryDict."""
    if params is None:
        return ""
    if dataclasses.is_dataclass(params):
        params = dataclasses.asdict(params)
    pairs = []
    for key in params:
        if key in NOT_QUERY:
            continue
        values = params.getlist(key) if hasattr(params, "getlist") else params[key]
        if not isinstance(values, list | tuple | set | frozenset):
            values = [values]
        pairs.extend((key, _text(value)) for value in values if value is not None and value is not False)
    return urlencode(sorted((key, value) for key, value in pairs if value))


def _access(user, obj):
    """How `user` sees `obj`: what a selector attached, else from its `viewer_tier`, else one query."""
    seen = getattr(obj, "access", None)
    if isinstance(seen, Access):
        return seen
    if getattr(obj, "viewer_tier", None) is not None:
        return access_of(user, obj)
    return access_for(user, obj)


def log_read(*, user, surface, obj=None, items=None, named=(), action=None, params=None, count=None, aggregate=False):
    """THE entry point of reads (pages: `log_page_read`; API: `AuditedReadsMixin`). One entry:

    obj: the item shown (VIEW), or with `count` the item whose sub-records were listed (LIST);
    items: the items a list or search showed, fetched through `access.visible` (LIST by default);
    named: other register items the response names, logged as results (those fetched without
        `access.visible`, as related rows, get their tier and basis from `access.access_by_routes`);
    aggregate: depersonalised tier-3 counts, `count` rows of them, naming no item;
    params: the filters applied (a filters dataclass, dict or QueryDict), written by `query_string`.
    """
    query = query_string(params)
    if aggregate:
        return log_aggregate(user=user, surface=surface, query=query, result_count=count)
    # Each item named once, and not again when it is the item shown or among those listed.
    seen = {(type(obj), obj.pk)} if obj is not None else set()
    if items is not None:
        items = list(items)
        seen |= {(type(item), item.pk) for item in items}
    unique = []
    for item in named:
        if (type(item), item.pk) not in seen:
            seen.add((type(item), item.pk))
            unique.append(item)
    named = unique
    if items is not None:
        return log_access(
            user=user,
            action=action or AccessAction.LIST,
            surface=surface,
            query=query,
            result_count=len(items) if count is None else count,
            results=items + named,
        )
    if obj is None:
        raise ValueError("log_read needs the item shown (obj) or the items listed (items)")
    return log_access(
        user=user,
        action=action or (AccessAction.VIEW if count is None else AccessAction.LIST),
        surface=surface,
        obj=obj,
        access=_access(user, obj),
        query=query,
        result_count=count,
        results=named,
    )


def log_page_read(request, **kwargs):
    """`log_read` for a page: every register page that shows items calls it once per request (and the
    register's page renderer refuses a page that did not: `page_read_logged`)."""
    entry = log_read(user=request.user, surface=AccessSurface.PAGE, **kwargs)
    request.access_log_entries = getattr(request, "access_log_entries", 0) + 1
    return entry


def page_read_logged(request):
    return bool(getattr(request, "access_log_entries", 0))

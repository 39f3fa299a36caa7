"""Writing and reading the access log (DPA 2018 s62: collection, alteration, consultation, disclosure).

Reads: ONE entry point. Every page and API view that shows register items logs through `log_read`:
pages with `log_page_read(request, ...)`, API viewsets with `AuditedReadsMixin`, whose list() and
retrieve() log what they return themselves. Neither can be forgotten quietly: a successful GET of such a
viewset, or a register page opened (nominals.views._render), that logged nothing is refused with a 500
rather than answered unlogged. One read is one entry:

* a detail (action VIEW): the item, with the tier and basis it was shown on (access.Access);
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

Auditors read the log two ways (`access_log_list`, `LogView`): what their own agency's users did, and
who, in any agency, read or changed their agency's records, with the reader's agency and the basis
(protocol or grant) — the controller's half of s62. In the second view an entry shows only the items of
the auditor's agency: other agencies' reads of other agencies' records are not theirs to see.
"""

import dataclasses
import datetime
from urllib.parse import urlencode

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from rest_framework.response import Response

from access import Access, access_by_routes, access_for, access_of, policy_for
from accounts.models import Role

from .models import AccessAction, AccessBasis, AccessLogEntry, AccessLogResult, AccessSurface
from .params import parse_id


def object_label(obj):
    """A label an auditor may see even if they may not see the item: its type, number and owner."""
    policy = policy_for(type(obj))
    owner = getattr(obj, policy.owner_field, None)
    owner_name = owner.short_name or owner.name if owner is not None else "unknown agency"
    return f"{type(obj)._meta.verbose_name.capitalize()} {obj.pk} ({owner_name})"


def _owner_id(obj):
    return getattr(obj, policy_for(type(obj)).owner_id, None)


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
            AccessLogResult(
                entry=entry,
                object_type=policy_for(type(item)).kind,
                object_id=item.pk,
                object_owner_id=_owner_id(item),
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


class AuditedReadsMixin:
    """For API viewsets of the register. list() and retrieve() are defined here and log what they
    return, so a viewset cannot forget: list() logs the page of items (`get_queryset`, paginated),
    retrieve() the item (`get_object`), each with the filters `audit_params()` gives (by default
    `audit_filters(query_params)`, a selectors.*_filters_from). Other read actions call `self.log_read`.
    A successful GET that wrote no entry is refused (ImproperlyConfigured, so a 500): the data is not
    served unlogged."""

    audit_filters = None  # a function: query parameters -> the filters dataclass the list applies

    def audit_named(self, shown):
        """Register items that `shown` (the items returned) names besides themselves (through
        `access.visible`): logged with them. None by default."""
        return ()

    def audit_params(self):
        parse = type(self).audit_filters
        return parse(self.request.query_params) if parse is not None else None

    def log_read(self, **kwargs):
        kwargs.setdefault("params", self.audit_params())
        entry = log_read(user=self.request.user, surface=AccessSurface.API, **kwargs)
        self._audit_entries = getattr(self, "_audit_entries", 0) + 1
        return entry

    def list(self, request, *args, **kwargs):
        queryset = self.get_queryset()
        page = self.paginate_queryset(queryset)
        rows = list(page if page is not None else queryset)
        self.log_read(items=rows, named=self.audit_named(rows))
        data = self.get_serializer(rows, many=True).data
        return self.get_paginated_response(data) if page is not None else Response(data)

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        self.log_read(obj=obj, named=self.audit_named([obj]), params=None)
        return Response(self.get_serializer(obj).data)

    def finalize_response(self, request, response, *args, **kwargs):
        if (
            request.method in ("GET", "HEAD")
            and 200 <= response.status_code < 300
            and not getattr(self, "_audit_entries", 0)
        ):
            raise ImproperlyConfigured(f"{type(self).__name__}.{self.action} showed register data without logging it")
        return super().finalize_response(request, response, *args, **kwargs)


# --- reading the log ------------------------------------------------------------------------------


def can_read_access_log(user):
    return user.is_authenticated and user.is_active and user.has_role(Role.AUDITOR)


class LogView(models.TextChoices):
    """The two halves of the log an auditor reads."""

    OUR_USERS = "our_users", "What our users did"
    OUR_RECORDS = "our_records", "Who read our records"


@dataclasses.dataclass(frozen=True)
class AccessLogFilters:
    user: int | None = None
    object_type: str = ""
    object_id: int | None = None
    action: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    # Our users' view: the agency owning the items read. Our records' view: the reader's agency.
    agency: int | None = None
    view: str = LogView.OUR_USERS


_int = parse_id


def _date(value):
    try:
        return datetime.date.fromisoformat((value or "").strip())
    except ValueError:
        return None


def access_log_filters_from(params):
    """AccessLogFilters from query parameters (view, user, agency, object_type, object_id, action,
    date_from, date_to as YYYY-MM-DD), ignoring values that are not valid."""
    action = params.get("action", "")
    view = params.get("view", "")
    return AccessLogFilters(
        user=_int(params.get("user")),
        object_type=(params.get("object_type") or "").strip(),
        object_id=_int(params.get("object_id")),
        action=action if action in AccessAction.values else "",
        date_from=_date(params.get("date_from")),
        date_to=_date(params.get("date_to")),
        agency=_int(params.get("agency")),
        view=view if view in LogView.values else LogView.OUR_USERS,
    )


def _showing(agency_id):
    """Entries naming an item owned by `agency_id`, as their item or among the items they listed."""
    return Q(object_owner_id=agency_id) | Q(
        pk__in=AccessLogResult.objects.filter(object_owner_id=agency_id).values("entry_id")
    )


def access_log_list(*, user, filters=None):
    """The log an auditor may read, newest first, filtered; refuses anyone who is not an auditor.

    `filters.view` OUR_USERS: the entries of the auditor's own agency's users (`agency`: those showing
    items owned by that agency). OUR_RECORDS: the entries, by anyone in any agency, that name an item
    owned by the auditor's agency, as their item or among the items listed (`agency`: the reader's).
    The item filter finds views of the item and the lists and searches that showed it (in OUR_RECORDS,
    only an item of the auditor's agency). Use `with_results` for the items each entry listed.
    """
    if not can_read_access_log(user):
        raise PermissionDenied("Only auditors can read the access log.")
    filters = filters or AccessLogFilters()
    own = user.agency_id
    if filters.view == LogView.OUR_RECORDS:
        # Two index scans (object_owner) united, rather than an OR over every entry of the log.
        named = AccessLogEntry.objects.filter(object_owner_id=own).values("pk").order_by()
        listed = AccessLogResult.objects.filter(object_owner_id=own).values("entry_id").order_by()
        entries = AccessLogEntry.objects.filter(pk__in=named.union(listed))
        if filters.agency:
            entries = entries.filter(agency_id=filters.agency)
        item_owner = {"object_owner_id": own}
    else:
        entries = AccessLogEntry.objects.filter(agency_id=own)
        if filters.agency:
            entries = entries.filter(_showing(filters.agency))
        item_owner = {}
    if filters.user:
        entries = entries.filter(user_id=filters.user)
    if filters.action:
        entries = entries.filter(action=filters.action)
    if filters.object_type and filters.object_id:
        item = {"object_type": filters.object_type, "object_id": filters.object_id, **item_owner}
        shown = AccessLogResult.objects.filter(entry=OuterRef("pk"), **item)
        entries = entries.filter(Q(**item) | Exists(shown))
    elif filters.object_type:
        entries = entries.filter(object_type=filters.object_type)
    if filters.date_from:
        entries = entries.filter(at__date__gte=filters.date_from)
    if filters.date_to:
        entries = entries.filter(at__date__lte=filters.date_to)
    return entries.select_related("user", "agency", "basis_protocol").order_by("-at", "-id")


def with_results(entries, *, user, view):
    """`entries` with the items each listed (`entry.results.all()`), in one query: every item for our
    users' view, only the items of the auditor's agency for our records' view."""
    results = AccessLogResult.objects.order_by("id")
    if view == LogView.OUR_RECORDS:
        results = results.filter(object_owner_id=user.agency_id)
    return entries.prefetch_related(Prefetch("results", queryset=results))

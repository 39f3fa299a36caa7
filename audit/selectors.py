"""Reading the access log: what an auditor may list (`access_log_list`) in its two views (`LogView`), and
the filters the page and the API apply (AccessLogFilters, from audit.filters.AccessLogFilterSet)."""

import dataclasses
import datetime

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q

from accounts.models import Role
from ocgshare.models import AccessBasis, AccessLogEntry, AccessLogResult
from protocols.constants import TIER_LABELS
from protocols.models import Protocol

from .links import item_url
from .services import item_label


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
    item = {}
    if filters.object_type and filters.object_id:
        item = {"object_type": filters.object_type, "object_id": filters.object_id}
    if filters.view == LogView.OUR_RECORDS:
        # Two index scans united (the entries naming our items, and those listing them), rather than an
        # OR over every entry of the log. "Who read item X" narrows both scans to the item: united over
        # the whole agency first, it read every entry naming any of its items (seconds at ten million
        # logged reads; benchmarks/README.md).
        named = AccessLogEntry.objects.filter(object_owner_id=own, **item).values("pk").order_by()
        listed = AccessLogResult.objects.filter(object_owner_id=own, **item).values("entry_id").order_by()
        entries = AccessLogEntry.objects.filter(pk__in=named.union(listed))
        if filters.agency:
            entries = entries.filter(agency_id=filters.agency)
    else:
        entries = AccessLogEntry.objects.filter(agency_id=own)
        if filters.agency:
            entries = entries.filter(_showing(filters.agency))
        if item:
            shown = AccessLogResult.objects.filter(entry=OuterRef("pk"), **item)
            entries = entries.filter(Q(**item) | Exists(shown))
    if filters.user:
        entries = entries.filter(user_id=filters.user)
    if filters.action:
        entries = entries.filter(action=filters.action)
    if filters.object_type and not item:
        entries = entries.filter(object_type=filters.object_type)
    if filters.date_from:
        entries = entries.filter(at__date__gte=filters.date_from)
    if filters.date_to:
        entries = entries.filter(at__date__lte=filters.date_to)
    return entries.select_related("user", "agency", "basis_protocol").order_by("-at", "-id")


def with_results(entries, *, user, view):
    """`entries` with the items each listed (`entry.results.all()`), in one query: every item for our
    users' view, only the items of the auditor's agency for our records' view."""
    results = AccessLogResult.objects.select_related("object_owner").order_by("id")
    if view == LogView.OUR_RECORDS:
        results = results.filter(object_owner_id=user.agency_id)
    return entries.prefetch_related(Prefetch("results", queryset=results))


def protocol_references(protocol_ids):
    """{protocol id: reference} of the protocols the results of a page were shown under (one query, none
    for no ids)."""
    if not protocol_ids:
        return {}
    return dict(Protocol.objects.filter(pk__in=protocol_ids).values_list("pk", "reference"))


# --- the log as an auditor reads it: items by label and link, bases in full --------------------------


@dataclasses.dataclass(frozen=True)
class LoggedItem:
    """An item the log names: `label` (type, register number and owner: object_label, never more) and
    the path of its page, or "" for a kind without one. The item's page decides whether the auditor may
    open it."""

    label: str
    url: str


@dataclasses.dataclass(frozen=True)
class ShownItem:
    item: LoggedItem
    basis: str  # basis_in_full


def basis_in_full(*, basis, tier, protocol_reference="", grant_id=None):
    """Why the item was shown, in words: "Information-sharing protocol NW-ISP-01 at Tier 1 law
    enforcement", "Need-to-know grant 42 to the user at Tier 2 partnership", "Own agency at Tier 0
    originator"; "" when the entry has no basis (a change, a list whose results each have theirs)."""
    if not basis:
        return ""
    if basis == AccessBasis.AGGREGATE:
        return AccessBasis.AGGREGATE.label
    words = AccessBasis(basis).label if basis in AccessBasis.values else basis
    if basis == AccessBasis.PROTOCOL and protocol_reference:
        words = f"{words} {protocol_reference}"
    elif basis == AccessBasis.USER_GRANT and grant_id:
        words = f"Need-to-know grant {grant_id} to the user"
    elif basis == AccessBasis.AGENCY_GRANT and grant_id:
        words = f"Need-to-know grant {grant_id} to the agency"
    version = TIER_LABELS.get(tier, "") if tier is not None else ""
    return f"{words} at {version}" if version else words


def describe_entries(entries, *, view):
    """Attach to each entry (with `with_results`) what the page and the export show: `item` (a
    LoggedItem or None), `basis_in_full`, `shown` (a ShownItem per item listed; in OUR_RECORDS only the
    auditor's agency's) and `shown_count` (the result count; in OUR_RECORDS, of those items). One query
    for the protocols of the entries' results, none when they name none."""
    entries = list(entries)
    protocols = protocol_references(
        {r.basis_protocol_id for e in entries for r in e.results.all() if r.basis_protocol_id}
    )
    for entry in entries:
        entry.item = None
        if entry.object_type and entry.object_id:
            entry.item = LoggedItem(
                label=entry.object_label or f"{entry.object_type.capitalize()} {entry.object_id}",
                url=item_url(entry.object_type, entry.object_id),
            )
        entry.basis_in_full = basis_in_full(
            basis=entry.basis,
            tier=entry.tier,
            protocol_reference=entry.basis_protocol.reference if entry.basis_protocol else "",
            grant_id=entry.basis_grant_id,
        )
        entry.shown = [
            ShownItem(
                item=LoggedItem(
                    label=item_label(result.object_type, result.object_id, result.object_owner),
                    url=item_url(result.object_type, result.object_id),
                ),
                basis=basis_in_full(
                    basis=result.basis,
                    tier=result.tier,
                    protocol_reference=protocols.get(result.basis_protocol_id, ""),
                    grant_id=result.basis_grant_id,
                ),
            )
            for result in entry.results.all()
        ]
        entry.shown_count = entry.result_count
        if view == LogView.OUR_RECORDS and entry.result_count is not None:
            entry.shown_count = len(entry.shown)
    return entries

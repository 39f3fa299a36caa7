"""Reading the access log: what an auditor may list (`access_log_list`) in its two views (`LogView`), and
the filters the page and the API apply (AccessLogFilters, from audit.filters.AccessLogFilterSet)."""

import dataclasses
import datetime

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q

from accounts.models import Role
from ocgshare.models import AccessLogEntry, AccessLogResult
from protocols.models import Protocol


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
        # logged reads; README "Benchmarks").
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
    results = AccessLogResult.objects.order_by("id")
    if view == LogView.OUR_RECORDS:
        results = results.filter(object_owner_id=user.agency_id)
    return entries.prefetch_related(Prefetch("results", queryset=results))


def protocol_references(protocol_ids):
    """{protocol id: reference} of the protocols the results of a page were shown under (one query, none
    for no ids)."""
    if not protocol_ids:
        return {}
    return dict(Protocol.objects.filter(pk__in=protocol_ids).values_list("pk", "reference"))

"""The access log as CSV, for a subject access or a regulator's request: the entries of the page's filtered
view (audit.selectors.access_log_list, the same filters and rules), one row per entry, streamed in chunks so
that a large log never sits in memory. The export is itself a disclosure of the log, so it is logged
(action EXPORT, the filters as its query, the rows as its count) before the first row is sent."""

import csv
import itertools

from django.http import StreamingHttpResponse
from django.utils import timezone

from ocgshare.models import AccessAction

from .selectors import access_log_list, describe_entries, with_results
from .services import log_access, query_string

CHUNK = 500

COLUMNS = [
    "Entry",
    "When",
    "User",
    "User email",
    "User's agency",
    "Action",
    "Surface",
    "Item",
    "Item page",
    "Basis",
    "Query or change",
    "Results shown",
    "Items shown, each with its basis",
    "Recipient",
    "Justification",
]

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """`value` as text a spreadsheet shows and never runs: one that could start a formula gets a quote."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def entry_row(entry):
    """One entry of describe_entries as a CSV row (COLUMNS)."""
    item = entry.item
    return [
        entry.pk,
        timezone.localtime(entry.at).isoformat(),
        entry.user.full_name,
        entry.user.email,
        entry.agency.name,
        entry.get_action_display(),
        entry.get_surface_display(),
        item.label if item else "",
        item.url if item else "",
        entry.basis_in_full,
        entry.query,
        "" if entry.shown_count is None else entry.shown_count,
        "; ".join(f"{shown.item.label}: {shown.basis}" for shown in entry.shown),
        entry.recipient,
        entry.justification,
    ]


class _Echo:
    """csv.writer's file: each row written is returned, to be streamed."""

    def write(self, value):
        return value


def _rows(entries, view):
    writer = csv.writer(_Echo())
    yield writer.writerow(COLUMNS)
    chunks = entries.iterator(chunk_size=CHUNK)
    while chunk := list(itertools.islice(chunks, CHUNK)):
        for entry in describe_entries(chunk, view=view):
            yield writer.writerow([safe_cell(value) for value in entry_row(entry)])


def access_log_export(*, user, filterset, surface):
    """A streamed CSV response of the log `user` (an auditor) may read, filtered by `filterset` (an
    AccessLogFilterSet), and the EXPORT entry logging it (written first: a failed stream still shows
    the attempt). Refuses anyone who is not an auditor (access_log_list)."""
    filters = filterset.access_log_filters()
    entries = access_log_list(user=user, filters=filters)
    count = entries.count()
    export = log_access(
        user=user,
        action=AccessAction.EXPORT,
        surface=surface,
        query=query_string({**filterset.audit_params(), "view": filters.view}),
        result_count=count,
    )
    # The rows the filtered page showed when the export was asked for, not the export's own entry.
    entries = with_results(entries.exclude(pk=export.pk), user=user, view=filters.view)
    response = StreamingHttpResponse(_rows(entries, filters.view), content_type="text/csv; charset=utf-8")
    name = f"access-log-{filters.view.replace('_', '-')}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

"""The access-log benchmark (`manage.py bench_access_log`): "who read item X" over a log of ten million
item reads, as an auditor of the item's owner asks it (audit.selectors.access_log_list, the page's first
page and its count).

The log grows by one row per item shown: a list page of 50 rows writes 51 rows, so a busy national
service reaches ten million in weeks. The benchmark fills the log of the benchmark database up to
`--rows` AccessLogResult rows with list entries of 50 items each, by synthetic users over the past year,
naming the data set's nominals with their owners (one INSERT … SELECT, no Python per row; kept for later
runs, marked by their query `bench=who-read`). Then, for items of the agencies that own the most, it
times the auditor's queries: median and p95 over `--requests` items.
"""

import statistics
import time

from django.db import connection

from accounts.models import Role, User
from audit.selectors import AccessLogFilters, LogView, access_log_list
from demo import synthetic
from nominals.models import Nominal
from ocgshare.models import AccessLogEntry, AccessLogResult

from .figures import BenchmarkError, Refused, percentile
from .instruments import cpu_check, load_average

MARK = "bench=who-read"
ITEMS_PER_ENTRY = 50
TARGET_MS = 50


def fill(rows, out):
    """Add list entries of ITEMS_PER_ENTRY items until the log holds `rows` result rows."""
    have = AccessLogResult.objects.count()
    if have >= rows:
        out(f"The log holds {have:,} item reads: nothing to add.")
        return
    entries = -(-(rows - have) // ITEMS_PER_ENTRY)
    readers = list(
        User.objects.filter(agency__name__startswith=synthetic.MARKER, user_roles__role=Role.SPOC)
        .order_by("pk")
        .values_list("pk", "agency_id")[:2000]
    )
    nominals = list(Nominal.objects.order_by("pk").values_list("pk", "owning_agency_id"))
    if not readers or not nominals:
        raise Refused("There is no synthetic data set: run `manage.py generate_dataset --national` first.")
    out(f"Adding {entries:,} list entries of {ITEMS_PER_ENTRY} items ({entries * ITEMS_PER_ENTRY:,} item reads)…")
    started = time.perf_counter()
    entry_table = AccessLogEntry._meta.db_table
    result_table = AccessLogResult._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {entry_table} (user_id, agency_id, at, action, surface, object_type, object_label,
                query, result_count, basis, recipient, justification)
            SELECT (%(users)s::bigint[])[1 + g %% %(readers)s], (%(agencies)s::bigint[])[1 + g %% %(readers)s],
                now() - (g %% 31536000) * interval '1 second', 'list', 'api', '', '', %(mark)s, %(per)s, '', '', ''
            FROM generate_series(1, %(entries)s) g
            RETURNING id
            """,  # noqa: S608 - table names only
            {
                "users": [pk for pk, _ in readers],
                "agencies": [agency for _, agency in readers],
                "readers": len(readers),
                "mark": MARK,
                "per": ITEMS_PER_ENTRY,
                "entries": entries,
            },
        )
        first = min(row[0] for row in cursor.fetchall())
        # Item k of entry e: a nominal spread over the table by a multiplicative step, with its owner.
        cursor.execute(
            f"""
            INSERT INTO {result_table} (entry_id, object_type, object_id, object_owner_id, tier, basis)
            SELECT e.id, 'nominal', (%(ids)s::bigint[])[i], (%(owners)s::bigint[])[i], 2, 'protocol'
            FROM {entry_table} e
            CROSS JOIN generate_series(0, %(per)s - 1) k
            CROSS JOIN LATERAL (SELECT 1 + ((e.id * %(per)s + k) * 7919) %% %(count)s AS i) item
            WHERE e.id >= %(first)s AND e.query = %(mark)s
            """,  # noqa: S608 - table names only
            {
                "ids": [pk for pk, _ in nominals],
                "owners": [owner for _, owner in nominals],
                "per": ITEMS_PER_ENTRY,
                "count": len(nominals),
                "first": first,
                "mark": MARK,
            },
        )
        cursor.execute(f"ANALYZE {entry_table}")
        cursor.execute(f"ANALYZE {result_table}")
    out(f"…in {time.perf_counter() - started:.0f} s; the log now holds {AccessLogResult.objects.count():,} item reads.")


def _auditor(agency_id):
    return User.objects.filter(agency_id=agency_id, user_roles__role=Role.AUDITOR, is_active=True).first()


def measure(requests, out):
    """Median and p95 (ms) of the auditor's first page and count of "who read item X" (the owner's
    auditor, in the log's "who read our records" view)."""
    owners = (
        AccessLogResult.objects.filter(object_type="nominal")
        .values_list("object_owner_id", flat=True)
        .order_by("object_owner_id")
        .distinct()[:200]
    )
    auditors = [auditor for agency_id in owners if (auditor := _auditor(agency_id)) is not None][:5]
    if not auditors:
        raise BenchmarkError("No synthetic auditor belongs to an agency whose items the log names")
    items = []
    for auditor in auditors:
        owned = Nominal.objects.filter(owning_agency_id=auditor.agency_id).order_by("pk").values_list("pk", flat=True)
        items += [(auditor, pk) for pk in owned[: max(1, requests // len(auditors))]]
    figures = {}
    for view in (LogView.OUR_RECORDS,):
        page, count = [], []
        readers = 0
        for auditor, pk in items[:requests]:
            filters = AccessLogFilters(object_type="nominal", object_id=pk, view=view)
            entries = access_log_list(user=auditor, filters=filters)
            started = time.perf_counter()
            list(entries[:25])
            page.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            readers += entries.count()
            count.append((time.perf_counter() - started) * 1000)
        figures[view] = (page, count, readers)
    total = AccessLogResult.objects.count()
    out(f'\n"Who read item X" over {total:,} item reads, {len(items[:requests])} items, ms:')
    out(f"{'view':<24} {'query':<22} {'median':>7} {'p95':>7} {'target':>8}")
    missed = 0
    for view, (page, count, readers) in figures.items():
        for name, samples in (("first page (25)", page), ("count", count)):
            p95 = percentile(samples, 0.95)
            verdict = "ok" if p95 <= TARGET_MS else "MISSED"
            missed += verdict == "MISSED"
            out(
                f"{LogView(view).label:<24} {name:<22} {statistics.median(samples):>7.1f} {p95:>7.1f} "
                f"{'≤ ' + str(TARGET_MS):>8}  {verdict}"
            )
        out(f"{'':<24} ({readers:,} entries found in all)")
    return missed


def run(*, rows, requests, out):
    if connection.vendor != "postgresql":
        raise Refused("bench_access_log measures PostgreSQL, the production engine; set DATABASE_URL=postgres://…")
    if not synthetic.exists():
        raise Refused("There is no synthetic data set: run `manage.py generate_dataset --national` first.")
    out(f"Access-log benchmark. Load average {load_average()}; CPU check {cpu_check():.0f} ms.")
    fill(rows, out)
    missed = measure(requests, out)
    out(f"\nLoad average at the end: {load_average()}; CPU check {cpu_check():.0f} ms.")
    return missed

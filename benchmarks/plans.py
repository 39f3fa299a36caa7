"""Where the time of a request goes: its queries, slowest first, with the SQL against the Python, and
summaries of EXPLAIN ANALYZE plans."""

import re
import time
from urllib.parse import urlencode

from django.db import connection
from django.urls import reverse

from .instruments import QueryTimer, client_for, get_ok
from .viewers import search_terms


def profiles(viewer, out, *, explain):
    """For one request of each surface as `viewer`: the split between SQL and Python, the slowest queries
    and, with `explain`, the plans of the two slowest."""
    client = client_for(viewer.user)
    term = search_terms(viewer.user)[1]
    for name, path in (
        ("list page", reverse("nominals:nominal-list")),
        ("API list", reverse("nominal-list")),
        ("search page", f"{reverse('nominals:search')}?{urlencode({'q': term})}"),
    ):
        get_ok(client, path)
        timer = QueryTimer()
        with connection.execute_wrapper(timer):
            started = time.perf_counter()
            get_ok(client, path)
            total = (time.perf_counter() - started) * 1000
        out(
            f"\nOne {name} request ({viewer.label}, {path}): {total:.1f} ms; {len(timer.queries)} queries "
            f"{timer.total:.1f} ms, the rest ({total - timer.total:.1f} ms) Python: views, forms, templates, "
            f"serializers, the engine building its query"
        )
        slowest = sorted(timer.queries, key=lambda query: -query[2])
        for sql, _, ms in slowest[:4]:
            out(f"  {ms:7.1f} ms  {_shorten(sql)}")
        if explain:
            for sql, params, _ in slowest[:2]:
                if sql.lstrip().upper().startswith("SELECT") and params is not None:
                    explain_plan(sql, params, out)


def explain_plan(sql, params, out):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        plan = [row[0] for row in cursor.fetchall()]
    out(f"  EXPLAIN ANALYZE {_shorten(sql, 90)}")
    for line in _plan_summary(plan):
        out(f"    {line}")


def plan_line(sql, params):
    """One line summing up the plan of `sql`: its first nodes, the indexes used and its timing."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        plan = [row[0] for row in cursor.fetchall()]
    text = "\n".join(plan)
    nodes = [
        line.strip().removeprefix("->  ").split("  (")[0]
        for line in plan
        if "(cost=" in line and not line.strip().startswith(("Buffers", "Planning", "Execution"))
    ]
    indexes = sorted(set(re.findall(r"(?:using|Index Scan on) (\w+)", text)))
    scans = sorted(set(re.findall(r"Seq Scan on (\w+)", text)))
    timing = dict(re.findall(r"(Planning|Execution) Time: ([\d.]+) ms", text))
    return (
        f"{' > '.join(nodes[:4])}; indexes {', '.join(indexes) or 'none'}; seq scans {', '.join(scans) or 'none'}; "
        f"execution {timing.get('Execution', '?')} ms, planning {timing.get('Planning', '?')} ms"
    )


def _shorten(sql, width=110):
    text = " ".join(sql.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _plan_summary(plan, lines=28):
    """The plan's first lines (its shape), the indexes and sequential scans used, and its timing."""
    timing = [line.strip() for line in plan if line.strip().startswith(("Planning Time", "Execution Time"))]
    shape = [line if len(line) <= 150 else line[:149] + "…" for line in plan if line.strip() not in timing]
    summary = shape[:lines]
    if len(shape) > lines:
        summary.append(f"… {len(shape) - lines} more lines")
    text = "\n".join(plan)
    indexes = sorted(set(re.findall(r"(?:using|Index Scan on) (\w+)", text)))
    scans = sorted(set(re.findall(r"Seq Scan on (\w+)", text)))
    summary.append(f"indexes used: {', '.join(indexes) or 'none'}; sequential scans: {', '.join(scans) or 'none'}")
    return summary + timing

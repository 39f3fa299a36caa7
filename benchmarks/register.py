"""The register benchmark (`manage.py bench_register`): server-side time per request of the register's
pages and API on PostgreSQL, over a synthetic data set (demo.synthetic, `manage.py generate_dataset`).

Requests go in-process through Django's test Client — URL routing, middleware, session and user loading,
the views, templates, serializers and the access log — so each figure is what the server spends on the
request, without the network or a web server in front. Everything runs in one transaction that is rolled
back at the end: the access log entries the requests write and the suspended protocol do not survive
the run (so the per-request COMMIT, a few fsyncs, is not in the figures).

What it reports (the issue's "Speed" targets, DESIGN.md §4.2):

* p50/p95/max of the nominal list page, the API list, the search page and the API search, for each viewer;
* the engine's list query against a hand-written SQL query returning the same rows (asserted), and the
  whole page and API list against the same code given an unfiltered queryset;
* the rows written when a protocol is suspended (and reinstated), through protocols.services;
* where the time of one request goes (its queries), and EXPLAIN ANALYZE of the list and count queries;
* the API list once more with Python's garbage collector off, to show how much of the tail is GC pauses.

Missed targets are printed as MISSED; only errors (a failed request, different rows) make it fail.

This module runs the measurements in order and reports them; each lives with what it measures: the
targets and figures (benchmarks.figures), who looks (.viewers), the instruments (.instruments), the
hand-written floor and the unfiltered page (.floor), the suspension (.suspension) and where a request's
time goes (.plans).
"""

import gc
import logging
import os
import statistics
import time
import warnings
from urllib.parse import urlencode

from django.db import connection, transaction
from django.test.utils import override_settings
from django.urls import reverse

from demo import synthetic
from nominals.selectors.common import nominal_queryset
from ocgshare import gctuning, lists

from .figures import (
    API_PAGE_SIZE,
    LIST_P95_MS,
    PARTNER_VIEWERS,
    RATIO_TARGET,
    SEARCH_P95_MS,
    BenchmarkError,
    Ratio,
    Refused,
    Timing,
)
from .floor import engine_list_queryset, hand_written_list_sql, ids_and_tiers, unfiltered_nominals
from .instruments import client_for, cpu_check, load_average, time_requests, time_sql
from .plans import plan_line, profiles
from .suspension import measure_suspension
from .viewers import choose_viewers, search_terms


class Benchmark:
    def __init__(self, *, requests, warmup, viewers, out):
        self.requests = requests
        self.warmup = warmup
        self.wanted = viewers
        self.out = out
        self.timings = []
        self.ratios = []
        self.plans = []

    def run(self):
        if connection.vendor != "postgresql":
            raise Refused(
                "The benchmark measures PostgreSQL, the production engine, and refuses to run on "
                f"{connection.vendor}. Set DATABASE_URL=postgres://… (a database of its own), run "
                "`manage.py migrate` and `manage.py generate_dataset --national` there, then run it again."
            )
        if not synthetic.exists():
            raise Refused("There is no synthetic data set: run `manage.py generate_dataset` first.")
        # DEBUG would record every query and render templates in debug mode: not what production runs.
        # Sign-ins are logged by django-axes and whitenoise warns about uncollected static files: noise here.
        axes_logger = logging.getLogger("axes")
        axes_level = axes_logger.level
        axes_logger.setLevel(logging.WARNING)
        try:
            with (
                warnings.catch_warnings(),
                override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]),
                transaction.atomic(),
            ):
                warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
                try:
                    self._run()
                finally:
                    transaction.set_rollback(True)
        finally:
            axes_logger.setLevel(axes_level)

    def _run(self):
        self._describe_data()
        # As the web processes run (ocgshare.wsgi): what is loaded now is frozen out of collections.
        gctuning.tune()
        self.out(
            "Garbage collector tuned as in the web processes (ocgshare.gctuning): start-up objects frozen, "
            f"first-generation threshold {gctuning.GEN0_THRESHOLD:,}."
        )
        viewers = choose_viewers(self.wanted)
        if not viewers:
            raise BenchmarkError("No synthetic user sees any nominal: is any synthetic protocol active?")
        self.out("\nViewers:")
        for viewer in viewers:
            self.out(
                f"  {viewer.label:<8} {viewer.user.email} ({viewer.user.agency.name}): {viewer.description}; "
                f"sees {viewer.visible:,} nominals"
            )
        for viewer in viewers:
            self._surfaces(viewer)
        self._without_gc(viewers[0])
        self._report_timings()
        self._report_ratios()
        self.out("\nQuery plans (EXPLAIN ANALYZE): the plan's top nodes, indexes, timing")
        for viewer_label, name, line in self.plans:
            self.out(f"  {viewer_label:<8} {name:<28} {line}")
        measure_suspension(viewers, self.out)
        for viewer in viewers:
            profiles(viewer, self.out, explain=viewer is viewers[0])
        self.out(f"\nLoad average at the end (1, 5, 15 min): {load_average()}; CPU check {cpu_check():.0f} ms.")

    def _describe_data(self):
        counts = synthetic.summary()
        self.out("Data set: " + ", ".join(f"{count:,} {name}" for name, count in counts.items()))
        self.out(
            f"PostgreSQL {connection.pg_version // 10000}; {self.requests} timed requests per figure after "
            f"{self.warmup} warm-up requests; times in milliseconds, server-side, in-process. "
            f"{os.cpu_count()} CPUs, load average {load_average()}. CPU check: {cpu_check():.0f} ms (a fixed loop of "
            "pure Python, the best of 5: on a shared machine a slower check means every figure is slower)."
        )

    def _surfaces(self, viewer):
        client = client_for(viewer.user)
        list_page = reverse("nominals:nominal-list")
        api_list = reverse("nominal-list")
        search_page = reverse("nominals:search")
        api_search = reverse("nominal-search")
        terms = search_terms(viewer.user)
        # The issue sets the list target for a partner user; the police analyst's lists are measured
        # for reference (their rows carry tier 0 and 1 fields, so more to fetch and render).
        list_target = LIST_P95_MS if viewer.label in PARTNER_VIEWERS else None
        timed = [
            (f"list page ({lists.PAGE_SIZE}/page)", [list_page], list_target),
            (f"API list ({API_PAGE_SIZE}/page)", [api_list], list_target),
            ("search page", [f"{search_page}?{urlencode({'q': term})}" for term in terms], SEARCH_P95_MS),
            ("API search", [f"{api_search}?{urlencode({'q': term})}" for term in terms], SEARCH_P95_MS),
        ]
        results = {}
        for name, paths, target in timed:
            samples = time_requests(client, paths, requests=self.requests, warmup=self.warmup)
            timing = Timing(name, viewer.label, samples, target)
            self.timings.append(timing)
            results[name] = timing
        self._query_versus_floor(viewer)
        tier = self._typical_tier(viewer.user)
        with unfiltered_nominals(tier):
            unfiltered = {
                name: Timing(
                    f"{name} unfiltered",
                    viewer.label,
                    time_requests(client, paths, requests=self.requests, warmup=self.warmup),
                )
                for name, paths, _ in timed[:2]
            }
        for name, _, _ in timed[:2]:
            self.ratios.append(
                Ratio(f"whole {name}: filtered / unfiltered", viewer.label, results[name], unfiltered[name])
            )

    def _without_gc(self, viewer, block=10):
        """The API list with Python's cyclic garbage collector on and off, in alternating blocks of
        requests so that load from elsewhere on the machine weighs on both alike: how much of the tail
        (p95 against median) is collection pauses rather than the request's own work."""
        client = client_for(viewer.user)
        paths = [reverse("nominal-list")]
        time_requests(client, paths, requests=0, warmup=self.warmup)
        on = Timing(f"API list ({API_PAGE_SIZE}/page), GC on: diagnostic", viewer.label)
        off = Timing(f"API list ({API_PAGE_SIZE}/page), GC off: diagnostic", viewer.label)
        try:
            while len(off.samples) < self.requests:
                for timing, collect in ((on, True), (off, False)):
                    if collect:
                        gc.enable()
                    else:
                        gc.disable()
                    count = min(block, self.requests - len(timing.samples))
                    timing.samples += time_requests(client, paths, requests=count, warmup=0)
        finally:
            gc.enable()
        self.timings += [on, off]

    def _typical_tier(self, user):
        tiers = list(engine_list_queryset(user, limit=lists.PAGE_SIZE).values_list("viewer_tier", flat=True))
        return statistics.mode(tiers) if tiers else 2

    def _query_versus_floor(self, viewer):
        user = viewer.user
        limit = lists.PAGE_SIZE
        queryset = engine_list_queryset(user, limit=limit)
        engine_sql, engine_params = queryset.query.get_compiler(using=queryset.db).as_sql()
        hand_sql, hand_params = hand_written_list_sql(user, limit=limit)
        engine_rows = list(queryset.values_list("id", "viewer_tier"))
        hand_rows = ids_and_tiers(hand_sql, hand_params)
        if engine_rows != hand_rows:
            raise BenchmarkError(
                f"The engine and the hand-written query disagree for {viewer.label}: "
                f"{engine_rows[:5]}… against {hand_rows[:5]}…"
            )
        build = Timing("engine: build + compile list query (Python)", viewer.label)
        for _ in range(self.requests):
            started = time.perf_counter()
            built = engine_list_queryset(user, limit=limit)
            built.query.get_compiler(using=built.db).as_sql()
            build.samples.append((time.perf_counter() - started) * 1000)
        engine = Timing("list query (engine, as the page runs it)", viewer.label)
        engine.samples = time_sql(engine_sql, engine_params, requests=self.requests, warmup=self.warmup)
        hand = Timing("list query (hand-written SQL)", viewer.label)
        hand.samples = time_sql(hand_sql, hand_params, requests=self.requests, warmup=self.warmup)
        self.timings += [build, engine, hand]
        self.plans.append((viewer.label, "list query (engine)", plan_line(engine_sql, engine_params)))
        self.plans.append((viewer.label, "list query (hand-written)", plan_line(hand_sql, hand_params)))
        self.ratios.append(Ratio(f"list query, first {limit}: engine / hand-written", viewer.label, engine, hand))
        # The page's paginator also counts the list; the same comparison for the count.
        count_queryset = nominal_queryset(user).order_by()
        count_sql, count_params = count_queryset.values("pk").query.get_compiler(using=count_queryset.db).as_sql()
        count = Timing("count query (engine)", viewer.label)
        count.samples = time_sql(
            f"SELECT COUNT(*) FROM ({count_sql}) visible",  # noqa: S608 - the engine's own SQL
            count_params,
            requests=self.requests,
            warmup=self.warmup,
        )
        self.timings.append(count)
        count_sql = f"SELECT COUNT(*) FROM ({count_sql}) visible"  # noqa: S608 - the engine's own SQL
        self.plans.append((viewer.label, "count query (engine)", plan_line(count_sql, count_params)))

    # reporting ------------------------------------------------------------------------------------------

    def _report_timings(self):
        self.out("\nServer-side time per request (ms)")
        header = f"  {'surface':<44} {'viewer':<8} {'n':>4} {'median':>8} {'p95':>8} {'max':>8}  {'target':<10} result"
        self.out(header)
        self.out("  " + "-" * (len(header) - 2))
        for timing in self.timings:
            target = f"p95≤{timing.target_p95:g}" if timing.target_p95 is not None else ""
            self.out(
                f"  {timing.name:<44} {timing.viewer:<8} {len(timing.samples):>4} {timing.median:>8.1f} "
                f"{timing.p95:>8.1f} {timing.max:>8.1f}  {target:<10} {timing.verdict}"
            )

    def _report_ratios(self):
        self.out(f"\nRatios of medians (target ≤ {RATIO_TARGET}×)")
        for ratio in self.ratios:
            self.out(
                f"  {ratio.name:<58} {ratio.viewer:<8} {ratio.measured.median:>7.1f} / {ratio.floor.median:>6.1f} ms"
                f" = {ratio.value:4.2f}×  {ratio.verdict}"
            )

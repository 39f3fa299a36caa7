"""The register benchmark (`manage.py bench_register`): server-side time per request of the register's
pages and API on PostgreSQL, over a synthetic data set (nominals/management/synthetic.py).

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
"""

import gc
import logging
import math
import os
import re
import statistics
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import connection, transaction
from django.db.models import Count, IntegerField, Value
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone

import access
from accounts.models import Role, User
from ocgshare import gctuning, lists
from protocols import services as protocol_services
from protocols.constants import ProtocolStatus
from protocols.models import Protocol, ProtocolGroupObjectPermission, ProtocolParty

from ..models import Nominal
from ..selectors.common import nominal_queryset
from ..selectors.nominals import TABLE_ROW, nominal_list
from . import synthetic

LIST_P95_MS = 50  # for a partner user
PARTNER_VIEWERS = ("partner", "narrow")
SEARCH_P95_MS = 150
RATIO_TARGET = 1.5
SUSPENSION_ROWS_TARGET = 100
API_PAGE_SIZE = 50
WRITE_RE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


class BenchmarkError(Exception):
    """Something that makes the figures meaningless: a failed request, rows that differ."""


class Refused(Exception):
    """The benchmark cannot run here (not PostgreSQL, no synthetic data)."""


# --- figures -------------------------------------------------------------------------------------------


def percentile(samples, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


@dataclass
class Timing:
    name: str
    viewer: str
    samples: list = field(default_factory=list)
    target_p95: float | None = None

    @property
    def median(self):
        return statistics.median(self.samples)

    @property
    def p95(self):
        return percentile(self.samples, 0.95)

    @property
    def max(self):
        return max(self.samples)

    @property
    def verdict(self):
        if self.target_p95 is None:
            return ""
        return "ok" if self.p95 <= self.target_p95 else "MISSED"


@dataclass
class Ratio:
    name: str
    viewer: str
    measured: Timing
    floor: Timing
    target: float = RATIO_TARGET

    @property
    def value(self):
        return self.measured.median / self.floor.median

    @property
    def verdict(self):
        return "ok" if self.value <= self.target else "MISSED"


@dataclass
class Viewer:
    label: str
    user: User
    visible: int
    description: str


# --- choosing who looks ------------------------------------------------------------------------------


def _active_protocols(today):
    return Protocol.objects.filter(
        reference__startswith=synthetic.PROTOCOL_PREFIX,
        status=ProtocolStatus.ACTIVE,
        start_date__lte=today,
        end_date__gte=today,
    )


def _readers(today, role):
    return (
        User.objects.filter(
            agency__name__startswith=synthetic.MARKER,
            is_active=True,
            vetting_expires__gte=today,
            user_roles__role=role,
        )
        .select_related("agency")
        .order_by("agency_id", "pk")
    )


def _visible_count(user):
    return access.visible(user, Nominal.objects.all()).count()


def choose_viewers(wanted):
    """The viewers the benchmark runs as: `partner` (the partner SPOC who sees most nominals), `narrow`
    (the partner SPOC who sees fewest, but some: the first page is then furthest down the ordering
    index) and `police` (an analyst of the police force in most active protocols: own items and tier 1)."""
    today = timezone.localdate()
    active = _active_protocols(today)
    party_agencies = ProtocolParty.objects.filter(protocol__in=active).values("agency_id")
    viewers = []
    if {"partner", "narrow"} & set(wanted):
        counted = []
        seen = set()
        for user in (
            _readers(today, Role.SPOC)
            .filter(agency__in=party_agencies)
            .exclude(agency__kind__in=synthetic.LAW_ENFORCEMENT_KINDS)
        ):
            if user.agency_id not in seen:
                seen.add(user.agency_id)
                count = _visible_count(user)
                if count:
                    counted.append((count, user.agency_id, user))
        if counted:
            counted.sort(key=lambda item: (item[0], item[1]))
            if "partner" in wanted:
                count, _, user = counted[-1]
                viewers.append(Viewer("partner", user, count, "partner SPOC seeing the most nominals"))
            if "narrow" in wanted:
                count, _, user = counted[0]
                viewers.append(Viewer("narrow", user, count, "partner SPOC seeing the fewest nominals"))
    if "police" in wanted:
        busiest = (
            ProtocolParty.objects.filter(protocol__in=active, agency__kind="police_force")
            .values("agency_id")
            .annotate(protocols=Count("pk"))
            .order_by("-protocols", "agency_id")
        )
        for row in busiest:
            user = next(
                (u for u in _readers(today, Role.ANALYST).filter(agency_id=row["agency_id"]) if u.vetting_level >= 2),
                None,
            )
            if user is not None:
                viewers.append(
                    Viewer("police", user, _visible_count(user), "police analyst: own nominals and tier 1 of partners")
                )
                break
    return viewers


# --- timing requests ------------------------------------------------------------------------------------


def _get(client, path):
    response = client.get(path, secure=True)
    if response.status_code != 200:
        raise BenchmarkError(f"GET {path} answered {response.status_code}: {response.content[:300]!r}")
    return response


def time_requests(client, paths, *, requests, warmup):
    """Milliseconds per request, cycling through `paths`, after `warmup` untimed requests."""
    for i in range(warmup):
        _get(client, paths[i % len(paths)])
    samples = []
    for i in range(requests):
        path = paths[i % len(paths)]
        started = time.perf_counter()
        response = client.get(path, secure=True)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise BenchmarkError(f"GET {path} answered {response.status_code}")
    return samples


def time_sql(sql, params, *, requests, warmup):
    with connection.cursor() as cursor:
        for _ in range(warmup):
            cursor.execute(sql, params)
            cursor.fetchall()
        samples = []
        for _ in range(requests):
            started = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            samples.append((time.perf_counter() - started) * 1000)
    return samples


# --- the hand-written floor -----------------------------------------------------------------------------


def hand_written_list_sql(user, *, limit):
    """The first page of the nominals `user` may see, newest first, with the tier of each: the access rule
    written by hand as EXISTS over protocol party ⋈ protocol grant (plus own agency and need-to-know
    grants), for comparison with what the engine generates. (sql, params)."""
    viewer = access.viewer_for(user)
    params = {
        "own": viewer.agency_id,
        "user": viewer.user_id,
        "groups": list(viewer.group_ids),
        "today": timezone.localdate(),
        "now": timezone.now(),
        "floor": viewer.vetting_floor,
        "limit": limit,
        "active": ProtocolStatus.ACTIVE.value,
    }
    protocol_grant = """
        FROM protocols_protocolparty pp
        JOIN protocols_protocolgroupobjectpermission g ON g.content_object_id = pp.protocol_id
        JOIN protocols_protocol p ON p.id = pp.protocol_id
        WHERE pp.agency_id = {n}.owning_agency_id AND g.category = {n}.category
          AND g.group_id = ANY(%(groups)s) AND g.tier <= 2
          AND p.status = %(active)s AND p.start_date <= %(today)s AND p.end_date >= %(today)s"""
    user_grant = """
        FROM nominals_nominaluserobjectpermission ug
        WHERE ug.content_object_id = {n}.id AND ug.user_id = %(user)s AND ug.expires_at > %(now)s AND ug.tier <= 2"""
    group_grant = """
        FROM nominals_nominalgroupobjectpermission gg
        WHERE gg.content_object_id = {n}.id AND gg.group_id = ANY(%(groups)s)
          AND gg.expires_at > %(now)s AND gg.tier <= 2"""
    routes = []  # (SELECT ... tail) for each route other than the owner's
    if viewer.reads_others:
        if viewer.group_ids:
            routes.append(("g.tier", protocol_grant))
        routes.append(("ug.tier", user_grant))
        if viewer.group_ids:
            routes.append(("gg.tier", group_grant))
    where = ["n.owning_agency_id = %(own)s"] if viewer.sees_own else []
    where += [f"EXISTS (SELECT 1 {tail.format(n='n')})" for _, tail in routes]
    tiers = ["CASE WHEN page.owning_agency_id = %(own)s THEN 0 ELSE 9 END"] if viewer.sees_own else []
    tiers += [f"COALESCE((SELECT MIN({column}) {tail.format(n='page')}), 9)" for column, tail in routes]
    tier = tiers[0] if len(tiers) == 1 else f"LEAST({', '.join(tiers)})"
    # Composed of the constant fragments above only; every value is a parameter.
    sql = f"""
        SELECT page.*, a.*, GREATEST(%(floor)s, {tier}) AS viewer_tier
        FROM (
            SELECT n.* FROM nominals_nominal n
            WHERE {" OR ".join(where) or "FALSE"}
            ORDER BY n.created_at DESC, n.id DESC
            LIMIT %(limit)s
        ) page
        JOIN agencies_agency a ON a.id = page.owning_agency_id
        ORDER BY page.created_at DESC, page.id DESC"""  # noqa: S608
    return sql, params


def _ids_and_tiers(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        id_at, tier_at = names.index("id"), len(names) - 1
        return [(row[id_at], row[tier_at]) for row in cursor.fetchall()]


def engine_list_queryset(user, *, limit):
    """The row query of the nominal list page's first page as the page runs it, with the relations its
    table shows (which the hand-written query does not fetch)."""
    return nominal_list(user=user, relations=TABLE_ROW)[:limit]


# --- the page without the filter ----------------------------------------------------------------------


@contextmanager
def unfiltered_nominals(tier):
    """Let the access engine pass nominal querysets through unfiltered, annotated as it annotates them
    (every row at `tier`), so the same views, templates and serializers run without the filter on the
    rows listed. Everything else (the OCGs in the filter form, the OCG links of each row) is still
    filtered, so the two pages differ only by the filter on the list."""
    original_visible, original_only_visible = access.visible, access.only_visible

    def visible(user, queryset):
        if queryset.model is not Nominal:
            return original_visible(user, queryset)
        return queryset.annotate(viewer_tier=Value(tier, output_field=IntegerField()))

    def only_visible(user, queryset):
        return queryset if queryset.model is Nominal else original_only_visible(user, queryset)

    access.visible, access.only_visible = visible, only_visible
    try:
        yield
    finally:
        access.visible, access.only_visible = original_visible, original_only_visible


# --- counting rows written -------------------------------------------------------------------------------


class WriteCounter:
    """A connection.execute_wrapper counting statements and rows of INSERT, UPDATE and DELETE."""

    def __init__(self):
        self.rows = {}
        self.statements = 0

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        match = WRITE_RE.match(sql)
        if match:
            table = re.search(r'(?:INTO|UPDATE|FROM)\s+"?(\w+)"?', sql, re.IGNORECASE)
            key = f"{match.group(1).upper()} {table.group(1) if table else '?'}"
            self.rows[key] = self.rows.get(key, 0) + max(context["cursor"].rowcount, 0)
            self.statements += 1
        return result

    @property
    def total(self):
        return sum(self.rows.values())


class QueryTimer:
    """A connection.execute_wrapper timing each statement: [(sql, params, milliseconds)]."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((sql, None if many else params, (time.perf_counter() - started) * 1000))

    @property
    def total(self):
        return sum(ms for _, _, ms in self.queries)


# --- the run -----------------------------------------------------------------------------------------


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
        self._suspension(viewers)
        for viewer in viewers:
            self._profiles(viewer, explain=viewer is viewers[0])
        self.out(f"\nLoad average at the end (1, 5, 15 min): {_load()}; CPU check {cpu_check():.0f} ms.")

    def _describe_data(self):
        counts = synthetic.summary()
        self.out("Data set: " + ", ".join(f"{count:,} {name}" for name, count in counts.items()))
        self.out(
            f"PostgreSQL {connection.pg_version // 10000}; {self.requests} timed requests per figure after "
            f"{self.warmup} warm-up requests; times in milliseconds, server-side, in-process. "
            f"{os.cpu_count()} CPUs, load average {_load()}. CPU check: {cpu_check():.0f} ms (a fixed loop of "
            "pure Python, the best of 5: on a shared machine a slower check means every figure is slower)."
        )

    def _client(self, user):
        client = Client()
        client.force_login(user)
        return client

    def _search_terms(self, user):
        """Ten searches a user might make, drawn from nominals they can see."""
        rows = list(
            access.visible(user, Nominal.objects.all())
            .order_by("-created_at", "-id")
            .values("surname", "forenames", "date_of_birth", "pnc_id")[:200]
        )
        if not rows:
            return ["smith"]
        terms = ["smith", rows[0]["surname"], f"{rows[1 % len(rows)]['forenames']} {rows[1 % len(rows)]['surname']}"]
        misspelt = rows[2 % len(rows)]["surname"]
        terms.append(misspelt[:-2] + misspelt[-1] + misspelt[-2] if len(misspelt) > 3 else misspelt)
        terms.append(rows[3 % len(rows)]["surname"][:4])
        with_pnc = [row for row in rows if row["pnc_id"]]
        if with_pnc:
            terms.append(with_pnc[0]["pnc_id"])
        with_birth = [row for row in rows if row["date_of_birth"]]
        if with_birth:
            row = with_birth[0]
            terms.append(f"{row['surname']} {row['date_of_birth']:%d/%m/%Y}")
        terms += ["jones", "patel", "wood"]
        return terms[:10]

    def _surfaces(self, viewer):
        client = self._client(viewer.user)
        list_page = reverse("nominals:nominal-list")
        api_list = reverse("nominal-list")
        search_page = reverse("nominals:search")
        api_search = reverse("nominal-search")
        terms = self._search_terms(viewer.user)
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
        client = self._client(viewer.user)
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
        hand_rows = _ids_and_tiers(hand_sql, hand_params)
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
        self.plans.append((viewer.label, "list query (engine)", _plan_line(engine_sql, engine_params)))
        self.plans.append((viewer.label, "list query (hand-written)", _plan_line(hand_sql, hand_params)))
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
        self.plans.append((viewer.label, "count query (engine)", _plan_line(count_sql, count_params)))

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

    # suspension -------------------------------------------------------------------------------------------

    def _suspension(self, viewers):
        today = timezone.localdate()
        protocol = self._most_shared_protocol(today)
        if protocol is None:
            self.out("\nSuspending a protocol: no active synthetic protocol to suspend.")
            return
        protocol, shared_count = protocol
        actor = User.objects.get(
            pk=ProtocolParty.objects.get(protocol=protocol, agency=protocol.lead_agency).signatory_id
        )
        parties = protocol.parties.count()
        grants_before = ProtocolGroupObjectPermission.objects.filter(content_object=protocol).count()
        witness = next((v.user for v in viewers if protocol.parties.filter(agency=v.user.agency).exists()), None)
        if witness is None:
            witness = (
                User.objects.filter(
                    agency__protocol_parties__protocol=protocol, user_roles__role=Role.SPOC, vetting_expires__gte=today
                )
                .exclude(agency=protocol.lead_agency)
                .first()
            )
        seen_before = _visible_count(witness) if witness else None
        counter = WriteCounter()
        started = time.perf_counter()
        with connection.execute_wrapper(counter):
            protocol_services.protocol_suspend(actor=actor, protocol=protocol, reason="Benchmark: breach investigation")
        suspend_ms = (time.perf_counter() - started) * 1000
        grants_after = ProtocolGroupObjectPermission.objects.filter(content_object=protocol).count()
        if witness is not None:
            access.forget_viewer(witness)
            witness = User.objects.get(pk=witness.pk)
        seen_after = _visible_count(witness) if witness else None
        reinstated = WriteCounter()
        started = time.perf_counter()
        with connection.execute_wrapper(reinstated):
            protocol_services.protocol_reinstate(actor=actor, protocol=protocol)
        reinstate_ms = (time.perf_counter() - started) * 1000
        verdict = "ok" if counter.total < SUSPENSION_ROWS_TARGET else "MISSED"
        self.out(
            f"\nSuspending {protocol.reference} ({parties} parties, {grants_before} grant rows; {shared_count:,} "
            f"nominals of its parties in the categories it covers) through protocols.services:"
        )
        self.out(
            f"  suspend:   {counter.total} rows written in {counter.statements} statements, {suspend_ms:.0f} ms "
            f"(target < {SUSPENSION_ROWS_TARGET} rows: {verdict}); grant rows {grants_before} → {grants_after}"
        )
        for key, rows in sorted(counter.rows.items()):
            self.out(f"             {rows:>5}  {key}")
        self.out(
            f"  reinstate: {reinstated.total} rows written in {reinstated.statements} statements, {reinstate_ms:.0f} ms"
        )
        if witness is not None:
            self.out(
                f"  a user of a party ({witness.agency.name}) saw {seen_before:,} nominals before and "
                f"{seen_after:,} on the next request"
            )

    def _most_shared_protocol(self, today):
        """The active synthetic protocol under which most nominals are shared (owned by a party, in a
        category some party receives), with that number."""
        best = None
        for protocol in _active_protocols(today).order_by("pk"):
            categories = ProtocolGroupObjectPermission.objects.filter(content_object=protocol).values("category")
            shared = Nominal.objects.filter(
                owning_agency__protocol_parties__protocol=protocol, category__in=categories
            ).count()
            if best is None or shared > best[1]:
                best = (protocol, shared)
        return best

    # where the time goes ------------------------------------------------------------------------------

    def _profiles(self, viewer, *, explain):
        client = self._client(viewer.user)
        term = self._search_terms(viewer.user)[1]
        for name, path in (
            ("list page", reverse("nominals:nominal-list")),
            ("API list", reverse("nominal-list")),
            ("search page", f"{reverse('nominals:search')}?{urlencode({'q': term})}"),
        ):
            _get(client, path)
            timer = QueryTimer()
            with connection.execute_wrapper(timer):
                started = time.perf_counter()
                _get(client, path)
                total = (time.perf_counter() - started) * 1000
            self.out(
                f"\nOne {name} request ({viewer.label}, {path}): {total:.1f} ms; {len(timer.queries)} queries "
                f"{timer.total:.1f} ms, the rest ({total - timer.total:.1f} ms) Python: views, forms, templates, "
                f"serializers, the engine building its query"
            )
            slowest = sorted(timer.queries, key=lambda query: -query[2])
            for sql, _, ms in slowest[:4]:
                self.out(f"  {ms:7.1f} ms  {_shorten(sql)}")
            if explain:
                for sql, params, _ in slowest[:2]:
                    if sql.lstrip().upper().startswith("SELECT") and params is not None:
                        self._explain(sql, params)

    def _explain(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
            plan = [row[0] for row in cursor.fetchall()]
        self.out(f"  EXPLAIN ANALYZE {_shorten(sql, 90)}")
        for line in _plan_summary(plan):
            self.out(f"    {line}")


def _plan_line(sql, params):
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


def cpu_check():
    """Milliseconds for a fixed pure-Python workload, the best of five: how fast this machine is now. On a
    shared virtual machine the same code measures up to twice as slow when neighbours are busy (load
    average does not show it), so the figures of two runs compare only at similar checks."""
    best = math.inf
    for _ in range(5):
        started = time.perf_counter()
        total = 0
        for i in range(1_000_000):
            total += i * i
        best = min(best, (time.perf_counter() - started) * 1000)
    return best


def _load():
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


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

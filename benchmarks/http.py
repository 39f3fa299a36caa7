"""The load benchmark over HTTP (`manage.py bench_http`, `make loadtest`): the register as users meet it,
through gunicorn with the production settings, many requests at once.

It serves the benchmark database with gunicorn (ocgshare.gunicorn, DEBUG off, as deployed behind a TLS
proxy: the client sends `X-Forwarded-Proto: https` from 127.0.0.1, which gunicorn believes) and drives it
with ApacheBench (`ab`, from Debian's apache2-utils: keep-alive, a fixed concurrency, a fixed number of
requests), as the partner SPOC who sees the most nominals (benchmarks.viewers). For each surface it
reports requests per second, p50 and p95, errors, and the ratio of its req/s to the floor's measured in
the same run — the floor is `/api/me/`, the smallest signed-in request, so the ratio is how close a
surface comes to what the framework costs anyway. It reads the CPU the server's processes, PostgreSQL's
and ab's used (from /proc and getrusage) and divides it by the requests.

Then, in this process, it runs the same requests through Django's test client under a PhaseClock
(benchmarks.phases) to split the server's time per request into engine build and query compile, SQL,
serialization or rendering, the access-log write and the rest.

The requests write access-log entries, sessions and an API token into the benchmark database; the token
and session are deleted at the end, the log entries stay (the log is append-only).
"""

import os
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

import access
from accounts.models import ApiToken
from demo import synthetic
from nominals.models import Nominal

from .figures import BenchmarkError, Refused
from .instruments import cpu_check, load_average
from .phases import PHASES, PhaseClock
from .viewers import choose_viewers, search_terms


@dataclass(frozen=True)
class Surface:
    name: str
    path: str
    session: bool  # a page: signed in by session cookie, not by token
    target: float | None  # the least share of the floor's req/s (issue 14)


@dataclass
class Result:
    surface: Surface
    requests: int
    per_second: float
    p50: float
    p95: float
    errors: int
    server_cpu_ms: float
    database_cpu_ms: float
    client_cpu_ms: float
    ratio: float | None = None

    @property
    def verdict(self):
        if self.surface.target is None or self.ratio is None:
            return ""
        return "ok" if self.ratio >= self.surface.target and not self.errors else "MISSED"


def surfaces(user):
    """The five surfaces, with a search and a nominal the user may see."""
    nominal = access.visible(user, Nominal.objects.order_by("-created_at", "-id")).values_list("pk", flat=True)[:1]
    if not nominal:
        raise BenchmarkError(f"{user.email} sees no nominal")
    term = search_terms(user)[1]
    return [
        Surface("floor: /api/me/", reverse("api-me"), False, None),
        Surface("API list (50 rows)", reverse("nominal-list"), False, 0.50),
        Surface("list page (25 rows)", reverse("nominals:nominal-list"), True, 0.40),
        Surface("API search", f"{reverse('nominal-search')}?q={term.replace(' ', '+')}", False, 0.40),
        Surface("nominal detail (API)", reverse("nominal-detail", args=[nominal[0]]), False, 0.50),
    ]


# --- the server -----------------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    """The URL of this process's database, for the server: the same database, whatever DATABASE_URL says
    (under pytest, the test database)."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "postgres", safe="") + (
        f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    )
    host = quote(db["HOST"] or "127.0.0.1", safe="")
    return f"postgres://{credentials}@{host}:{db['PORT'] or 5432}/{quote(db['NAME'], safe='')}"


def start_server(port, *, secret_key, workers, threads):
    """gunicorn with the production settings on 127.0.0.1:`port`; waits until it answers."""
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secret_key,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url(),
        "FORWARDED_ALLOW_IPS": "127.0.0.1",
        "WEB_BIND": f"127.0.0.1:{port}",
    }
    # Unless told otherwise, the workers and threads ocgshare.gunicorn gives production.
    if workers:
        env["WEB_CONCURRENCY"] = str(workers)
    if threads:
        env["WEB_THREADS"] = str(threads)
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "gunicorn", "-c", "python:ocgshare.gunicorn", "ocgshare.wsgi"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchmarkError(f"gunicorn stopped: {server.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/live", timeout=2):  # noqa: S310
                return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    stop_server(server)
    raise BenchmarkError("gunicorn did not answer within 60 s")


def stop_server(server):
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _cpu_seconds(pid, *, reaped=False):
    """User + system CPU of one process, from /proc/<pid>/stat (0 if it has gone); with `reaped`, plus
    that of its children that have ended (a database backend whose connection closed, a replaced worker)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12])
    if reaped:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / os.sysconf("SC_CLK_TCK")


def _processes():
    """{pid: (parent pid, command name)} of every process."""
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    text = stat.read()
            except OSError:
                continue
            name = text[text.index("(") + 1 : text.rindex(")")]
            found[int(entry)] = (int(text.rsplit(")", 1)[1].split()[1]), name)
    return found


def cpu_snapshot(server):
    """{("server" | "database", pid): CPU seconds} of gunicorn's master and workers and of PostgreSQL's
    processes (this machine's: the benchmark's database is local). The masters count their ended children
    too, so a backend that exits between two snapshots is not lost."""
    snapshot = {}
    processes = _processes()
    for pid, (parent, name) in processes.items():
        if pid == server.pid or parent == server.pid:
            snapshot["server", pid] = _cpu_seconds(pid, reaped=pid == server.pid)
        elif name.startswith("postgres"):
            postmaster = not processes.get(parent, (0, ""))[1].startswith("postgres")
            snapshot["database", pid] = _cpu_seconds(pid, reaped=postmaster)
    return snapshot


def cpu_used(before, after, kind):
    """CPU seconds `kind`'s processes used between the snapshots. A process that ended in between is
    missing from `after`, its whole CPU in its master's reaped children: counting it from `before` as well
    leaves exactly its share of the interval."""
    keys = {key for key in (*before, *after) if key[0] == kind}
    return sum(after.get(key, 0.0) - before.get(key, 0.0) for key in keys)


# --- the load generator ---------------------------------------------------------------------------------

AB_PERCENTILE = re.compile(r"^\s*(\d+)%\s+(\d+)", re.MULTILINE)


def _ab_number(output, label):
    match = re.search(rf"^{label}:\s+([\d.]+)", output, re.MULTILINE)
    return float(match.group(1)) if match else 0.0


def run_ab(url, headers, *, requests, concurrency):
    """ab's output and the CPU seconds it used."""
    command = ["ab", "-q", "-k", "-l", "-n", str(requests), "-c", str(concurrency)]
    for header in headers:
        command += ["-H", header]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    completed = subprocess.run(command + [url], capture_output=True, text=True, check=False)  # noqa: S603
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        raise BenchmarkError(f"ab failed on {url}: {completed.stderr.strip()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return completed.stdout, cpu


class LoadBenchmark:
    def __init__(self, *, requests, concurrency, workers, threads, split_requests, out):
        self.requests = requests
        self.concurrency = concurrency
        self.workers = workers
        self.threads = threads
        self.split_requests = split_requests
        self.out = out
        self.results = []

    def run(self):
        if connection.vendor != "postgresql":
            raise Refused("bench_http measures PostgreSQL, the production engine; set DATABASE_URL=postgres://…")
        if not synthetic.exists():
            raise Refused("There is no synthetic data set: run `manage.py generate_dataset --national` first.")
        if shutil.which("ab") is None:
            raise Refused("ApacheBench (ab) is not installed: `apt-get install apache2-utils` (make loadtest does).")
        self.out(
            f"Load benchmark over HTTP: gunicorn with the production settings (workers "
            f"{self.workers or 'as deployed'}, threads {self.threads or 'as deployed'}); ab -k, "
            f"{self.concurrency} concurrent, {self.requests} requests per surface. {os.cpu_count()} CPUs, "
            f"load average {load_average()}. CPU check: {cpu_check():.0f} ms."
        )
        viewers = choose_viewers(["partner"])
        if not viewers:
            raise BenchmarkError("No synthetic partner user sees any nominal: is any synthetic protocol active?")
        viewer = viewers[0]
        self.out(f"As {viewer.user.email} ({viewer.user.agency.name}), who sees {viewer.visible:,} nominals.\n")
        token, key = ApiToken.objects.create(user=viewer.user, expiry=timedelta(hours=2))
        # The server's session must verify under the server's key.
        secret_key = secrets.token_urlsafe(50)
        with override_settings(SECRET_KEY=secret_key):
            client = Client()
            client.force_login(viewer.user)
        session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
        try:
            self._over_http(surfaces(viewer.user), key, session_key, secret_key)
            self._split(viewer.user, surfaces(viewer.user))
        finally:
            token.delete()
            Session.objects.filter(session_key=session_key).delete()
        self.out(f"\nLoad average at the end: {load_average()}; CPU check {cpu_check():.0f} ms.")

    def _over_http(self, measured, key, session_key, secret_key):
        port = free_port()
        server = start_server(port, secret_key=secret_key, workers=self.workers, threads=self.threads)
        try:
            for surface in measured:
                headers = ["X-Forwarded-Proto: https", "Accept: application/json"]
                if surface.session:
                    headers = ["X-Forwarded-Proto: https", f"Cookie: {settings.SESSION_COOKIE_NAME}={session_key}"]
                else:
                    headers.append(f"Authorization: Token {key}")
                url = f"http://127.0.0.1:{port}{surface.path}"
                run_ab(url, headers, requests=max(self.concurrency * 10, 60), concurrency=self.concurrency)  # warm up
                before = cpu_snapshot(server)
                output, client_cpu = run_ab(url, headers, requests=self.requests, concurrency=self.concurrency)
                after = cpu_snapshot(server)
                self.results.append(self._result(surface, output, before, after, client_cpu))
        finally:
            stop_server(server)
        floor = self.results[0].per_second
        for result in self.results:
            result.ratio = result.per_second / floor if floor else None
        self.out(
            f"{'surface':<24} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'errors':>6} {'of floor':>8} "
            f"{'target':>7}  {'CPU ms/request: server':>22} {'database':>8} {'ab':>5}"
        )
        for result in self.results:
            target = f"≥ {result.surface.target:.0%}" if result.surface.target else ""
            self.out(
                f"{result.surface.name:<24} {result.per_second:>7.1f} {result.p50:>7.0f} {result.p95:>7.0f} "
                f"{result.errors:>6} {result.ratio:>8.0%} {target:>7}  {result.server_cpu_ms:>22.1f} "
                f"{result.database_cpu_ms:>8.1f} {result.client_cpu_ms:>5.2f}  {result.verdict}"
            )

    def _result(self, surface, output, before, after, client_cpu):
        completed = int(_ab_number(output, "Complete requests"))
        if completed != self.requests:
            raise BenchmarkError(f"ab completed {completed} of {self.requests} requests on {surface.path}")
        percentiles = {int(p): float(ms) for p, ms in AB_PERCENTILE.findall(output)}
        errors = int(_ab_number(output, "Failed requests") + _ab_number(output, "Non-2xx responses"))
        return Result(
            surface=surface,
            requests=completed,
            per_second=_ab_number(output, "Requests per second"),
            p50=percentiles.get(50, 0.0),
            p95=percentiles.get(95, 0.0),
            errors=errors,
            server_cpu_ms=cpu_used(before, after, "server") * 1000 / completed,
            database_cpu_ms=cpu_used(before, after, "database") * 1000 / completed,
            client_cpu_ms=client_cpu * 1000 / completed,
        )

    def _split(self, user, measured):
        """The same requests in this process, timed by phase."""
        self.out(
            f"\nServer time per request by phase, in this process (Django's test client, DEBUG off, "
            f"{self.split_requests} requests each after 10 untimed), ms:"
        )
        self.out(f"{'surface':<24} " + " ".join(f"{phase.split(' (')[0][:22]:>22}" for phase in PHASES) + "   total")
        with override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]):
            client = Client()
            client.force_login(user)
            for surface in measured:
                headers = {"HTTP_ACCEPT": "application/json"}
                for _ in range(10):
                    self._get(client, surface.path, headers)
                clock = PhaseClock()
                with clock.running():
                    for _ in range(self.split_requests):
                        self._get(client, surface.path, headers)
                split = clock.per_request(self.split_requests)
                self.out(
                    f"{surface.name:<24} "
                    + " ".join(f"{split[phase]:>22.1f}" for phase in PHASES)
                    + f"   {sum(split.values()):>5.1f}"
                )
            Session.objects.filter(session_key=client.session.session_key).delete()

    @staticmethod
    def _get(client, path, headers):
        response = client.get(path, secure=True, **headers)
        if response.status_code != 200:
            raise BenchmarkError(f"GET {path} answered {response.status_code}")

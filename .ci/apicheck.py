"""The API does what its schema says: schemathesis against the running demo, as each kind of demo user.

Run as `make apicheck` (or `.venv/bin/python .ci/apicheck.py`). It loads the demo into a throwaway
database (a temporary SQLite file; or APICHECK_DATABASE_URL, an SQLite file this script deletes first or a
PostgreSQL database it drops and creates), serves it with gunicorn on a free 127.0.0.1 port, signs in each
demo user below for a token, and runs schemathesis for each with the checks CHECKS. It fails on any 5xx, any
response that breaks the schema, and on a run of fewer than MIN_REQUESTS requests; it prints the number of
requests made.

What the generated writes may not touch (so that the run stays meaningful) is said in exclusions() and in
.ci/apicheck_hooks.py. Settings: APICHECK_MAX_EXAMPLES (per operation and user, default 6), APICHECK_SEED
(default fixed, so a failure can be replayed), APICHECK_KEEP=1 keeps the work folder (logs, reports).
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 (the demo's published password)
# One demo user of each kind: (who, e-mail address, schemathesis phases). The coverage phase (every
# operation with boundary and malformed values of each parameter, some 4,000 requests) runs once, as the
# user who may do most in the register; the others get generated requests (fuzzing) and sequences of them
# (stateful), which is where what a tier or a role shows differs.
EVERY_PHASE = "coverage,fuzzing,stateful"
GENERATED = "fuzzing,stateful"
USERS = [
    ("police analyst", "analyst@police.example", EVERY_PHASE),
    ("prison intelligence officer", "pio.northshire@police.example", GENERATED),
    ("prison analyst and SPOC", "security.northshire@prison.example", GENERATED),
    ("partner SPOC (DWP)", "spoc@dwp.example", GENERATED),
    ("auditor", "auditor@police.example", GENERATED),
    ("agency administrator", "admin@police.example", GENERATED),
]
# Changes the generated requests would make to the accounts above go to this one (.ci/apicheck_hooks.py).
STAND_IN = "sanitiser@police.example"
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
MIN_REQUESTS = 1000
TIME_LIMIT_PER_USER = 300  # seconds; the whole check is meant to take a few minutes on 2 CPUs
MAX_EXAMPLES = int(os.environ.get("APICHECK_MAX_EXAMPLES", "6"))
SEED = os.environ.get("APICHECK_SEED", "20261201")


def main():
    work = Path(tempfile.mkdtemp(prefix="ocg-apicheck-"))
    database_url = os.environ.get("APICHECK_DATABASE_URL") or f"sqlite:///{work / 'apicheck.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "true", "PYTHONUNBUFFERED": "1"}
    # Celery runs eagerly in the server: no broker or worker to start.
    for name in ("REDIS_URL", "CELERY_BROKER_URL"):
        env.pop(name, None)
    server = None
    try:
        fresh_database(database_url)
        print(f"Loading the demo into {redact(database_url)}", flush=True)
        run([sys.executable, "manage.py", "migrate", "--no-input", "-v0"], env, work / "setup.log")
        run([sys.executable, "manage.py", "seed_demo"], env, work / "setup.log")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        # One worker on SQLite, whose writes do not wait for each other well.
        workers = "1" if database_url.startswith("sqlite") else "2"
        server = subprocess.Popen(  # noqa: S603 (our own commands)
            [sys.executable, "-m", "gunicorn", "ocgshare.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", workers, "--access-logfile", str(work / "access.log"),
             "--error-logfile", str(work / "server.log"), "--capture-output"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        wait_for(base, server)
        tokens = {email: sign_in(base, email) for _, email, _ in USERS}
        user_ids = [str(request(base, "/api/me/", token=tokens[email])["id"]) for _, email, _ in USERS]
        stand_in_id = str(request(base, "/api/me/", token=sign_in(base, STAND_IN))["id"])
        schema = request(base, "/api/schema/?format=json", token=tokens[USERS[0][1]])
        excluded = exclusions(schema)
        for method, path in excluded:
            del schema["paths"][path][method]
        print("Not generated (they would revoke the tokens the check runs with):", end=" ")
        print(", ".join(f"{m.upper()} {p}" for m, p in excluded) or "none")
        (work / "schema.json").write_text(json.dumps(schema))

        total_requests, failures, problems = 0, Counter(), []
        for who, email, phases in USERS:
            before = count_lines(work / "access.log")
            started = time.monotonic()
            report = work / f"report-{email.split('@')[0]}-{email.split('@')[1].split('.')[0]}"
            outcome = schemathesis(
                base, work / "schema.json", tokens[email], phases, (user_ids, stand_in_id), report, env
            )
            made = count_lines(work / "access.log") - before
            total_requests += made
            summary = read_report(report)
            if summary is None:
                problems.append(f"{who}: schemathesis gave no report (exit {outcome})")
                continue
            for failure in summary["failures"]:
                failures[f"{failure['code']} {failure['title']}"] += failure["count"]
            for error in summary["errors"]:
                problems.append(f"{who}: {error}")
            kinds = ", ".join(f"{f['count']} {f['code']} {f['title']}" for f in summary["failures"]) or "no failures"
            print(f"{who} ({email}): {made} requests in {time.monotonic() - started:.0f}s, {kinds}", flush=True)
            if outcome != 0 and not summary["failures"] and not summary["errors"]:
                problems.append(f"{who}: schemathesis exited {outcome}")

        print(f"\nAPI check: {total_requests} requests made as {len(USERS)} users.")
        for kind, count in sorted(failures.items()):
            print(f"  {count} {kind}")
        if total_requests < MIN_REQUESTS:
            problems.append(f"only {total_requests} requests (at least {MIN_REQUESTS} expected)")
        for problem in problems:
            print(f"  problem: {problem}")
        if failures or problems:
            print(f"FAILED: details above and in {work} (kept)")
            os.environ["APICHECK_KEEP"] = "1"
            return 1
        print("OK: no server error, every response as the schema says")
        return 0
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if os.environ.get("APICHECK_KEEP"):
            print(f"Work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def exclusions(schema):
    """The operations not to generate: those that end a token (sign-out, token revocation), which would
    revoke the very token the check is running with. Sign-in itself (POST /api/auth/token/) is tested."""
    excluded = []
    for path, item in schema["paths"].items():
        for method in item:
            ends_a_token = path.startswith("/api/auth/") and path != "/api/auth/token/" and method != "get"
            if ends_a_token or "logout" in path:
                excluded.append((method, path))
    return excluded


def schemathesis(base, schema_file, token, phases, users, report, env):
    command = [
        str(BIN / "schemathesis"), "run", str(schema_file), "--url", base,
        "--header", f"Authorization: Token {token}",
        "--checks", CHECKS,
        "--phases", phases,
        "--max-examples", str(MAX_EXAMPLES),
        "--no-shrink",
        # A failure does not end the testing of its operation: one 500 would hide whatever else it does.
        "--continue-on-failure",
        "--seed", SEED,
        # One thread: Hypothesis describes lambdas by parsing their source with `ast`, and two threads doing
        # so at once fail at random on this Python 3.11.7 ("AST constructor recursion depth mismatch",
        # CPython gh-106905, fixed in 3.11.8).
        "--workers", "1",
        "--generation-database", "none",
        "--request-timeout", "30",
        "--no-color",
        "--report", "json", "--report-dir", str(report),
    ]  # fmt: skip
    hooks_env = {
        **env,
        "SCHEMATHESIS_HOOKS": "apicheck_hooks",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / ".ci"), env.get("PYTHONPATH")])),
        "APICHECK_PROTECTED_USER_IDS": ",".join(users[0]),
        "APICHECK_STAND_IN_USER_ID": users[1],
    }
    log = report.with_suffix(".log")
    with log.open("w") as out:
        try:
            result = subprocess.run(  # noqa: S603 (our own commands)
                command, cwd=report.parent, env=hooks_env, stdout=out, stderr=subprocess.STDOUT,
                timeout=TIME_LIMIT_PER_USER, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            return "timed out"
    if result.returncode != 0:
        # The failures with their reproducing requests, for the CI log (all of it is in the work folder).
        output = log.read_text()
        failures = output.find("FAILURES")
        print(output[max(failures, 0) :][:15000])
    return result.returncode


def read_report(folder):
    """Schemathesis's JSON report, or None if it wrote none (or was stopped while writing it)."""
    try:
        return json.loads(next(folder.glob("*.json")).read_text())
    except (StopIteration, ValueError):
        return None


def fresh_database(url):
    if url.startswith("sqlite:///"):
        (ROOT / urlsplit(url).path[1:]).unlink(missing_ok=True)  # dj-database-url's reading of the path
        return
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit(f"APICHECK_DATABASE_URL: an SQLite or PostgreSQL URL, not {redact(url)}")
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def run(command, env, log):
    with log.open("a") as out:
        subprocess.run(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, check=True)  # noqa: S603


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(base, server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped (exit {server.returncode})")
        try:
            urllib.request.urlopen(f"{base}/api/schema/", timeout=5)  # noqa: S310
            return
        except urllib.error.HTTPError:
            return  # it answers (403 signed out)
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {base} within {timeout}s")


def request(base, path, *, token=None, data=None):
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Token {token}"
    body = None
    if data is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(data).encode()
    with urllib.request.urlopen(urllib.request.Request(base + path, data=body, headers=headers), timeout=30) as r:  # noqa: S310
        return json.loads(r.read())


def sign_in(base, email):
    return request(base, "/api/auth/token/", data={"email": email, "password": DEMO_PASSWORD})["token"]


def count_lines(path):
    return sum(1 for _ in path.open()) if path.exists() else 0


def redact(url):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=parts.hostname or "")) if parts.password else url


if __name__ == "__main__":
    sys.exit(main())

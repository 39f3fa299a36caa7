"""The development server under a burst of keep-alive clients holds no more database connections than
its pool allows, and answers every request (issue 14).

`manage.py runserver` (what `make run` starts) serves each HTTP connection in a thread of its own. With
persistent connections (CONN_MAX_AGE) and no pool, each thread kept a database connection while its
client stayed connected, and, since runserver does not close a thread's connections when the thread
ends, kept it after that too, until the garbage collector happened to free the dead thread's objects: a
few hundred requests from keep-alive clients ended in PostgreSQL's "too many clients" and answers of 500.
Here the real server, started as `make run` starts it, with the settings as they are, serves the test
database to 40 clients at once, each a different signed-in user on a connection of its own that stays
open, then to clients that make one request each, while another connection counts the server's sessions
in pg_stat_activity. (pytest-django's live_server would not do: its server closes a thread's connections
when the thread ends, which runserver's does not.) PostgreSQL only: SQLite has no connections to count,
and the pool is PostgreSQL's.
"""

import http.client
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from accounts.services import api_token_create
from tests.factories import AgencyFactory, UserFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="counts PostgreSQL connections; SQLite has none"),
    # The server is another process: it sees only committed rows.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = 40
REQUESTS_PER_CLIENT = 8
# Then as many clients, one after another, each making one request on a connection of its own.
ONE_REQUEST_CLIENTS = 40
START_SECONDS = 90


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url_for_the_tests():
    """DATABASE_URL for the test database this process uses (pytest-django's, not the configured one)."""
    database = connection.settings_dict
    credentials = quote(database["USER"] or "", safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = database["HOST"] or "localhost"
    port = f":{database['PORT']}" if database["PORT"] else ""
    return f"postgres://{credentials}@{host}{port}/{quote(database['NAME'], safe='')}"


class ConnectionCounter(threading.Thread):
    """Counts, every few milliseconds until stopped, the sessions of one application name."""

    def __init__(self, application_name):
        super().__init__(daemon=True)
        self.application_name = application_name
        self.counts = []
        self._stop_event = threading.Event()
        database = connection.settings_dict
        self._database = psycopg.connect(
            host=database["HOST"] or None,
            port=database["PORT"] or None,
            user=database["USER"] or None,
            password=database["PASSWORD"] or None,
            dbname=database["NAME"],
            autocommit=True,
        )

    def count(self):
        row = self._database.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [self.application_name]
        ).fetchone()
        return row[0]

    def run(self):
        while not self._stop_event.is_set():
            self.counts.append(self.count())
            time.sleep(0.005)

    def stop(self):
        self._stop_event.set()
        self.join()
        self.counts.append(self.count())
        self._database.close()
        return max(self.counts)


@pytest.fixture
def runserver():
    """`manage.py runserver` as `make run` starts it, on the test database, with no other configuration;
    every connection it opens carries a name of its own in pg_stat_activity (libpq's PGAPPNAME)."""
    port = free_port()
    application_name = f"ocgshare-burst-{uuid.uuid4().hex[:12]}"
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and name not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    env.update(DATABASE_URL=database_url_for_the_tests(), PGAPPNAME=application_name)
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

        def output():
            log.seek(0)
            return log.read().decode(errors="replace")

        try:
            deadline = time.monotonic() + START_SECONDS
            while True:
                assert server.poll() is None, output()
                assert time.monotonic() < deadline, f"runserver did not start:\n{output()}"
                probe = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                try:
                    probe.request("GET", "/healthz/live")
                    if probe.getresponse().status == 200:
                        break
                except OSError:
                    pass
                finally:
                    probe.close()
                time.sleep(0.2)
            yield port, application_name, output
        finally:
            server.terminate()
            server.wait(timeout=30)


def burst(port, keys):
    """Each key's client sends REQUESTS_PER_CLIENT requests for /api/me/ on one keep-alive connection,
    all clients starting together; every connection stays open until every client is done, as browsers
    keep theirs. Returns (statuses, whether every response kept its connection open, close)."""
    start = threading.Barrier(len(keys))
    statuses = []
    kept_alive = []
    failures = []
    lock = threading.Lock()
    clients = [http.client.HTTPConnection("127.0.0.1", port, timeout=60) for _ in keys]

    def client(http_connection, key):
        try:
            start.wait(timeout=60)
            for _ in range(REQUESTS_PER_CLIENT):
                http_connection.request("GET", "/api/me/", headers={"Authorization": f"Token {key}"})
                response = http_connection.getresponse()
                response.read()
                with lock:
                    statuses.append(response.status)
                    kept_alive.append(not response.will_close)
        except Exception as error:  # a client's failure is reported by the test, not lost in its thread
            with lock:
                failures.append(repr(error))

    threads = [threading.Thread(target=client, args=pair) for pair in zip(clients, keys, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    def close():
        for http_connection in clients:
            http_connection.close()

    return statuses, failures, kept_alive, close


def one_request_each(port, keys):
    """A client per key, one after another, each making one request on a new connection and closing it."""
    statuses = []
    for key in keys:
        http_connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            http_connection.request("GET", "/api/me/", headers={"Authorization": f"Token {key}"})
            statuses.append(http_connection.getresponse().status)
        finally:
            http_connection.close()
    return statuses


def test_a_burst_of_keep_alive_clients_stays_within_the_pool(runserver):
    port, application_name, server_output = runserver
    agency = AgencyFactory()
    keys = [api_token_create(user=UserFactory(agency=agency))[1] for _ in range(CLIENTS)]
    bound = settings.DATABASE_POOL_MAX_SIZE  # one server process

    counter = ConnectionCounter(application_name)
    counter.start()
    try:
        statuses, failures, kept_alive, close = burst(port, keys)
        # Every client still holds its connection open: so would each server thread its database
        # connection, without the pool.
        after_burst = counter.count()
        close()
        statuses += one_request_each(port, keys[:ONE_REQUEST_CLIENTS])
        time.sleep(0.5)
        # Every thread of the server has ended.
        at_rest = counter.count()
    finally:
        most = counter.stop()

    # Shown with `pytest -s`: what the server held, for the record.
    print(f"server connections: at most {most}, {after_burst} after the burst, {at_rest} at rest; bound {bound}")
    assert not failures, failures
    assert len(statuses) == CLIENTS * REQUESTS_PER_CLIENT + ONE_REQUEST_CLIENTS
    assert set(statuses) == {200}, f"{sorted(set(statuses))}:\n{server_output()[-5000:]}"
    assert all(kept_alive), "the clients were meant to keep their connections open"
    assert most >= 1, "the counter saw none of the server's connections"
    assert after_burst <= bound, f"{after_burst} connections after the burst, more than the pool's {bound}"
    assert at_rest <= bound, f"{at_rest} connections once every client had gone, more than the pool's {bound}"
    assert most <= bound, f"up to {most} connections, more than the pool's {bound}"

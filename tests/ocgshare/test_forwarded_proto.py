"""Behind gunicorn, as deployed, X-Forwarded-Proto counts only from the proxies in FORWARDED_ALLOW_IPS:
a client that sends it directly still gets the redirect to HTTPS (and is never taken to be on HTTPS)."""

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(forwarded_allow_ips):
    port = free_port()
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and name not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    env.update(DEBUG="false", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="127.0.0.1")
    env.pop("FORWARDED_ALLOW_IPS", None)
    server = subprocess.Popen(  # noqa: S603 - our own app under gunicorn
        [
            sys.executable,
            "-m",
            "gunicorn",
            "ocgshare.wsgi",
            f"--bind=127.0.0.1:{port}",
            "--workers=1",
            f"--forwarded-allow-ips={forwarded_allow_ips}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def get(port, path, headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


def test_a_client_cannot_claim_https_by_itself():
    # The client (127.0.0.1) is not the proxy (10.9.8.7).
    with gunicorn(forwarded_allow_ips="10.9.8.7") as port:
        status, location = get(port, "/accounts/sign-in/", {"X-Forwarded-Proto": "https"})

    assert status == 301
    assert location == f"https://127.0.0.1:{port}/accounts/sign-in/"


def test_the_proxy_can():
    with gunicorn(forwarded_allow_ips="127.0.0.1") as port:
        status, _location = get(port, "/accounts/sign-in/", {"X-Forwarded-Proto": "https"})
        plain_status, _ = get(port, "/accounts/sign-in/", {})

    assert status == 200
    assert plain_status == 301

"""ocgshare/gunicorn.py, gunicorn's settings from the environment, as gunicorn itself resolves them
(`--print-config`, in a fresh process: the module is read once, when gunicorn starts)."""

import os
import re
import subprocess
import sys
from pathlib import Path

from ocgshare import gunicorn as config

ROOT = Path(__file__).resolve().parents[2]
# What the module reads: none may leak in from the test run's own environment.
VARIABLES = {
    "WEB_CONCURRENCY",
    "WEB_THREADS",
    "WEB_KEEPALIVE",
    "WEB_TIMEOUT",
    "WEB_BIND",
    "PORT",
    "FORWARDED_ALLOW_IPS",
}


def resolved(**environment):
    """{setting: value as gunicorn prints it} for the config module under `environment` alone."""
    env = {name: value for name, value in os.environ.items() if name not in VARIABLES | {"DEBUG"}}
    env.update(environment)
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own app
        [sys.executable, "-m", "gunicorn", "-c", "python:ocgshare.gunicorn", "ocgshare.wsgi", "--print-config"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return dict(re.findall(r"^(\w+)\s+= (.*)$", result.stdout, re.M))


def test_the_defaults():
    settings = resolved()

    assert settings["workers"] == str(config.WORKERS) == "3"
    assert settings["threads"] == str(config.THREADS) == "1"
    assert settings["worker_class"] == "sync"
    assert settings["keepalive"] == str(config.KEEPALIVE_SECONDS) == "5"
    assert settings["timeout"] == str(config.TIMEOUT_SECONDS)
    assert settings["bind"] == "['0.0.0.0:8000']"
    assert settings["accesslog"] == "-"
    # Nobody but this host may claim HTTPS through X-Forwarded-Proto.
    assert settings["forwarded_allow_ips"] == "['127.0.0.1', '::1']"


def test_each_setting_from_the_environment():
    settings = resolved(
        WEB_CONCURRENCY="5",
        WEB_THREADS="8",
        WEB_KEEPALIVE="2",
        WEB_TIMEOUT="60",
        WEB_BIND="127.0.0.1:9000",
        FORWARDED_ALLOW_IPS="10.0.0.5",
    )

    assert settings["workers"] == "5"
    assert settings["threads"] == "8"
    assert settings["worker_class"] == "gthread"  # threads need it
    assert settings["keepalive"] == "2"
    assert settings["timeout"] == "60"
    assert settings["bind"] == "['127.0.0.1:9000']"
    assert settings["forwarded_allow_ips"] == "['10.0.0.5']"


def test_port_when_no_bind_is_given():
    assert resolved(PORT="8123")["bind"] == "['0.0.0.0:8123']"
    assert resolved(PORT="8123", WEB_BIND="127.0.0.1:9000")["bind"] == "['127.0.0.1:9000']"

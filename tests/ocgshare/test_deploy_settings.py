"""Production settings: `check --deploy` is clean, and a missing secret key stops the process."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# A new key each run: a key written in the repository is published, and production refuses it.
PRODUCTION_SECRET_KEY = secrets.token_urlsafe(50)


def manage(*args, **environment):
    """Run manage.py in a fresh interpreter: settings are read from the environment once, at import."""
    # Nothing of the test run's own environment (DJANGO_* switches, a development DEBUG) may leak in.
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and name not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    env.update(environment)
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checklist():
    assert len(PRODUCTION_SECRET_KEY) >= 50

    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY=PRODUCTION_SECRET_KEY,
        ALLOWED_HOSTS="ocgshare.example",
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
    assert "WARNINGS" not in output and "?: (security." not in output


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DEBUG="false", ALLOWED_HOSTS="ocgshare.example")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = manage("check", DEBUG="false", SECRET_KEY="too-short", ALLOWED_HOSTS="ocgshare.example")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def test_production_refuses_the_example_placeholder_key():
    example = (ROOT / ".env.example").read_text()
    (placeholder,) = [line.split("=", 1)[1] for line in example.splitlines() if line.startswith("SECRET_KEY=")]
    assert len(placeholder) >= 50

    result = manage("check", DEBUG="false", SECRET_KEY=placeholder, ALLOWED_HOSTS="ocgshare.example")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "published" in result.stderr


def test_production_refuses_the_development_key():
    from ocgshare.secret_key import DEVELOPMENT_SECRET_KEY

    result = manage("check", DEBUG="false", SECRET_KEY=DEVELOPMENT_SECRET_KEY, ALLOWED_HOSTS="ocgshare.example")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr

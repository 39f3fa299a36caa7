"""Production refuses every secret key that appears in the repository: the scan below finds each value
assigned to a SECRET_KEY in a tracked file (settings, examples, Dockerfile, tests, docs) and checks that
ocgshare.secret_key refuses it, so a key written into the repository later fails this test until it is
refused too (or, better, removed)."""

import re
import secrets
import subprocess
from pathlib import Path

import pytest

from ocgshare.secret_key import PUBLISHED_SECRET_KEYS, secret_key_problem

ROOT = Path(__file__).resolve().parents[2]

ASSIGNMENTS = [
    # Python and YAML: SECRET_KEY = "value", "SECRET_KEY": "value", SECRET_KEY: 'value'
    re.compile(r"""SECRET_KEY\w*["']?\s*[=:]\s*["']([^"'\n]+)["']"""),
    # Shell and .env files: SECRET_KEY=value
    re.compile(r"""SECRET_KEY\w*=([^\s"'$\\(){}]+)"""),
]


def tracked_files():
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"],  # noqa: S607 - git from PATH, fixed arguments
            cwd=ROOT,
            capture_output=True,
            check=True,
            text=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("needs a git checkout")
    return [ROOT / name for name in listed.split("\0") if name]


def keys_in_the_repository():
    found = {}
    for path in tracked_files():
        try:
            text = path.read_text()
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        for pattern in ASSIGNMENTS:
            for match in pattern.finditer(text):
                found.setdefault(match.group(1), path.relative_to(ROOT))
    return found


def test_every_key_in_the_repository_is_refused():
    found = keys_in_the_repository()
    # The scan does find keys: the .env.example placeholder at least.
    assert any(str(where) == ".env.example" for where in found.values()), found

    accepted = {key: str(where) for key, where in found.items() if secret_key_problem(key) is None}
    assert not accepted, f"Production would accept these keys from the repository: {accepted}"


def test_published_keys_are_refused_however_long():
    for key in PUBLISHED_SECRET_KEYS:
        assert secret_key_problem(key)
        assert secret_key_problem(f"  {key}\n")


# Fixed ids: a random key in a test id would differ between pytest-xdist workers, which then refuse to run.
@pytest.mark.parametrize(
    "key",
    ["", "too-short", "a" * 80, "django-insecure-" + secrets.token_urlsafe(50)],
    ids=["empty", "too-short", "one-character", "django-insecure"],
)
def test_weak_keys_are_refused(key):
    assert secret_key_problem(key)


def test_a_random_key_is_accepted():
    assert secret_key_problem(secrets.token_urlsafe(50)) is None

"""The README stays true: every environment variable the settings read is in its configuration
table, and every demo account is in its list."""

import re
from pathlib import Path

from demo import people

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()


def configuration_table():
    section = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([A-Z_]+)` \|", section, flags=re.MULTILINE))


def test_every_setting_read_from_the_environment_is_documented():
    settings_source = (ROOT / "ocgshare" / "settings.py").read_text()
    read = set(re.findall(r"env_(?:str|bool|int|list)\(\s*\"([A-Z_]+)\"", settings_source))
    read |= set(re.findall(r"(?:os\.environ\.get|os\.getenv|os\.environ\[)\(?\s*\"([A-Z_]+)\"", settings_source))
    read.add("DATABASE_URL")  # read by dj_database_url.config()
    assert len(read) > 20

    missing = read - configuration_table()
    assert not missing, f"Add {sorted(missing)} to the README's configuration table"


def test_every_setting_of_the_web_server_is_documented():
    source = (ROOT / "ocgshare" / "gunicorn.py").read_text()
    read = set(re.findall(r"(?:_int|os\.environ\.get)\(\s*[\"']([A-Z_]+)[\"']", source))
    assert {"WEB_CONCURRENCY", "WEB_THREADS", "WEB_BIND", "PORT"} <= read

    missing = read - configuration_table()
    assert not missing, f"Add {sorted(missing)} to the README's configuration section"


def test_every_demo_account_is_listed_with_the_password():
    emails = [user[0] for user in people.USERS] + [people.SUPERUSER[0]]

    missing = [email for email in emails if f"`{email}`" not in README]
    assert not missing, f"Add {missing} to the README's demo accounts"
    assert f"`{people.DEMO_PASSWORD}`" in README

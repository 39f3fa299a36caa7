"""docker-compose.yml and the Dockerfile, checked as files (no Docker engine here): migrations run once
in a one-shot service the others wait for; gunicorn believes X-Forwarded-Proto only from the proxy;
the port is published on 127.0.0.1; every long-running service has a healthcheck, web's being
liveness only; the image installs the hash-pinned lock before copying the code."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
APP_SERVICES = ("web", "worker", "beat")


def interpolate(text, environment=None):
    """Compose's ${NAME}, ${NAME:-default} and ${NAME:?error}, with `environment` set (nothing else)."""
    environment = environment or {}

    def value(match):
        name, operator, argument = match.group(1), match.group(2), match.group(3)
        if environment.get(name):
            return environment[name]
        return argument if operator == ":-" else ""

    return re.sub(r"\$\{([A-Z_]+)(?:(:-|:\?)([^}]*))?\}", value, text)


def compose(environment=None):
    """The parsed file, interpolated value by value as Compose does."""

    def walk(node):
        if isinstance(node, dict):
            return {key: walk(value) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(value) for value in node]
        return interpolate(node, environment) if isinstance(node, str) else node

    return walk(yaml.safe_load((ROOT / "docker-compose.yml").read_text()))


def command_line(service):
    command = service["command"]
    return command if isinstance(command, str) else " ".join(command)


def test_the_services():
    assert set(compose()["services"]) == {"migrate", "web", "worker", "beat", "db", "redis"}


def test_migrations_run_once_before_the_app_starts():
    services = compose()["services"]

    migrate = services["migrate"]
    assert command_line(migrate) == "python manage.py migrate --no-input"
    assert migrate["restart"] == "no"  # a one-shot job: once done, it stays done
    assert migrate["depends_on"]["db"] == {"condition": "service_healthy"}

    for name in APP_SERVICES:
        depends_on = services[name]["depends_on"]
        assert depends_on["migrate"] == {"condition": "service_completed_successfully"}, name
        assert depends_on["db"] == {"condition": "service_healthy"}, name
        assert depends_on["redis"] == {"condition": "service_healthy"}, name
        assert "migrate" not in command_line(services[name]), name


def test_web_runs_gunicorn_with_the_projects_config_module():
    # ocgshare/gunicorn.py reads the settings below from the environment (tests/ocgshare/test_gunicorn_config.py);
    # no command-line flag may override it.
    web = compose()["services"]["web"]
    assert web["command"] == ["gunicorn", "-c", "python:ocgshare.gunicorn", "ocgshare.wsgi"]
    environment = web["environment"]
    # Where the published port and the healthcheck expect it, whatever .env says.
    assert environment["WEB_BIND"] == "0.0.0.0:8000"
    assert environment["WEB_CONCURRENCY"] == "3"
    assert environment["WEB_THREADS"] == "1"
    configured = compose({"WEB_CONCURRENCY": "5", "WEB_THREADS": "4"})["services"]["web"]["environment"]
    assert (configured["WEB_CONCURRENCY"], configured["WEB_THREADS"]) == ("5", "4")


def test_forwarded_headers_are_believed_only_from_the_proxy():
    web = compose()["services"]["web"]
    assert "forwarded" not in command_line(web)

    allowed = web["environment"]["FORWARDED_ALLOW_IPS"]
    assert "*" not in allowed
    # By default, the gateway of the project's own subnet: a proxy on the host, through the published port.
    network = compose()["networks"]["default"]["ipam"]["config"][0]["subnet"]
    assert allowed == network.rsplit(".", 1)[0] + ".1"

    configured = compose({"FORWARDED_ALLOW_IPS": "10.0.0.5"})["services"]["web"]["environment"]
    assert configured["FORWARDED_ALLOW_IPS"] == "10.0.0.5"


def test_the_web_port_is_published_on_localhost_by_default():
    assert compose()["services"]["web"]["ports"] == ["127.0.0.1:8000:8000"]
    ports = compose({"WEB_BIND_ADDRESS": "10.0.0.2", "WEB_PORT": "8080"})["services"]["web"]["ports"]
    assert ports == ["10.0.0.2:8080:8000"]


def test_every_long_running_service_has_a_healthcheck():
    services = compose()["services"]
    for name in (*APP_SERVICES, "db", "redis"):
        assert services[name]["healthcheck"]["test"], name
    assert "healthcheck" not in services["migrate"]


def test_web_is_checked_for_liveness_not_readiness():
    # /healthz fails when the workers are down; restarting web would not mend that.
    test = " ".join(compose()["services"]["web"]["healthcheck"]["test"])
    assert "http://localhost:8000/healthz/live" in test


def test_beat_ticks_a_heartbeat_its_healthcheck_reads():
    beat = compose()["services"]["beat"]
    assert "--scheduler ocgshare.beat:HeartbeatScheduler" in command_line(beat)
    assert beat["healthcheck"]["test"] == ["CMD", "python", "-m", "ocgshare.beat", "--check"]


def test_the_required_settings_are_demanded():
    raw = (ROOT / "docker-compose.yml").read_text()
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL", "POSTGRES_PASSWORD"):
        assert re.search(r"\$\{" + name + r":\?", raw), name


def dockerfile_final_stage():
    stages = re.split(r"^FROM ", (ROOT / "Dockerfile").read_text(), flags=re.M)
    lines = re.sub(r"\\\n\s*", " ", stages[-1]).splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def test_the_image_installs_the_lock_before_the_code():
    lines = dockerfile_final_stage()

    def index(predicate):
        return next(number for number, line in enumerate(lines) if predicate(line))

    copy_lock = index(lambda line: line.startswith("COPY requirements.lock"))
    install = index(lambda line: line.startswith("RUN pip install") and "-r requirements.lock" in line)
    copy_code = index(lambda line: line == "COPY . .")
    assert copy_lock < install < copy_code
    assert "--require-hashes" in lines[install] and "--no-deps" in lines[install]
    # Nothing else is installed unpinned.
    assert [line for line in lines if "pip install" in line] == [lines[install]]


def test_the_image_bakes_in_no_secret_key():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.findall(r"SECRET_KEY=(\S+)", dockerfile) == ['"$(python']


def test_the_image_runs_gunicorn_with_the_projects_config_module():
    (cmd,) = [line for line in dockerfile_final_stage() if line.startswith("CMD ")]
    assert cmd == 'CMD ["gunicorn", "-c", "python:ocgshare.gunicorn", "ocgshare.wsgi"]'

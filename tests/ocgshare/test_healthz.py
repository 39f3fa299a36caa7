"""/healthz: database, broker and worker checks for load balancers and docker compose."""

import pytest
from celery import Celery
from celery.contrib.testing.worker import start_worker
from django.urls import reverse

from ocgshare.celery import app as project_app
from tests.redis_server import require_redis

pytestmark = pytest.mark.django_db

# A Redis database of its own: a worker started by another test or engineer on the default database
# must not answer this module's pings (Celery scopes its broadcast channels by database).
REDIS_URL = "redis://127.0.0.1:6379/13"
CLOSED_PORT_URL = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_server():
    """Redis at REDIS_URL: fails the test in CI if it does not answer, skips it elsewhere."""
    require_redis(REDIS_URL)


@pytest.fixture
def broker(settings):
    """Use a real broker at `url` for the request, as a deployment with REDIS_URL does."""

    def use(url):
        settings.CELERY_TASK_ALWAYS_EAGER = False
        settings.CELERY_BROKER_URL = url

    return use


def test_healthy_without_a_broker_when_tasks_run_eagerly(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True

    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "broker": "eager", "worker": "eager"},
    }
    assert "no-cache" in response["Cache-Control"]


def test_needs_no_sign_in_and_reveals_no_configuration(client, broker):
    broker(CLOSED_PORT_URL)

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    body = response.content.decode()
    assert "127.0.0.1" not in body and "redis" not in body.lower()


def test_unreachable_broker_is_unhealthy(client, broker):
    broker(CLOSED_PORT_URL)

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "checks": {"database": "ok", "broker": "error", "worker": "error"},
    }


def test_broker_without_a_worker_is_unhealthy(client, broker, redis_server):
    broker(REDIS_URL)

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "broker": "ok", "worker": "error"}


@pytest.mark.celery_worker
def test_broker_and_a_worker_answering_is_healthy(client, broker, redis_server):
    broker(REDIS_URL)
    # A worker of a separate app on the same broker: it answers the ping like `celery -A ocgshare worker`
    # would, without reconfiguring the project's app for other tests. No Django fix-up: on start it would
    # close this test's database connection, inside the test's transaction.
    worker_app = Celery("healthz-test", broker=REDIS_URL, set_as_current=False, fixups=[])
    worker_app.conf.broker_connection_retry_on_startup = False
    worker_app.conf.worker_hijack_root_logger = False

    try:
        with start_worker(worker_app, pool="solo", perform_ping_check=False, loglevel="WARNING"):
            # The worker subscribes to the broadcast channel a moment after it reports ready, later still
            # on a loaded machine; a load balancer asks again too, so ask up to ten times.
            for _attempt in range(10):
                response = client.get(reverse("healthz"))
                if response.status_code == 200:
                    break
    finally:
        # start_worker makes its app the current and default one; shared tasks queued by later tests
        # must go through the project's app again.
        project_app.set_current()
        project_app.set_default()

    assert response.status_code == 200, response.json()
    assert response.json()["checks"] == {"database": "ok", "broker": "ok", "worker": "ok"}


def test_only_get_and_head(client):
    assert client.post(reverse("healthz")).status_code == 405

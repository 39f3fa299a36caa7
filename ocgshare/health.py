"""Health of the running service. Two questions, asked by different callers:

- liveness (/healthz/live, the container healthcheck): is this web process serving, and does its
  database answer? A failure here is worth restarting the container for.
- readiness (/healthz, the load balancer): can the service as a whole do its work: the database
  answers, the Celery broker accepts connections and at least one worker replies. A worker outage
  fails this, but restarting web containers would not mend it, so it does not fail liveness.

Each check returns one short word so that /healthz, which needs no sign-in, reveals nothing about
hosts, credentials or versions; the reason for a failure goes to the log instead.
"""

import logging

from celery import Celery
from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)

OK = "ok"
EAGER = "eager"  # no broker configured: tasks run in-process, which is healthy by design
ERROR = "error"
HEALTHY = {OK, EAGER}

BROKER_TIMEOUT_SECONDS = 2
WORKER_PING_TIMEOUT_SECONDS = 1


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means unhealthy; the reason is logged
        logger.exception("Health check: the database did not answer")
        return ERROR
    return OK


def check_broker_and_worker():
    """(broker, worker) results. The worker is pinged over the same broker connection, and counts as
    failed without asking when the broker is unreachable."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return EAGER, EAGER

    # A throwaway app for the probe: it connects to the broker configured now (Celery caches the
    # project app's URL and connection pools at first use) and shares no pool with task publishing.
    probe = Celery("ocgshare-health", broker=settings.CELERY_BROKER_URL, set_as_current=False, fixups=[])
    try:
        with probe.connection_for_write(connect_timeout=BROKER_TIMEOUT_SECONDS) as broker:
            broker.ensure_connection(max_retries=1, interval_start=0, timeout=BROKER_TIMEOUT_SECONDS)
            try:
                replies = probe.control.ping(timeout=WORKER_PING_TIMEOUT_SECONDS, connection=broker)
            except Exception:  # noqa: BLE001
                logger.exception("Health check: pinging the Celery workers failed")
                return OK, ERROR
    except Exception:  # noqa: BLE001
        logger.exception("Health check: the Celery broker is unreachable")
        return ERROR, ERROR
    finally:
        probe.close()
    if not replies:
        logger.warning("Health check: no Celery worker replied to a ping")
        return OK, ERROR
    return OK, OK


def _report(checks):
    status = OK if all(result in HEALTHY for result in checks.values()) else ERROR
    return {"status": status, "checks": checks}


def health_report():
    """Readiness, served at /healthz: {"status": "ok"|"error", "checks": {name: result}}."""
    broker, worker = check_broker_and_worker()
    return _report({"database": check_database(), "broker": broker, "worker": worker})


def liveness_report():
    """Liveness, served at /healthz/live: the process answers and so does its database."""
    return _report({"database": check_database()})

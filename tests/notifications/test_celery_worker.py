"""Delivery through a real Celery worker and Redis: a task retried after a send that failed, or
redelivered after one that succeeded, e-mails once. (Only a lost server answer makes a duplicate:
see test_smtp_delivery.py.)

The worker runs in a thread of this process (celery.contrib.testing.worker), so it shares the
locmem outbox and the settings; it uses its own database connection, hence transactional_db (with
serialized_rollback: the flush after the test must leave the data migrations' rows for the tests that
follow it in the same pytest-xdist worker). Each test gets its own queue on Redis database 15 so parallel
runs do not take each other's tasks. Without Redis it fails in CI and skips elsewhere (tests/redis_server.py).
"""

import os
import threading
import time
import uuid

import pytest
import redis
from celery import signals
from celery.contrib.testing.worker import start_worker
from django.core import mail

from notifications.models import EmailState, EventType
from notifications.services import notify
from notifications.tasks import send_notification_email
from tests.redis_server import require_redis

from .conftest import celery_configured

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
TIMEOUT_SECONDS = 30


class TaskRuns:
    """Every finished run of send_notification_email in the worker, with its outcome."""

    def __init__(self):
        self.states = []
        self._lock = threading.Lock()

    def __call__(self, sender=None, state=None, **kwargs):
        if sender is not None and sender.name == send_notification_email.name:
            with self._lock:
                self.states.append(state)

    def count(self):
        with self._lock:
            return len(self.states)


@pytest.fixture
def worker():
    require_redis(REDIS_URL)
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    queue = f"ocgshare-test-notifications-{uuid.uuid4().hex}"
    runs = TaskRuns()
    signals.task_postrun.connect(runs, weak=False)
    try:
        with (
            celery_configured(
                broker_url=REDIS_URL,
                task_always_eager=False,
                task_default_queue=queue,
                worker_enable_remote_control=False,
            ) as app,
            start_worker(app, perform_ping_check=False, shutdown_timeout=TIMEOUT_SECONDS) as started,
        ):
            assert [q.name for q in started.consumer.task_consumer.queues] == [queue]
            yield runs
    finally:
        signals.task_postrun.disconnect(runs)
        client.delete(queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")
        client.close()


def wait_until(condition, description):
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"Timed out after {TIMEOUT_SECONDS}s waiting until {description}")
        time.sleep(0.1)


def test_retried_and_redelivered_task_emails_once(worker, fail_first_email, alice):
    # Autocommit (transactional_db): notify's on-commit hook queues the task on Redis at once.
    notification = notify(recipient=alice, event_type=EventType.ROLE_CHANGED, title="Your roles have changed")

    def sent():
        notification.refresh_from_db()
        return notification.email_state == EmailState.SENT

    # The first attempt meets a dropped SMTP connection; the task retries itself and then sends.
    wait_until(lambda: worker.count() >= 2 and sent(), "the retried task has sent the e-mail")
    assert worker.states[:2] == ["RETRY", "SUCCESS"]
    assert fail_first_email.attempts == 2
    assert len(mail.outbox) == 1

    # The broker redelivers the message (a worker lost before acknowledging it) and it is queued again.
    send_notification_email.delay(notification.pk)
    send_notification_email.delay(notification.pk)
    wait_until(lambda: worker.count() >= 4, "both redelivered tasks have run")

    assert worker.states == ["RETRY", "SUCCESS", "SUCCESS", "SUCCESS"]
    assert fail_first_email.attempts == 2, "a redelivered task must not even try to send"
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["alice@northshire.police.uk"]
    assert email.subject == "[OCG Share] Your roles have changed"
    assert notification.emailed_at is not None

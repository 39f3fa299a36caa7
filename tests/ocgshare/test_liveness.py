"""/healthz/live, the container healthcheck: the process and its database, not the broker or workers,
so a worker outage takes the service out of the load balancer (/healthz) without restarting every web
container."""

import pytest
from django.db import connection
from django.urls import reverse

pytestmark = pytest.mark.django_db

CLOSED_PORT_URL = "redis://127.0.0.1:1/0"


def test_live_while_the_broker_is_down_though_not_ready(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = CLOSED_PORT_URL

    live = client.get(reverse("healthz-live"))
    ready = client.get(reverse("healthz"))

    assert live.status_code == 200
    assert live.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert ready.status_code == 503


def test_not_live_without_the_database(client):
    def refuse(execute, sql, params, many, context):
        raise connection.Database.OperationalError("the database is gone")

    with connection.execute_wrapper(refuse):
        response = client.get(reverse("healthz-live"))

    assert response.status_code == 503
    assert response.json() == {"status": "error", "checks": {"database": "error"}}


def test_needs_no_sign_in_and_only_answers_get_and_head(client):
    assert client.get(reverse("healthz-live")).status_code == 200
    assert client.head(reverse("healthz-live")).status_code == 200
    assert client.post(reverse("healthz-live")).status_code == 405

"""Helpers for the notification tests: pointing the project's Celery app at a real broker."""

import contextlib

import pytest

from ocgshare.celery import app as celery_app
from tests.factories import UserFactory

from .email_backends import FailFirstEmailBackend
from .smtp_server import smtp_server


def _reset_connection_pools(app):
    # The app caches its broker connection pool, and its AMQP helper caches the queues, the router
    # and the producer pool; new settings need new ones. (Not closed: kombu keeps pools in a
    # registry keyed by URL and would hand a closed one back.)
    app._pool = None
    app.__dict__.pop("amqp", None)


@contextlib.contextmanager
def celery_configured(**conf):
    """Reconfigure the project's Celery app (ocgshare.celery.app) for one test, then restore it."""
    previous = {key: celery_app.conf[key] for key in conf}
    celery_app.conf.update(conf)
    _reset_connection_pools(celery_app)
    try:
        yield celery_app
    finally:
        celery_app.conf.update(previous)
        _reset_connection_pools(celery_app)


@pytest.fixture
def fail_first_email(settings):
    settings.EMAIL_BACKEND = "tests.notifications.email_backends.FailFirstEmailBackend"
    FailFirstEmailBackend.reset()
    return FailFirstEmailBackend


@pytest.fixture
def smtp(settings):
    """Django's SMTP backend talking to a real SMTP server on 127.0.0.1; yields its handler."""
    with smtp_server() as controller:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = controller.hostname
        settings.EMAIL_PORT = controller.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = 5
        yield controller.handler


@pytest.fixture
def alice(police):
    return UserFactory(email="alice@northshire.police.uk", full_name="Alice Owner", agency=police)


@pytest.fixture
def bob(council):
    return UserFactory(email="bob@northshire.gov.uk", full_name="Bob Partner", agency=council)

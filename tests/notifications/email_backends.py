"""Real e-mail backends for the notification tests (set through settings.EMAIL_BACKEND)."""

import smtplib
import threading

from django.core.mail.backends import locmem


class FailFirstEmailBackend(locmem.EmailBackend):
    """The test outbox, behind a mail server that drops the connection on the first send.

    Counts every send attempt, across the threads of an embedded Celery worker.
    """

    attempts = 0
    _lock = threading.Lock()

    @classmethod
    def reset(cls):
        with cls._lock:
            cls.attempts = 0

    def send_messages(self, email_messages):
        with self._lock:
            type(self).attempts += 1
            first = type(self).attempts == 1
        if first:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(email_messages)


class DownEmailBackend(locmem.EmailBackend):
    """A mail server that refuses every connection."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")

"""Celery tasks delivering notifications by e-mail (the outbox side of DESIGN.md §4.4)."""

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


def enqueue_notification_email(notification_id):
    """Queue the e-mail for one notification; if the broker is down the outbox sweep sends it later."""
    try:
        send_notification_email.delay(notification_id)
    except Exception:  # noqa: BLE001 - any broker failure: the row stays pending for the sweep
        logger.warning("Could not queue e-mail for notification %s; the sweep will send it", notification_id)


@shared_task
def send_notification_email(notification_id):
    """Send the e-mail for one notification exactly once. (Being completed: see notifications issue.)"""
    from .delivery import deliver_notification_email

    deliver_notification_email(notification_id)

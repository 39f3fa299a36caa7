"""Daily Celery tasks of protocols (scheduled in settings.CELERY_BEAT_SCHEDULE): the calendar side of
the lifecycle, and review and end-date reminders. Both are safe to run any number of times."""

import logging

from celery import shared_task
from django.utils import timezone

from .services.lifecycle import protocol_refresh_status, protocols_due_for_refresh
from .services.reminders import protocol_send_reminders

logger = logging.getLogger(__name__)


@shared_task
def expire_protocols():
    """Expire protocols past their end date and activate fully signed ones whose start date has
    come. Each protocol changes in its own transaction, so one failure does not hold up the rest."""
    today = timezone.localdate()
    changed = {}
    for protocol in protocols_due_for_refresh(today=today):
        status = protocol_refresh_status(protocol=protocol, today=today)
        if status:
            changed[status] = changed.get(status, 0) + 1
    logger.info("Protocol statuses refreshed: %s", changed or "no change")
    return changed


@shared_task
def send_review_reminders():
    """Remind parties 30 and 7 days before each protocol's review date and end date."""
    sent = protocol_send_reminders(today=timezone.localdate())
    logger.info("Protocol reminders recorded: %s", sent)
    return sent

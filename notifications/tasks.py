"""Celery tasks delivering notifications by e-mail (the outbox side of DESIGN.md §4.4).

Three paths lead to an e-mail, and ``notifications.delivery`` makes sure that once one of them has
sent and committed the others send nothing: the task queued on commit by ``notify``, its retries,
and the outbox sweep run every minute by beat for rows still pending (the broker was down when the
change committed, or retries ran out). Delivery is at least once; a duplicate goes out only when the
mail server's answer to a sent message is lost, and it carries the same Message-ID.
"""

import logging
import smtplib
from datetime import timedelta

from celery import shared_task
from django.contrib.auth import get_user_model
from django.utils import timezone

from .delivery import deliver_notification_email, send_daily_digest
from .models import EmailState, Notification

logger = logging.getLogger(__name__)

# What reaches the tasks is transient: delivery records a permanent refusal (5xx) as FAILED itself.
# SMTPException and socket errors (refused, reset, timed out) are all OSErrors: worth another try.
TRANSIENT_EMAIL_ERRORS = (smtplib.SMTPException, OSError)

# The queued task normally delivers within seconds; the sweep leaves it this long to do so.
SWEEP_GRACE = timedelta(minutes=1)
SWEEP_BATCH = 500
# Several transient failures in one sweep mean the mail server is down: stop, the next sweep tries
# again. A permanently refused e-mail is not one: it fails alone and the sweep goes on.
SWEEP_MAX_FAILURES = 3
# An e-mail still unsent after this long is given up (logged); the notification stays in the inbox.
GIVE_UP_AFTER = timedelta(days=2)


def enqueue_notification_email(notification_id):
    """Queue the e-mail for one notification; if the broker is down the outbox sweep sends it later."""
    try:
        send_notification_email.delay(notification_id)
    except Exception:  # noqa: BLE001 - any broker failure: the row stays pending for the sweep
        logger.warning(
            "Could not queue or send the e-mail for notification %s; the outbox sweep will retry it",
            notification_id,
            exc_info=True,
        )


@shared_task(
    autoretry_for=TRANSIENT_EMAIL_ERRORS, retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=6
)
def send_notification_email(notification_id):
    """Send the e-mail for one notification; a retried or duplicated task sends nothing twice."""
    deliver_notification_email(notification_id)


@shared_task
def deliver_pending_notifications():
    """The outbox sweep (beat, every minute): send what the queued tasks have not; return how many sent."""
    now = timezone.now()
    given_up = Notification.objects.filter(email_state=EmailState.PENDING, created_at__lt=now - GIVE_UP_AFTER).update(
        email_state=EmailState.FAILED, email_error=f"Still unsent after {GIVE_UP_AFTER.days} days of attempts"
    )
    if given_up:
        logger.error("Gave up e-mailing %s notification(s) unsent for %s", given_up, GIVE_UP_AFTER)
    pending = list(
        Notification.objects.filter(email_state=EmailState.PENDING, created_at__lte=now - SWEEP_GRACE)
        .order_by("created_at", "id")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    sent = failures = 0
    for notification_id in pending:
        try:
            sent += deliver_notification_email(notification_id)
        except TRANSIENT_EMAIL_ERRORS:
            failures += 1
            logger.warning("Outbox sweep could not e-mail notification %s", notification_id, exc_info=True)
            if failures >= SWEEP_MAX_FAILURES:
                break
    return sent


@shared_task(
    autoretry_for=TRANSIENT_EMAIL_ERRORS, retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=6
)
def send_digest_email(user_id):
    """One user's daily digest; retried alone if their e-mail fails."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is not None:
        send_daily_digest(user)


@shared_task
def send_daily_digests():
    """Beat, daily: queue a digest for every user with notifications waiting for one."""
    user_ids = list(
        Notification.objects.filter(email_state=EmailState.DIGEST)
        .order_by()
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    for user_id in user_ids:
        send_digest_email.delay(user_id)
    return len(user_ids)

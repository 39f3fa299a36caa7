"""E-mail delivery of recorded notifications: at least once per notification; duplicates only when
the server's answer is lost.

Each function claims its rows with a conditional UPDATE (``email_state`` PENDING/DIGEST → SENT)
inside a transaction, then sends, then commits. The UPDATE is the lock: on PostgreSQL it holds the
row lock as SELECT ... FOR UPDATE would, so a concurrent or retried delivery waits, then finds the
row SENT and sends nothing; on SQLite, where select_for_update is a no-op, the database write lock
serialises it the same way. If sending fails the transaction rolls back and the row is pending again
for the task's retry or the outbox sweep.

Why not exactly once: SMTP has no way to ask whether a message arrived. If the server accepts the
message and its "250 OK" is then lost (a timeout, a dropped connection), this side cannot tell that
from a message never received, so the row goes back to pending and the message is sent again. Every
send of a notification carries the same Message-ID header (``message_id_for``), so mail clients and
most servers collapse such a duplicate into one message.

A permanent refusal (a 5xx answer: no such mailbox, message refused) fails that notification only:
it is recorded FAILED with the server's answer in ``email_error`` and is never retried. A transient
failure (a 4xx answer, a refused or dropped connection, a timeout) raises, for a retry.

E-mails never carry sensitive content: only the notification's title and a link to sign in and
read it. Callers of ``notify`` keep anything sensitive in the body, which stays in the inbox.
"""

import hashlib
import logging
import smtplib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import EmailState, Notification

logger = logging.getLogger(__name__)

# Answers that refuse this one message (a mailbox that does not exist, content refused). Other
# SMTPResponseExceptions (connect, HELO, authentication) concern every message: they are transient
# here, so that a misconfigured or failing server stops the outbox sweep rather than fail everything.
PERMANENT_ERROR_TYPES = (smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


def permanent_failure(error):
    """The mail server's answer if `error` refuses this message for good (a 5xx code), else None.

    4xx codes ("mailbox busy", "try again later"), connection errors and timeouts are transient.
    """
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        answers = list(error.recipients.values())
        if answers and all(code >= 500 for code, _ in answers):
            return "; ".join(_answer(code, message) for code, message in answers)
        return None
    if isinstance(error, PERMANENT_ERROR_TYPES) and error.smtp_code >= 500:
        return _answer(error.smtp_code, error.smtp_error)
    return None


def _answer(code, message):
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    return _one_line(f"{code} {message}")[:500]


def _domain():
    return urlsplit(settings.SITE_URL).hostname or "ocgshare.invalid"


def message_id_for(notification):
    """The Message-ID of a notification's e-mail: the same on every send of it, so that a duplicate
    (a resend after the server's answer was lost) is recognised as the same message."""
    return f"<notification-{notification.pk}@{_domain()}>"


def _digest_message_id(user, ids):
    digest = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:24]
    return f"<digest-{user.pk}-{digest}@{_domain()}>"


def _absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def _one_line(text):
    # A header cannot hold a newline (Django raises BadHeaderError); titles come from many callers.
    return " ".join(text.split())


def _send(*, recipient, subject, template, context, message_id):
    body = render_to_string(
        template,
        {
            "service_name": settings.SERVICE_NAME,
            "recipient": recipient,
            "inbox_link": _absolute(reverse("notifications:inbox")),
            "preferences_link": _absolute(reverse("notifications:preferences")),
            **context,
        },
    )
    EmailMessage(
        subject=_one_line(f"[{settings.SERVICE_NAME}] {subject}"),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
        headers={"Message-ID": message_id},
    ).send()


def notification_link(notification):
    """The absolute link an e-mail gives: the notification's page, which marks it read and links on."""
    return _absolute(reverse("notifications:detail", args=[notification.pk]))


def deliver_notification_email(notification_id):
    """E-mail one PENDING notification; return True if an e-mail was sent by this call.

    Safe to call any number of times, concurrently or after a failure: once one call has sent and
    committed, no other sends. A permanent refusal marks the notification FAILED and returns False;
    a transient failure raises and leaves it PENDING.
    """
    with transaction.atomic():
        claimed = Notification.objects.filter(pk=notification_id, email_state=EmailState.PENDING).update(
            email_state=EmailState.SENT, emailed_at=timezone.now()
        )
        if not claimed:
            return False
        notification = Notification.objects.select_related("recipient").get(pk=notification_id)
        recipient = notification.recipient
        if not recipient.is_active or notification.is_action_done:
            # A disabled account (someone who left their agency) gets no more e-mail; nor does anyone
            # a request for an action already done (signed while the broker was down, say).
            Notification.objects.filter(pk=notification_id).update(email_state=EmailState.NOT_WANTED, emailed_at=None)
            return False
        try:
            _send(
                recipient=recipient,
                subject=notification.title,
                template="notifications/email/notification.txt",
                context={"notification": notification, "link": notification_link(notification)},
                message_id=message_id_for(notification),
            )
        except smtplib.SMTPException as error:
            reason = permanent_failure(error)
            if reason is None:
                raise
            Notification.objects.filter(pk=notification_id).update(
                email_state=EmailState.FAILED, emailed_at=None, email_error=reason
            )
            logger.warning("The mail server refused the e-mail for notification %s: %s", notification_id, reason)
            return False
    return True


def send_daily_digest(user):
    """E-mail `user` one digest of their notifications waiting for it; return how many it listed.

    Running it again sends nothing until new digest notifications arrive. Failures are handled as by
    ``deliver_notification_email``: a permanent refusal fails every notification it listed.
    """
    with transaction.atomic():
        waiting = list(
            Notification.objects.select_for_update()
            .filter(recipient=user, email_state=EmailState.DIGEST)
            .order_by("created_at", "id")
        )
        if not waiting:
            return 0
        ids = [notification.pk for notification in waiting]
        new_state = EmailState.SENT if user.is_active else EmailState.NOT_WANTED
        claimed = Notification.objects.filter(pk__in=ids, email_state=EmailState.DIGEST).update(
            email_state=new_state, emailed_at=timezone.now() if user.is_active else None
        )
        if claimed != len(ids):
            # Another run took some of these rows first (possible only where select_for_update is a
            # no-op): leave them all to it rather than list any twice.
            transaction.set_rollback(True)
            return 0
        if not user.is_active:
            return 0
        try:
            _send(
                recipient=user,
                subject=f"Your daily summary: {len(waiting)} new notification{'s' if len(waiting) != 1 else ''}",
                template="notifications/email/digest.txt",
                context={"items": [(n, notification_link(n)) for n in waiting]},
                message_id=_digest_message_id(user, ids),
            )
        except smtplib.SMTPException as error:
            reason = permanent_failure(error)
            if reason is None:
                raise
            Notification.objects.filter(pk__in=ids).update(
                email_state=EmailState.FAILED, emailed_at=None, email_error=reason
            )
            logger.warning("The mail server refused the daily digest for user %s: %s", user.pk, reason)
            return 0
    return len(waiting)

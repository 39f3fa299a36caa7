"""E-mail delivery of recorded notifications, exactly once per notification.

Each function claims its rows with a conditional UPDATE (``email_state`` PENDING/DIGEST → SENT)
inside a transaction, then sends, then commits. The UPDATE is the lock: on PostgreSQL it holds the
row lock as SELECT ... FOR UPDATE would, so a concurrent or retried delivery waits, then finds the
row SENT and sends nothing; on SQLite, where select_for_update is a no-op, the database write lock
serialises it the same way. If sending fails the transaction rolls back and the row is pending again
for the task's retry or the outbox sweep.

E-mails never carry sensitive content: only the notification's title and a link to sign in and
read it. Callers of ``notify`` keep anything sensitive in the body, which stays in the inbox.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import EmailState, Notification


def _absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def _one_line(text):
    # A header cannot hold a newline (Django raises BadHeaderError); titles come from many callers.
    return " ".join(text.split())


def _send(*, recipient, subject, template, context):
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
    ).send()


def notification_link(notification):
    """The absolute link an e-mail gives: the notification's page, which marks it read and links on."""
    return _absolute(reverse("notifications:detail", args=[notification.pk]))


def deliver_notification_email(notification_id):
    """E-mail one PENDING notification; return True if an e-mail was sent by this call.

    Safe to call any number of times, concurrently or after a failure: only one call sends.
    """
    with transaction.atomic():
        claimed = Notification.objects.filter(pk=notification_id, email_state=EmailState.PENDING).update(
            email_state=EmailState.SENT, emailed_at=timezone.now()
        )
        if not claimed:
            return False
        notification = Notification.objects.select_related("recipient").get(pk=notification_id)
        recipient = notification.recipient
        if not recipient.is_active:
            # A disabled account (someone who left their agency) gets no more e-mail.
            Notification.objects.filter(pk=notification_id).update(email_state=EmailState.NOT_WANTED, emailed_at=None)
            return False
        _send(
            recipient=recipient,
            subject=notification.title,
            template="notifications/email/notification.txt",
            context={"notification": notification, "link": notification_link(notification)},
        )
    return True


def send_daily_digest(user):
    """E-mail `user` one digest of their notifications waiting for it; return how many it listed.

    Running it again sends nothing until new digest notifications arrive.
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
        _send(
            recipient=user,
            subject=f"Your daily summary: {len(waiting)} new notification{'s' if len(waiting) != 1 else ''}",
            template="notifications/email/digest.txt",
            context={"items": [(n, notification_link(n)) for n in waiting]},
        )
    return len(waiting)

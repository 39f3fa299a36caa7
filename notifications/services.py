"""Writes of notifications. `notify` is the one way any capability tells a user something."""

from django.db import transaction

from .models import Delivery, EmailState, Notification, NotificationPreference

EMAIL_STATE_FOR_DELIVERY = {
    Delivery.IMMEDIATELY: EmailState.PENDING,
    Delivery.DAILY_DIGEST: EmailState.DIGEST,
    Delivery.OFF: EmailState.NOT_WANTED,
}


def delivery_for(*, user, event_type):
    preference = NotificationPreference.objects.filter(user=user, event_type=event_type).first()
    return Delivery(preference.delivery) if preference else Delivery.IMMEDIATELY


def notify(*, recipient, event_type, title, body="", url="", dedupe_key=""):
    """Record a notification for `recipient`; its e-mail is sent by Celery after commit.

    Call inside the transaction of the change that causes it: if that change rolls back, so does
    the notification, and nothing is queued. With a `dedupe_key` already used for this recipient,
    nothing new is recorded and None is returned.
    """
    if dedupe_key and Notification.objects.filter(recipient=recipient, dedupe_key=dedupe_key).exists():
        return None
    delivery = delivery_for(user=recipient, event_type=event_type)
    notification = Notification.objects.create(
        recipient=recipient,
        event_type=event_type,
        title=title,
        body=body,
        url=url,
        dedupe_key=dedupe_key,
        email_state=EMAIL_STATE_FOR_DELIVERY[delivery],
    )
    if notification.email_state == EmailState.PENDING:
        from .tasks import enqueue_notification_email

        transaction.on_commit(lambda: enqueue_notification_email(notification.pk))
    return notification

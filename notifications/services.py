"""Writes of notifications. `notify` is the one way any capability tells a user something."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from .models import Delivery, EmailState, EventType, Notification, NotificationPreference, is_internal_path

EMAIL_STATE_FOR_DELIVERY = {
    Delivery.IMMEDIATELY: EmailState.PENDING,
    Delivery.DAILY_DIGEST: EmailState.DIGEST,
    Delivery.OFF: EmailState.NOT_WANTED,
}


def delivery_for(*, user, event_type):
    preference = NotificationPreference.objects.filter(user=user, event_type=event_type).first()
    return Delivery(preference.delivery) if preference else Delivery.IMMEDIATELY


def notify(*, recipient, event_type, title, body="", url="", dedupe_key="", action_key=""):
    """Record a notification for `recipient`; its e-mail is sent by Celery after commit.

    Call inside the transaction of the change that causes it: if that change rolls back, so does
    the notification, and nothing is queued. With a `dedupe_key` already used for this recipient,
    nothing new is recorded and None is returned.

    The `title` is e-mailed: it must carry nothing sensitive (no names, identifiers or intelligence).
    The `body` is shown only in the inbox. `url` is a path inside OCG Share ("/nominals/12/").

    A notification that asks its recipient to do something gives an `action_key` naming that action
    ("protocol:12:sign:3"); the service that performs the action calls `notification_actions_done`
    with the same key, so the request does not stay open once anyone entitled has acted.
    """
    if url and not is_internal_path(url):
        raise ValueError(f"A notification links only to a path inside the service, not {url!r}")
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
        action_key=action_key,
        email_state=EMAIL_STATE_FOR_DELIVERY[delivery],
    )
    if notification.email_state == EmailState.PENDING:
        from .tasks import enqueue_notification_email

        transaction.on_commit(lambda: enqueue_notification_email(notification.pk))
    return notification


def notification_actions_done(*, action_keys, outcome):
    """Mark done every open notification asking for one of `action_keys`; return how many changed.

    Call in the transaction of the service that does the action (or makes it unnecessary), so the
    request and the deed commit or roll back together. `outcome` says what happened, for the inbox
    ("Signed by Ann Admin", "No longer needed: the protocol went back to draft"). Read state is left
    alone: a done action no longer counts as unread (`selectors.unread_count`) whether read or not.
    """
    keys = [action_keys] if isinstance(action_keys, str) else list(action_keys)
    if not keys:
        return 0
    return Notification.objects.filter(action_key__in=keys, action_done_at__isnull=True).update(
        action_done_at=timezone.now(), action_outcome=" ".join(outcome.split())[:200]
    )


def notification_mark_read(*, user, notification):
    """Mark one of `user`'s own notifications read (callers find it through `selectors.inbox_list`)."""
    if notification.recipient_id != user.pk:
        raise PermissionDenied("A notification can only be marked read by its recipient.")
    if notification.read_at is None:
        now = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=now)
        notification.read_at = now
    return notification


def notification_mark_all_read(*, user):
    """Mark every unread notification of `user` read; return how many changed."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def preferences_update(*, user, choices):
    """Set how `user` gets e-mail for each event type in `choices` ({event_type: delivery}).

    Event types left out keep their setting. A change applies to notifications from now on.
    Raises ValidationError keyed by event type for every unknown type or delivery.
    """
    errors = {}
    for event_type, delivery in choices.items():
        if event_type not in EventType.values:
            errors[event_type] = "This is not a kind of notification."
        elif delivery not in Delivery.values:
            errors[event_type] = "Select how you want to get these notifications."
    if errors:
        raise ValidationError(errors)
    for event_type, delivery in choices.items():
        NotificationPreference.objects.update_or_create(
            user=user, event_type=event_type, defaults={"delivery": delivery}
        )

"""Reads of notifications: a user only ever reads their own inbox and preferences."""

from django.db.models import Q

from .models import Delivery, EventType, Notification, NotificationPreference

# Unread, and not a request for an action that has been done (by the recipient or anyone else
# entitled): what still wants the user's attention. Notification.needs_attention says the same.
NEEDS_ATTENTION = Q(read_at__isnull=True, action_done_at__isnull=True)


def unread_count(*, user):
    return Notification.objects.filter(NEEDS_ATTENTION, recipient=user).count()


def inbox_list(*, user, unread=False, event_type=None, oldest_first=False):
    """`user`'s own notifications, newest first; every lookup of a notification starts here."""
    return filter_inbox(
        Notification.objects.filter(recipient=user), unread=unread, event_type=event_type, oldest_first=oldest_first
    )


def filter_inbox(notifications, *, unread=False, event_type=None, oldest_first=False):
    """`notifications` (one user's inbox) narrowed by the inbox's filters (notifications.filters)."""
    if unread:
        notifications = notifications.filter(NEEDS_ATTENTION)
    if event_type:
        notifications = notifications.filter(event_type=event_type)
    if oldest_first:
        notifications = notifications.order_by("created_at", "id")
    return notifications


def preferences_for(*, user):
    """{event_type: delivery} for every event type, with the default where the user chose nothing."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("event_type", "delivery"))
    return {event_type: chosen.get(event_type, Delivery.IMMEDIATELY.value) for event_type in EventType.values}

"""Reads of notifications: a user only ever reads their own inbox."""

from .models import Notification


def unread_count(*, user):
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def inbox_list(*, user):
    return Notification.objects.filter(recipient=user)

"""What the notifications app puts on the home work list (ocgshare.worklist)."""

from django.urls import reverse

from ocgshare.worklist import Item, Section

from .selectors import inbox_list, unread_count

SHOWN = 5


def unread_notifications(user):
    total = unread_count(user=user)
    if not total:
        return None
    items = tuple(
        Item(
            text=notification.title,
            url=reverse("notifications:detail", args=[notification.pk]),
            detail=_when(notification),
        )
        for notification in inbox_list(user=user, unread=True)[:SHOWN]
    )
    return Section(
        key="notifications",
        title="Unread notifications",
        items=items,
        total=total,
        more_url=f"{reverse('notifications:inbox')}?unread=1",
        more_label="All unread notifications",
    )


def _when(notification):
    return f"{notification.created_at:%-d %B %Y}"

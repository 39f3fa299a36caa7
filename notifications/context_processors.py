"""The signed-in user's unread notification count, on every page (the header's inbox link, the home page)."""

from .selectors import unread_count as unread_count_of


def unread_count(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return {"unread_notification_count": unread_count_of(user=user)}
    return {}

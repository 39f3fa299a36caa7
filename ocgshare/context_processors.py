"""Values every page needs: the service name, the page's security marking and the unread count."""

from django.conf import settings


def service(request):
    context = {
        "service_name": settings.SERVICE_NAME,
        "security_marking": settings.DEFAULT_SECURITY_MARKING,
    }
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from notifications.selectors import unread_count

        context["unread_notification_count"] = unread_count(user=user)
    return context

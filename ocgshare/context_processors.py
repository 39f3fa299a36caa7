"""Values every page needs: the service name and the page's security marking. (The unread notification
count is notifications.context_processors'.)"""

from django.conf import settings


def service(request):
    return {
        "service_name": settings.SERVICE_NAME,
        "security_marking": settings.DEFAULT_SECURITY_MARKING,
    }

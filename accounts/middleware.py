"""Session policy applied on every request: idle time-out, and signing out a user whose account
was disabled or whose vetting expired since they signed in."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout

LAST_SEEN_KEY = "last_seen"
# The idle time-out is kept to the minute: writing the session on every request would cost each page
# and API call a database write for a precision nobody needs.
LAST_SEEN_RESOLUTION_SECONDS = 60


class SessionPolicyMiddleware:
    """Must come after MessageMiddleware, which it uses to say why the user was signed out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_KEY, now)
            idle_limit = settings.SESSION_IDLE_TIMEOUT_MINUTES * 60
            if now - last_seen > idle_limit:
                logout(request)
                messages.info(request, "You have been signed out because you were inactive.")
            elif not user.is_active or not user.vetting_is_current:
                logout(request)
                messages.warning(request, "You have been signed out: your account or vetting is no longer current.")
            elif LAST_SEEN_KEY not in request.session or now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS:
                request.session[LAST_SEEN_KEY] = now
        elif user is not None and SESSION_KEY in request.session:
            # The authentication backend already refused the session's user (disabled or vetting
            # expired), so they arrive anonymous: end the session for good and say why.
            logout(request)
            messages.warning(request, "You have been signed out: your account or vetting is no longer current.")
        return self.get_response(request)

"""Top-level URLs: each app's pages, the REST API under /api/, health and the admin."""

from django.contrib import admin
from django.urls import include, path, re_path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("healthz/live", views.healthz_live, name="healthz-live"),
    path("accounts/", include("accounts.urls")),
    path("", include("agencies.urls")),
    path("notifications/", include("notifications.urls")),
    path("protocols/", include("protocols.urls")),
    path("register/", include("nominals.urls")),
    path("", include("audit.urls")),
    path("api/", include("ocgshare.api_urls")),
    # After every API route. Only paths ending in a slash, so that CommonMiddleware still adds a missing one;
    # [\s\S] as a path may hold a newline (%0A), which `.` does not match.
    re_path(r"^api/[\s\S]*/$", views.api_not_found, name="api-not-found"),
    path("django-admin/", admin.site.urls),
]

handler400 = "ocgshare.views.bad_request"
handler403 = "ocgshare.views.permission_denied"
handler404 = "ocgshare.views.page_not_found"
handler500 = "ocgshare.views.server_error"

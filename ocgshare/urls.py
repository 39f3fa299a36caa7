"""Top-level URLs: each app's pages, the REST API under /api/, health and the admin."""

from django.contrib import admin
from django.urls import include, path

from . import audit_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("accounts.urls")),
    path("", include("agencies.urls")),
    path("notifications/", include("notifications.urls")),
    path("protocols/", include("protocols.urls")),
    path("register/", include("nominals.urls")),
    path("access-log/", audit_views.access_log, name="access-log"),
    path("api/", include("ocgshare.api_urls")),
    path("django-admin/", admin.site.urls),
]

handler400 = "ocgshare.views.bad_request"
handler403 = "ocgshare.views.permission_denied"
handler404 = "ocgshare.views.page_not_found"
handler500 = "ocgshare.views.server_error"

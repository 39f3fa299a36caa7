"""The REST API under /api/: one router for every app's viewsets, each app's other API paths, and the
OpenAPI schema and its documentation.

Each app with an API says what it adds in its own `api_urls` module: `routes`, the (prefix, viewset,
basename) it registers on the one router, and, if it has any, `urlpatterns`, its other API paths. They
are found by name, as ocgshare.urls includes each app's pages, so that ocgshare imports no app. One
router rather than one per app keeps one API root listing every endpoint, and every detail id digits
only (ocgshare.routers)."""

from importlib import import_module

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from .api_docs import api_docs
from .routers import Router
from .worklist_api import WorkListView

# The order of the API root's listing.
API_APPS = ["agencies", "notifications", "accounts", "protocols", "nominals", "audit"]

router = Router()
app_paths = []
for app in API_APPS:
    module = import_module(f"{app}.api_urls")
    for prefix, viewset, basename in module.routes:
        router.register(prefix, viewset, basename=basename)
    if hasattr(module, "urlpatterns"):
        app_paths.append(path("", include(module)))

urlpatterns = [
    path("me/tasks/", WorkListView.as_view(), name="api-me-tasks"),
    path("", include(router.urls)),
    *app_paths,
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", api_docs, name="api-docs"),
]

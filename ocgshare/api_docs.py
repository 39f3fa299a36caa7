"""The API documentation page: Swagger UI served from the app (drf-spectacular-sidecar), in the site
layout with its security marking."""

from django.contrib.auth.decorators import login_required
from drf_spectacular.views import SpectacularSwaggerSplitView


class ApiDocsView(SpectacularSwaggerSplitView):
    """The split view serves Swagger UI's initialiser as a script of its own (`?script`), so the page
    needs no inline script under the Content-Security-Policy."""

    template_name = "api_docs.html"
    title = "API documentation"


# A page for people: a signed-out visitor is sent to sign in and brought back, not shown a bare 403.
api_docs = login_required(ApiDocsView.as_view(url_name="api-schema"))

"""This app's REST API routes, registered on the API's one router by ocgshare.api_urls."""

from .api import AssociationViewSet, EntityViewSet, NominalViewSet, OCGViewSet

routes = [
    ("nominals", NominalViewSet, "nominal"),
    ("ocgs", OCGViewSet, "ocg"),
    ("entities", EntityViewSet, "entity"),
    ("associations", AssociationViewSet, "association"),
]

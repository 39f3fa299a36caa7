"""This app's REST API routes, registered on the API's one router by ocgshare.api_urls."""

from .api.entities import AssociationViewSet, EntityViewSet
from .api.nominals import NominalViewSet
from .api.ocgs import OCGViewSet

routes = [
    ("nominals", NominalViewSet, "nominal"),
    ("ocgs", OCGViewSet, "ocg"),
    ("entities", EntityViewSet, "entity"),
    ("associations", AssociationViewSet, "association"),
]

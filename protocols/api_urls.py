"""This app's REST API routes, registered on the API's one router by ocgshare.api_urls."""

from .api import ProtocolViewSet

routes = [
    ("protocols", ProtocolViewSet, "protocol"),
]

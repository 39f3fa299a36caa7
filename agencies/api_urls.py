"""This app's REST API routes, registered on the API's one router by ocgshare.api_urls."""

from .api import AgencyViewSet, DataHoldingViewSet, ToolOrPowerViewSet

routes = [
    ("agencies", AgencyViewSet, "agency"),
    ("toolkit/powers", ToolOrPowerViewSet, "toolkit-power"),
    ("toolkit/data-holdings", DataHoldingViewSet, "toolkit-data-holding"),
]

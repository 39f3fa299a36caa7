"""The REST API: one router for every app's viewsets, token sign-in, and the OpenAPI schema."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from accounts.api import ApiTokenViewSet, MeView, ObtainTokenView, SignOutView, UserViewSet
from agencies.api import AgencyViewSet, DataHoldingViewSet, ToolOrPowerViewSet
from nominals.api.entities import AssociationViewSet, EntityViewSet
from nominals.api.nominals import NominalViewSet
from nominals.api.ocgs import OCGViewSet
from notifications.api import NotificationViewSet
from ocgshare.api_docs import api_docs
from ocgshare.audit_api import AccessLogViewSet
from ocgshare.routers import Router
from protocols.api import ProtocolViewSet

router = Router()
router.register("agencies", AgencyViewSet, basename="agency")
router.register("toolkit/powers", ToolOrPowerViewSet, basename="toolkit-power")
router.register("toolkit/data-holdings", DataHoldingViewSet, basename="toolkit-data-holding")
router.register("notifications", NotificationViewSet, basename="notification")
router.register("users", UserViewSet, basename="user")
router.register("protocols", ProtocolViewSet, basename="protocol")
router.register("nominals", NominalViewSet, basename="nominal")
router.register("ocgs", OCGViewSet, basename="ocg")
router.register("entities", EntityViewSet, basename="entity")
router.register("associations", AssociationViewSet, basename="association")
router.register("access-log", AccessLogViewSet, basename="access-log")
router.register("auth/tokens", ApiTokenViewSet, basename="api-token-owned")
# Each app registers its viewsets here: router.register("agencies", AgencyViewSet, basename="agency").

urlpatterns = [
    path("", include(router.urls)),
    path("auth/token/", ObtainTokenView.as_view(), name="api-token"),
    path("auth/sign-out/", SignOutView.as_view(), name="api-sign-out"),
    path("me/", MeView.as_view(), name="api-me"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", api_docs, name="api-docs"),
]

"""This app's REST API: its routes, registered on the API's one router by ocgshare.api_urls, and token
sign-in, sign-out and the signed-in user's account (under /api/)."""

from django.urls import path

from .api import ApiTokenViewSet, MeView, ObtainTokenView, SignOutView, UserViewSet

routes = [
    ("users", UserViewSet, "user"),
    ("auth/tokens", ApiTokenViewSet, "api-token-owned"),
]

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="api-token"),
    path("auth/sign-out/", SignOutView.as_view(), name="api-sign-out"),
    path("me/", MeView.as_view(), name="api-me"),
]

"""REST API of the accounts app: token sign-in and sign-out, your own tokens, your own profile, and user
management for agency administrators. Same rules as the pages: rules.py, services.py and selectors.py."""

from django.conf import settings
from django.contrib.auth import authenticate, user_logged_in
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import RetrieveAPIView
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from ocgshare.filters import FilterSetBackend
from ocgshare.models import AccessSurface

from . import selectors, services
from .authentication import VettedTokenAuthentication
from .filters import UserFilterSet
from .forms import SIGN_IN_ERROR
from .models import ApiToken
from .rules import may_manage_users
from .serializers import (
    ApiTokenSerializer,
    RevokedSerializer,
    TokenRequestSerializer,
    TokenSerializer,
    UserCreateSerializer,
    UserSerializer,
    UserUpdateSerializer,
)
from .templatetags.accounts_tags import duration

_UNAUTHENTICATED = OpenApiResponse(description="Not signed in, or the token is unknown, expired or revoked.")


class ObtainTokenView(APIView):
    """Exchange an e-mail address and password for a new API token (send it as `Authorization: Token <key>`).

    Every sign-in gives a new token, which ends at `expiry` (API_TOKEN_TTL_HOURS after it was given) or
    sooner if revoked: by the owner (/api/auth/tokens/, /api/auth/sign-out/), an administrator, a password
    change, disabling the account or expired vetting. Only a hash of the key is stored: it is shown once.

    The same checks as the sign-in page: django-axes locks the account after repeated failures, and a
    disabled account or expired vetting is refused with the same message as a wrong password."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        request=TokenRequestSerializer,
        responses={
            200: TokenSerializer,
            400: OpenApiResponse(description="Wrong e-mail address or password, disabled account or expired vetting."),
            429: OpenApiResponse(description="Locked after too many unsuccessful attempts."),
        },
        auth=[],
    )
    def post(self, request):
        credentials = TokenRequestSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        # The DRF request, not the Django one: axes flags it, and this view (not AxesMiddleware's
        # HTML page) answers the lock-out.
        user = authenticate(
            request,
            username=services.normalise_email(credentials.validated_data["email"]),
            password=credentials.validated_data["password"],
        )
        if getattr(request, "axes_locked_out", False):
            return Response(
                {
                    "detail": "Too many unsuccessful sign-in attempts: this account is locked for "
                    f"{duration(settings.AXES_COOLOFF_TIME)}. Your agency administrator can unlock it."
                },
                status=settings.AXES_HTTP_RESPONSE_CODE,
            )
        if user is None:
            raise serializers.ValidationError({"non_field_errors": [SIGN_IN_ERROR]})
        # A token sign-in is a sign-in: axes clears the failures, Django records last_login.
        user_logged_in.send(sender=type(user), request=request, user=user)
        token, key = services.api_token_create(user=user)
        return Response(TokenSerializer({"token": key, "id": token.pk, "expiry": token.expiry}).data)


class SignOutView(APIView):
    """Revoke the token this request is authenticated with (token authentication only)."""

    authentication_classes = [VettedTokenAuthentication]

    @extend_schema(request=None, responses={204: None, 401: _UNAUTHENTICATED})
    def post(self, request):
        if not isinstance(request.auth, ApiToken):
            raise exceptions.NotAuthenticated("Sign out with the token to revoke.")
        services.api_token_revoke(owner=request.user, token_id=request.auth.pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(responses={200: ApiTokenSerializer(many=True), 403: _UNAUTHENTICATED}),
    destroy=extend_schema(
        responses={
            204: None,
            403: _UNAUTHENTICATED,
            404: OpenApiResponse(description="You have no live token with this id."),
        }
    ),
)
class ApiTokenViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    """Your own API tokens, live ones only, newest first: when each was given and when it ends, never the
    key. Revoke one (DELETE /api/auth/tokens/<id>/) or all of them (POST /api/auth/tokens/revoke-all/)."""

    serializer_class = ApiTokenSerializer
    filter_backends = []
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular reading the types, signed out
            return ApiToken.objects.none()
        return selectors.api_tokens_of(owner=self.request.user)

    def perform_destroy(self, instance):
        services.api_token_revoke(owner=self.request.user, token_id=instance.pk)

    @extend_schema(request=None, responses={200: RevokedSerializer, 403: _UNAUTHENTICATED})
    @action(detail=False, methods=["post"], url_path="revoke-all")
    def revoke_all(self, request):
        return Response({"revoked": services.api_tokens_revoke_all(owner=request.user)})


class MeView(RetrieveAPIView):
    """The signed-in user's own profile."""

    serializer_class = UserSerializer

    def get_object(self):
        return self.request.user


class IsUserManager(BasePermission):
    message = "Only agency administrators manage users."

    def has_permission(self, request, view):
        return may_manage_users(request.user)


def _as_drf_error(error):
    return serializers.ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages)


@extend_schema_view(
    create=extend_schema(request=UserCreateSerializer, responses={201: UserSerializer}),
    partial_update=extend_schema(
        request=UserUpdateSerializer,
        responses={
            200: UserSerializer,
            400: OpenApiResponse(
                description="Field errors: among them, a change to your own roles, vetting or status, "
                "a change to someone's roles or vetting without a reason, a vetting date in the past or too "
                "far ahead."
            ),
            403: OpenApiResponse(description="Not an agency administrator."),
            404: OpenApiResponse(description="Not a user of your agency."),
        },
    ),
)
class UserViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Users of your agency, for agency administrators. Others' users are not found (404)."""

    serializer_class = UserSerializer
    permission_classes = [IsAuthenticated, IsUserManager]
    # The list is filtered, sorted and documented by its FilterSet (accounts.filters), as the page is.
    filter_backends = [FilterSetBackend]
    filterset_class = UserFilterSet

    def get_queryset(self):
        return selectors.managed_users(actor=self.request.user)

    def create(self, request):
        payload = UserCreateSerializer(data=request.data, context=self.get_serializer_context())
        payload.is_valid(raise_exception=True)
        try:
            user = services.user_create(actor=request.user, surface=AccessSurface.API, **payload.validated_data)
        except DjangoValidationError as error:
            raise _as_drf_error(error) from error
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        user = self.get_object()
        payload = UserUpdateSerializer(user, data=request.data, partial=True, context=self.get_serializer_context())
        payload.is_valid(raise_exception=True)
        try:
            services.user_update(actor=request.user, user=user, surface=AccessSurface.API, **payload.validated_data)
        except DjangoValidationError as error:
            raise _as_drf_error(error) from error
        return Response(UserSerializer(user).data)

    @extend_schema(
        request=None,
        responses={
            200: RevokedSerializer,
            403: OpenApiResponse(description="Not an agency administrator."),
            404: OpenApiResponse(description="Not a user of your agency."),
        },
    )
    @action(detail=True, methods=["post"], url_path="revoke-tokens")
    def revoke_tokens(self, request, pk=None):
        """Revoke every API token of this user (they sign in again for a new one)."""
        user = self.get_object()
        revoked = services.api_tokens_revoke_for_user(actor=request.user, user=user, surface=AccessSurface.API)
        return Response({"revoked": revoked})

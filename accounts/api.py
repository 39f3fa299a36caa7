"""REST API of the accounts app: token sign-in, your own profile, and user management for agency
administrators. Same rules as the pages: rules.py, services.py and selectors.py."""

from django.conf import settings
from django.contrib.auth import authenticate, user_logged_in
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.generics import RetrieveAPIView
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors, services
from .forms import SIGN_IN_ERROR, UserFilterForm
from .models import Role
from .rules import may_manage_users
from .serializers import (
    TokenRequestSerializer,
    TokenSerializer,
    UserCreateSerializer,
    UserSerializer,
    UserUpdateSerializer,
)
from .templatetags.accounts_tags import duration


class ObtainTokenView(APIView):
    """Exchange an e-mail address and password for an API token (send it as `Authorization: Token <key>`).

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
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})


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
    list=extend_schema(
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, description="Name or e-mail address contains."),
            OpenApiParameter("role", OpenApiTypes.STR, enum=Role.values),
            OpenApiParameter("status", OpenApiTypes.STR, enum=["active", "disabled"]),
            OpenApiParameter("vetting", OpenApiTypes.STR, enum=["current", "expiring", "expired"]),
            OpenApiParameter("sort", OpenApiTypes.STR, enum=list(selectors.SORTS)),
            OpenApiParameter("agency", OpenApiTypes.INT, description="Agency id (superusers only)."),
        ]
    ),
    create=extend_schema(request=UserCreateSerializer, responses={201: UserSerializer}),
    partial_update=extend_schema(request=UserUpdateSerializer, responses={200: UserSerializer}),
)
class UserViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Users of your agency, for agency administrators. Others' users are not found (404)."""

    serializer_class = UserSerializer
    permission_classes = [IsAuthenticated, IsUserManager]
    # Filtering and sorting are the selector's, shared with the page.
    filter_backends = []

    def get_queryset(self):
        if self.action == "list":
            filters = UserFilterForm(self.request.query_params, actor=self.request.user).filters()
            return selectors.user_list(actor=self.request.user, filters=filters)
        return selectors.managed_users(actor=self.request.user)

    def create(self, request):
        payload = UserCreateSerializer(data=request.data, context=self.get_serializer_context())
        payload.is_valid(raise_exception=True)
        try:
            user = services.user_create(actor=request.user, **payload.validated_data)
        except DjangoValidationError as error:
            raise _as_drf_error(error) from error
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        user = self.get_object()
        payload = UserUpdateSerializer(user, data=request.data, partial=True, context=self.get_serializer_context())
        payload.is_valid(raise_exception=True)
        try:
            services.user_update(actor=request.user, user=user, **payload.validated_data)
        except DjangoValidationError as error:
            raise _as_drf_error(error) from error
        return Response(UserSerializer(user).data)

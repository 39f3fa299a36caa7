"""REST API of the inbox: a user reads and marks only their own notifications, and sets their preferences."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from ocgshare.filters import FilterSetBackend

from . import selectors, services
from .filters import InboxFilterSet
from .models import Notification
from .serializers import MarkedReadSerializer, NotificationSerializer, PreferencesSerializer


def _preferences_payload(user):
    return {
        "preferences": [
            {"event_type": event_type, "delivery": delivery}
            for event_type, delivery in selectors.preferences_for(user=user).items()
        ]
    }


class NotificationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Your own notifications and e-mail preferences; anyone else's notification is not found (404)."""

    serializer_class = NotificationSerializer
    # The list is filtered, and documented, by its FilterSet (notifications.filters): an invalid value is
    # a 400. No generic search or ordering.
    filter_backends = [FilterSetBackend]
    filterset_class = InboxFilterSet
    # Never read (get_queryset is); tells the schema generator the model without a signed-in user.
    queryset = Notification.objects.none()
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        return selectors.inbox_list(user=self.request.user)

    @extend_schema(request=None, responses=NotificationSerializer, summary="Mark a notification as read")
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        notification = services.notification_mark_read(user=request.user, notification=self.get_object())
        return Response(NotificationSerializer(notification).data)

    @extend_schema(request=None, responses=MarkedReadSerializer, summary="Mark all your notifications as read")
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request):
        return Response({"marked_read": services.notification_mark_all_read(user=request.user)})

    @extend_schema(methods=["GET"], request=None, responses=PreferencesSerializer, summary="Your e-mail preferences")
    @extend_schema(
        methods=["PUT"], request=PreferencesSerializer, responses=PreferencesSerializer, summary="Set your preferences"
    )
    @action(detail=False, methods=["get", "put"], pagination_class=None)
    def preferences(self, request):
        if request.method == "PUT":
            payload = PreferencesSerializer(data=request.data)
            payload.is_valid(raise_exception=True)
            choices = {item["event_type"]: item["delivery"] for item in payload.validated_data["preferences"]}
            try:
                services.preferences_update(user=request.user, choices=choices)
            except DjangoValidationError as error:
                raise serializers.ValidationError({"preferences": error.message_dict}) from error
        return Response(PreferencesSerializer(_preferences_payload(request.user)).data)

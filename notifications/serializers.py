"""API shapes of notifications and delivery preferences."""

from rest_framework import serializers

from .models import Delivery, EventType, Notification


class NotificationSerializer(serializers.ModelSerializer):
    event_type_display = serializers.CharField(source="get_event_type_display", read_only=True)
    is_read = serializers.BooleanField(read_only=True)
    url = serializers.CharField(source="link", read_only=True, help_text="A path inside OCG Share to read more.")
    asks_for_action = serializers.BooleanField(
        read_only=True, help_text="True if it asks you to do something: sign a protocol, record a review."
    )
    action_done_at = serializers.DateTimeField(
        read_only=True,
        allow_null=True,
        help_text="When the action asked for was done, by you or anyone else entitled, or stopped being needed "
        "(for example, the protocol went back to draft). Null while it is still to do, and for notifications "
        "that ask for nothing. A done action no longer counts as unread.",
    )
    action_outcome = serializers.CharField(
        read_only=True, help_text='What became of the action asked for ("Signed by …"); empty while it is to do.'
    )

    class Meta:
        model = Notification
        fields = [
            "id",
            "event_type",
            "event_type_display",
            "title",
            "body",
            "url",
            "created_at",
            "read_at",
            "is_read",
            "asks_for_action",
            "action_done_at",
            "action_outcome",
        ]
        read_only_fields = fields


class MarkedReadSerializer(serializers.Serializer):
    marked_read = serializers.IntegerField(help_text="How many notifications were unread and are now read.")


class PreferenceSerializer(serializers.Serializer):
    event_type = serializers.ChoiceField(choices=EventType.choices)
    event_type_display = serializers.SerializerMethodField()
    delivery = serializers.ChoiceField(choices=Delivery.choices)

    def get_event_type_display(self, preference) -> str:
        return EventType(preference["event_type"]).label


class PreferencesSerializer(serializers.Serializer):
    """Every event type with how its e-mail is delivered. On PUT, event types left out keep their setting."""

    preferences = PreferenceSerializer(many=True)

    def validate_preferences(self, preferences):
        event_types = [preference["event_type"] for preference in preferences]
        if len(event_types) != len(set(event_types)):
            raise serializers.ValidationError("Give each event type once.")
        return preferences

"""API shapes of notifications and delivery preferences."""

from rest_framework import serializers

from .models import Delivery, EventType, Notification


class NotificationSerializer(serializers.ModelSerializer):
    event_type_display = serializers.CharField(source="get_event_type_display", read_only=True)
    is_read = serializers.BooleanField(read_only=True)
    url = serializers.CharField(source="link", read_only=True, help_text="A path inside OCG Share to read more.")

    class Meta:
        model = Notification
        fields = ["id", "event_type", "event_type_display", "title", "body", "url", "created_at", "read_at", "is_read"]
        read_only_fields = fields


class InboxFilterSerializer(serializers.Serializer):
    """Query parameters of the inbox list."""

    unread = serializers.BooleanField(required=False, default=False, help_text="Only unread notifications.")
    event_type = serializers.ChoiceField(choices=EventType.choices, required=False, help_text="Only this type.")


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

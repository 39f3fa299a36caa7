"""Serializers of need-to-know grants."""

from rest_framework import serializers

from ocgshare import bounds
from protocols.constants import PARTY_TIER_CHOICES


class GrantWriteSerializer(serializers.Serializer):
    user = serializers.IntegerField(required=False, allow_null=True, help_text="A user's id, or…")
    agency = serializers.IntegerField(required=False, allow_null=True, help_text="…an agency's id.")
    tier = serializers.ChoiceField(choices=PARTY_TIER_CHOICES)
    reason = serializers.CharField(allow_blank=True, max_length=bounds.REASON_MAX_LENGTH)
    expires_at = serializers.DateTimeField(allow_null=True)


class GrantSerializer(serializers.Serializer):
    """A need-to-know grant, to a user or to every user of an agency."""

    id = serializers.IntegerField()
    holder = serializers.ChoiceField(choices=[("user", "User"), ("agency", "Agency")])
    user = serializers.IntegerField(allow_null=True)
    agency = serializers.IntegerField(allow_null=True)
    tier = serializers.IntegerField()
    reason = serializers.CharField()
    expires_at = serializers.DateTimeField()
    granted_by = serializers.IntegerField()
    granted_at = serializers.DateTimeField()
    is_current = serializers.BooleanField()

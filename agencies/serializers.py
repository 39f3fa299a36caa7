"""API representations of agencies and their toolkit entries. Writes go through agencies.services,
so the API validates exactly as the pages do."""

from django.contrib.auth import get_user_model
from rest_framework import serializers

from .models import Agency, DataHolding, ThreatArea, ToolOrPower


class ContactPersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = get_user_model()
        fields = ["id", "full_name", "job_title", "email", "phone"]
        read_only_fields = fields


class AgencySerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    level_display = serializers.CharField(source="get_level_display", read_only=True)
    region_display = serializers.CharField(source="get_region_display", read_only=True)
    spoc = ContactPersonSerializer(read_only=True)

    class Meta:
        model = Agency
        fields = [
            "id",
            "name",
            "short_name",
            "kind",
            "kind_display",
            "level",
            "level_display",
            "region",
            "region_display",
            "parent",
            "prison_category",
            "prison_operator",
            "description",
            "spoc",
            "contact_email",
            "contact_phone",
            "updated_at",
        ]
        read_only_fields = fields


class _ToolkitEntrySerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    threat_areas = serializers.SlugRelatedField(
        slug_field="code", many=True, required=False, queryset=ThreatArea.objects.all()
    )

    def validate_agency(self, agency):
        if self.instance is not None and agency.pk != self.instance.agency_id:
            raise serializers.ValidationError("An entry cannot be moved to another agency.")
        return agency


class ToolOrPowerSerializer(_ToolkitEntrySerializer):
    class Meta:
        model = ToolOrPower
        fields = [
            "id",
            "agency",
            "agency_name",
            "name",
            "legal_basis",
            "achieves",
            "information_needed",
            "thresholds",
            "time_to_act",
            "four_p",
            "threat_areas",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]
        # A duplicate name is reported on `name` by the model's clean(), through the service.
        validators = []


class DataHoldingSerializer(_ToolkitEntrySerializer):
    class Meta:
        model = DataHolding
        fields = [
            "id",
            "agency",
            "agency_name",
            "name",
            "description",
            "category",
            "threat_areas",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]
        validators = []

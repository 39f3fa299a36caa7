"""Serializers of entities, their links and associations."""

from rest_framework import serializers

from ocgshare import bounds
from ocgshare.constants import InformationCategory

from ..constants import AssociationKind, EntityKind
from ..models import Association, Entity, EntityLink


class EntityBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["id", "kind", "value", "detail"]


class EntityLinkSerializer(serializers.ModelSerializer):
    entity = EntityBriefSerializer()

    class Meta:
        model = EntityLink
        fields = ["id", "entity", "nominal", "ocg", "relationship", "started_on", "ended_on", "source"]


class AssociationSerializer(serializers.ModelSerializer):
    nominal_a_name = serializers.CharField(source="nominal_a.display_name", read_only=True)
    nominal_b_name = serializers.CharField(source="nominal_b.display_name", read_only=True)
    owning_agency_name = serializers.CharField(source="owning_agency.name", read_only=True)
    viewer_tier = serializers.IntegerField(read_only=True)

    class Meta:
        model = Association
        fields = [
            "id",
            "nominal_a",
            "nominal_a_name",
            "nominal_b",
            "nominal_b_name",
            "kind",
            "started_on",
            "ended_on",
            "source",
            "owning_agency",
            "owning_agency_name",
            "category",
            "viewer_tier",
            "created_at",
        ]


class EntitySerializer(serializers.ModelSerializer):
    owning_agency_name = serializers.CharField(source="owning_agency.name", read_only=True)
    viewer_tier = serializers.IntegerField(read_only=True)

    class Meta:
        model = Entity
        fields = [
            "id",
            "kind",
            "value",
            "detail",
            "category",
            "owning_agency",
            "owning_agency_name",
            "viewer_tier",
            "created_at",
        ]
        read_only_fields = fields


class EntityLinkWriteSerializer(serializers.Serializer):
    nominal = serializers.IntegerField(required=False, allow_null=True)
    ocg = serializers.IntegerField(required=False, allow_null=True)
    relationship = serializers.CharField(max_length=100, allow_blank=True)
    started_on = serializers.DateField(required=False, allow_null=True)
    ended_on = serializers.DateField(required=False, allow_null=True)
    source = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class EntityWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=EntityKind.choices)
    value = serializers.CharField(max_length=300, allow_blank=True)
    detail = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=bounds.DESCRIPTION_MAX_LENGTH
    )
    category = serializers.ChoiceField(
        choices=InformationCategory.choices, required=False, help_text="Defaults from the kind."
    )
    link = EntityLinkWriteSerializer(required=False, help_text="Link the entity to a nominal or OCG at once.")


class AssociationWriteSerializer(serializers.Serializer):
    nominal_a = serializers.IntegerField()
    nominal_b = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=AssociationKind.choices)
    started_on = serializers.DateField(required=False, allow_null=True)
    ended_on = serializers.DateField(required=False, allow_null=True)
    source = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")

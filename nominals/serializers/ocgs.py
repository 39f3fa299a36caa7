"""Serializers of OCGs and their memberships."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ocgshare import bounds
from ocgshare.constants import InformationCategory
from ocgshare.constants import ThreatArea as ThreatAreaChoice
from records.serializers import TierDocumented, TieredSerializer

from ..constants import MembershipRole, OCGBand, OCGStatus, fields_for_tier
from ..models import OCG, OCGMembership
from .common import ListIdentityField
from .entities import EntityLinkSerializer


class MembershipDetailSerializer(serializers.ModelSerializer):
    """Membership detail (tier 1): role and dates."""

    ocg_name = serializers.CharField(source="ocg.name", read_only=True)

    class Meta:
        model = OCGMembership
        fields = ["id", "ocg", "ocg_name", "role", "started_on", "ended_on"]


class OCGMemberSerializer(TierDocumented, serializers.ModelSerializer):
    """A member of an OCG: who at every tier, the membership's role and dates at tier 1."""

    tier_kind = "ocg"
    field_sources = {"id": "memberships", "role": "memberships", "started_on": "memberships", "ended_on": "memberships"}
    nominal_name = serializers.CharField(source="nominal.display_name", read_only=True)

    class Meta:
        model = OCGMembership
        fields = ["id", "nominal", "nominal_name", "role", "started_on", "ended_on"]


class OCGSerializer(TieredSerializer):
    tier_kind = "ocg"

    url = ListIdentityField(view_name="ocg-detail")
    lead_agency_name = serializers.CharField(source="lead_agency.name", read_only=True)
    threat_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = OCG
        fields = [
            "id",
            "url",
            "lead_agency",
            "lead_agency_name",
            "category",
            "viewer_tier",
            "reference",
            "name",
            "ocg_mapping_reference",
            "band",
            "status",
            "threat_areas",
            "handling_notes",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class OCGDetailSerializer(OCGSerializer):
    # Who is in the group shows at every tier (members the viewer may see); role and dates at tier 1.
    members = serializers.SerializerMethodField()
    entity_links = EntityLinkSerializer(source="entity_link_list", many=True, read_only=True)

    class Meta(OCGSerializer.Meta):
        fields = [*OCGSerializer.Meta.fields, "members", "entity_links"]
        read_only_fields = fields

    @extend_schema_field(OCGMemberSerializer(many=True))
    def get_members(self, ocg):
        rows = OCGMemberSerializer(ocg.member_list, many=True).data
        allowed = fields_for_tier("ocg", ocg.viewer_tier)
        hidden = {name for name, source in OCGMemberSerializer.field_sources.items() if source not in allowed}
        return [{name: value for name, value in row.items() if name not in hidden} for row in rows]


class OCGWriteSerializer(serializers.Serializer):
    reference = serializers.CharField(max_length=40, allow_blank=True)
    name = serializers.CharField(max_length=200, allow_blank=True)
    ocg_mapping_reference = serializers.CharField(max_length=40, required=False, allow_blank=True)
    band = serializers.ChoiceField(choices=[("", "None"), *OCGBand.choices], required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=OCGStatus.choices, required=False)
    category = serializers.ChoiceField(choices=InformationCategory.choices, required=False)
    handling_notes = serializers.CharField(required=False, allow_blank=True, max_length=bounds.NOTES_MAX_LENGTH)
    threat_areas = serializers.ListField(
        child=serializers.ChoiceField(choices=ThreatAreaChoice.choices), required=False
    )


class MembershipWriteSerializer(serializers.Serializer):
    nominal = serializers.IntegerField()
    role = serializers.ChoiceField(choices=MembershipRole.choices)
    started_on = serializers.DateField(required=False, allow_null=True)
    ended_on = serializers.DateField(required=False, allow_null=True)

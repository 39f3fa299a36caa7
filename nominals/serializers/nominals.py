"""Serializers of nominals: the row, the table row and the detail, and the write."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ocgshare import bounds
from ocgshare.constants import InformationCategory
from ocgshare.constants import ThreatArea as ThreatAreaChoice
from records.serializers import TieredSerializer

from ..constants import RISK_CRITERIA, Gender, RiskLevel
from ..models import Nominal
from .common import ListIdentityField, NamedAgencySerializer
from .custody import CustodyEpisodeSerializer, OrderSerializer, SupervisionSerializer, TransferSerializer
from .entities import AssociationSerializer, EntityLinkSerializer
from .ocgs import MembershipDetailSerializer


class AliasSerializer(serializers.Serializer):
    surname = serializers.CharField(max_length=100)
    forenames = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")


class OtherIdentifierSerializer(serializers.Serializer):
    kind = serializers.CharField(max_length=60)
    value = serializers.CharField(max_length=60)


class OCGLinkSerializer(serializers.Serializer):
    """An OCG the nominal belongs to (tier 2: the name link)."""

    id = serializers.IntegerField(source="ocg.id")
    reference = serializers.CharField(source="ocg.reference")
    name = serializers.CharField(source="ocg.name")


class RiskSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=RiskLevel.choices)
    label = serializers.CharField()
    criteria = serializers.CharField()


class NominalSerializer(TieredSerializer):
    """A nominal as a list row: identity (tier 2) and where they are held (tier 1)."""

    tier_kind = "nominal"
    field_sources = {"risk": "risk_level", "aliases": "aliases", "ocgs": "ocgs"}

    url = ListIdentityField(view_name="nominal-detail")
    owning_agency_name = serializers.CharField(source="owning_agency.name", read_only=True)
    # The relations nominals.selectors.nominals.with_list_relations brings with each row, as lists of dicts.
    aliases = AliasSerializer(source="alias_rows", many=True, read_only=True)
    other_identifiers = OtherIdentifierSerializer(source="identifier_rows", many=True, read_only=True)
    risk = serializers.SerializerMethodField()
    threat_areas = serializers.SerializerMethodField()
    ocgs = serializers.SerializerMethodField()
    current_establishment = NamedAgencySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Nominal
        fields = [
            "id",
            "url",
            "owning_agency",
            "owning_agency_name",
            "category",
            "viewer_tier",
            "surname",
            "forenames",
            "aliases",
            "date_of_birth",
            "gender",
            "nationality",
            "pnc_id",
            "prison_number",
            "crn",
            "other_identifiers",
            "risk_level",
            "risk",
            "threat_areas",
            "ocgs",
            "current_establishment",
            "handling_notes",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(RiskSerializer)
    def get_risk(self, nominal):
        level = RiskLevel(nominal.risk_level)
        return {"level": level.value, "label": level.label, "criteria": RISK_CRITERIA[level]}

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=ThreatAreaChoice.choices)))
    def get_threat_areas(self, nominal):
        return [area["code"] for area in nominal.threat_area_rows]

    @extend_schema_field(OCGLinkSerializer(many=True))
    def get_ocgs(self, nominal):
        # One link per OCG: a nominal who left and rejoined has two memberships of it.
        links = {}
        for ocg in getattr(nominal, "ocg_rows", []):
            links.setdefault(ocg["id"], ocg)
        return list(links.values())


# What a page's table of nominals does not show of a list row.
TABLE_LEAVES_OUT = frozenset(
    {"url", "gender", "nationality", "other_identifiers", "threat_areas", "handling_notes", "created_at", "updated_at"}
)


class NominalTableSerializer(NominalSerializer):
    """A nominal as a row of a page's table (list, search, likely duplicates): only what the table shows,
    from nominals.selectors.nominals.TABLE_ROW. The same tier rules, fewer fields."""

    url = None
    other_identifiers = None
    threat_areas = None

    class Meta(NominalSerializer.Meta):
        fields = [name for name in NominalSerializer.Meta.fields if name not in TABLE_LEAVES_OUT]
        read_only_fields = fields


class NominalDetailSerializer(NominalSerializer):
    """A nominal with its timelines and links (tier 1) — from nominals.selectors.nominals.nominal_get."""

    field_sources = {
        **NominalSerializer.field_sources,
        "custody_episodes": "custody_episodes",
        "entity_links": "entity_links",
    }
    memberships = MembershipDetailSerializer(source="visible_memberships", many=True, read_only=True)
    custody_episodes = CustodyEpisodeSerializer(source="custody_list", many=True, read_only=True)
    transfers = TransferSerializer(source="transfer_list", many=True, read_only=True)
    supervisions = SupervisionSerializer(source="supervision_list", many=True, read_only=True)
    orders = OrderSerializer(source="order_list", many=True, read_only=True)
    associations = AssociationSerializer(source="association_list", many=True, read_only=True)
    entity_links = EntityLinkSerializer(source="entity_link_list", many=True, read_only=True)

    class Meta(NominalSerializer.Meta):
        fields = [
            *NominalSerializer.Meta.fields,
            "memberships",
            "custody_episodes",
            "transfers",
            "supervisions",
            "orders",
            "associations",
            "entity_links",
        ]
        read_only_fields = fields


class NominalWriteSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=InformationCategory.choices, required=False)
    surname = serializers.CharField(max_length=100, allow_blank=True)
    forenames = serializers.CharField(max_length=150, required=False, allow_blank=True)
    date_of_birth = serializers.DateField(required=False, allow_null=True)
    gender = serializers.ChoiceField(choices=Gender.choices, required=False)
    nationality = serializers.CharField(max_length=100, required=False, allow_blank=True)
    pnc_id = serializers.CharField(max_length=20, required=False, allow_blank=True)
    prison_number = serializers.CharField(max_length=20, required=False, allow_blank=True)
    crn = serializers.CharField(max_length=20, required=False, allow_blank=True)
    risk_level = serializers.ChoiceField(choices=RiskLevel.choices, required=False)
    handling_notes = serializers.CharField(required=False, allow_blank=True, max_length=bounds.NOTES_MAX_LENGTH)
    threat_areas = serializers.ListField(
        child=serializers.ChoiceField(choices=ThreatAreaChoice.choices), required=False
    )
    aliases = AliasSerializer(many=True, required=False, max_length=bounds.MAX_ITEMS)
    other_identifiers = OtherIdentifierSerializer(many=True, required=False, max_length=bounds.MAX_ITEMS)
    allow_duplicate = serializers.BooleanField(
        required=False, default=False, write_only=True, help_text="Create even if a likely duplicate exists."
    )

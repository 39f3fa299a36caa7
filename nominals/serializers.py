"""Serializers of the register API.

Reading: every register serializer drops the fields above the viewer's tier (FIELD_TIERS in
nominals.constants) — the keys are absent, not null — using `viewer_tier` annotated by the access
engine. Writing: the serializers only parse input; the services apply every rule, as for the pages.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject

from ocgshare import bounds
from ocgshare.constants import InformationCategory
from ocgshare.constants import ThreatArea as ThreatAreaChoice
from ocgshare.links import url_maker
from protocols.constants import PARTY_TIER_CHOICES, SanitisationTier

from .constants import (
    FIELD_TIERS,
    RISK_CRITERIA,
    AssociationKind,
    CustodyCategory,
    EntityKind,
    Gender,
    MembershipRole,
    OCGBand,
    OCGStatus,
    OrderKind,
    RiskLevel,
    fields_for_tier,
)
from .models import (
    OCG,
    Association,
    CustodyEpisode,
    Entity,
    EntityLink,
    LifetimeOrder,
    Nominal,
    OCGMembership,
    ProbationSupervision,
    Transfer,
)

# --- reading -----------------------------------------------------------------------------------------


class TierDocumented:
    """A serializer some of whose fields a viewer sees only at a close enough tier. `tier_kind` names the
    FIELD_TIERS entry; `field_sources` maps a serializer field to the FIELD_TIERS field it shows (default:
    itself); fields in neither describe the record itself and always show. The API schema reads
    `field_tier` (nominals.schema): those fields are optional there, each saying the tier it needs."""

    tier_kind = None
    field_sources = {}

    @classmethod
    def field_tier(cls, name):
        """The most distant tier that still sees field `name`, or None if every viewer of the record does."""
        source = cls.field_sources.get(name, name)
        tiers = FIELD_TIERS[cls.tier_kind]
        every_viewer = max(tiers)
        for tier, names in tiers.items():
            if source in names and tier < every_viewer:
                return tier
        return None


class TieredSerializer(TierDocumented, serializers.ModelSerializer):
    """Drops every field the viewer's tier does not reach (see TierDocumented)."""

    viewer_tier = serializers.IntegerField(read_only=True, help_text="0 originator, 1 law enforcement, 2 partnership.")

    def to_representation(self, instance):
        # DRF's own loop (ModelSerializer.to_representation), skipping the fields the tier drops before
        # building them rather than deleting them after: a list of 50 rows at tier 2 builds a third less.
        tiered = fields_for_tier(self.tier_kind, SanitisationTier.ORIGINATOR)
        allowed = fields_for_tier(self.tier_kind, instance.viewer_tier)
        data = {}
        for field in self._readable_fields:
            source = self.field_sources.get(field.field_name, field.field_name)
            if source in tiered and source not in allowed:
                continue
            try:
                attribute = field.get_attribute(instance)
            except SkipField:
                continue
            check_for_none = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
            data[field.field_name] = None if check_for_none is None else field.to_representation(attribute)
        return data


class ListIdentityField(serializers.HyperlinkedIdentityField):
    """DRF's HyperlinkedIdentityField, reversing its URL once per response rather than once per row (the
    field is shared by the rows of a list). The same absolute URL."""

    def get_url(self, obj, view_name, request, format):
        if format or request is None:
            return super().get_url(obj, view_name, request, format)
        make = self.__dict__.get("_url_maker")
        if make is None:
            make = self._url_maker = url_maker(view_name, kwarg=self.lookup_url_kwarg, request=request)
        return make(getattr(obj, self.lookup_field))


class NamedAgencySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


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


class MembershipDetailSerializer(serializers.ModelSerializer):
    """Membership detail (tier 1): role and dates."""

    ocg_name = serializers.CharField(source="ocg.name", read_only=True)

    class Meta:
        model = OCGMembership
        fields = ["id", "ocg", "ocg_name", "role", "started_on", "ended_on"]


class TransferSerializer(serializers.ModelSerializer):
    from_establishment = NamedAgencySerializer()
    to_establishment = NamedAgencySerializer()

    class Meta:
        model = Transfer
        fields = ["id", "custody_episode", "from_establishment", "to_establishment", "transferred_on", "reason"]


class CustodyEpisodeSerializer(serializers.ModelSerializer):
    establishment = NamedAgencySerializer()

    class Meta:
        model = CustodyEpisode
        fields = [
            "id",
            "establishment",
            "prison_number",
            "category",
            "received_on",
            "released_on",
            "expected_release_date",
            "licence_end_date",
        ]


class SupervisionSerializer(serializers.ModelSerializer):
    region = NamedAgencySerializer()

    class Meta:
        model = ProbationSupervision
        fields = ["id", "region", "offender_manager", "starts_on", "ends_on", "licence_conditions"]


class OrderSerializer(serializers.ModelSerializer):
    class Meta:
        model = LifetimeOrder
        fields = ["id", "kind", "conditions", "made_on", "expires_on"]


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
    # The relations nominals.selectors.with_list_relations brings with each row, as lists of dicts.
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
    from nominals.selectors.TABLE_ROW. The same tier rules, fewer fields."""

    url = None
    other_identifiers = None
    threat_areas = None

    class Meta(NominalSerializer.Meta):
        fields = [name for name in NominalSerializer.Meta.fields if name not in TABLE_LEAVES_OUT]
        read_only_fields = fields


class NominalDetailSerializer(NominalSerializer):
    """A nominal with its timelines and links (tier 1) — from nominals.selectors.nominal_get."""

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


class HotspotSerializer(serializers.Serializer):
    establishment_id = serializers.IntegerField()
    establishment = serializers.CharField()
    threat_area = serializers.ChoiceField(choices=ThreatAreaChoice.choices)
    threat_area_name = serializers.CharField()
    count = serializers.IntegerField()


# --- writing (parsing only: the services validate) ------------------------------------------------------


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


class CustodyEpisodeWriteSerializer(serializers.Serializer):
    establishment = serializers.IntegerField(help_text="The prison's agency id.")
    received_on = serializers.DateField()
    prison_number = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    category = serializers.ChoiceField(choices=CustodyCategory.choices, required=False)
    released_on = serializers.DateField(required=False, allow_null=True)
    expected_release_date = serializers.DateField(required=False, allow_null=True)
    licence_end_date = serializers.DateField(required=False, allow_null=True)


class CustodyEpisodeUpdateSerializer(serializers.Serializer):
    released_on = serializers.DateField(required=False, allow_null=True)
    expected_release_date = serializers.DateField(required=False, allow_null=True)
    licence_end_date = serializers.DateField(required=False, allow_null=True)
    category = serializers.ChoiceField(choices=CustodyCategory.choices, required=False)
    prison_number = serializers.CharField(max_length=20, required=False, allow_blank=True)


class TransferWriteSerializer(serializers.Serializer):
    custody_episode = serializers.IntegerField()
    to_establishment = serializers.IntegerField(help_text="The prison's agency id.")
    transferred_on = serializers.DateField()
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class SupervisionWriteSerializer(serializers.Serializer):
    region = serializers.IntegerField(help_text="The probation region's agency id.")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(required=False, allow_null=True)
    offender_manager = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    licence_conditions = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=bounds.NOTES_MAX_LENGTH
    )


class OrderWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=OrderKind.choices)
    conditions = serializers.CharField(allow_blank=True, max_length=bounds.NOTES_MAX_LENGTH)
    made_on = serializers.DateField()
    expires_on = serializers.DateField(required=False, allow_null=True)


class MembershipWriteSerializer(serializers.Serializer):
    nominal = serializers.IntegerField()
    role = serializers.ChoiceField(choices=MembershipRole.choices)
    started_on = serializers.DateField(required=False, allow_null=True)
    ended_on = serializers.DateField(required=False, allow_null=True)


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

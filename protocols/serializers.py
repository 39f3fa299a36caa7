"""Serializers of the protocols API. Reading serializers describe a protocol with its parties; the
writing ones only parse input, and the services apply the rules (as they do for the pages)."""

from rest_framework import serializers

from accounts.models import User
from agencies.models import Agency
from ocgshare import bounds
from ocgshare.constants import InformationCategory

from .constants import PARTY_TIER_CHOICES, LegalBasis
from .models import Protocol, ProtocolParty, ProtocolTemplate
from .sections import SECTION_FIELDS


class ProtocolPartySerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    categories = serializers.SerializerMethodField()
    signatory_name = serializers.CharField(source="signatory.full_name", read_only=True, default=None, allow_null=True)
    is_signed = serializers.BooleanField(read_only=True)

    class Meta:
        model = ProtocolParty
        fields = [
            "id",
            "agency",
            "agency_name",
            "max_tier",
            "categories",
            "signatory",
            "signatory_name",
            "is_signed",
            "signed_at",
            "signed_by",
        ]
        read_only_fields = fields

    def get_categories(self, party) -> list[str]:
        return [c.category for c in party.categories.all()]


class ProtocolSerializer(serializers.ModelSerializer):
    lead_agency_name = serializers.CharField(source="lead_agency.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    parties = ProtocolPartySerializer(many=True, read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="protocol-detail")

    class Meta:
        model = Protocol
        fields = [
            "id",
            "url",
            "reference",
            "title",
            "status",
            "status_label",
            "lead_agency",
            "lead_agency_name",
            "template",
            "start_date",
            "end_date",
            "review_date",
            "last_reviewed_on",
            "suspension_reason",
            *SECTION_FIELDS,
            "changed_sections",
            "parties",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ProtocolCreateSerializer(serializers.Serializer):
    template = serializers.PrimaryKeyRelatedField(
        queryset=ProtocolTemplate.objects.all(), required=False, help_text="Defaults to the current template."
    )
    reference = serializers.CharField(max_length=40)
    title = serializers.CharField(max_length=200)
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    review_date = serializers.DateField(
        required=False, help_text="Defaults to the start date plus the template's review interval."
    )


class ProtocolUpdateSerializer(serializers.Serializer):
    """Any subset of a draft's dates and sections."""

    reference = serializers.CharField(max_length=40, required=False)
    title = serializers.CharField(max_length=200, required=False)
    start_date = serializers.DateField(required=False)
    end_date = serializers.DateField(required=False)
    review_date = serializers.DateField(required=False)
    purposes = serializers.CharField(required=False, allow_blank=True, max_length=bounds.SECTION_MAX_LENGTH)
    legal_bases = serializers.ListField(
        child=serializers.ChoiceField(choices=LegalBasis.choices), required=False, max_length=len(LegalBasis.choices)
    )
    legal_basis_other = serializers.CharField(required=False, allow_blank=True, max_length=bounds.SECTION_MAX_LENGTH)
    data_categories = serializers.ListField(
        child=serializers.ChoiceField(choices=InformationCategory.choices),
        required=False,
        max_length=len(InformationCategory.choices),
    )
    security_requirements = serializers.CharField(
        required=False, allow_blank=True, max_length=bounds.SECTION_MAX_LENGTH
    )
    retention_and_disposal = serializers.CharField(
        required=False, allow_blank=True, max_length=bounds.SECTION_MAX_LENGTH
    )
    breach_contacts = serializers.CharField(required=False, allow_blank=True, max_length=bounds.SECTION_MAX_LENGTH)
    individuals_rights = serializers.CharField(required=False, allow_blank=True, max_length=bounds.SECTION_MAX_LENGTH)
    review_interval_months = serializers.IntegerField(required=False, min_value=1, max_value=60)


class PartyWriteSerializer(serializers.Serializer):
    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all())
    max_tier = serializers.ChoiceField(choices=PARTY_TIER_CHOICES)
    categories = serializers.ListField(
        child=serializers.ChoiceField(choices=InformationCategory.choices), max_length=len(InformationCategory.choices)
    )
    signatory = serializers.PrimaryKeyRelatedField(queryset=User.objects.all(), required=False, allow_null=True)


class PartyUpdateSerializer(PartyWriteSerializer):
    agency = None


class SuspendSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True, max_length=bounds.REASON_MAX_LENGTH)


class RenewSerializer(serializers.Serializer):
    end_date = serializers.DateField()
    review_date = serializers.DateField(required=False, allow_null=True)


class ReviewSerializer(serializers.Serializer):
    next_review_date = serializers.DateField()

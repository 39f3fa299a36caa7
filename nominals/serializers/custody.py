"""Serializers of custody, transfers, supervision and orders, and of the tier-3 hotspot counts."""

from rest_framework import serializers

from ocgshare import bounds
from ocgshare.constants import ThreatArea as ThreatAreaChoice

from ..constants import CustodyCategory, OrderKind
from ..models import CustodyEpisode, LifetimeOrder, ProbationSupervision, Transfer
from .common import NamedAgencySerializer


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


class HotspotSerializer(serializers.Serializer):
    establishment_id = serializers.IntegerField()
    establishment = serializers.CharField()
    threat_area = serializers.ChoiceField(choices=ThreatAreaChoice.choices)
    threat_area_name = serializers.CharField()
    count = serializers.IntegerField()


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

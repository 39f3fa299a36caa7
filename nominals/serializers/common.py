"""What the register serializers share: dropping the fields above the viewer's tier, and its schema."""

from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject

from ocgshare.links import url_maker
from protocols.constants import SanitisationTier

from ..constants import FIELD_TIERS, fields_for_tier


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

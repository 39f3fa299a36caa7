"""Serializers every record kind shares: tiered serializers, which drop the fields above the viewer's
tier (the fields of each tier are the kind's access Policy's `tier_fields`), and need-to-know grants."""

import functools

from django.core.exceptions import ObjectDoesNotExist
from rest_framework import serializers
from rest_framework.fields import Field, SkipField
from rest_framework.relations import PKOnlyObject

import access
from ocgshare import bounds
from protocols.constants import PARTY_TIER_CHOICES, SanitisationTier


@functools.cache
def tier_field_names(kind, tier):
    """The tiered field names of `kind` (a registered kind) a viewer at `tier` sees (empty for no access).
    Cached: policies are registered once, when the apps load."""
    if tier is None:
        return frozenset()
    tiers = access.policy_for(kind).tier_fields
    return frozenset(name for field_tier, names in tiers.items() if field_tier >= tier for name in names)


class TierDocumented:
    """A serializer some of whose fields a viewer sees only at a close enough tier. `tier_kind` names the
    registered record kind whose Policy's `tier_fields` decide; `field_sources` maps a serializer field to
    the tiered field it shows (default: itself); fields in neither describe the record itself and always
    show. The API schema reads `field_tier` (records.schema): those fields are optional there, each saying
    the tier it needs."""

    tier_kind = None
    field_sources = {}

    @classmethod
    def field_tier(cls, name):
        """The most distant tier that still sees field `name`, or None if every viewer of the record does."""
        source = cls.field_sources.get(name, name)
        tiers = access.policy_for(cls.tier_kind).tier_fields
        every_viewer = max(tiers)
        for tier, names in tiers.items():
            if source in names and tier < every_viewer:
                return tier
        return None


class TieredSerializer(TierDocumented, serializers.ModelSerializer):
    """Drops every field the viewer's tier does not reach (see TierDocumented)."""

    viewer_tier = serializers.IntegerField(read_only=True, help_text="0 originator, 1 law enforcement, 2 partnership.")

    def field_plan(self, tier):
        """The fields a row at `tier` shows, in order, as (name, field, attribute): `attribute` is the
        row's attribute the field shows when reading it needs none of DRF's get_attribute (a plain field
        on one attribute), else None. Built once per serializer and tier — a list's rows share the one
        serializer — rather than every field checked against the tier's sets for every row."""
        plans = self.__dict__.setdefault("_field_plans", {})
        plan = plans.get(tier)
        if plan is None:
            dropped = tier_field_names(self.tier_kind, SanitisationTier.ORIGINATOR) - tier_field_names(
                self.tier_kind, tier
            )
            plan = plans[tier] = tuple(
                (field.field_name, field, _plain_attribute(field))
                for field in self._readable_fields
                if self.field_sources.get(field.field_name, field.field_name) not in dropped
            )
        return plan

    def to_representation(self, instance):
        # DRF's own loop (ModelSerializer.to_representation) over the fields the row's tier shows: the
        # fields the tier drops are never built (a list of 50 rows at tier 2 builds a third less).
        data = {}
        for name, field, attribute_name in self.field_plan(instance.viewer_tier):
            if attribute_name is not None:
                # What Field.get_attribute returns for a plain attribute that is there and not callable
                # (a column or an annotation); anything else (a callable, a missing attribute, a mapping's
                # item) is read the way DRF reads it, below.
                try:
                    attribute = getattr(instance, attribute_name)
                except (AttributeError, ObjectDoesNotExist):
                    attribute = _MISSING
                if attribute is not _MISSING and not callable(attribute):
                    data[name] = None if attribute is None else field.to_representation(attribute)
                    continue
            try:
                attribute = field.get_attribute(instance)
            except SkipField:
                continue
            check_for_none = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
            data[name] = None if check_for_none is None else field.to_representation(attribute)
        return data


_MISSING = object()


def _plain_attribute(field):
    """The attribute `field` reads, if Field.get_attribute reads it (a field on one attribute of the
    row, not `*`, not a relation's own reading), else None."""
    if type(field).get_attribute is not Field.get_attribute or len(field.source_attrs) != 1:
        return None
    return field.source_attrs[0]


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


class AskOwnerSerializer(serializers.Serializer):
    message = serializers.CharField(
        max_length=1000, help_text="What you need and why; it goes to the owning agency's single point of contact."
    )


class AskOwnerSentSerializer(serializers.Serializer):
    detail = serializers.CharField()

"""How the API schema (drf-spectacular) describes tiered serializers (records.serializers): a field that a
more distant viewer does not get is left out of the response (not null), so the schema must not call it
required, and it says which tier it needs (the same Policy `tier_fields` the serializers drop fields by)."""

from drf_spectacular.extensions import OpenApiSerializerExtension

from protocols.constants import SanitisationTier

TIER_NOTE = (
    "Fields marked with a tier are shown only to a viewer at that tier or a closer one (`viewer_tier` at most "
    "that number: 0 originator, 1 law enforcement, 2 partnership); to others they are left out, not null."
)


class TierDocumentedExtension(OpenApiSerializerExtension):
    target_class = "records.serializers.TierDocumented"
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        properties = schema.get("properties", {})
        tiered = {name: self.target.field_tier(name) for name in properties}
        tiered = {name: tier for name, tier in tiered.items() if tier is not None}
        for name, tier in tiered.items():
            prop = properties[name]
            if "$ref" in prop:
                # OpenAPI 3.0 ignores siblings of a $ref: wrap it to carry the description.
                prop = properties[name] = {"allOf": [{"$ref": prop.pop("$ref")}], **prop}
            note = f"{SanitisationTier(tier).label} or closer only (viewer_tier ≤ {tier}); absent otherwise."
            described = prop.get("description", "")
            # A choice field's description lists its choices ("* `a` - A"), which drf-spectacular's enum
            # hook moves to the enum's component, keeping what comes before them for the field.
            if described.startswith("*"):
                prop["description"] = f"{note}\n\n{described}"
            else:
                prop["description"] = f"{described} {note}".strip()
        if tiered:
            required = [name for name in schema.get("required", []) if name not in tiered]
            if required:
                schema["required"] = required
            else:
                schema.pop("required", None)
            described = schema.get("description")
            schema["description"] = f"{described}\n\n{TIER_NOTE}" if described else TIER_NOTE
        return schema

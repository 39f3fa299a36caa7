"""Serializers of the register API.

Reading: every register serializer drops the fields above the viewer's tier (FIELD_TIERS in
nominals.constants) — the keys are absent, not null — using `viewer_tier` annotated by the access
engine. Writing: the serializers only parse input; the services apply every rule, as for the pages.
"""

"""What the API schema (drf-spectacular, /api/schema/) says beyond what it finds in the views by itself:

- every operation lists the error answers it can give (400, 401, 403, 404, 415; 429 where throttled), with their bodies,
  added by one postprocessing hook rather than by hand on each view, so a new view cannot forget them;
- a read-only choice field of a model that allows blank says that "" is one of its values (DRF drops
  `allow_blank` from read-only fields, so the schema would otherwise refuse a value the API sends);
- OPTIONS describes a route without building its serializers (RouteMetadata).

Tiered register fields are described by records.schema; an /api/ path no route matches answers the
API's JSON 404 (ocgshare.views.api_not_found).

Checked against the running app by schemathesis (.ci/apicheck.py) and by tests/ocgshare/test_api_schema.py.
"""

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from rest_framework import serializers
from rest_framework.metadata import SimpleMetadata
from rest_framework.settings import api_settings

ERROR_SCHEMA = {
    "type": "object",
    "description": "An error: what went wrong, in words.",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
VALIDATION_ERROR_SCHEMA = {
    "type": "object",
    "description": (
        "The request was refused: each key is a field of the request (or `non_field_errors`) with its "
        "messages (nested like the field for objects and lists); or `detail` for a request that could not be "
        "read at all."
    ),
    "properties": {
        # A string for a request that could not be read; a field's messages where the request has a
        # field named `detail` (an entity's).
        "detail": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "non_field_errors": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": {},
}

# Status code: (component, description). Which operations get which is decided in error_codes().
STANDARD_ERRORS = {
    "400": ("ValidationError", "The request is malformed or fails validation; nothing was changed."),
    "401": ("Error", "No valid credentials: sign in for a token (POST /api/auth/token/)."),
    "403": (
        "Error",
        "Not allowed: no credentials (with session sign-in), or your roles, agency or vetting do not permit this.",
    ),
    "404": ("Error", "No such item, or one you may not see (the two are not told apart); or an invalid page."),
    "415": ("Error", "The request body is not JSON, a form or multipart."),
    "429": ("Error", "Too many requests: try again later."),
}
PAGE_PARAMETERS = {"cursor", "page"}


def error_codes(operation):
    """The error statuses an operation can answer, from what it takes."""
    parameters = operation.get("parameters", [])
    codes = set()
    # An operation open to everyone (sign-in itself) has no security requirement, or an empty one.
    security = operation.get("security", [])
    if security and all(security):
        codes |= {"401", "403"}
    if parameters or "requestBody" in operation:
        codes.add("400")
    if "requestBody" in operation:
        codes.add("415")
    if any(p["in"] == "path" or p["name"] in PAGE_PARAMETERS for p in parameters):
        codes.add("404")
    # Throttling for every view (none today: sign-in's own lock-out is documented by its view).
    if api_settings.DEFAULT_THROTTLE_CLASSES and "401" in codes:
        codes.add("429")
    return codes


def add_error_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: the standard error responses on every operation. A view's own
    error response keeps its description and gets the error body if it named none."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Error", ERROR_SCHEMA)
    schemas.setdefault("ValidationError", VALIDATION_ERROR_SCHEMA)
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            for code in error_codes(operation):
                responses.setdefault(code, {"description": STANDARD_ERRORS[code][1]})
            for code, response in responses.items():
                if code.startswith("4") and "content" not in response:
                    component = STANDARD_ERRORS.get(code, ("Error",))[0]
                    schema = {"$ref": f"#/components/schemas/{component}"}
                    response["content"] = {"application/json": {"schema": schema}}
            operation["responses"] = dict(sorted(responses.items()))
    return result


class BlankModelChoiceFieldExtension(OpenApiSerializerFieldExtension):
    """A ModelSerializer's choice field for a model field with blank=True: "" is one of its values."""

    target_class = "rest_framework.fields.ChoiceField"

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if "" not in schema.get("enum", [""]) and _model_field_allows_blank(self.target):
            schema["enum"] = [*schema["enum"], ""]
        return schema


def _model_field_allows_blank(field):
    parent = field.parent
    if not isinstance(parent, serializers.ModelSerializer) or "." in field.source:
        return False
    try:
        return parent.Meta.model._meta.get_field(field.source).blank
    except FieldDoesNotExist:
        return False


class RouteMetadata(SimpleMetadata):
    """What OPTIONS answers: the route's name, description and formats. The fields it takes are in the
    schema (/api/schema/); DRF's own `actions` would build them from the view's serializer assuming that
    a PUT names one item, and failed (500) on a PUT to a collection (/api/notifications/preferences/)."""

    def determine_actions(self, request, view):
        return {}

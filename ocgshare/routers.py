"""The API's router: every viewset's detail routes take an integer id.

DRF's default lookup pattern is any segment (`[^/.]+`), so `/api/nominals/abc/` reached the view, which
handed "abc" to the database as a primary key and failed with a 500. Here an id that is not digits does
not match a route at all: 404, as for any other URL that names nothing. A viewset that looks items up by
something else sets `lookup_value_regex` as usual.
"""

from rest_framework.routers import DefaultRouter

INTEGER_ID = r"[0-9]+"


class Router(DefaultRouter):
    def get_lookup_regex(self, viewset, lookup_prefix=""):
        lookup_field = getattr(viewset, "lookup_field", "pk")
        lookup_url_kwarg = getattr(viewset, "lookup_url_kwarg", None) or lookup_field
        lookup_value = getattr(viewset, "lookup_value_regex", None) or INTEGER_ID
        return f"(?P<{lookup_prefix}{lookup_url_kwarg}>{lookup_value})"

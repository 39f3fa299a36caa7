"""What the register's pages share beyond the register kit (records.pages: rendering, the reader check,
the "what you are seeing and why" panel and the child-form pattern): the item fetches that answer 404
for the unseen, the sub-navigation tab of a page, and what a page shows at the viewer's tier."""

from django.core.exceptions import PermissionDenied

import access

from ..constants import groups_left_out, groups_shown


def section_of(request):
    """Which tab of the register's sub-navigation the page belongs to."""
    match = request.resolver_match
    name = match.url_name if match else ""
    if name in ("search", "hotspots"):
        return name
    if name.startswith(("ocg", "membership")) or (match and match.kwargs.get("kind") == "ocgs"):
        return "ocgs"
    return "nominals"


def display_name(data):
    surname = (data.get("surname") or "").upper()
    return f"{surname}, {data['forenames']}" if data.get("forenames") else surname


def _groups(kind, tier):
    """What the page shows and what it says it leaves out at the viewer's tier: both from FIELD_TIERS,
    which also decides what the serializer gives the page, so the two can never disagree."""
    return {"shown": groups_shown(kind, tier), "withheld": groups_left_out(kind, tier)}


def _require_own_agency_staff(request):
    if not access.is_owner_staff(request.user, request.user.agency_id):
        raise PermissionDenied("Only intelligence staff vetted to CTC or above can add to the register.")

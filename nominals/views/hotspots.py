"""Tier 3: the prison hotspots page."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

import access
from audit.services import log_page_read
from ocgshare.constants import ThreatArea as ThreatAreaChoice
from records.pages import render_page

from ..selectors import hotspots as hotspot_selectors


@login_required
def hotspots(request):
    if not access.can_read_aggregates(request.user):
        raise PermissionDenied("Your vetting is not current.")
    counts, totals = hotspot_selectors.hotspot_counts(user=request.user)
    areas_present = {row.threat_area for row in counts}
    areas = [(code, label) for code, label in ThreatAreaChoice.choices if code in areas_present]
    cells = {(row.establishment_id, row.threat_area): row.count for row in counts}
    table = [
        {
            "establishment": name,
            "total": total,
            "counts": [cells.get((establishment_id, code), 0) for code, _ in areas],
        }
        for establishment_id, (name, total) in sorted(totals.items(), key=lambda item: (-item[1][1], item[1][0]))
    ]
    log_page_read(request, aggregate=True, count=len(table))
    return render_page(
        request,
        "nominals/hotspots.html",
        {"areas": areas, "table": table, "grand_total": sum(row["total"] for row in table)},
    )

"""The access log page (/access-log/): auditors list and filter, in two views, what their own agency's
users did (who, when, what, on which basis) and who, in any agency, read or changed their agency's
records (the reader's agency and basis). The rules are ocgshare.audit.access_log_list's, the same as the
API's; everyone else gets 403."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from nominals.forms.access_log import AccessLogFilterForm
from protocols.models import Protocol

from . import lists
from .audit import LogView, access_log_filters_from, access_log_list, can_read_access_log, with_results
from .constants import SecurityMarking


@login_required
def access_log(request):
    if not can_read_access_log(request.user):
        raise PermissionDenied("Only auditors can read the access log.")
    filters = access_log_filters_from(request.GET)
    our_records = filters.view == LogView.OUR_RECORDS
    form = AccessLogFilterForm(request.GET or None, agency=request.user.agency_id, our_records=our_records)
    form.is_valid()  # for the error messages of values the filters ignored
    entries = access_log_list(user=request.user, filters=filters)
    if our_records:
        entries = with_results(entries, user=request.user, view=filters.view)
    page = lists.paginate(request, entries)
    page.object_list = list(page.object_list)
    protocols = {}
    if our_records:
        # Our records each list showed, with the protocol each was shown under (one query for the page).
        protocol_ids = {r.basis_protocol_id for e in page.object_list for r in e.results.all() if r.basis_protocol_id}
        if protocol_ids:
            protocols = dict(Protocol.objects.filter(pk__in=protocol_ids).values_list("pk", "reference"))
        for entry in page.object_list:
            entry.our_results = [
                {"result": result, "protocol_reference": protocols.get(result.basis_protocol_id, "")}
                for result in entry.results.all()
            ]
    is_filtered = any(
        (
            filters.user,
            filters.agency,
            filters.object_type,
            filters.object_id,
            filters.action,
            filters.date_from,
            filters.date_to,
        )
    )
    return render(
        request,
        "audit/access_log.html",
        {
            "form": form,
            "page": page,
            "view": filters.view,
            "views": LogView.choices,
            "our_records": our_records,
            "is_filtered": is_filtered,
            "selected_filters": lists.selected_filters(request.GET, form),
            # The log names register items and the searches people made.
            "security_marking": SecurityMarking.OFFICIAL_SENSITIVE.value,
        },
    )

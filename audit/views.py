"""The access log page (/access-log/): auditors list and filter, in two views, what their own agency's
users did (who, when, what, on which basis) and who, in any agency, read or changed their agency's
records (the reader's agency and basis). The rules are audit.selectors.access_log_list's, the same as the
API's; everyone else gets 403."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from ocgshare import lists
from ocgshare.constants import SecurityMarking

from .filters import AccessLogFilterSet
from .selectors import (
    LogView,
    access_log_list,
    can_read_access_log,
    protocol_references,
    with_results,
)


@login_required
def access_log(request):
    if not can_read_access_log(request.user):
        raise PermissionDenied("Only auditors can read the access log.")
    filterset = AccessLogFilterSet(request.GET or None, user=request.user)
    filters = filterset.access_log_filters()
    our_records = filters.view == LogView.OUR_RECORDS
    form = filterset.page_form()  # with the error messages of values the filters ignored
    entries = access_log_list(user=request.user, filters=filters)
    if our_records:
        entries = with_results(entries, user=request.user, view=filters.view)
    page = lists.paginate(request, entries)
    page.object_list = list(page.object_list)
    if our_records:
        # Our records each list showed, with the protocol each was shown under (one query for the page).
        protocols = protocol_references(
            {r.basis_protocol_id for e in page.object_list for r in e.results.all() if r.basis_protocol_id}
        )
        for entry in page.object_list:
            entry.our_results = [
                {"result": result, "protocol_reference": protocols.get(result.basis_protocol_id, "")}
                for result in entry.results.all()
            ]
    is_filtered = any(value for name, value in filterset.applied.items() if name != "view")
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

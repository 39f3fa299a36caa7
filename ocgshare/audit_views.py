"""The access log page (/access-log/): auditors list and filter the reads and disclosures of their own
agency's users (who, when, what, on which basis). The rule is ocgshare.audit.access_log_list's, the
same as the API's; everyone else gets 403."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from nominals.forms import AccessLogFilterForm

from . import lists
from .audit import access_log_filters_from, access_log_list, can_read_access_log
from .constants import SecurityMarking


@login_required
def access_log(request):
    if not can_read_access_log(request.user):
        raise PermissionDenied("Only auditors can read the access log.")
    filters = access_log_filters_from(request.GET)
    form = AccessLogFilterForm(request.GET or None, agency=request.user.agency_id)
    form.is_valid()  # for the error messages of values the filters ignored
    page = lists.paginate(request, access_log_list(user=request.user, filters=filters))
    is_filtered = any(
        (filters.user, filters.object_type, filters.object_id, filters.action, filters.date_from, filters.date_to)
    )
    return render(
        request,
        "audit/access_log.html",
        {
            "form": form,
            "page": page,
            "is_filtered": is_filtered,
            "selected_filters": lists.selected_filters(request.GET, form),
            # The log names register items and the searches people made.
            "security_marking": SecurityMarking.OFFICIAL_SENSITIVE.value,
        },
    )

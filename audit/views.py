"""The access log page (/access-log/): auditors list and filter, in two views, what their own agency's
users did (who, when, what, on which basis) and who, in any agency, read or changed their agency's
records (the reader's agency and basis). The rules are audit.selectors.access_log_list's, the same as the
API's; everyone else gets 403."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ocgshare import lists
from ocgshare.constants import SecurityMarking
from ocgshare.models import AccessSurface

from .exports import access_log_export
from .filters import AccessLogFilterSet
from .selectors import LogView, access_log_list, can_read_access_log, describe_entries, with_results


@login_required
def access_log(request):
    if not can_read_access_log(request.user):
        raise PermissionDenied("Only auditors can read the access log.")
    filterset = AccessLogFilterSet(request.GET or None, user=request.user)
    filters = filterset.access_log_filters()
    our_records = filters.view == LogView.OUR_RECORDS
    form = filterset.page_form()  # with the error messages of values the filters ignored
    entries = with_results(access_log_list(user=request.user, filters=filters), user=request.user, view=filters.view)
    page = lists.paginate(request, entries)
    page.object_list = describe_entries(page.object_list, view=filters.view)
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
            # The export link: the filters of this view, without the page.
            "export_query": _export_query(request.GET, filters.view),
            # The log names register items and the searches people made.
            "security_marking": SecurityMarking.OFFICIAL_SENSITIVE.value,
        },
    )


def _export_query(params, view):
    params = params.copy()
    params.pop("page", None)
    params["view"] = view
    return params.urlencode()


@login_required
@require_GET
def access_log_csv(request):
    """The page's filtered view as CSV (audit.exports), logged as an export."""
    if not can_read_access_log(request.user):
        raise PermissionDenied("Only auditors can export the access log.")
    filterset = AccessLogFilterSet(request.GET or None, user=request.user)
    return access_log_export(user=request.user, filterset=filterset, surface=AccessSurface.PAGE)

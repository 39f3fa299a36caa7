"""Pages of the agency directory and the partnership toolkit. Thin: they parse the request, call a
selector or a service, and render. Every page needs a signed-in user; editing needs the agency's
own administrator (checked here to refuse early, and again by the service)."""

from itertools import groupby
from operator import attrgetter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.utils.text import capfirst
from django.views.decorators.http import require_http_methods

from ocgshare import lists

from . import selectors, services
from .filters import AgencyPageFilterSet, ToolkitPageFilters
from .forms import AgencyContactForm, DataHoldingForm, ToolOrPowerForm
from .models import Agency, DataHolding, ToolOrPower

SORTABLE_COLUMNS = [("name", "Name"), ("kind", "Kind"), ("level", "Level"), ("region", "Region")]


@login_required
def directory(request):
    filterset = AgencyPageFilterSet(request.GET or None)
    form = filterset.form
    filters = filterset.values()
    sort = lists.parse_sort(request.GET.get("sort"), selectors.AGENCY_SORTS, selectors.DEFAULT_AGENCY_SORT)
    page = lists.paginate(request, selectors.agency_list(user=request.user, filters={**filters, "sort": sort}))
    return render(
        request,
        "agencies/directory.html",
        {
            "form": form,
            "page": page,
            "headers": lists.sort_headers(sort, SORTABLE_COLUMNS),
            "selected_filters": lists.selected_filters(request.GET, form),
            "is_filtered": bool(filters),
        },
    )


@login_required
def agency_detail(request, pk):
    agency = selectors.agency_get(user=request.user, pk=pk)
    can_manage = services.user_can_manage_agency(user=request.user, agency=agency)
    return render(
        request,
        "agencies/agency_detail.html",
        # The toolkit includes show edit links only when given the agency to edit.
        {"agency": agency, "can_manage": can_manage, "manage_agency": agency if can_manage else None},
    )


def _managed_agency(request, pk):
    agency = get_object_or_404(Agency, pk=pk)
    if not services.user_can_manage_agency(user=request.user, agency=agency):
        raise PermissionDenied
    return agency


@login_required
@require_http_methods(["GET", "POST"])
def agency_edit(request, pk):
    agency = _managed_agency(request, pk)
    form = AgencyContactForm(request.POST or None, instance=agency)
    if request.method == "POST" and form.is_valid():
        data = {field: form.cleaned_data[field] for field in form.Meta.fields}
        try:
            services.agency_update_contact(actor=request.user, agency=agency, data=data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Contact details updated.")
            return redirect("agencies:agency-detail", pk=agency.pk)
    return render(request, "agencies/agency_form.html", {"agency": agency, "form": form})


def _entry_form_page(request, agency, *, form, save, noun, done, template, context):
    """The add or change page of a tool or power or a data holding: `save(cleaned_data)` calls the
    service on a valid POST; its ValidationError is shown on the form."""
    if request.method == "POST" and form.is_valid():
        try:
            entry = save(form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"{capfirst(noun)} “{entry.name}” {done}.")
            return redirect("agencies:agency-detail", pk=agency.pk)
    return render(request, template, {"agency": agency, "form": form, **context})


def _entry_delete_page(request, agency, entry, *, delete, noun):
    """The confirmation page (GET) before `delete()` (POST) of a tool or power or a data holding."""
    if request.method == "POST":
        delete()
        messages.success(request, f"{capfirst(noun)} “{entry.name}” deleted.")
        return redirect("agencies:agency-detail", pk=agency.pk)
    return render(request, "agencies/confirm_delete.html", {"agency": agency, "entry": entry, "noun": noun})


@login_required
@require_http_methods(["GET", "POST"])
def power_create(request, pk):
    agency = _managed_agency(request, pk)
    return _entry_form_page(
        request,
        agency,
        form=ToolOrPowerForm(request.POST or None, instance=ToolOrPower(agency=agency)),
        save=lambda data: services.tool_or_power_create(actor=request.user, agency=agency, **data),
        noun="tool or power",
        done="added",
        template="agencies/power_form.html",
        context={"power": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def power_edit(request, pk, power_pk):
    agency = _managed_agency(request, pk)
    power = get_object_or_404(ToolOrPower, pk=power_pk, agency=agency)
    return _entry_form_page(
        request,
        agency,
        form=ToolOrPowerForm(request.POST or None, instance=power),
        save=lambda data: services.tool_or_power_update(actor=request.user, power=power, data=data),
        noun="tool or power",
        done="updated",
        template="agencies/power_form.html",
        context={"power": power},
    )


@login_required
@require_http_methods(["GET", "POST"])
def power_delete(request, pk, power_pk):
    agency = _managed_agency(request, pk)
    power = get_object_or_404(ToolOrPower, pk=power_pk, agency=agency)
    return _entry_delete_page(
        request,
        agency,
        power,
        delete=lambda: services.tool_or_power_delete(actor=request.user, power=power),
        noun="tool or power",
    )


@login_required
@require_http_methods(["GET", "POST"])
def holding_create(request, pk):
    agency = _managed_agency(request, pk)
    return _entry_form_page(
        request,
        agency,
        form=DataHoldingForm(request.POST or None, instance=DataHolding(agency=agency)),
        save=lambda data: services.data_holding_create(actor=request.user, agency=agency, **data),
        noun="data holding",
        done="added",
        template="agencies/holding_form.html",
        context={"holding": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def holding_edit(request, pk, holding_pk):
    agency = _managed_agency(request, pk)
    holding = get_object_or_404(DataHolding, pk=holding_pk, agency=agency)
    return _entry_form_page(
        request,
        agency,
        form=DataHoldingForm(request.POST or None, instance=holding),
        save=lambda data: services.data_holding_update(actor=request.user, holding=holding, data=data),
        noun="data holding",
        done="updated",
        template="agencies/holding_form.html",
        context={"holding": holding},
    )


@login_required
@require_http_methods(["GET", "POST"])
def holding_delete(request, pk, holding_pk):
    agency = _managed_agency(request, pk)
    holding = get_object_or_404(DataHolding, pk=holding_pk, agency=agency)
    return _entry_delete_page(
        request,
        agency,
        holding,
        delete=lambda: services.data_holding_delete(actor=request.user, holding=holding),
        noun="data holding",
    )


# How the toolkit page arranges what matches: `?group=` and `?view=`, the first of each the default.
TOOLKIT_GROUPS = {"agency": "Agency", "threat_area": "Threat area"}
TOOLKIT_VIEWS = {"detailed": "Detailed", "table": "Table"}
# A threat-area page lists tools and powers, not agencies: rows are short, so more fit on a page.
TOOLKIT_THREAT_AREA_PAGE_SIZE = 50


def _threat_area_groups(rows):
    """A page of (threat area, tool or power) rows as [{"area", "powers"}], one per threat area."""
    return [
        {"area": area, "powers": [row.toolorpower for row in area_rows]}
        for area, area_rows in groupby(rows, key=attrgetter("threatarea"))
    ]


def _toolkit_count(*, power_count, holding_count, agency_count, is_filtered):
    """'12 tools and powers from 7 agencies match your filters.': `power_count` or `holding_count`
    None when that kind is not shown."""
    parts = []
    if power_count is not None:
        parts.append(f"{power_count} {'tool or power' if power_count == 1 else 'tools and powers'}")
    if holding_count is not None:
        parts.append(f"{holding_count} data holding{pluralize(holding_count)}")
    text = f"{' and '.join(parts)} from {agency_count} agenc{pluralize(agency_count, 'y,ies')}"
    if is_filtered:
        text += " matches" if (power_count or 0) + (holding_count or 0) == 1 else " match"
        text += " your filters"
    return f"{text}."


def _choice(request, name, choices):
    value = request.GET.get(name)
    return value if value in choices else next(iter(choices))


@login_required
def toolkit(request):
    page_filters = ToolkitPageFilters(request.GET or None)
    form = page_filters.form
    filters = page_filters.values()
    group = _choice(request, "group", TOOLKIT_GROUPS)
    view = _choice(request, "view", TOOLKIT_VIEWS)
    result = selectors.toolkit_search(user=request.user, filters=filters)
    if group == "threat_area":
        # Data holdings are arranged by agency only: this page answers which powers act on a threat area.
        rows = selectors.toolkit_by_threat_area(result, filters)
        page = lists.paginate(request, rows, per_page=TOOLKIT_THREAT_AREA_PAGE_SIZE)
        agency_count = selectors.toolkit_power_agency_count(result) if page.paginator.count else 0
        holding_count = None
        area_groups = _threat_area_groups(page.object_list)
    else:
        page = lists.paginate(request, result.agencies)
        agency_count = page.paginator.count
        holding_count = result.holdings.count() if result.shows_holdings else None
        area_groups = None
    return render(
        request,
        "agencies/toolkit.html",
        {
            "form": form,
            "page": page,
            "result": result,
            "group": group,
            "view": view,
            "groups": TOOLKIT_GROUPS,
            "views": TOOLKIT_VIEWS,
            "agency_count": agency_count,
            "area_groups": area_groups,
            "count_text": _toolkit_count(
                power_count=result.powers.count() if result.shows_powers or holding_count is None else None,
                holding_count=holding_count,
                agency_count=agency_count,
                is_filtered=bool(filters),
            ),
            "selected_filters": lists.selected_filters(request.GET, form),
            "is_filtered": bool(filters),
        },
    )

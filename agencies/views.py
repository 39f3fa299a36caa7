"""Pages of the agency directory and the partnership toolkit. Thin: they parse the request, call a
selector or a service, and render. Every page needs a signed-in user; editing needs the agency's
own administrator (checked here to refuse early, and again by the service)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
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


@login_required
def toolkit(request):
    page_filters = ToolkitPageFilters(request.GET or None)
    form = page_filters.form
    filters = page_filters.values()
    result = selectors.toolkit_search(user=request.user, filters=filters)
    page = lists.paginate(request, result.agencies)
    return render(
        request,
        "agencies/toolkit.html",
        {
            "form": form,
            "page": page,
            "result": result,
            "power_count": result.powers.count(),
            "holding_count": result.holdings.count(),
            "selected_filters": lists.selected_filters(request.GET, form),
            "is_filtered": bool(filters),
        },
    )

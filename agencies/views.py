"""Pages of the agency directory and the partnership toolkit. Thin: they parse the request, call a
selector or a service, and render. Every page needs a signed-in user; editing needs the agency's
own administrator (checked here to refuse early, and again by the service)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .forms import AgencyContactForm, AgencyFilterForm, DataHoldingForm, ToolkitFilterForm, ToolOrPowerForm
from .models import Agency, DataHolding, ToolOrPower

PAGE_SIZE = 25
SORTABLE_COLUMNS = [("name", "Name"), ("kind", "Kind"), ("level", "Level"), ("region", "Region")]


def _page(request, queryset):
    paginator = Paginator(queryset, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    page.elided_range = list(paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))
    return page


def _selected_filters(request, form):
    """The MoJ filter's 'selected filters': per filter, each chosen value with a link that removes it."""
    groups = []
    for name in form.fields:
        field = form.fields[name]
        choices = dict(getattr(field, "choices", ()))
        chosen = [value for value in request.GET.getlist(name) if value]
        tags = []
        for value in chosen:
            if choices and value not in choices:
                continue
            remaining = [
                (key, v)
                for key in request.GET
                if key != "page"
                for v in request.GET.getlist(key)
                if not (key == name and v == value)
            ]
            tags.append({"label": choices.get(value, value), "url": f"?{urlencode(remaining)}"})
        if tags:
            groups.append({"heading": field.label, "tags": tags})
    return groups


def _sort_headers(current):
    """Column headers for a sortable table: aria-sort for the current column, the next sort for each."""
    current = current if (current or "").lstrip("-") in dict(SORTABLE_COLUMNS) else selectors.DEFAULT_AGENCY_SORT
    headers = []
    for key, label in SORTABLE_COLUMNS:
        if current == key:
            aria, next_sort = "ascending", f"-{key}"
        elif current == f"-{key}":
            aria, next_sort = "descending", key
        else:
            aria, next_sort = "none", key
        headers.append({"key": key, "label": label, "aria_sort": aria, "next_sort": next_sort})
    return headers


@login_required
def directory(request):
    form = AgencyFilterForm(request.GET or None)
    filters = form.filters() if form.is_bound else {}
    sort = request.GET.get("sort", "")
    page = _page(request, selectors.agency_list(user=request.user, filters={**filters, "sort": sort}))
    return render(
        request,
        "agencies/directory.html",
        {
            "form": form,
            "page": page,
            "headers": _sort_headers(sort),
            "selected_filters": _selected_filters(request, form),
            "is_filtered": any(filters.values()),
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


@login_required
@require_http_methods(["GET", "POST"])
def power_create(request, pk):
    agency = _managed_agency(request, pk)
    form = ToolOrPowerForm(request.POST or None, instance=ToolOrPower(agency=agency))
    if request.method == "POST" and form.is_valid():
        try:
            services.tool_or_power_create(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Tool or power “{form.cleaned_data['name']}” added.")
            return redirect("agencies:agency-detail", pk=agency.pk)
    return render(request, "agencies/power_form.html", {"agency": agency, "form": form, "power": None})


@login_required
@require_http_methods(["GET", "POST"])
def power_edit(request, pk, power_pk):
    agency = _managed_agency(request, pk)
    power = get_object_or_404(ToolOrPower, pk=power_pk, agency=agency)
    form = ToolOrPowerForm(request.POST or None, instance=power)
    if request.method == "POST" and form.is_valid():
        try:
            services.tool_or_power_update(actor=request.user, power=power, data=form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Tool or power “{power.name}” updated.")
            return redirect("agencies:agency-detail", pk=agency.pk)
    return render(request, "agencies/power_form.html", {"agency": agency, "form": form, "power": power})


@login_required
@require_http_methods(["GET", "POST"])
def power_delete(request, pk, power_pk):
    agency = _managed_agency(request, pk)
    power = get_object_or_404(ToolOrPower, pk=power_pk, agency=agency)
    if request.method == "POST":
        services.tool_or_power_delete(actor=request.user, power=power)
        messages.success(request, f"Tool or power “{power.name}” deleted.")
        return redirect("agencies:agency-detail", pk=agency.pk)
    return render(
        request,
        "agencies/confirm_delete.html",
        {"agency": agency, "entry": power, "noun": "tool or power"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def holding_create(request, pk):
    agency = _managed_agency(request, pk)
    form = DataHoldingForm(request.POST or None, instance=DataHolding(agency=agency))
    if request.method == "POST" and form.is_valid():
        try:
            services.data_holding_create(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Data holding “{form.cleaned_data['name']}” added.")
            return redirect("agencies:agency-detail", pk=agency.pk)
    return render(request, "agencies/holding_form.html", {"agency": agency, "form": form, "holding": None})


@login_required
@require_http_methods(["GET", "POST"])
def holding_edit(request, pk, holding_pk):
    agency = _managed_agency(request, pk)
    holding = get_object_or_404(DataHolding, pk=holding_pk, agency=agency)
    form = DataHoldingForm(request.POST or None, instance=holding)
    if request.method == "POST" and form.is_valid():
        try:
            services.data_holding_update(actor=request.user, holding=holding, data=form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Data holding “{holding.name}” updated.")
            return redirect("agencies:agency-detail", pk=agency.pk)
    return render(request, "agencies/holding_form.html", {"agency": agency, "form": form, "holding": holding})


@login_required
@require_http_methods(["GET", "POST"])
def holding_delete(request, pk, holding_pk):
    agency = _managed_agency(request, pk)
    holding = get_object_or_404(DataHolding, pk=holding_pk, agency=agency)
    if request.method == "POST":
        services.data_holding_delete(actor=request.user, holding=holding)
        messages.success(request, f"Data holding “{holding.name}” deleted.")
        return redirect("agencies:agency-detail", pk=agency.pk)
    return render(
        request,
        "agencies/confirm_delete.html",
        {"agency": agency, "entry": holding, "noun": "data holding"},
    )


@login_required
def toolkit(request):
    form = ToolkitFilterForm(request.GET or None)
    filters = form.filters() if form.is_bound else {}
    result = selectors.toolkit_search(user=request.user, filters=filters)
    page = _page(request, result.agencies)
    return render(
        request,
        "agencies/toolkit.html",
        {
            "form": form,
            "page": page,
            "result": result,
            "power_count": result.powers.count(),
            "holding_count": result.holdings.count(),
            "selected_filters": _selected_filters(request, form),
            "is_filtered": any(filters.values()),
        },
    )

"""Pages of OCGs: the list, the detail page, the create and edit forms and memberships."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

import access
from audit.services import log_page_read
from ocgshare import lists, tables
from ocgshare.service_errors import add_service_errors
from records.pages import child_form, log_form_read, reader_required, render_page, seeing
from records.views import grant_rows, own_record

from ..constants import tier_shows
from ..filters import OCGFilterSet
from ..forms.ocgs import MembershipEndForm, MembershipForm, OCGForm
from ..models import OCG, Nominal, OCGMembership
from ..selectors import common as shared_selectors
from ..selectors import ocgs as ocg_selectors
from ..serializers.ocgs import OCGDetailSerializer, OCGSerializer
from ..services import ocgs as ocg_services
from .common import _groups, _require_own_agency_staff

OCG_TABLE = tables.Table(
    columns=[("reference", "Reference"), ("name", "Name")],
    sorts=ocg_selectors.OCG_SORTS,
    default_sort=ocg_selectors.DEFAULT_OCG_SORT,
    serializer=OCGSerializer,
)


@reader_required
def ocg_list(request):
    filterset = OCGFilterSet(request.GET or None, user=request.user)
    form = filterset.page_form()
    sort = OCG_TABLE.sort_from(request)
    table = OCG_TABLE.page(request, ocg_selectors.ocg_list(user=request.user, filterset=filterset, sort=sort), sort)
    log_page_read(request, items=table["items"], params=filterset.audit_params())
    return render_page(
        request,
        "nominals/ocg_list.html",
        {
            "form": form,
            "page": table["page"],
            "ocgs": table["rows"],
            "headers": table["headers"],
            "selected_filters": lists.selected_filters(request.GET, form),
            "is_filtered": filterset.is_filtered,
            "can_create": access.is_owner_staff(request.user, request.user.agency_id),
        },
    )


@reader_required
def ocg_detail(request, pk):
    ocg = ocg_selectors.ocg_get(user=request.user, pk=pk)
    log_page_read(request, obj=ocg, named=ocg_selectors.named_by_ocg(ocg))
    data = OCGDetailSerializer(ocg, context={"request": request}).data
    return render_page(
        request,
        "nominals/ocg_detail.html",
        {
            "ocg": data,
            "seeing": seeing(request, ocg, ocg.access),
            **_groups("ocg", ocg.viewer_tier),
            "member_detail": tier_shows("ocg", ocg.viewer_tier, "memberships"),
            "is_owner": access.is_owner_staff(request.user, ocg.lead_agency_id),
            "grants": grant_rows(request, ocg),
        },
    )


@require_http_methods(["GET", "POST"])
@reader_required
def ocg_create(request):
    _require_own_agency_staff(request)
    form = OCGForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ocg = ocg_services.ocg_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"OCG {ocg.reference} added to the register.")
            return redirect("nominals:ocg-detail", pk=ocg.pk)
    return render_page(request, "nominals/ocg_form.html", {"form": form, "ocg": None}, shows_items=False)


@require_http_methods(["GET", "POST"])
@reader_required
def ocg_edit(request, pk):
    ocg = own_record(request, OCG, pk)
    form = OCGForm(request.POST or None, initial=OCGForm.initial_for(ocg))
    if request.method == "POST" and form.is_valid():
        try:
            ocg_services.ocg_update(actor=request.user, ocg=ocg, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "OCG updated.")
            return redirect("nominals:ocg-detail", pk=pk)
    log_form_read(request, ocg)
    return render_page(request, "nominals/ocg_form.html", {"form": form, "ocg": ocg})


@require_http_methods(["GET", "POST"])
@reader_required
def membership_add(request, pk):
    ocg = own_record(request, OCG, pk)

    def save(data):
        data = dict(data)
        # Unknown and unseen numbers both reach the service as None: its refusal names neither.
        nominal = shared_selectors.visible_or_none(request.user, Nominal, data.pop("nominal"))
        ocg_services.membership_add(actor=request.user, ocg=ocg, nominal=nominal, **data)

    return child_form(
        request,
        ocg,
        form_class=MembershipForm,
        heading="Add a member",
        success="Member added.",
        save=save,
    )


@require_http_methods(["GET", "POST"])
@reader_required
def membership_end(request, pk, membership_pk):
    ocg = own_record(request, OCG, pk)
    membership = OCGMembership.objects.filter(pk=membership_pk, ocg=ocg, ended_on=None).select_related("ocg").first()
    if membership is None:
        raise Http404("No such membership")
    return child_form(
        request,
        ocg,
        form_class=MembershipEndForm,
        heading="Record that a member left the group",
        success="Membership ended.",
        save=lambda data: ocg_services.membership_end(actor=request.user, membership=membership, **data),
    )

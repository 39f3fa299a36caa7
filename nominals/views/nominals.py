"""Pages of nominals: the list, search, the detail page and the create and edit forms."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

import access
from audit.services import log_page_read
from ocgshare import lists, tables
from ocgshare.models import AccessAction
from ocgshare.service_errors import add_service_errors
from records.pages import log_form_read, reader_required, render_page, seeing
from records.views import grant_rows, own_record

from ..constants import CustodyCategory
from ..filters import NominalFilterSet
from ..forms.nominals import NominalForm, SearchForm
from ..models import Nominal
from ..selectors import common as shared_selectors
from ..selectors import nominals as nominal_selectors
from ..selectors import search as search_selectors
from ..serializers.nominals import NominalDetailSerializer, NominalTableSerializer
from ..services import nominals as nominal_services
from .common import _groups, _require_own_agency_staff, display_name

# Sortable columns; the default order, newest first, is the register's own.
NOMINAL_TABLE = tables.Table(
    columns=[("surname", "Name"), ("date_of_birth", "Date of birth"), ("risk", "Risk level")],
    sorts=nominal_selectors.NOMINAL_SORTS,
    default_sort=nominal_selectors.DEFAULT_NOMINAL_SORT,
    serializer=NominalTableSerializer,
)


@reader_required
def nominal_list(request):
    filterset = NominalFilterSet(request.GET or None, user=request.user)
    form = filterset.page_form()
    sort = NOMINAL_TABLE.sort_from(request)
    table = NOMINAL_TABLE.page(
        request,
        nominal_selectors.nominal_list(
            user=request.user, filterset=filterset, sort=sort, relations=nominal_selectors.TABLE_ROW
        ),
        sort,
    )
    log_page_read(request, items=table["items"], params=filterset.audit_params())
    return render_page(
        request,
        "nominals/nominal_list.html",
        {
            "form": form,
            "page": table["page"],
            "nominals": table["rows"],
            "headers": table["headers"],
            "selected_filters": lists.selected_filters(request.GET, form),
            "is_filtered": filterset.is_filtered,
            "can_create": access.is_owner_staff(request.user, request.user.agency_id),
            "held_at": nominal_selectors.shows_custody(request.user),
        },
    )


@reader_required
def search(request):
    form = SearchForm(request.GET or None)
    query = (request.GET.get("q") or "").strip()[: shared_selectors.MAX_SEARCH_LENGTH]
    results, more = [], False
    if query:
        rows, more = search_selectors.nominal_search_best(
            user=request.user, query=query, relations=nominal_selectors.TABLE_ROW
        )
        log_page_read(request, items=rows, action=AccessAction.SEARCH, params={"q": query})
        results = NominalTableSerializer(rows, many=True, context={"request": request}).data
    return render_page(
        request,
        "nominals/search.html",
        {
            "form": form,
            "query": query,
            "nominals": results,
            "more": more,
            "limit": search_selectors.SEARCH_PAGE_LIMIT,
            "held_at": nominal_selectors.shows_custody(request.user),
        },
        shows_items=bool(query),
    )


def _timeline(data):
    """Custody, transfers and supervision as one list of events, newest first: every value the serializer
    gives (the API's), so the page shows the same record as the API at the same tier."""

    def day(value):
        return datetime.date.fromisoformat(value) if value else None

    def on(label, value):
        return f"{label} {day(value):%-d %B %Y}" if value else ""

    events = []
    for episode in data.get("custody_episodes", []):
        where = episode["establishment"]["name"]
        lines = [
            f"Prison number {episode['prison_number']}" if episode.get("prison_number") else "",
            CustodyCategory(episode["category"]).label if episode.get("category") else "",
            on("Expected release", episode.get("expected_release_date")),
        ]
        events.append((day(episode["received_on"]), f"Received into {where}", lines))
        if episode.get("released_on"):
            lines = [on("Licence ends", episode.get("licence_end_date"))]
            events.append((day(episode["released_on"]), f"Released from {where}", lines))
        elif episode.get("licence_end_date"):
            events[-1][2].append(on("Licence ends", episode["licence_end_date"]))
    for transfer in data.get("transfers", []):
        events.append(
            (
                day(transfer["transferred_on"]),
                f"Transferred from {transfer['from_establishment']['name']} to {transfer['to_establishment']['name']}",
                [transfer.get("reason", "")],
            )
        )
    for supervision in data.get("supervisions", []):
        manager = supervision.get("offender_manager")
        conditions = supervision.get("licence_conditions")
        events.append(
            (
                day(supervision["starts_on"]),
                f"Supervision by {supervision['region']['name']} began",
                [
                    f"Offender manager: {manager}" if manager else "",
                    f"Licence conditions: {conditions}" if conditions else "",
                ],
            )
        )
        if supervision.get("ends_on"):
            events.append((day(supervision["ends_on"]), f"Supervision by {supervision['region']['name']} ends", []))
    events = [event for event in events if event[0] is not None]
    events.sort(key=lambda event: event[0], reverse=True)
    return [{"date": when, "title": title, "lines": [line for line in lines if line]} for when, title, lines in events]


def _associations(data, pk):
    """Each association as seen from this nominal: the other person, the kind and the dates."""
    rows = []
    for association in data.get("associations", []):
        mine_is_a = association["nominal_a"] == pk
        rows.append(
            {
                **association,
                "other_id": association["nominal_b"] if mine_is_a else association["nominal_a"],
                "other_name": association["nominal_b_name"] if mine_is_a else association["nominal_a_name"],
            }
        )
    return rows


@reader_required
def nominal_detail(request, pk):
    nominal = nominal_selectors.nominal_get(user=request.user, pk=pk)
    log_page_read(request, obj=nominal, named=nominal_selectors.named_by_nominal(nominal))
    data = NominalDetailSerializer(nominal, context={"request": request}).data
    is_owner = access.is_owner_staff(request.user, nominal.owning_agency_id)
    open_episode = None
    if is_owner:
        open_episode = next((e for e in data.get("custody_episodes", []) if not e.get("released_on")), None)
    return render_page(
        request,
        "nominals/nominal_detail.html",
        {
            "nominal": data,
            "name": display_name(data),
            "seeing": seeing(request, nominal, nominal.access),
            "timeline": _timeline(data),
            "associations": _associations(data, nominal.pk),
            **_groups("nominal", nominal.viewer_tier),
            "is_owner": is_owner,
            "open_episode": open_episode,
            "grants": grant_rows(request, nominal),
        },
    )


def _duplicates(request, refusal):
    """The likely duplicates of a refused nominal (services.LikelyDuplicate: the engine chose them),
    with what the table shows of them; logged as a search for what the check matched on."""
    rows = list(
        nominal_selectors.with_list_relations(
            request.user,
            shared_selectors.nominal_queryset(request.user)
            .filter(pk__in=[nominal.pk for nominal in refusal.duplicates])
            .order_by("surname", "forenames", "pk"),
            nominal_selectors.TABLE_ROW,
        )
    )
    log_page_read(request, items=rows, action=AccessAction.SEARCH, params=refusal.checked)
    return NominalTableSerializer(rows, many=True, context={"request": request}).data


@require_http_methods(["GET", "POST"])
@reader_required
def nominal_create(request):
    _require_own_agency_staff(request)
    form = NominalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allow_duplicate = request.POST.get("confirm_duplicate") == "yes"
        try:
            nominal = nominal_services.nominal_create(
                actor=request.user, allow_duplicate=allow_duplicate, **form.cleaned_data
            )
        except nominal_services.LikelyDuplicate as refusal:
            return render_page(
                request,
                "nominals/nominal_duplicate.html",
                {
                    "form": form,
                    "duplicates": _duplicates(request, refusal),
                    # The same answers again, for "add anyway" (a date as its day, month and year boxes).
                    "resubmit": [
                        (key, value)
                        for key in request.POST
                        if key in form.fields or key.rpartition("-")[0] in form.fields
                        for value in request.POST.getlist(key)
                    ],
                },
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{nominal.display_name} added to the register.")
            return redirect("nominals:nominal-detail", pk=nominal.pk)
    return render_page(request, "nominals/nominal_form.html", {"form": form, "nominal": None}, shows_items=False)


@require_http_methods(["GET", "POST"])
@reader_required
def nominal_edit(request, pk):
    nominal = own_record(request, Nominal, pk)
    form = NominalForm(request.POST or None, initial=NominalForm.initial_for(nominal))
    if request.method == "POST" and form.is_valid():
        try:
            nominal_services.nominal_update(actor=request.user, nominal=nominal, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Nominal updated.")
            return redirect("nominals:nominal-detail", pk=pk)
    log_form_read(request, nominal)
    return render_page(request, "nominals/nominal_form.html", {"form": form, "nominal": nominal})

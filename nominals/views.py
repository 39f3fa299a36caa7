"""Pages of the nominal and OCG register (/register/): lists, search, detail pages, the forms that change
the register, need-to-know grants and the tier-3 prison hotspots.

Thin: reads come from nominals.selectors (so from the access engine), writes go through nominals.services,
and a page renders the dict the API serializer builds for the viewer's tier — a field the serializer left
out cannot appear on a page. Every page that shows register items writes one access log entry per
request through ocgshare.audit.log_page_read, as the API does for its reads: lists, search, details, the
duplicate warning, and the forms that show an item (its edit form, or its name above a form adding to
it). Refusals: 403 for a signed-in user whose roles do not reach
the page or who may see an item but not change it, 404 for an item they may not see (the same answer as
for one that does not exist).
"""

import datetime
import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

import access
from agencies.models import Agency
from ocgshare import lists
from ocgshare.audit import log_page_read, page_read_logged
from ocgshare.constants import SecurityMarking
from ocgshare.constants import ThreatArea as ThreatAreaChoice
from ocgshare.models import AccessAction, AccessBasis
from protocols.models import Protocol
from protocols.services import agency_id_of_group

from . import selectors, services
from .constants import CustodyCategory, groups_left_out, groups_shown, tier_shows
from .forms import (
    AssociationForm,
    CustodyEpisodeForm,
    EntityLinkForm,
    GrantForm,
    MembershipEndForm,
    MembershipForm,
    NominalFilterForm,
    NominalForm,
    OCGFilterForm,
    OCGForm,
    OrderForm,
    ReleaseForm,
    SearchForm,
    SupervisionForm,
    TransferForm,
    add_service_errors,
)
from .models import OCG, Nominal, OCGMembership
from .serializers import NominalDetailSerializer, NominalTableSerializer, OCGDetailSerializer, OCGSerializer
from .templatetags.register_pages import TIER_LABELS

# Sortable columns; the default order, newest first, is the register's own.
NOMINAL_COLUMNS = [("surname", "Name"), ("date_of_birth", "Date of birth"), ("risk", "Risk level")]
OCG_COLUMNS = [("reference", "Reference"), ("name", "Name")]

# --- helpers ----------------------------------------------------------------------------------------------


def _section(request):
    """Which tab of the register's sub-navigation the page belongs to."""
    match = request.resolver_match
    name = match.url_name if match else ""
    if name in ("search", "hotspots"):
        return name
    if name.startswith(("ocg", "membership")) or (match and match.kwargs.get("kind") == "ocgs"):
        return "ocgs"
    return "nominals"


def _render(request, template, context=None, *, status=200, shows_items=True):
    """Render a register page. A page that opens (GET) showing register items must have logged the
    read (ocgshare.audit.log_page_read): one that did not is refused rather than served unlogged.
    `shows_items=False` for the pages that show none (an empty form, a search not yet made)."""
    if shows_items and request.method == "GET" and not page_read_logged(request):
        raise ImproperlyConfigured(f"{request.path} showed register items without logging the read")
    context = {
        # Register pages carry personal data: their marking is OFFICIAL-SENSITIVE whatever the default.
        "security_marking": SecurityMarking.OFFICIAL_SENSITIVE.value,
        "register_section": _section(request),
        **(context or {}),
    }
    return render(request, template, context, status=status)


def reader_required(view):
    """Signed in, with a role that reads the register (the engine's READER_ROLES); others get 403."""

    @login_required
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_role(*access.READER_ROLES):
            raise PermissionDenied("Your roles do not give access to the register.")
        return view(request, *args, **kwargs)

    return wrapped


def _visible_item(request, model, pk):
    """The register item if the user may see it, else 404 (exactly as if it did not exist)."""
    queryset = selectors.nominal_queryset(request.user) if model is Nominal else selectors.ocg_queryset(request.user)
    item = queryset.filter(pk=pk).first()
    if item is None:
        raise Http404("No such item")
    return item


def _own_item(request, model, pk):
    """An item the user may change: 404 if they may not see it, 403 if they see it but it is not their
    agency's to change (the 403 page names nothing)."""
    item = _visible_item(request, model, pk)
    owner_id = getattr(item, access.policy_for(model).owner_id)
    if not access.is_owner_staff(request.user, owner_id):
        raise PermissionDenied("Only the owning agency's intelligence staff can change this record.")
    return item


def _item_title(item):
    """How a page title names a register item: by its register number or reference, never by a person's
    name (titles end up in browser history, tab bars and shared screens; the page's heading may name
    them)."""
    return f"Nominal {item.pk}" if isinstance(item, Nominal) else f"OCG {item.reference}"


def _item_url(item):
    name = "nominals:nominal-detail" if isinstance(item, Nominal) else "nominals:ocg-detail"
    return reverse(name, args=[item.pk])


def _log_form_read(request, item):
    """A form about an item shows it (an edit form its data, the others its name): logged as a view
    when the form is opened. A form sent back with errors shows what the user typed, and a saved one
    is logged by its service as the change."""
    if request.method == "GET":
        log_page_read(request, obj=item)


def display_name(data):
    surname = (data.get("surname") or "").upper()
    return f"{surname}, {data['forenames']}" if data.get("forenames") else surname


def _groups(kind, tier):
    """What the page shows and what it says it leaves out at the viewer's tier: both from FIELD_TIERS,
    which also decides what the serializer gives the page, so the two can never disagree."""
    return {"shown": groups_shown(kind, tier), "withheld": groups_left_out(kind, tier)}


def _basis(request, item, item_access):
    """What the viewer is seeing and why, for the page: the tier and the basis the engine gave."""
    user = request.user
    model = type(item)
    owner = getattr(item, access.policy_for(model).owner_field)
    explanation = {"tier": item_access.tier, "tier_label": TIER_LABELS.get(item_access.tier, ""), "owner": owner.name}
    basis = item_access.basis
    explanation["basis"] = basis
    if basis == AccessBasis.OWN_AGENCY:
        explanation["reason"] = f"{owner.name}, your agency, owns this record and you work its register."
    elif basis == AccessBasis.PROTOCOL:
        protocol = Protocol.objects.filter(pk=item_access.protocol_id).values("pk", "reference", "title").first()
        explanation["protocol"] = protocol
        explanation["reason"] = (
            f"{user.agency.name} and {owner.name} are parties to an active information-sharing protocol that "
            f"covers this category of information at this tier."
        )
    elif basis in (AccessBasis.USER_GRANT, AccessBasis.AGENCY_GRANT):
        user_model, group_model = services.GRANT_MODELS[model]
        grant_model = user_model if basis == AccessBasis.USER_GRANT else group_model
        grant = grant_model.objects.filter(pk=item_access.grant_id).values("reason", "expires_at").first()
        explanation["grant"] = grant
        holder = "you" if basis == AccessBasis.USER_GRANT else f"everyone in {user.agency.name}"
        explanation["reason"] = f"{owner.name} has given {holder} a need-to-know grant on this record."
    return explanation


def _grant_rows(request, item):
    """The need-to-know grants on an item, for its owner's staff (None for anyone else)."""
    if not access.is_owner_staff(request.user, getattr(item, access.policy_for(type(item)).owner_id)):
        return None
    user_grants, group_grants = services.grants_of(actor=request.user, obj=item)
    agency_ids = {agency_id_of_group(g.group.name) for g in group_grants}
    agencies = dict(Agency.objects.filter(pk__in=agency_ids).values_list("pk", "name")) if agency_ids else {}
    rows = [
        {
            "holder": "user",
            "pk": grant.pk,
            "to": f"{grant.user.full_name} ({grant.user.agency.name})",
            "tier": grant.tier,
            "reason": grant.reason,
            "expires_at": grant.expires_at,
            "is_current": grant.is_current,
            "granted_by": grant.granted_by.full_name,
        }
        for grant in user_grants
    ] + [
        {
            "holder": "agency",
            "pk": grant.pk,
            "to": f"Everyone in {agencies.get(agency_id_of_group(grant.group.name), grant.group.name)}",
            "tier": grant.tier,
            "reason": grant.reason,
            "expires_at": grant.expires_at,
            "is_current": grant.is_current,
            "granted_by": grant.granted_by.full_name,
        }
        for grant in group_grants
    ]
    return sorted(rows, key=lambda row: row["expires_at"], reverse=True)


# --- nominal list and search ---------------------------------------------------------------------------------


@reader_required
def nominal_list(request):
    filters = selectors.nominal_filters_from(request.GET)
    form = NominalFilterForm(request.GET or None, user=request.user)
    page = lists.paginate(
        request, selectors.nominal_list(user=request.user, filters=filters, relations=selectors.TABLE_ROW)
    )
    rows = list(page.object_list)
    page.object_list = rows
    log_page_read(request, items=rows, params=filters)
    is_filtered = any(
        (
            filters.agency,
            filters.establishment,
            filters.threat_area,
            filters.risk,
            filters.ocg,
            filters.ocg_reference,
            filters.custody,
        )
    )
    return _render(
        request,
        "nominals/nominal_list.html",
        {
            "form": form,
            "page": page,
            "nominals": NominalTableSerializer(rows, many=True, context={"request": request}).data,
            "headers": lists.sort_headers(filters.sort, NOMINAL_COLUMNS),
            "selected_filters": lists.selected_filters(request.GET, form),
            "is_filtered": is_filtered,
            "can_create": access.is_owner_staff(request.user, request.user.agency_id),
        },
    )


@reader_required
def search(request):
    form = SearchForm(request.GET or None)
    query = (request.GET.get("q") or "").strip()[: selectors.MAX_SEARCH_LENGTH]
    results, more = [], False
    if query:
        rows, more = selectors.nominal_search_best(user=request.user, query=query, relations=selectors.TABLE_ROW)
        log_page_read(request, items=rows, action=AccessAction.SEARCH, params={"q": query})
        results = NominalTableSerializer(rows, many=True, context={"request": request}).data
    return _render(
        request,
        "nominals/search.html",
        {"form": form, "query": query, "nominals": results, "more": more, "limit": selectors.SEARCH_PAGE_LIMIT},
        shows_items=bool(query),
    )


# --- nominal detail ------------------------------------------------------------------------------------------


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
    nominal = selectors.nominal_get(user=request.user, pk=pk)
    log_page_read(request, obj=nominal, named=selectors.named_by_nominal(nominal))
    data = NominalDetailSerializer(nominal, context={"request": request}).data
    is_owner = access.is_owner_staff(request.user, nominal.owning_agency_id)
    open_episode = None
    if is_owner:
        open_episode = next((e for e in data.get("custody_episodes", []) if not e.get("released_on")), None)
    return _render(
        request,
        "nominals/nominal_detail.html",
        {
            "nominal": data,
            "name": display_name(data),
            "seeing": _basis(request, nominal, nominal.access),
            "timeline": _timeline(data),
            "associations": _associations(data, nominal.pk),
            **_groups("nominal", nominal.viewer_tier),
            "is_owner": is_owner,
            "open_episode": open_episode,
            "grants": _grant_rows(request, nominal),
        },
    )


# --- nominal forms --------------------------------------------------------------------------------------------


def _require_own_agency_staff(request):
    if not access.is_owner_staff(request.user, request.user.agency_id):
        raise PermissionDenied("Only intelligence staff vetted to CTC or above can add to the register.")


def _duplicates(request, refusal):
    """The likely duplicates of a refused nominal (services.LikelyDuplicate: the engine chose them),
    with what the table shows of them; logged as a search for what the check matched on."""
    rows = list(
        selectors.with_list_relations(
            request.user,
            selectors.nominal_queryset(request.user)
            .filter(pk__in=[nominal.pk for nominal in refusal.duplicates])
            .order_by("surname", "forenames", "pk"),
            selectors.TABLE_ROW,
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
            nominal = services.nominal_create(actor=request.user, allow_duplicate=allow_duplicate, **form.cleaned_data)
        except services.LikelyDuplicate as refusal:
            return _render(
                request,
                "nominals/nominal_duplicate.html",
                {
                    "form": form,
                    "duplicates": _duplicates(request, refusal),
                    # The same answers again, for "add anyway".
                    "resubmit": [(name, value) for name in form.fields for value in request.POST.getlist(name)],
                },
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{nominal.display_name} added to the register.")
            return redirect("nominals:nominal-detail", pk=nominal.pk)
    return _render(request, "nominals/nominal_form.html", {"form": form, "nominal": None}, shows_items=False)


@require_http_methods(["GET", "POST"])
@reader_required
def nominal_edit(request, pk):
    nominal = _own_item(request, Nominal, pk)
    form = NominalForm(request.POST or None, initial=NominalForm.initial_for(nominal))
    if request.method == "POST" and form.is_valid():
        try:
            services.nominal_update(actor=request.user, nominal=nominal, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Nominal updated.")
            return redirect("nominals:nominal-detail", pk=pk)
    _log_form_read(request, nominal)
    return _render(request, "nominals/nominal_form.html", {"form": form, "nominal": nominal})


def _child_form(request, item, *, form_class, heading, save, success, field_map=None, form_kwargs=None, hint=""):
    """A form that adds something to a register item through a service, then returns to the item."""
    form = form_class(request.POST or None, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc, field_map)
        else:
            messages.success(request, success)
            return redirect(_item_url(item))
    _log_form_read(request, item)
    caption = item.display_name if isinstance(item, Nominal) else str(item)
    return _render(
        request,
        "nominals/child_form.html",
        {
            "form": form,
            "heading": heading,
            "caption": caption,
            "item_title": _item_title(item),
            "back_url": _item_url(item),
            "hint": hint,
        },
    )


@require_http_methods(["GET", "POST"])
@reader_required
def custody_add(request, pk):
    nominal = _own_item(request, Nominal, pk)
    return _child_form(
        request,
        nominal,
        form_class=CustodyEpisodeForm,
        heading="Record a custody episode",
        success="Custody episode recorded.",
        save=lambda data: services.custody_episode_add(actor=request.user, nominal=nominal, **data),
    )


def _open_episode(nominal):
    return nominal.custody_episodes.filter(released_on=None).select_related("nominal").first()


@require_http_methods(["GET", "POST"])
@reader_required
def custody_release(request, pk):
    nominal = _own_item(request, Nominal, pk)
    episode = _open_episode(nominal)
    if episode is None:
        messages.info(request, "This nominal is not in custody.")
        return redirect("nominals:nominal-detail", pk=pk)
    return _child_form(
        request,
        nominal,
        form_class=ReleaseForm,
        heading="Record a release",
        success="Release recorded.",
        save=lambda data: services.custody_episode_update(actor=request.user, episode=episode, **data),
    )


@require_http_methods(["GET", "POST"])
@reader_required
def transfer_add(request, pk):
    nominal = _own_item(request, Nominal, pk)
    episode = _open_episode(nominal)
    if episode is None:
        messages.info(request, "Record a custody episode first: this nominal is not in custody.")
        return redirect("nominals:nominal-detail", pk=pk)
    return _child_form(
        request,
        nominal,
        form_class=TransferForm,
        heading="Record a transfer",
        success="Transfer recorded.",
        save=lambda data: services.transfer_record(actor=request.user, custody_episode=episode, **data),
    )


@require_http_methods(["GET", "POST"])
@reader_required
def supervision_add(request, pk):
    nominal = _own_item(request, Nominal, pk)
    return _child_form(
        request,
        nominal,
        form_class=SupervisionForm,
        heading="Record probation supervision",
        success="Supervision recorded.",
        save=lambda data: services.supervision_add(actor=request.user, nominal=nominal, **data),
    )


@require_http_methods(["GET", "POST"])
@reader_required
def order_add(request, pk):
    nominal = _own_item(request, Nominal, pk)
    return _child_form(
        request,
        nominal,
        form_class=OrderForm,
        heading="Record a lifetime-management order",
        success="Order recorded.",
        save=lambda data: services.order_add(actor=request.user, nominal=nominal, **data),
    )


@require_http_methods(["GET", "POST"])
@reader_required
def association_add(request, pk):
    nominal = _own_item(request, Nominal, pk)

    def save(data):
        data = dict(data)
        # Unknown and unseen numbers both reach the service as None: its refusal names neither.
        other = Nominal.objects.filter(pk=data.pop("other")).first()
        services.association_add(actor=request.user, nominal_a=nominal, nominal_b=other, **data)

    return _child_form(
        request,
        nominal,
        form_class=AssociationForm,
        heading="Record an association",
        success="Association recorded.",
        save=save,
        field_map={"nominal_b": "other", "nominal_a": "other"},
    )


@require_http_methods(["GET", "POST"])
@reader_required
def entity_add(request, pk):
    nominal = _own_item(request, Nominal, pk)

    @transaction.atomic
    def save(data):
        # One transaction: a link refused leaves no new entity behind.
        entity_fields = {name: data.pop(name) for name in EntityLinkForm.ENTITY_FIELDS}
        entity = services.entity_create(actor=request.user, **entity_fields)
        services.entity_link(actor=request.user, entity=entity, nominal=nominal, **data)

    return _child_form(
        request,
        nominal,
        form_class=EntityLinkForm,
        heading="Link an address, vehicle, phone, business or bank account",
        success="Linked.",
        save=lambda data: save(dict(data)),
        field_map={"nominal": NON_FIELD_ERRORS},
    )


# --- need-to-know grants ------------------------------------------------------------------------------------


def _model_for(kind):
    return {"nominals": Nominal, "ocgs": OCG}[kind]


@require_http_methods(["GET", "POST"])
@reader_required
def grant_add(request, kind, pk):
    item = _own_item(request, _model_for(kind), pk)
    return _child_form(
        request,
        item,
        form_class=GrantForm,
        heading="Give need-to-know access",
        hint="The person or agency sees this record at the tier you choose until the end of the day you choose, "
        "whatever the protocols say. The grant is recorded in the access log as a disclosure.",
        success="Access granted.",
        save=lambda data: services.grant_create(actor=request.user, obj=item, **GrantForm.service_kwargs(data)),
        field_map={"user": "email", "expires_at": "expires_on"},
    )


@require_http_methods(["GET", "POST"])
@reader_required
def grant_revoke(request, kind, pk, holder, grant_pk):
    model = _model_for(kind)
    item = _own_item(request, model, pk)
    user_model, group_model = services.GRANT_MODELS[model]
    grant_model = user_model if holder == "user" else group_model
    grant = grant_model.objects.filter(pk=grant_pk, content_object=item).first()
    if grant is None:
        raise Http404("No such grant")
    if request.method == "POST":
        services.grant_revoke(actor=request.user, grant=grant)
        messages.success(request, "Access revoked.")
        return redirect(_item_url(item))
    _log_form_read(request, item)
    holder_name = (
        f"{grant.user.full_name} ({grant.user.agency.name})"
        if holder == "user"
        else Agency.objects.filter(pk=agency_id_of_group(grant.group.name)).values_list("name", flat=True).first()
    )
    return _render(
        request,
        "nominals/confirm.html",
        {
            "caption": item.display_name if isinstance(item, Nominal) else str(item),
            "item_title": _item_title(item),
            # The title names neither the record's subject nor the colleague whose access ends.
            "title": "Revoke need-to-know access",
            "heading": f"Are you sure you want to revoke the access of {holder_name}?",
            "warning": "They lose the access this grant gives from their next request. The grant stays in the "
            "access log.",
            "button": "Yes, revoke access",
            "back_url": _item_url(item),
        },
    )


# --- OCGs ---------------------------------------------------------------------------------------------------


@reader_required
def ocg_list(request):
    filters = selectors.ocg_filters_from(request.GET)
    form = OCGFilterForm(request.GET or None, user=request.user)
    page = lists.paginate(request, selectors.ocg_list(user=request.user, filters=filters))
    rows = list(page.object_list)
    page.object_list = rows
    log_page_read(request, items=rows, params=filters)
    return _render(
        request,
        "nominals/ocg_list.html",
        {
            "form": form,
            "page": page,
            "ocgs": OCGSerializer(rows, many=True, context={"request": request}).data,
            "headers": lists.sort_headers(filters.sort, OCG_COLUMNS),
            "selected_filters": lists.selected_filters(request.GET, form),
            "is_filtered": any((filters.agency, filters.status, filters.band, filters.threat_area)),
            "can_create": access.is_owner_staff(request.user, request.user.agency_id),
        },
    )


@reader_required
def ocg_detail(request, pk):
    ocg = selectors.ocg_get(user=request.user, pk=pk)
    log_page_read(request, obj=ocg, named=selectors.named_by_ocg(ocg))
    data = OCGDetailSerializer(ocg, context={"request": request}).data
    return _render(
        request,
        "nominals/ocg_detail.html",
        {
            "ocg": data,
            "seeing": _basis(request, ocg, ocg.access),
            **_groups("ocg", ocg.viewer_tier),
            "member_detail": tier_shows("ocg", ocg.viewer_tier, "memberships"),
            "is_owner": access.is_owner_staff(request.user, ocg.lead_agency_id),
            "grants": _grant_rows(request, ocg),
        },
    )


@require_http_methods(["GET", "POST"])
@reader_required
def ocg_create(request):
    _require_own_agency_staff(request)
    form = OCGForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ocg = services.ocg_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"OCG {ocg.reference} added to the register.")
            return redirect("nominals:ocg-detail", pk=ocg.pk)
    return _render(request, "nominals/ocg_form.html", {"form": form, "ocg": None}, shows_items=False)


@require_http_methods(["GET", "POST"])
@reader_required
def ocg_edit(request, pk):
    ocg = _own_item(request, OCG, pk)
    form = OCGForm(request.POST or None, initial=OCGForm.initial_for(ocg))
    if request.method == "POST" and form.is_valid():
        try:
            services.ocg_update(actor=request.user, ocg=ocg, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "OCG updated.")
            return redirect("nominals:ocg-detail", pk=pk)
    _log_form_read(request, ocg)
    return _render(request, "nominals/ocg_form.html", {"form": form, "ocg": ocg})


@require_http_methods(["GET", "POST"])
@reader_required
def membership_add(request, pk):
    ocg = _own_item(request, OCG, pk)

    def save(data):
        data = dict(data)
        nominal = Nominal.objects.filter(pk=data.pop("nominal")).first()
        services.membership_add(actor=request.user, ocg=ocg, nominal=nominal, **data)

    return _child_form(
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
    ocg = _own_item(request, OCG, pk)
    membership = OCGMembership.objects.filter(pk=membership_pk, ocg=ocg, ended_on=None).select_related("ocg").first()
    if membership is None:
        raise Http404("No such membership")
    return _child_form(
        request,
        ocg,
        form_class=MembershipEndForm,
        heading="Record that a member left the group",
        success="Membership ended.",
        save=lambda data: services.membership_end(actor=request.user, membership=membership, **data),
    )


# --- tier 3: hotspots ----------------------------------------------------------------------------------------


@login_required
def hotspots(request):
    if not access.can_read_aggregates(request.user):
        raise PermissionDenied("Your vetting is not current.")
    counts, totals = selectors.hotspot_counts(user=request.user)
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
    return _render(
        request,
        "nominals/hotspots.html",
        {"areas": areas, "table": table, "grand_total": sum(row["total"] for row in table)},
    )

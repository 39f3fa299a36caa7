"""Pages of the central register of information-sharing protocols. Thin: parse the request, call a
selector or a service, render. A refusal (PermissionDenied from the permission checks the services
also use) is shown as a 403 page that says why; a rule broken (ValidationError) is shown on the
form or at the top of the confirmation page."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from ocgshare import lists
from ocgshare.service_errors import add_service_errors

from . import permissions, selectors
from .constants import ProtocolStatus
from .filters import ProtocolFilterSet
from .forms import (
    PartyForm,
    ProtocolCreateForm,
    ProtocolSectionsForm,
    RenewForm,
    ReviewForm,
    SuspendForm,
)
from .models import ProtocolParty
from .sections import section_diffs
from .services import drafting as drafting_services
from .services import lifecycle as lifecycle_services
from .services import parties as party_services
from .services import signatures as signature_services

SORTABLE_COLUMNS = [
    ("reference", "Protocol"),
    ("status", "Status"),
    ("review_date", "Review date"),
    ("end_date", "End date"),
]


def _forbidden(request, exc):
    return render(request, "protocols/forbidden.html", {"reason": str(exc)}, status=403)


def refuses_with_reason(view):
    """Render PermissionDenied raised by the view or a service as a 403 page that gives the reason."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as exc:
            return _forbidden(request, exc)

    return wrapped


def _non_field_messages(exc):
    return exc.messages if not hasattr(exc, "error_dict") else [m for ms in exc.message_dict.values() for m in ms]


@login_required
def register(request):
    filterset = ProtocolFilterSet(request.GET or None, user=request.user)
    form = filterset.page_form()
    sort = lists.parse_sort(request.GET.get("sort", ""), selectors.SORTS, selectors.DEFAULT_SORT)
    page = lists.paginate(request, selectors.protocol_list(user=request.user, filterset=filterset, sort=sort))
    return render(
        request,
        "protocols/register.html",
        {
            "form": form,
            "page": page,
            "headers": lists.sort_headers(sort, SORTABLE_COLUMNS),
            "is_filtered": filterset.is_filtered,
            "can_create": permissions.can_create_protocol(request.user),
        },
    )


@login_required
def detail(request, pk):
    protocol = selectors.protocol_get(user=request.user, pk=pk)
    parties = list(protocol.parties.all())
    user = request.user
    return render(
        request,
        "protocols/detail.html",
        {
            "protocol": protocol,
            "parties": parties,
            "sections": section_diffs(protocol),
            "can_edit": permissions.can_edit_protocol(user, protocol) and protocol.status == ProtocolStatus.DRAFT,
            "can_return_to_draft": permissions.can_edit_protocol(user, protocol)
            and protocol.status == ProtocolStatus.AWAITING_SIGNATURES,
            "can_manage": permissions.can_manage_protocol(user, protocol),
            "party_to_sign": permissions.party_to_sign(user, parties)
            if protocol.status == ProtocolStatus.AWAITING_SIGNATURES
            else None,
            "signed_count": sum(1 for p in parties if p.is_signed),
        },
    )


@login_required
@refuses_with_reason
@require_http_methods(["GET", "POST"])
def create(request):
    permissions.require_create(request.user)
    form = ProtocolCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            protocol = drafting_services.protocol_create_from_template(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Protocol {protocol.reference} created from the template. Add the parties next.")
            return redirect("protocols:detail", pk=protocol.pk)
    return render(request, "protocols/create.html", {"form": form})


@login_required
@refuses_with_reason
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    protocol = selectors.protocol_get(user=request.user, pk=pk)
    permissions.require_edit(request.user, protocol)
    if protocol.status != ProtocolStatus.DRAFT:
        messages.info(request, "Only a draft protocol can be changed.")
        return redirect("protocols:detail", pk=pk)
    form = ProtocolSectionsForm(request.POST or None, initial=ProtocolSectionsForm.initial_for(protocol))
    if request.method == "POST" and form.is_valid():
        try:
            drafting_services.protocol_update(actor=request.user, protocol=protocol, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Protocol updated.")
            return redirect("protocols:detail", pk=pk)
    return render(request, "protocols/edit.html", {"form": form, "protocol": protocol})


def _party_choices_ready(request, protocol):
    permissions.require_edit(request.user, protocol)
    if protocol.status != ProtocolStatus.DRAFT:
        messages.info(request, "Parties can only be changed while the protocol is a draft.")
        return False
    return True


@login_required
@refuses_with_reason
@require_http_methods(["GET", "POST"])
def party_add(request, pk):
    protocol = selectors.protocol_get(user=request.user, pk=pk)
    if not _party_choices_ready(request, protocol):
        return redirect("protocols:detail", pk=pk)
    form = PartyForm(request.POST or None, protocol=protocol)
    if request.method == "POST" and form.is_valid():
        try:
            party = party_services.party_add(actor=request.user, protocol=protocol, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{party.agency.name} added. Choose who signs for it.")
            return redirect("protocols:party-edit", pk=pk, party_pk=party.pk)
    return render(request, "protocols/party_form.html", {"form": form, "protocol": protocol, "party": None})


@login_required
@refuses_with_reason
@require_http_methods(["GET", "POST"])
def party_edit(request, pk, party_pk):
    protocol = selectors.protocol_get(user=request.user, pk=pk)
    party = get_object_or_404(ProtocolParty.objects.select_related("agency"), pk=party_pk, protocol=protocol)
    if not _party_choices_ready(request, protocol):
        return redirect("protocols:detail", pk=pk)
    initial = {
        "max_tier": party.max_tier,
        "categories": [c.category for c in party.categories.all()],
        "signatory": party.signatory_id,
    }
    form = PartyForm(request.POST or None, protocol=protocol, party=party, initial=initial)
    if request.method == "POST" and form.is_valid():
        party.protocol = protocol
        try:
            party_services.party_update(actor=request.user, party=party, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{party.agency.name} updated.")
            return redirect("protocols:detail", pk=pk)
    return render(request, "protocols/party_form.html", {"form": form, "protocol": protocol, "party": party})


def _confirm(request, protocol, *, action, form=None, errors=(), status=200):
    return render(
        request,
        "protocols/confirm.html",
        {"protocol": protocol, "form": form, "errors": errors, **action},
        status=status,
    )


@login_required
@refuses_with_reason
@require_http_methods(["GET", "POST"])
def party_remove(request, pk, party_pk):
    protocol = selectors.protocol_get(user=request.user, pk=pk)
    party = get_object_or_404(ProtocolParty.objects.select_related("agency"), pk=party_pk, protocol=protocol)
    if not _party_choices_ready(request, protocol):
        return redirect("protocols:detail", pk=pk)
    action = {
        "heading": f"Are you sure you want to remove {party.agency.name} from this protocol?",
        "warning": "It will not receive anything under this protocol.",
        "button": "Yes, remove it",
        "warning_button": True,
    }
    if request.method == "POST":
        party.protocol = protocol
        try:
            party_services.party_remove(actor=request.user, party=party)
        except ValidationError as exc:
            return _confirm(request, protocol, action=action, errors=_non_field_messages(exc), status=400)
        messages.success(request, f"{party.agency.name} removed from the protocol.")
        return redirect("protocols:detail", pk=pk)
    return _confirm(request, protocol, action=action)


def _transition_view(*, check, service, action, success, form_class=None, form_to_kwargs=None):
    """A confirmation page (GET) and its action (POST) for one lifecycle step."""

    @login_required
    @refuses_with_reason
    @require_http_methods(["GET", "POST"])
    def view(request, pk):
        protocol = selectors.protocol_get(user=request.user, pk=pk)
        check(request.user, protocol)
        described = action(protocol) if callable(action) else action
        form = form_class(request.POST or None) if form_class else None
        if request.method == "POST" and (form is None or form.is_valid()):
            kwargs = form_to_kwargs(form.cleaned_data) if form else {}
            try:
                # The service's own copy, re-read under its lock: the state the message must describe.
                protocol = service(actor=request.user, protocol=protocol, **kwargs)
            except ValidationError as exc:
                if form is not None and hasattr(exc, "error_dict"):
                    add_service_errors(form, exc)
                    return _confirm(request, protocol, action=described, form=form, status=400)
                return _confirm(request, protocol, action=described, errors=_non_field_messages(exc), status=400)
            messages.success(request, success(protocol) if callable(success) else success)
            return redirect("protocols:detail", pk=pk)
        return _confirm(request, protocol, action=described, form=form)

    return view


def _sign_check(user, protocol):
    permissions.require_signatory(user, list(protocol.parties.all()))


submit = _transition_view(
    check=permissions.require_edit,
    service=signature_services.protocol_submit_for_signature,
    action={
        "heading": "Send this protocol for signature?",
        "body": "Each party's signatory is asked to sign. You cannot change the protocol while signatures are "
        "collected unless you return it to draft.",
        "button": "Send for signature",
    },
    success="Sent for signature. Each party's signatory has been asked to sign.",
)

return_to_draft = _transition_view(
    check=permissions.require_edit,
    service=signature_services.protocol_return_to_draft,
    action={
        "heading": "Return this protocol to draft?",
        "warning": "Signatures already given are withdrawn; every party signs again when you resend it.",
        "button": "Yes, return it to draft",
        "warning_button": True,
    },
    success="The protocol is a draft again.",
)

sign = _transition_view(
    check=_sign_check,
    service=signature_services.protocol_sign,
    action=lambda protocol: {
        "heading": f"Sign {protocol.reference}",
        "body": f"By signing, you agree on behalf of your agency to share and handle information under "
        f"“{protocol.title}” as it is written, from {protocol.start_date:%-d %B %Y} to "
        f"{protocol.end_date:%-d %B %Y}.",
        "button": "Sign on behalf of my agency",
    },
    success=lambda protocol: f"Signed. {selectors.signing_progress(protocol)}",
)

suspend = _transition_view(
    check=permissions.require_manage,
    service=lifecycle_services.protocol_suspend,
    form_class=SuspendForm,
    form_to_kwargs=lambda data: {"reason": data["reason"]},
    action={
        "heading": "Are you sure you want to suspend this protocol?",
        "warning": "Nothing is shared under it from the moment you suspend it, until it is reinstated. Every party "
        "is told.",
        "button": "Yes, suspend it",
        "warning_button": True,
    },
    success="Protocol suspended. Nothing is shared under it.",
)

reinstate = _transition_view(
    check=permissions.require_manage,
    service=lifecycle_services.protocol_reinstate,
    action={
        "heading": "Reinstate this protocol?",
        "body": "Sharing resumes at once under the tiers and categories each party signed for. Every party is told.",
        "button": "Yes, reinstate it",
    },
    success="Protocol reinstated. Sharing has resumed.",
)

renew = _transition_view(
    check=permissions.require_manage,
    service=lifecycle_services.protocol_renew,
    form_class=RenewForm,
    form_to_kwargs=lambda data: {"end_date": data["end_date"], "review_date": data["review_date"]},
    action={
        "heading": "Renew this protocol",
        "body": "Give it a new end date. It returns to draft so that you can check the parties and send it for "
        "signature: every party signs the new term.",
        "button": "Renew",
    },
    success="Protocol renewed as a draft. Check the parties, then send it for signature.",
)

review = _transition_view(
    check=permissions.require_manage,
    service=lifecycle_services.protocol_review_record,
    form_class=ReviewForm,
    form_to_kwargs=lambda data: {"next_review_date": data["next_review_date"]},
    action={
        "heading": "Record a review",
        "body": "Record that the parties have reviewed this protocol and agreed it still meets its purposes, and "
        "set the next review date.",
        "button": "Record review",
    },
    success="Review recorded.",
)

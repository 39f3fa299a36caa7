"""What every register page shares: the reader check, rendering with the access log, the item fetches
that answer 404 for the unseen, the "what you are seeing and why" panel and the child-form pattern."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

import access
from audit.services import log_page_read, page_read_logged
from ocgshare.constants import SecurityMarking
from ocgshare.models import AccessBasis
from protocols.models import Protocol

from ..constants import groups_left_out, groups_shown
from ..forms.common import add_service_errors
from ..models import Nominal
from ..selectors import grants as grant_selectors
from ..templatetags.register_pages import TIER_LABELS


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
    read (audit.services.log_page_read): one that did not is refused rather than served unlogged.
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


def _own_item(request, model, pk):
    """An item the user may change, fetched through the engine with its owner: 404 if they may not see
    it (exactly as if it did not exist), 403 if they see it but it is not their agency's to change (the
    403 page names nothing)."""
    policy = access.policy_for(model)
    item = access.access_get(request.user, model.objects.select_related(policy.owner_field), pk)
    if not access.is_owner_staff(request.user, getattr(item, policy.owner_id)):
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
        user_model, group_model = grant_selectors.GRANT_MODELS[model]
        grant_model = user_model if basis == AccessBasis.USER_GRANT else group_model
        grant = grant_model.objects.filter(pk=item_access.grant_id).values("reason", "expires_at").first()
        explanation["grant"] = grant
        holder = "you" if basis == AccessBasis.USER_GRANT else f"everyone in {user.agency.name}"
        explanation["reason"] = f"{owner.name} has given {holder} a need-to-know grant on this record."
    return explanation


def _require_own_agency_staff(request):
    if not access.is_owner_staff(request.user, request.user.agency_id):
        raise PermissionDenied("Only intelligence staff vetted to CTC or above can add to the register.")


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

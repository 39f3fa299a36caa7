"""What every record kind's pages share: rendering with the access-log check, the reader check, the
"what you are seeing and why" panel (templates/records/_seeing.html) and the child-form page pattern
(templates/records/child_form.html).

A record kind's app tells the kit how its pages name and link its items (register_pages, a RecordPages
per kind) and which tab of its sub-navigation a page belongs to (register_sections), from its
AppConfig.ready; the kit names no kind.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

import access
from audit.links import register_item_page
from audit.services import log_page_read, page_read_logged
from ocgshare.constants import SecurityMarking
from ocgshare.models import AccessBasis
from ocgshare.service_errors import add_service_errors
from protocols.constants import TIER_LABELS
from protocols.models import Protocol

from .models import grant_models


@dataclass(frozen=True)
class RecordPages:
    """How the pages name and link the items of one registered record kind."""

    model: type
    url_kind: str  # the kind in the URLs of pages shared between kinds (grants): "nominals"
    detail_url_name: str  # the item's page, reversed with its pk
    # How a page title names an item: by its number or reference, never by a person's name (titles end
    # up in browser history, tab bars and shared screens; the page's heading may name them).
    title: Callable
    caption: Callable  # the caption above a form's heading: the item as its own page names it
    layout: str  # the template the kit's pages (child form, confirmation) extend


_pages_by_model = {}
_pages_by_url_kind = {}
_sections = {}


def register_pages(pages):
    if pages.model in _pages_by_model or pages.url_kind in _pages_by_url_kind:
        raise ImproperlyConfigured(f"The pages of {pages.model.__name__} are already registered")
    _pages_by_model[pages.model] = pages
    _pages_by_url_kind[pages.url_kind] = pages
    register_item_page(access.policy_for(pages.model).kind, pages.detail_url_name)
    return pages


def pages_for(model_or_url_kind):
    """The RecordPages of a model, or of the kind named in a shared URL ("nominals")."""
    if isinstance(model_or_url_kind, str):
        return _pages_by_url_kind[model_or_url_kind]
    return _pages_by_model[model_or_url_kind]


def register_sections(namespace, section_of):
    """`section_of(request)`: which tab of its sub-navigation a page of the URL namespace belongs to (the
    templates' `register_section`)."""
    _sections[namespace] = section_of


def item_title(item):
    return pages_for(type(item)).title(item)


def item_url(item):
    return reverse(pages_for(type(item)).detail_url_name, args=[item.pk])


def render_page(request, template, context=None, *, status=200, shows_items=True):
    """Render a record page. A page that opens (GET) showing record items must have logged the read
    (audit.services.log_page_read): one that did not is refused rather than served unlogged.
    `shows_items=False` for the pages that show none (an empty form, a search not yet made)."""
    if shows_items and request.method == "GET" and not page_read_logged(request):
        raise ImproperlyConfigured(f"{request.path} showed register items without logging the read")
    match = request.resolver_match
    section_of = _sections.get(match.namespace) if match else None
    context = {
        # Record pages carry personal data: their marking is OFFICIAL-SENSITIVE whatever the default.
        "security_marking": SecurityMarking.OFFICIAL_SENSITIVE.value,
        "register_section": section_of(request) if section_of else "",
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


def log_form_read(request, item):
    """A form about an item shows it (an edit form its data, the others its name): logged as a view
    when the form is opened. A form sent back with errors shows what the user typed, and a saved one
    is logged by its service as the change."""
    if request.method == "GET":
        log_page_read(request, obj=item)


def seeing(request, item, item_access):
    """What the viewer is seeing and why, for the page (templates/records/_seeing.html as `seeing`): the
    tier and the basis the engine gave."""
    user = request.user
    model = type(item)
    owner = getattr(item, access.policy_for(model).owner_field)
    explanation = {"tier": item_access.tier, "tier_label": TIER_LABELS.get(item_access.tier, ""), "owner": owner.name}
    basis = item_access.basis
    explanation["basis"] = basis
    if owner.pk != user.agency_id:
        # Next steps for a partner: who owns the record, how to reach them, and a way to ask for more.
        spoc = owner.spoc if owner.spoc_id and owner.spoc.is_active else None
        ask_url = reverse(f"{request.resolver_match.namespace}:ask-owner", args=[pages_for(model).url_kind, item.pk])
        explanation["contact"] = {
            "agency_pk": owner.pk,
            "agency": owner.name,
            "spoc": spoc.full_name if spoc else "",
            "spoc_email": spoc.email if spoc else "",
            "email": owner.contact_email,
            "phone": owner.contact_phone,
            "ask_url": ask_url if spoc else "",
        }
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
        user_model, group_model = grant_models(model)
        grant_model = user_model if basis == AccessBasis.USER_GRANT else group_model
        grant = grant_model.objects.filter(pk=item_access.grant_id).values("reason", "expires_at").first()
        explanation["grant"] = grant
        holder = "you" if basis == AccessBasis.USER_GRANT else f"everyone in {user.agency.name}"
        explanation["reason"] = f"{owner.name} has given {holder} a need-to-know grant on this record."
    return explanation


def child_form(request, item, *, form_class, heading, save, success, field_map=None, form_kwargs=None, hint=""):
    """A form that adds something to a record item through a service (`save(cleaned_data)`, whose
    ValidationError goes back on the form), then returns to the item's page."""
    form = form_class(request.POST or None, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc, field_map)
        else:
            messages.success(request, success)
            return redirect(item_url(item))
    log_form_read(request, item)
    pages = pages_for(type(item))
    return render_page(
        request,
        "records/child_form.html",
        {
            "layout": pages.layout,
            "form": form,
            "heading": heading,
            "caption": pages.caption(item),
            "item_title": pages.title(item),
            "back_url": item_url(item),
            "hint": hint,
        },
    )

"""Need-to-know grant pages, for any record kind that takes grants: the grants on an item (a panel of
its page, templates/records/_grants.html), granting and revoking. Routed by records.urls."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

import access
from agencies.models import Agency
from protocols.services.groups import agency_id_of_group

from . import selectors, services
from .forms import AskOwnerForm, GrantForm
from .pages import child_form, item_url, log_form_read, pages_for, reader_required, render_page


def own_record(request, model, pk):
    """An item the user may change: 404 if they may not see it, 403 if they see it but it is not their
    agency's to change (the 403 page names nothing)."""
    item = selectors.record_with_owner(request.user, model, pk)
    owner_id = getattr(item, access.policy_for(model).owner_id)
    if not access.is_owner_staff(request.user, owner_id):
        raise PermissionDenied("Only the owning agency's intelligence staff can change this record.")
    return item


def grant_rows(request, item):
    """The need-to-know grants on an item, for its owner's staff (None for anyone else)."""
    if not access.is_owner_staff(request.user, getattr(item, access.policy_for(type(item)).owner_id)):
        return None
    user_grants, group_grants = selectors.grants_of(actor=request.user, obj=item)
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


@require_http_methods(["GET", "POST"])
@reader_required
def grant_add(request, kind, pk):
    item = own_record(request, pages_for(kind).model, pk)
    return child_form(
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
    pages = pages_for(kind)
    item = own_record(request, pages.model, pk)
    grant = selectors.grant_get(item, holder, grant_pk)
    if grant is None:
        raise Http404("No such grant")
    if request.method == "POST":
        services.grant_revoke(actor=request.user, grant=grant)
        messages.success(request, "Access revoked.")
        return redirect(item_url(item))
    log_form_read(request, item)
    holder_name = (
        f"{grant.user.full_name} ({grant.user.agency.name})"
        if holder == "user"
        else Agency.objects.filter(pk=agency_id_of_group(grant.group.name)).values_list("name", flat=True).first()
    )
    return render_page(
        request,
        "records/confirm.html",
        {
            "layout": pages.layout,
            "caption": pages.caption(item),
            "item_title": pages.title(item),
            # The title names neither the record's subject nor the colleague whose access ends.
            "title": "Revoke need-to-know access",
            "heading": f"Are you sure you want to revoke the access of {holder_name}?",
            "warning": "They lose the access this grant gives from their next request. The grant stays in the "
            "access log.",
            "button": "Yes, revoke access",
            "back_url": item_url(item),
        },
    )


@require_http_methods(["GET", "POST"])
@reader_required
def ask_owner(request, kind, pk):
    """A reader asks the owning agency's single point of contact for more on an item they can see."""
    pages = pages_for(kind)
    item = selectors.record_with_owner(request.user, pages.model, pk)
    owner = getattr(item, access.policy_for(pages.model).owner_field)
    if owner.pk == request.user.agency_id:
        raise PermissionDenied("This is your agency's record.")
    spoc = owner.spoc.full_name if owner.spoc else "their single point of contact"
    return child_form(
        request,
        item,
        form_class=AskOwnerForm,
        heading=f"Ask {owner.name} for more",
        hint=f"Your request goes to {spoc} as a notification naming this record by its number. "
        f"{owner.name} decides what to share, and how.",
        success=f"Your request has gone to {owner.name}.",
        save=lambda data: _ask(request.user, item, data["message"]),
    )


def _ask(user, item, message):
    if services.ask_owner(actor=user, obj=item, message=message) is None:
        raise ValidationError({"message": "You have already asked about this record today"})

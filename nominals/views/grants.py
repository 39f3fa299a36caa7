"""Need-to-know grant pages: the grants on an item, granting and revoking."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

import access
from agencies.models import Agency
from protocols.services.groups import agency_id_of_group

from ..forms.grants import GrantForm
from ..models import OCG, Nominal
from ..selectors import grants as grant_selectors
from ..services import grants as grant_services
from .common import _child_form, _item_title, _item_url, _log_form_read, _own_item, _render, reader_required


def _grant_rows(request, item):
    """The need-to-know grants on an item, for its owner's staff (None for anyone else)."""
    if not access.is_owner_staff(request.user, getattr(item, access.policy_for(type(item)).owner_id)):
        return None
    user_grants, group_grants = grant_selectors.grants_of(actor=request.user, obj=item)
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
        save=lambda data: grant_services.grant_create(actor=request.user, obj=item, **GrantForm.service_kwargs(data)),
        field_map={"user": "email", "expires_at": "expires_on"},
    )


@require_http_methods(["GET", "POST"])
@reader_required
def grant_revoke(request, kind, pk, holder, grant_pk):
    model = _model_for(kind)
    item = _own_item(request, model, pk)
    user_model, group_model = grant_selectors.GRANT_MODELS[model]
    grant_model = user_model if holder == "user" else group_model
    grant = grant_model.objects.filter(pk=grant_pk, content_object=item).first()
    if grant is None:
        raise Http404("No such grant")
    if request.method == "POST":
        grant_services.grant_revoke(actor=request.user, grant=grant)
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

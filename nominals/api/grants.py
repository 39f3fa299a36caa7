"""The need-to-know grant actions of the nominal and OCG viewsets."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import status
from rest_framework.response import Response

from accounts.models import User
from ocgshare.models import AccessSurface

from ..selectors import grants as grant_selectors
from ..serializers.grants import GrantSerializer, GrantWriteSerializer
from ..services import grants as grant_services
from .common import _agency, _parse, service_errors


def _grant_row(grant):
    is_user = hasattr(grant, "user_id")
    agency_id = None
    if not is_user:
        agency_id = int(grant.group.name.split(":", 1)[1]) if ":" in grant.group.name else None
    return {
        "id": grant.pk,
        "holder": "user" if is_user else "agency",
        "user": grant.user_id if is_user else None,
        "agency": agency_id,
        "tier": grant.tier,
        "reason": grant.reason,
        "expires_at": grant.expires_at,
        "granted_by": grant.granted_by_id,
        "granted_at": grant.granted_at,
        "is_current": grant.is_current,
    }


def grants_endpoint(view, request, obj):
    if request.method == "GET":
        with service_errors():
            user_grants, group_grants = grant_selectors.grants_of(actor=request.user, obj=obj)
        rows = [_grant_row(g) for g in [*user_grants, *group_grants]]
        view.log_read(obj=obj, count=len(rows), params=None)
        return Response(GrantSerializer(rows, many=True).data)
    data = _parse(GrantWriteSerializer, request.data)
    user = User.objects.select_related("agency").filter(pk=data.pop("user")).first() if data.get("user") else None
    agency = _agency(data.pop("agency", None))
    data.pop("user", None)
    with service_errors():
        if request.data.get("user") and user is None:
            raise DjangoValidationError({"user": ["Choose an active user"]})
        grant = grant_services.grant_create(
            actor=request.user, obj=obj, user=user, agency=agency, surface=AccessSurface.API, **data
        )
    return Response(GrantSerializer(_grant_row(grant)).data, status=status.HTTP_201_CREATED)


def grant_revoke_endpoint(request, obj, holder, grant_pk):
    user_model, group_model = grant_selectors.GRANT_MODELS[type(obj)]
    model = user_model if holder == "user" else group_model
    grant = model.objects.filter(pk=grant_pk, content_object=obj).first()
    if grant is None:
        raise Http404
    with service_errors():
        grant_services.grant_revoke(actor=request.user, grant=grant, surface=AccessSurface.API)
    return Response(status=status.HTTP_204_NO_CONTENT)

"""Need-to-know grants on register items: which tables hold them, and the grants on one item for its
owner's staff."""

import access

from ..models import (
    OCG,
    Nominal,
    NominalGroupObjectPermission,
    NominalUserObjectPermission,
    OCGGroupObjectPermission,
    OCGUserObjectPermission,
)
from ..services.common import require_register_staff

GRANT_MODELS = {
    Nominal: (NominalUserObjectPermission, NominalGroupObjectPermission),
    OCG: (OCGUserObjectPermission, OCGGroupObjectPermission),
}


def grants_of(*, actor, obj):
    """The grants on `obj` (user and agency), for its owner's staff to review and revoke."""
    model = type(obj)
    policy = access.policy_for(model)
    require_register_staff(actor, getattr(obj, policy.owner_id), what="items' grants")
    user_model, group_model = GRANT_MODELS[model]
    return (
        list(user_model.objects.filter(content_object=obj).select_related("user__agency", "granted_by")),
        list(group_model.objects.filter(content_object=obj).select_related("group", "granted_by")),
    )

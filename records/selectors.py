"""Reads of the register kit: the items a page or API action works on, and the need-to-know grants on
an item, for any registered record kind (found through its access Policy)."""

import access

from .models import grant_models
from .services import require_register_staff


def record_with_owner(user, kind, pk):
    """The item `pk` of `kind` through the engine (access.access_get), with its owner in the same query;
    Http404 if it does not exist or the user may not see it."""
    policy = access.policy_for(kind)
    return access.access_get(user, policy.model._default_manager.select_related(policy.owner_field), pk)


def grant_get(obj, holder, pk):
    """The grant `pk` on `obj` to a user (`holder` "user") or an agency ("agency"), or None."""
    user_model, group_model = grant_models(type(obj))
    model = user_model if holder == "user" else group_model
    return model.objects.filter(pk=pk, content_object=obj).first()


def grants_of(*, actor, obj):
    """The grants on `obj` (user and agency), for its owner's staff to review and revoke."""
    model = type(obj)
    policy = access.policy_for(model)
    require_register_staff(actor, getattr(obj, policy.owner_id), what="items' grants")
    user_model, group_model = grant_models(model)
    return (
        list(user_model.objects.filter(content_object=obj).select_related("user__agency", "granted_by")),
        list(group_model.objects.filter(content_object=obj).select_related("group", "granted_by")),
    )

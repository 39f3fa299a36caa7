"""Writes the register kit does for every record kind: who may change a kind's items, and need-to-know
grants (giving and revoking, logged as GRANT and REVOKE), on any kind whose access Policy names grant
models."""

import datetime

from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

import access
from accounts.models import User
from agencies.models import Agency
from audit.services import log_access
from notifications.models import EventType
from notifications.services import notify
from ocgshare import bounds
from ocgshare.models import AccessAction, AccessBasis, AccessSurface
from protocols.constants import PARTY_TIERS, highest_tier_for_kind
from protocols.services.groups import agency_group, agency_id_of_group

from .models import grant_models
from .pages import item_url


def require_register_staff(actor, agency_id, *, what="items"):
    """Only the owning agency's register staff (access.is_owner_staff) change a record kind's items."""
    if not access.is_owner_staff(actor, agency_id):
        raise PermissionDenied(
            f"Only intelligence staff of the owning agency, vetted to CTC or above, can change these {what}."
        )


def _view_permission(model):
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(model), codename=f"view_{model._meta.model_name}"
    )


@transaction.atomic
def grant_create(*, actor, obj, tier, reason, expires_at, user=None, agency=None, surface=AccessSurface.PAGE):
    """Give a user, or every user of an agency, need-to-know access to one item (of a kind that takes
    grants) at `tier` until `expires_at`. Only the owning agency's register staff may grant. A new grant
    to the same user or agency replaces the previous one. The grant is logged (action GRANT, the
    disclosure decision) with its tier, recipient and reason."""
    model = type(obj)
    user_model, group_model = grant_models(model)
    policy = access.policy_for(model)
    require_register_staff(actor, getattr(obj, policy.owner_id), what="items' grants")
    errors = {}
    reason = (reason or "").strip()
    if (user is None) == (agency is None):
        errors["user"] = ["Choose either a person or an agency to grant access to"]
    grantee_agency = user.agency if user is not None else agency
    if isinstance(user, User) and not user.is_active:
        errors["user"] = ["Choose an active user"]
    if tier not in PARTY_TIERS:
        errors["tier"] = ["Choose tier 1 (law enforcement) or tier 2 (partnership)"]
    elif isinstance(grantee_agency, Agency) and tier < highest_tier_for_kind(grantee_agency.kind):
        errors["tier"] = [
            f"{grantee_agency.name} is a {grantee_agency.get_kind_display().lower()}: only police forces, "
            f"prisons, probation regions and regional or national units can receive tier 1"
        ]
    if not reason:
        errors["reason"] = ["Enter why they need to know"]
    else:
        errors.update(bounds.field_errors(user_model, reason=reason))
    if expires_at is None:
        errors["expires_at"] = ["Enter when the access ends"]
    elif expires_at <= timezone.now():
        errors["expires_at"] = ["The access must end in the future"]
    elif expires_at > timezone.now() + datetime.timedelta(days=settings.GRANT_MAX_DAYS):
        errors["expires_at"] = [f"The access can be given for up to {settings.GRANT_MAX_DAYS} days"]
    if errors:
        raise ValidationError(errors)
    values = {
        "tier": tier,
        "reason": reason,
        "expires_at": expires_at,
        "granted_by": actor,
        "granted_at": timezone.now(),
    }
    permission = _view_permission(model)
    if user is not None:
        grant, _ = user_model.objects.update_or_create(
            user=user, permission=permission, content_object=obj, defaults=values
        )
        basis, recipient = AccessBasis.USER_GRANT, f"{user.full_name} ({user.agency.name})"
    else:
        grant, _ = group_model.objects.update_or_create(
            group=agency_group(agency), permission=permission, content_object=obj, defaults=values
        )
        basis, recipient = AccessBasis.AGENCY_GRANT, f"Every user of {agency.name}"
    log_access(
        user=actor,
        action=AccessAction.GRANT,
        surface=surface,
        obj=obj,
        access=access.Access(tier=tier, basis=basis, grant_id=grant.pk),
        recipient=recipient,
        justification=f"Need-to-know grant until {expires_at:%Y-%m-%d %H:%M}: {reason}",
    )
    return grant


def _grant_recipient(grant):
    """(basis, recipient) of a grant, as its log entries name them."""
    if hasattr(grant, "user_id"):
        return AccessBasis.USER_GRANT, f"{grant.user.full_name} ({grant.user.agency.name})"
    name = grant.group.name
    agency_id = agency_id_of_group(name)
    agency = Agency.objects.filter(pk=agency_id).first() if agency_id is not None else None
    return AccessBasis.AGENCY_GRANT, f"Every user of {agency.name if agency else name}"


@transaction.atomic
def grant_revoke(*, actor, grant, surface=AccessSurface.PAGE):
    """End a need-to-know grant now (the row is deleted: the grant stays in the access log, where its
    revocation is logged with the grant's number, tier and recipient)."""
    obj = grant.content_object
    require_register_staff(actor, getattr(obj, access.policy_for(type(obj)).owner_id), what="items' grants")
    basis, recipient = _grant_recipient(grant)
    grant_id = grant.pk
    grant.delete()
    log_access(
        user=actor,
        action=AccessAction.REVOKE,
        surface=surface,
        obj=obj,
        access=access.Access(tier=grant.tier, basis=basis, grant_id=grant_id),
        recipient=recipient,
    )


ASK_MAX_LENGTH = 1000


@transaction.atomic
def ask_owner(*, actor, obj, message):
    """A reader who is not the owner asks the owning agency's single point of contact (from the directory)
    for more on `obj`, through a notification naming the item by kind and number and linking to it. Until
    disclosure requests exist this is a message, not a disclosure: the owner decides what to share. One
    ask per person, item and day. Returns the notification, or None if they have already asked today."""
    policy = access.policy_for(type(obj))
    owner = getattr(obj, policy.owner_field)
    if not access.can_see(actor, obj):
        raise PermissionDenied("You cannot see this record.")
    if getattr(obj, policy.owner_id) == actor.agency_id:
        raise PermissionDenied("This is your agency's record: ask a colleague.")
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": "Say what you need and why"})
    if len(message) > ASK_MAX_LENGTH:
        raise ValidationError({"message": f"Your request must be {ASK_MAX_LENGTH} characters or fewer"})
    spoc = owner.spoc
    if spoc is None or not spoc.is_active:
        raise ValidationError(
            {"message": f"{owner.name} has no single point of contact in the directory: contact the agency directly."}
        )
    label = f"{type(obj)._meta.verbose_name.capitalize()} {obj.pk}"
    return notify(
        recipient=spoc,
        event_type=EventType.INFORMATION_REQUESTED,
        title=f"{actor.full_name} ({actor.agency.name}) asks for more on {label}",
        body=message,
        url=item_url(obj),
        dedupe_key=f"ask:{policy.kind}:{obj.pk}:{actor.pk}:{timezone.localdate():%Y-%m-%d}",
    )

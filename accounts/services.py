"""Writes of people: creating and changing user accounts, unlocking sign-in, and vetting reminders.

Every rule about what a user account may contain is in `user_problems`, which forms and
serializers call to report all problems at once and which the writing services call again
before they write.
"""

import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from notifications.models import EventType
from notifications.services import notification_actions_done, notify
from ocgshare.models import AccessAction, AccessLogEntry, AccessSurface

from .models import VETTING_REMINDER_DAYS, ApiToken, Role, User, UserRole, VettingLevel
from .rules import may_manage_user, may_manage_users

logger = logging.getLogger(__name__)

EDITABLE_FIELDS = frozenset(
    {"full_name", "job_title", "phone", "roles", "vetting_level", "vetting_expires", "is_active"}
)
# What gives a user power: no one changes their own, and a change to someone else's needs a reason,
# which the access log keeps. is_active is also no one's own to change, but needs no reason: disabling
# takes power away, and the confirmation page is its check.
POWER_FIELDS = ("roles", "vetting_level", "vetting_expires")
SELF_CHANGE_ERRORS = {
    "roles": "You cannot change your own roles: ask another administrator to do it",
    "vetting_level": "You cannot change your own vetting level: ask another administrator to do it",
    "vetting_expires": "You cannot change your own vetting expiry date: ask another administrator to do it",
    "is_active": "You cannot disable your own account: ask another administrator to do it",
}
REASON_MAX_LENGTH = 500
REASON_REQUIRED = "Enter the reason for changing their roles or vetting: it is kept in the access log"
# The same answer whether the address is taken in the administrator's own agency or in another: it
# must not tell them that a person has an account elsewhere (see user_problems).
EMAIL_UNAVAILABLE = (
    "This e-mail address cannot be used for a new account. Check it; if it is right, "
    "ask the OCG Share service desk, who can see why"
)


def normalise_email(email):
    return (email or "").strip().lower()


def _long_date(value):
    return format_date(value, "j F Y")


def _role_list(codes):
    return ", ".join(Role(code).label for code in Role.values if code in codes)


def vetting_expiry_limit(today=None):
    """The latest vetting expiry date accepted: VETTING_MAX_YEARS from today."""
    today = today or timezone.localdate()
    years = settings.VETTING_MAX_YEARS
    try:
        return today.replace(year=today.year + years)
    except ValueError:  # 29 February
        return today.replace(year=today.year + years, day=28)


def changed_fields(user, fields):
    """The names of `fields` whose value differs from `user`'s: a form sends every field, an API client
    may send the current value back, and neither is a change."""
    changed = set()
    for name, value in fields.items():
        if name == "roles":
            current = set(user.role_codes)
            value = set(value or ())
        else:
            current = getattr(user, name)
        if value != current:
            changed.add(name)
    return changed


def user_problems(*, actor, user=None, reason=None, **fields):
    """Every problem with `fields` for `actor` creating a user (user=None) or changing `user`.

    Only the fields given are checked, so a form can ask about the ones it could parse and
    report them together with its own. `reason` is why roles or vetting change, required when they
    change on someone else's account. Returns {field: [message, ...]}, empty when all is well.
    """
    creating = user is None
    editable = {name: value for name, value in fields.items() if name in EDITABLE_FIELDS}
    changed = set(fields) if creating else changed_fields(user, editable)
    own = not creating and user.pk == actor.pk
    errors = defaultdict(list)

    if "email" in fields:
        email = normalise_email(fields["email"])
        if not email:
            errors["email"].append("Enter their e-mail address")
        else:
            try:
                validate_email(email)
            except ValidationError:
                errors["email"].append("Enter an e-mail address in the correct format, like name@example.gov.uk")
            else:
                others = User.objects.filter(email__iexact=email)
                if not creating:
                    others = others.exclude(pk=user.pk)
                taken = others.values("pk", "agency_id").first()
                if taken is not None:
                    errors["email"].append(EMAIL_UNAVAILABLE)
                    # For the service desk, whom the message sends the administrator to: the account's id
                    # and agency, not the address (personal data stays out of the server log).
                    logger.warning(
                        "Account creation refused: user %s (agency %s) gave the e-mail address of user %s (agency %s)",
                        actor.pk,
                        actor.agency_id,
                        taken["pk"],
                        taken["agency_id"],
                    )

    if "full_name" in fields and not (fields["full_name"] or "").strip():
        errors["full_name"].append("Enter their full name")

    if "roles" in fields:
        roles = set(fields["roles"] or ())
        if not roles:
            errors["roles"].append("Select at least one role")
        elif roles - set(Role.values):
            errors["roles"].append("Select roles from the list")

    if "vetting_level" in fields and fields["vetting_level"] not in VettingLevel.values:
        errors["vetting_level"].append("Select their vetting level")

    if "vetting_expires" in fields:
        expires = fields["vetting_expires"]
        if not isinstance(expires, datetime.date):
            errors["vetting_expires"].append("Enter their vetting expiry date")
        elif "vetting_expires" in changed:
            # An unchanged date is left alone: a lapsed one must not stop an administrator correcting a
            # name. A lapsed vetting is recorded by disabling the account (or by the date passing).
            if expires <= timezone.localdate():
                errors["vetting_expires"].append("The vetting expiry date must be in the future")
            elif expires > vetting_expiry_limit():
                errors["vetting_expires"].append(
                    f"The vetting expiry date must be within {settings.VETTING_MAX_YEARS} years from today"
                )

    if own:
        # No one raises (or changes) their own power, whatever the surface: another administrator must.
        # This answer replaces any other about the field: whatever the value, it is not theirs to change.
        for name in (*POWER_FIELDS, "is_active"):
            if name in changed:
                message = SELF_CHANGE_ERRORS[name]
                if name == "is_active" and fields["is_active"]:
                    message = "You cannot change whether your own account is active"
                errors[name] = [message]
    elif not creating and changed.intersection(POWER_FIELDS):
        if not (reason or "").strip():
            errors["reason"].append(REASON_REQUIRED)
        elif len(reason) > REASON_MAX_LENGTH:
            errors["reason"].append(f"The reason must be {REASON_MAX_LENGTH} characters or fewer")

    if "password" in fields:
        # The similarity validator compares the password with the new user's name and e-mail.
        candidate = User(email=normalise_email(fields.get("email")), full_name=fields.get("full_name") or "")
        try:
            password_validation.validate_password(fields["password"] or "", user=candidate)
        except ValidationError as error:
            errors["password"].extend(error.messages)

    return dict(errors)


@transaction.atomic
def user_create(
    *,
    actor,
    email,
    full_name,
    roles,
    vetting_level,
    vetting_expires,
    password,
    agency=None,
    job_title="",
    phone="",
    surface=AccessSurface.SYSTEM,
):
    """Create an account in `agency` (an agency administrator's own by default) and tell the new user."""
    agency = agency if agency is not None else actor.agency
    if not may_manage_users(actor, agency):
        raise PermissionDenied("You cannot manage the users of this agency.")
    fields = {
        "email": email,
        "full_name": full_name,
        "roles": roles,
        "vetting_level": vetting_level,
        "vetting_expires": vetting_expires,
        "password": password,
    }
    problems = user_problems(actor=actor, **fields)
    if problems:
        raise ValidationError(problems)

    user = User.objects.create_user(
        email=normalise_email(email),
        password=password,
        full_name=full_name.strip(),
        agency=agency,
        job_title=job_title.strip(),
        phone=phone.strip(),
        vetting_level=vetting_level,
        vetting_expires=vetting_expires,
    )
    UserRole.objects.bulk_create(UserRole(user=user, role=role) for role in sorted(set(roles)))
    # Creating an account gives it its first roles and vetting: logged like a change, from nothing.
    granted = {"roles": set(roles), "vetting_level": vetting_level, "vetting_expires": vetting_expires}
    _log_account_change(
        actor=actor,
        user=user,
        action=AccessAction.CREATE,
        surface=surface,
        before={"roles": set(), "vetting_level": None, "vetting_expires": None},
        after=granted,
    )
    notify(
        recipient=user,
        event_type=EventType.ACCOUNT_CREATED,
        title="Your OCG Share account has been created",
        body=(
            f"{actor.full_name} created your account at {agency.name} with the roles: {_role_list(roles)}. "
            "Sign in with your e-mail address and the password your administrator gave you, "
            "then change the password."
        ),
        url=reverse("accounts:account"),
    )
    return user


def _account_label(user):
    agency = user.agency
    return f"User account {user.pk}: {user.full_name} ({agency.short_name or agency.name})"[:200]


def _describe(name, value):
    if value is None:
        return "none"
    if name == "roles":
        return ", ".join(sorted(value)) or "none"
    if name == "vetting_level":
        return VettingLevel(value).label
    if name == "is_active":
        return "active" if value else "disabled"
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def _log_account_change(*, actor, user, action, surface, before, after, reason=""):
    """The access log entry of a change to an account: who made it, to which account, and why.

    Roles, vetting and status are logged with their old and new values: they are what the account may
    see, not personal data about anyone on the register, and an auditor reading "roles changed" could
    not tell a promotion from a removal. Other fields (name, job title, telephone) are named only, as
    the register's writes are. The entry is in the log of the administrator's agency, which is the
    account's own (agency administrators manage only their agency; superusers are operators)."""
    parts = []
    for name in sorted(after):
        if name in (*POWER_FIELDS, "is_active"):
            parts.append(f"{name}: {_describe(name, before[name])} -> {_describe(name, after[name])}")
        else:
            parts.append(name)
    return AccessLogEntry.objects.create(
        user=actor,
        agency_id=actor.agency_id,
        action=action,
        surface=surface,
        object_type="user",
        object_id=user.pk,
        object_label=_account_label(user),
        query="; ".join(parts)[:500],
        justification=reason.strip(),
    )


@transaction.atomic
def user_update(*, actor, user, reason="", surface=AccessSurface.SYSTEM, **changes):
    """Change some of EDITABLE_FIELDS of `user`; a change of roles is notified to the user. No one
    changes their own roles, vetting or status; a change to someone else's roles or vetting needs a
    `reason`. Every change is recorded in the access log (with `surface`, where the change came from)."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"user_update() cannot change {', '.join(sorted(unknown))}")
    if not may_manage_user(actor, user):
        raise PermissionDenied("You cannot manage this user.")
    problems = user_problems(actor=actor, user=user, reason=reason, **changes)
    if problems:
        raise ValidationError(problems)

    changed = changed_fields(user, changes)
    before = {name: set(user.role_codes) if name == "roles" else getattr(user, name) for name in changed}
    after = {name: set(changes[name]) if name == "roles" else changes[name] for name in changed}
    if changed:
        _log_account_change(
            actor=actor,
            user=user,
            action=AccessAction.ALTER,
            surface=surface,
            before=before,
            after=after,
            reason=reason or "",
        )

    roles = changes.pop("roles", None)
    for name in ("full_name", "job_title", "phone"):
        if name in changes:
            changes[name] = changes[name].strip()
    renewed = "vetting_expires" in changes and changes["vetting_expires"] != user.vetting_expires
    for name, value in changes.items():
        setattr(user, name, value)
    if changes:
        user.save(update_fields=list(changes))
    if renewed:
        notification_actions_done(
            action_keys=[vetting_action_key(user)],
            outcome=f"{actor.full_name} recorded a vetting expiry date of {_long_date(user.vetting_expires)}",
        )
    elif changes.get("is_active") is False:
        notification_actions_done(action_keys=[vetting_action_key(user)], outcome="No longer needed: account disabled")

    if roles is not None:
        wanted = set(roles)
        current = set(UserRole.objects.filter(user=user).values_list("role", flat=True))
        added, removed = wanted - current, current - wanted
        if removed:
            UserRole.objects.filter(user=user, role__in=removed).delete()
        if added:
            UserRole.objects.bulk_create(UserRole(user=user, role=role) for role in sorted(added))
        if added or removed:
            user.forget_loaded_roles_and_groups()
            getattr(user, "_prefetched_objects_cache", {}).pop("user_roles", None)
            lines = []
            if added:
                lines.append(f"Added: {_role_list(added)}.")
            if removed:
                lines.append(f"Removed: {_role_list(removed)}.")
            notify(
                recipient=user,
                event_type=EventType.ROLE_CHANGED,
                title="Your roles in OCG Share have changed",
                body=f"{actor.full_name} changed your roles. " + " ".join(lines),
                url=reverse("accounts:account"),
            )
    return user


def api_token_create(*, user):
    """A new API token for `user`, who has just signed in: (token, key). The key is shown once; only
    its hash is stored. The user's expired tokens are deleted on the way."""
    ApiToken.objects.filter(user=user, expiry__lte=timezone.now()).delete()
    return ApiToken.objects.create(user=user, expiry=settings.API_TOKEN_TTL)


def api_token_revoke(*, owner, token_id):
    """Revoke one of `owner`'s own tokens; False if they have none with that id."""
    deleted, _ = ApiToken.objects.filter(user=owner, pk=token_id).delete()
    return bool(deleted)


def api_tokens_revoke_all(*, owner):
    """Revoke every token of `owner`; returns how many."""
    deleted, _ = ApiToken.objects.filter(user=owner).delete()
    return deleted


@transaction.atomic
def api_tokens_revoke_for_user(*, actor, user, surface=AccessSurface.SYSTEM):
    """An administrator revokes every API token of a user they manage; returns how many. Recorded in the
    access log like other changes to an account (`surface`: where the revocation came from)."""
    if not may_manage_user(actor, user):
        raise PermissionDenied("You cannot manage this user.")
    deleted, _ = ApiToken.objects.filter(user=user).delete()
    AccessLogEntry.objects.create(
        user=actor,
        agency_id=actor.agency_id,
        action=AccessAction.ALTER,
        surface=surface,
        object_type="user",
        object_id=user.pk,
        object_label=_account_label(user),
        query=f"api tokens: {deleted} revoked",
    )
    return deleted


def api_tokens_purge():
    """Delete every token that can no longer work: expired, or of a disabled or no longer vetted user.
    Authentication refuses them anyway; this keeps them from lingering. Returns how many."""
    dead = Q(expiry__lte=timezone.now()) | Q(user__is_active=False) | Q(user__vetting_expires__lt=timezone.localdate())
    deleted, _ = ApiToken.objects.filter(dead).delete()
    return deleted


def user_unlock(*, actor, user):
    """Clear the failed sign-ins that locked `user` out, before the cool-off period ends."""
    from axes.utils import reset

    if not may_manage_user(actor, user):
        raise PermissionDenied("You cannot manage this user.")
    return reset(username=user.email)


def vetting_action_key(user):
    """The action vetting reminders ask for: record `user`'s renewed vetting expiry date."""
    return f"vetting:{user.pk}"


def vetting_reminders_send(*, today=None):
    """Remind each active user whose vetting expires within VETTING_REMINDER_DAYS, and their
    agency's administrators. Safe to run every day: one reminder per recipient per expiry date.
    Returns the number of notifications recorded."""
    today = today or timezone.localdate()
    expiring = list(
        User.objects.filter(
            is_active=True,
            vetting_expires__gte=today,
            vetting_expires__lte=today + datetime.timedelta(days=VETTING_REMINDER_DAYS),
        )
        .select_related("agency")
        .order_by("agency_id", "vetting_expires", "pk")
    )
    admins_by_agency = defaultdict(list)
    admins = User.objects.filter(
        is_active=True,
        vetting_expires__gte=today,
        agency_id__in={user.agency_id for user in expiring},
        user_roles__role=Role.AGENCY_ADMIN,
    ).distinct()
    for admin in admins:
        admins_by_agency[admin.agency_id].append(admin)

    recorded = 0
    for user in expiring:
        expires = _long_date(user.vetting_expires)
        with transaction.atomic():
            if notify(
                recipient=user,
                event_type=EventType.VETTING_EXPIRING,
                title=f"Your vetting expires on {expires}",
                body=(
                    "After that date you will not be able to sign in to OCG Share. "
                    "Ask your vetting unit to renew it, and your agency administrator to record the new date."
                ),
                url=reverse("accounts:account"),
                dedupe_key=f"vetting-expiring:{user.vetting_expires.isoformat()}",
                action_key=vetting_action_key(user),
            ):
                recorded += 1
            for admin in admins_by_agency[user.agency_id]:
                if admin.pk == user.pk:
                    continue
                if notify(
                    recipient=admin,
                    event_type=EventType.VETTING_EXPIRING,
                    # Titles are e-mailed: the person is named only in the inbox.
                    title=f"A colleague's vetting expires on {expires}",
                    body=(
                        f"{user.full_name}'s vetting expires on {expires}. Record the renewed date on their "
                        "account, or they will not be able to sign in after it."
                    ),
                    url=reverse("accounts:user-detail", args=[user.pk]),
                    dedupe_key=f"vetting-expiring:{user.pk}:{user.vetting_expires.isoformat()}",
                    action_key=vetting_action_key(user),
                ):
                    recorded += 1
    return recorded

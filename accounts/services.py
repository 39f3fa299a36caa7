"""Writes of people: creating and changing user accounts, unlocking sign-in, and vetting reminders.

Every rule about what a user account may contain is in `user_problems`, which forms and
serializers call to report all problems at once and which the writing services call again
before they write.
"""

import datetime
from collections import defaultdict

from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from notifications.models import EventType
from notifications.services import notification_actions_done, notify

from .models import VETTING_REMINDER_DAYS, Role, User, UserRole, VettingLevel
from .rules import may_manage_user, may_manage_users

EDITABLE_FIELDS = frozenset(
    {"full_name", "job_title", "phone", "roles", "vetting_level", "vetting_expires", "is_active"}
)


def normalise_email(email):
    return (email or "").strip().lower()


def _long_date(value):
    return format_date(value, "j F Y")


def _role_list(codes):
    return ", ".join(Role(code).label for code in Role.values if code in codes)


def user_problems(*, actor, user=None, **fields):
    """Every problem with `fields` for `actor` creating a user (user=None) or changing `user`.

    Only the fields given are checked, so a form can ask about the ones it could parse and
    report them together with its own. Returns {field: [message, ...]}, empty when all is well.
    """
    creating = user is None
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
                if others.exists():
                    errors["email"].append("There is already an account with this e-mail address")

    if "full_name" in fields and not (fields["full_name"] or "").strip():
        errors["full_name"].append("Enter their full name")

    if "roles" in fields:
        roles = set(fields["roles"] or ())
        if not roles:
            errors["roles"].append("Select at least one role")
        elif roles - set(Role.values):
            errors["roles"].append("Select roles from the list")
        elif (
            not creating and user.pk == actor.pk and user.has_role(Role.AGENCY_ADMIN) and Role.AGENCY_ADMIN not in roles
        ):
            errors["roles"].append(
                "You cannot remove your own agency administrator role: ask another administrator to do it"
            )

    if "vetting_level" in fields and fields["vetting_level"] not in VettingLevel.values:
        errors["vetting_level"].append("Select their vetting level")

    if "vetting_expires" in fields:
        expires = fields["vetting_expires"]
        if not isinstance(expires, datetime.date):
            errors["vetting_expires"].append("Enter their vetting expiry date")
        elif creating and expires <= timezone.localdate():
            errors["vetting_expires"].append("The vetting expiry date must be in the future")

    if "is_active" in fields and not creating and user.pk == actor.pk and not fields["is_active"]:
        errors["is_active"].append("You cannot disable your own account: ask another administrator to do it")

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


@transaction.atomic
def user_update(*, actor, user, **changes):
    """Change some of EDITABLE_FIELDS of `user`; a change of roles is notified to the user."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"user_update() cannot change {', '.join(sorted(unknown))}")
    if not may_manage_user(actor, user):
        raise PermissionDenied("You cannot manage this user.")
    problems = user_problems(actor=actor, user=user, **changes)
    if problems:
        raise ValidationError(problems)

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

"""Reads of people for user management: which accounts an administrator may see, filtered and sorted."""

import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone

from .models import VETTING_REMINDER_DAYS, ApiToken, User, UserRole
from .rules import may_manage_users

# Sort keys accepted from the list page and the API, each with a unique tie-breaker so pages are stable.
SORTS = {
    "name": ("full_name", "email", "pk"),
    "-name": ("-full_name", "-email", "-pk"),
    "email": ("email", "pk"),
    "-email": ("-email", "-pk"),
    "vetting": ("vetting_expires", "full_name", "pk"),
    "-vetting": ("-vetting_expires", "full_name", "pk"),
    "agency": ("agency__name", "full_name", "pk"),
    "-agency": ("-agency__name", "full_name", "pk"),
}
DEFAULT_SORT = "name"


def managed_users(*, actor):
    """Every account `actor` may manage: their agency's (superusers': everyone's); none for anyone else."""
    if not may_manage_users(actor):
        return User.objects.none()
    users = User.objects.select_related("agency").prefetch_related("user_roles")
    if actor.is_superuser:
        return users
    return users.filter(agency_id=actor.agency_id, is_superuser=False)


def user_list(*, actor, filterset=None):
    """The accounts `actor` manages, narrowed and sorted by `filterset` (an accounts.filters.UserFilterSet)."""
    users = managed_users(actor=actor)
    if filterset is None:
        return filter_users(users, actor=actor, filters={})
    return filterset.filter_queryset(users)


def filter_users(users, *, actor, filters):
    """`users` narrowed by `filters`, the values a UserFilterSet (accounts.filters) applies: q (name or
    e-mail contains), role, status ("active"/"disabled"), vetting ("current"/"expiring"/"expired"),
    agency (superusers only) and sort (a key of SORTS)."""
    today = timezone.localdate()

    if q := (filters.get("q") or "").strip():
        users = users.filter(Q(full_name__icontains=q) | Q(email__icontains=q))
    if role := filters.get("role"):
        # EXISTS rather than a join: no duplicate rows, and the role index answers it.
        users = users.filter(Exists(UserRole.objects.filter(user=OuterRef("pk"), role=role)))
    status = filters.get("status")
    if status == "active":
        users = users.filter(is_active=True)
    elif status == "disabled":
        users = users.filter(is_active=False)
    vetting = filters.get("vetting")
    horizon = today + datetime.timedelta(days=VETTING_REMINDER_DAYS)
    if vetting == "expired":
        users = users.filter(vetting_expires__lt=today)
    elif vetting == "expiring":
        users = users.filter(vetting_expires__gte=today, vetting_expires__lte=horizon)
    elif vetting == "current":
        users = users.filter(vetting_expires__gt=horizon)
    if (agency := filters.get("agency")) and actor.is_superuser:
        users = users.filter(agency=agency)

    return users.order_by(*SORTS.get(filters.get("sort") or DEFAULT_SORT, SORTS[DEFAULT_SORT]))


def user_get(*, actor, pk):
    """One account `actor` manages; 404 for any other, so other agencies' users are not revealed."""
    try:
        return managed_users(actor=actor).get(pk=pk)
    except (User.DoesNotExist, ValueError, TypeError):
        raise Http404("No such user.") from None


def user_is_locked_out(*, user):
    """Whether django-axes is refusing `user`'s sign-ins now (locks are per account, see settings)."""
    return AccessAttempt.objects.filter(
        username=user.email,
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
        attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME,
    ).exists()


def api_tokens_of(*, owner):
    """`owner`'s live API tokens, newest first (expired ones are refused, and deleted when met)."""
    return ApiToken.objects.filter(user=owner, expiry__gt=timezone.now()).order_by("-created", "-id")


def api_token_count(*, user):
    """How many live API tokens `user` has, for their administrator's page."""
    return api_tokens_of(owner=user).count()

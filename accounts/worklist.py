"""What the accounts app puts on the home work list (ocgshare.worklist): vetting about to expire — the
user's own, and for agency administrators their agency's users'. Expired vetting signs a user out."""

import datetime

from django.urls import reverse
from django.utils import timezone

from ocgshare.worklist import SOON_DAYS, Item, Section, first_items

from .models import User
from .rules import may_manage_users


def own_vetting(user):
    today = timezone.localdate()
    if user.vetting_expires > today + datetime.timedelta(days=SOON_DAYS):
        return None
    days = (user.vetting_expires - today).days
    return Section(
        key="vetting",
        title="Your vetting",
        items=(
            Item(
                text=f"Your {user.get_vetting_level_display()} vetting expires on {user.vetting_expires:%-d %B %Y}. "
                "Ask your agency administrator to record its renewal, or you will be signed out that day.",
                url=reverse("accounts:account"),
                detail=f"In {days} day{'s' if days != 1 else ''}",
                urgent=days <= 7,
                due=user.vetting_expires,
            ),
        ),
    )


def agency_vetting(user):
    """Agency administrators: their agency's active users whose vetting expires soon."""
    if not may_manage_users(user, user.agency):
        return None
    today = timezone.localdate()
    expiring = User.objects.filter(
        agency_id=user.agency_id,
        is_active=True,
        vetting_expires__gte=today,
        vetting_expires__lte=today + datetime.timedelta(days=SOON_DAYS),
    ).order_by("vetting_expires", "full_name", "pk")
    items, total = first_items(
        expiring,
        lambda person: Item(
            text=person.full_name,
            url=reverse("accounts:user-detail", args=[person.pk]),
            detail=f"Vetting expires {person.vetting_expires:%-d %B %Y}",
            urgent=(person.vetting_expires - today).days <= 7,
            due=person.vetting_expires,
        ),
    )
    if not items:
        return None
    return Section(
        key="agency_vetting",
        title="Vetting expiring in your agency",
        items=items,
        total=total,
        more_url=reverse("accounts:user-list"),
        more_label="Your agency's users",
    )

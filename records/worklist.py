"""What the register kit puts on the home work list (ocgshare.worklist): need-to-know grants about to
expire, those given to the user (or their agency) and those the user gave. An item is named by its kind
and number only, as the access log names it: the home page shows no register data."""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

import access
from access.policies import policies
from ocgshare.worklist import Item, Section, first_items

from .pages import pages_for

# Grants run for days or weeks: a week's notice is enough to renew one.
GRANT_NOTICE_DAYS = 7


def expiring_grants(user):
    if not user.has_role(*access.READER_ROLES):
        return None
    now = timezone.now()
    until = now + datetime.timedelta(days=GRANT_NOTICE_DAYS)
    found = []
    for policy in policies():
        if policy.user_grant_model is None:
            continue
        window = {"expires_at__gt": now, "expires_at__lte": until}
        to_user = policy.user_grant_model.objects.filter(Q(user=user) | Q(granted_by=user), **window)
        to_group = policy.group_grant_model.objects.filter(
            Q(group_id__in=user.group_ids) | Q(granted_by=user), **window
        )
        # A week's expiring grants are few: all are read, so the section's count is exact.
        for grant in [*to_user, *to_group]:
            found.append((grant.expires_at, policy, grant))
    if not found:
        return None
    found.sort(key=lambda entry: (entry[0], entry[1].kind, entry[2].pk))
    items, total = first_items(found, lambda entry: _item(user, entry[1], entry[2]))
    return Section(
        key="grants_expiring",
        title="Need-to-know grants ending this week",
        items=items,
        total=total,
    )


def _item(user, policy, grant):
    pages = pages_for(policy.model)
    label = f"{policy.model._meta.verbose_name.capitalize()} {grant.content_object_id}"
    if grant.granted_by_id == user.pk:
        given = "you gave"
    else:
        given = "to you" if hasattr(grant, "user_id") else "to your agency"
    return Item(
        text=f"{label}: tier {grant.tier} grant {given}",
        url=reverse(pages.detail_url_name, args=[grant.content_object_id]),
        detail=f"Ends {timezone.localtime(grant.expires_at):%-d %B %Y, %H:%M}",
        urgent=grant.expires_at - timezone.now() <= datetime.timedelta(days=1),
        due=timezone.localtime(grant.expires_at).date(),
    )

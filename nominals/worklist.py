"""What the register puts on the home work list (ocgshare.worklist): its main actions (add a nominal, an
OCG; search) for those whose roles do them, and the records the user added recently — named as the access
log names them (kind, number, owning agency), so the home page shows no register data."""

import datetime

from django.urls import reverse
from django.utils import timezone

import access
from ocgshare.models import AccessAction, AccessLogEntry
from ocgshare.worklist import Action, Item, Search, Section

from .models import OCG, Nominal

SHOWN = 5
RECENT_DAYS = 30


def add_a_nominal(user):
    if not access.is_owner_staff(user, user.agency_id):
        return None
    return Action(key="nominal_create", label="Add a nominal", url=reverse("nominals:nominal-create"))


def add_an_ocg(user):
    if not access.is_owner_staff(user, user.agency_id):
        return None
    return Action(key="ocg_create", label="Add an OCG", url=reverse("nominals:ocg-create"), secondary=True)


def find_a_person(user):
    if not user.has_role(*access.READER_ROLES):
        return None
    return Search(
        label="Find a person",
        url=reverse("nominals:search"),
        hint="Name, alias, PNC ID, prison number, CRN or date of birth",
    )


def recently_added(user):
    """Nominals and OCGs the user recorded in the last RECENT_DAYS days, newest first (from the access
    log's CREATE entries, which every write service makes)."""
    if not access.is_owner_staff(user, user.agency_id):
        return None
    kinds = {access.policy_for(model).kind: model for model in (Nominal, OCG)}
    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    entries = list(
        AccessLogEntry.objects.filter(
            user=user, action=AccessAction.CREATE, object_type__in=kinds, object_id__isnull=False, at__gte=since
        )
        .order_by("-at", "-id")
        .values_list("object_type", "object_id", "object_label", "at")[:SHOWN]
    )
    if not entries:
        return None
    urls = {
        access.policy_for(Nominal).kind: "nominals:nominal-detail",
        access.policy_for(OCG).kind: "nominals:ocg-detail",
    }
    items = tuple(
        Item(text=label, url=reverse(urls[kind], args=[pk]), detail=f"Added {timezone.localtime(at):%-d %B %Y}")
        for kind, pk, label, at in entries
    )
    return Section(key="recently_added", title="Records you added recently", items=items)

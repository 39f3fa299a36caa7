"""Keeps each user in their agency's group, whichever code path creates or moves the user, so the
group grants of active protocols (protocols.services) reach every user of a party agency; and changes the
sharing version whenever a protocol, party or protocol grant row is written or deleted."""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from ocgshare.sharing import watch

from .models import Protocol, ProtocolGroupObjectPermission, ProtocolParty
from .services.groups import agency_group_membership_sync


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="protocols.agency_group_membership")
def user_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    # Fixture loading (raw) and saves that cannot move the user (e.g. last_login) need nothing.
    if raw or (update_fields is not None and "agency" not in update_fields and "agency_id" not in update_fields):
        return
    agency_group_membership_sync(user=instance)


# What decides the access engine's protocol routes: a protocol's status and dates, its parties' agencies,
# and its grant rows. Any save or delete of them changes the sharing version, so every process's cached
# routes are read afresh on the next request (ocgshare.sharing). Bulk writes send no signal and change it
# themselves (protocols.services.grants).
for model in (Protocol, ProtocolParty, ProtocolGroupObjectPermission):
    watch(model)

"""The sharing version (ocgshare.models.SharingVersion): read once per request by the access engine, and
changed in the same transaction as every write that changes who may see what, so a rollback undoes both.

Models whose rows decide the engine's routes change it from their post_save and post_delete signals
(protocols.signals, access.policies.register for the need-to-know grant tables), which every save and
delete sends — factories and the Django admin included. Writes that send no signal (bulk_create,
QuerySet.update, raw SQL) on those tables must call `bump_sharing_version()` themselves.
"""

import secrets
import threading

from django.db.models.signals import post_delete, post_save, pre_delete

from .models import SharingVersion

VERSION_ID = 1


def bump_sharing_version():
    """Give the sharing version a new random token, inside the caller's transaction."""
    token = secrets.randbits(62)
    if not SharingVersion.objects.filter(pk=VERSION_ID).update(token=token):
        # No row (a test's flush empties every table): make it; ignore_conflicts for a concurrent maker.
        SharingVersion.objects.bulk_create([SharingVersion(pk=VERSION_ID, token=token)], ignore_conflicts=True)
        SharingVersion.objects.filter(pk=VERSION_ID).update(token=token)


def sharing_version():
    """The current token (one primary-key query), or None where the row does not exist yet."""
    return SharingVersion.objects.filter(pk=VERSION_ID).values_list("token", flat=True).first()


# The model whose deletion batch last changed the version, in this thread (see _deleted).
_batch = threading.local()


def watch(model):
    """Change the sharing version on every save and delete of `model`'s rows (fixture loads too: they write
    rows no cache knows of)."""
    label = model._meta.label
    post_save.connect(_saved, sender=model, dispatch_uid=f"sharing.saved.{label}")
    pre_delete.connect(_deleting, sender=model, dispatch_uid=f"sharing.deleting.{label}")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"sharing.deleted.{label}")


def _saved(sender, **kwargs):
    _batch.model = None
    bump_sharing_version()


def _deleting(sender, **kwargs):
    # Every deletion sends pre_delete for all its rows before it deletes any: a new batch begins.
    _batch.model = None


def _deleted(sender, **kwargs):
    # A deletion deletes each model's rows in one statement, then sends post_delete for each of them with
    # nothing read in between: one change after the statement covers them all (a protocol's suspension
    # deletes its grant rows with one UPDATE of the version, not one per row).
    if getattr(_batch, "model", None) is sender:
        return
    _batch.model = sender
    bump_sharing_version()

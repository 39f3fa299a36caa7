"""The grant rows an active protocol holds: one per party agency group and category it may receive."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from ocgshare.sharing import bump_sharing_version

from ..constants import RECEIVE_PERMISSIONS, ProtocolStatus, receive_codename
from ..models import (
    Protocol,
    ProtocolGroupObjectPermission,
)
from .common import _parties
from .groups import agency_group


def _receive_permissions():
    content_type = ContentType.objects.get_for_model(Protocol)
    return {
        p.codename: p
        for p in Permission.objects.filter(content_type=content_type, codename__in=list(RECEIVE_PERMISSIONS))
    }


def _grants_apply(protocol, parties):
    """Give each party agency's group its receive permissions on the protocol; returns rows written."""
    _grants_revoke(protocol)
    permissions = _receive_permissions()
    rows = []
    for party in parties:
        group = agency_group(party.agency)
        for party_category in party.categories.all():
            rows.append(
                ProtocolGroupObjectPermission(
                    group=group,
                    content_object=protocol,
                    permission=permissions[receive_codename(party.max_tier, party_category.category)],
                    tier=party.max_tier,
                    category=party_category.category,
                )
            )
    ProtocolGroupObjectPermission.objects.bulk_create(rows)
    bump_sharing_version()  # bulk_create sends no post_save: the access engine's caches must still know
    return len(rows)


def grants_write(protocol):
    """(Re)write the grant rows of an ACTIVE protocol from its parties, exactly as activation does; returns
    the rows written. For loaders that create protocols already active (manage.py generate_dataset)."""
    if protocol.status != ProtocolStatus.ACTIVE:
        raise ValueError(f"Only an active protocol holds grants; {protocol.reference} is {protocol.status}")
    return _grants_apply(protocol, _parties(protocol))


def _grants_revoke(protocol):
    """Remove every grant the protocol holds; returns rows deleted."""
    deleted, _ = ProtocolGroupObjectPermission.objects.filter(content_object=protocol).delete()
    return deleted

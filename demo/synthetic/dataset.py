"""A synthetic data set as a whole, once written: finding it (everything hangs off agencies whose names start
with MARKER), counting it and removing it without touching any other data."""

from django.contrib.auth.models import Group
from django.db import transaction

from accounts.models import User, UserRole
from agencies.models import Agency
from nominals.models import (
    OCG,
    Association,
    CustodyEpisode,
    Entity,
    EntityLink,
    LifetimeOrder,
    Nominal,
    NominalAlias,
    NominalGroupObjectPermission,
    NominalUserObjectPermission,
    OCGMembership,
    OtherIdentifier,
    ProbationSupervision,
    Transfer,
)
from ocgshare.sharing import bump_sharing_version
from protocols.constants import ProtocolStatus
from protocols.models import Protocol
from protocols.services.groups import agency_group_name

from .shape import MARKER, PROTOCOL_PREFIX


def synthetic_agencies():
    return Agency.objects.filter(name__startswith=MARKER)


def exists():
    return synthetic_agencies().exists()


def summary():
    """Counts of the synthetic rows, by what they are."""
    agencies = synthetic_agencies()
    return {
        "agencies": agencies.count(),
        "users": User.objects.filter(agency__in=agencies).count(),
        "protocols": Protocol.objects.filter(reference__startswith=PROTOCOL_PREFIX).count(),
        "active protocols": Protocol.objects.filter(
            reference__startswith=PROTOCOL_PREFIX, status=ProtocolStatus.ACTIVE
        ).count(),
        "nominals": Nominal.objects.filter(owning_agency__in=agencies).count(),
        "OCGs": OCG.objects.filter(lead_agency__in=agencies).count(),
        "entities": Entity.objects.filter(owning_agency__in=agencies).count(),
        "associations": Association.objects.filter(owning_agency__in=agencies).count(),
    }


@transaction.atomic
def delete_synthetic():
    """Remove everything generate() made, leaves first so each delete is one statement. Fails (and
    changes nothing) if other data now refers to it, such as access log entries by synthetic users,
    which are append-only."""
    agencies = synthetic_agencies()
    nominals = Nominal.objects.filter(owning_agency__in=agencies)
    ocgs = OCG.objects.filter(lead_agency__in=agencies)
    entities = Entity.objects.filter(owning_agency__in=agencies)
    users = User.objects.filter(agency__in=agencies)
    protocols = Protocol.objects.filter(reference__startswith=PROTOCOL_PREFIX)
    steps = [
        protocols,
        Association.objects.filter(owning_agency__in=agencies),
        EntityLink.objects.filter(entity__in=entities),
        EntityLink.objects.filter(nominal__in=nominals),
        EntityLink.objects.filter(ocg__in=ocgs),
        entities,
        OCGMembership.objects.filter(ocg__in=ocgs),
        OCGMembership.objects.filter(nominal__in=nominals),
        OCG.threat_areas.through.objects.filter(ocg__in=ocgs),
        ocgs,
        NominalUserObjectPermission.objects.filter(content_object__in=nominals),
        NominalGroupObjectPermission.objects.filter(content_object__in=nominals),
        NominalAlias.objects.filter(nominal__in=nominals),
        OtherIdentifier.objects.filter(nominal__in=nominals),
        Transfer.objects.filter(custody_episode__nominal__in=nominals),
        CustodyEpisode.objects.filter(nominal__in=nominals),
        ProbationSupervision.objects.filter(nominal__in=nominals),
        LifetimeOrder.objects.filter(nominal__in=nominals),
        Nominal.threat_areas.through.objects.filter(nominal__in=nominals),
        nominals,
        UserRole.objects.filter(user__in=users),
        User.groups.through.objects.filter(user__in=users),
    ]
    for queryset in steps:
        queryset.delete()
    agencies.update(spoc=None)
    users.delete()
    names = [agency_group_name(pk) for pk in agencies.values_list("pk", flat=True)]
    Group.objects.filter(name__in=names).delete()
    agencies.delete()
    bump_sharing_version()  # whatever the deletes above sent, the routes of every process are now stale

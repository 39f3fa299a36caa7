"""The nominal and OCG register: people of interest with their identifiers, custody, supervision and
orders; organised crime groups and their members; entities (addresses, vehicles, phones, businesses,
bank accounts) linked to either; associations between nominals; and the django-guardian need-to-know
grant tables. Which of it a user may see is decided only by access.
"""

# Every model is imported here so that the app registry finds them all (Django loads `nominals.models`).
from .common import NormalisedModel
from .custody import CustodyEpisode, LifetimeOrder, ProbationSupervision, Transfer
from .entities import Association, Entity, EntityLink, default_entity_category
from .grants import (
    NominalGroupObjectPermission,
    NominalUserObjectPermission,
    OCGGroupObjectPermission,
    OCGUserObjectPermission,
)
from .nominals import Nominal, NominalAlias, OtherIdentifier
from .ocgs import OCG, OCGMembership

__all__ = [
    "OCG",
    "Association",
    "CustodyEpisode",
    "Entity",
    "EntityLink",
    "LifetimeOrder",
    "NominalGroupObjectPermission",
    "NominalUserObjectPermission",
    "Nominal",
    "NominalAlias",
    "NormalisedModel",
    "OCGGroupObjectPermission",
    "OCGMembership",
    "OCGUserObjectPermission",
    "OtherIdentifier",
    "ProbationSupervision",
    "Transfer",
    "default_entity_category",
]

"""Factories of the register (nominals, OCGs, entities, associations), with meaningful defaults. Owned by
the register; other test packages may import them."""

import datetime

import factory
from django.utils import timezone

from nominals.constants import EntityKind, MembershipRole, OCGStatus, RiskLevel
from nominals.models import OCG, Association, CustodyEpisode, Entity, EntityLink, Nominal, OCGMembership
from ocgshare.constants import InformationCategory
from tests.factories import AgencyFactory, PrisonFactory


class NominalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nominal

    owning_agency = factory.SubFactory(AgencyFactory)
    category = InformationCategory.BACKGROUND
    surname = factory.Sequence(lambda n: f"Surname{n}")
    forenames = "John"
    date_of_birth = datetime.date(1990, 5, 17)
    risk_level = RiskLevel.HIGH
    handling_notes = "Source is a CHIS: do not disclose."


class OCGFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OCG

    reference = factory.Sequence(lambda n: f"NP-OCG-{n:04d}")
    name = factory.Sequence(lambda n: f"Northtown Crew {n}")
    lead_agency = factory.SubFactory(AgencyFactory)
    status = OCGStatus.ACTIVE
    category = InformationCategory.BACKGROUND
    handling_notes = "Lead agency only."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OCGMembership

    ocg = factory.SubFactory(OCGFactory)
    nominal = factory.SubFactory(NominalFactory)
    role = MembershipRole.SIGNIFICANT
    started_on = datetime.date(2020, 1, 1)


class CustodyEpisodeFactory(factory.django.DjangoModelFactory):
    """An open episode; nominals.services.custody.custody_episode_add is what keeps current_establishment."""

    class Meta:
        model = CustodyEpisode

    nominal = factory.SubFactory(NominalFactory)
    establishment = factory.SubFactory(PrisonFactory)
    prison_number = "A1234BC"
    received_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=100))


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entity

    kind = EntityKind.VEHICLE
    value = factory.Sequence(lambda n: f"AB{n:02d}CDE")
    owning_agency = factory.SubFactory(AgencyFactory)


class EntityLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EntityLink

    entity = factory.SubFactory(EntityFactory)
    nominal = factory.SubFactory(NominalFactory)
    relationship = "Registered keeper"


class AssociationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Association

    nominal_a = factory.SubFactory(NominalFactory)
    nominal_b = factory.SubFactory(NominalFactory)
    kind = "associate"
    owning_agency = factory.SubFactory(AgencyFactory)

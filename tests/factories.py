"""factory_boy factories with meaningful defaults, shared by every test module."""

import datetime

import factory
from django.utils import timezone

from accounts.models import Role, User, UserRole, VettingLevel
from agencies.models import (
    Agency,
    AgencyKind,
    AgencyLevel,
    DataHolding,
    PrisonCategory,
    PrisonOperator,
    Region,
    TimeToAct,
    ToolOrPower,
)
from agencies.models import ThreatArea as ThreatAreaRow
from ocgshare.constants import FourP, InformationCategory

TEST_PASSWORD = "correct horse battery staple"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Northshire Police {n}")
    short_name = factory.Sequence(lambda n: f"NP{n}")
    kind = AgencyKind.POLICE_FORCE
    level = AgencyLevel.LOCAL
    region = Region.NORTH_WEST


class PrisonFactory(AgencyFactory):
    name = factory.Sequence(lambda n: f"HMP Northshire {n}")
    kind = AgencyKind.PRISON
    prison_category = PrisonCategory.B
    prison_operator = PrisonOperator.PUBLIC


class UserFactory(factory.django.DjangoModelFactory):
    """A user of an agency. Pass `roles=[Role.PIO, ...]` to give roles (default: analyst)."""

    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.police.uk")
    full_name = factory.Sequence(lambda n: f"Test Officer {n}")
    agency = factory.SubFactory(AgencyFactory)
    vetting_level = VettingLevel.SC
    vetting_expires = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if not create:
            return
        for role in extracted if extracted is not None else [Role.ANALYST]:
            UserRole.objects.get_or_create(user=self, role=role)
        self.save()


def threat_area(code):
    """The threat-area row created by the data migration."""
    return ThreatAreaRow.objects.get(code=code)


class ToolOrPowerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ToolOrPower

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Power {n}")
    legal_basis = "Proceeds of Crime Act 2002"
    achieves = "Removes criminal assets."
    information_needed = "Evidence of assets and their source."
    time_to_act = TimeToAct.MONTHS
    four_p = FourP.PURSUE


class DataHoldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DataHolding

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Holding {n}")
    description = "Records routinely held."
    category = InformationCategory.FINANCIAL

"""Fixtures of the agency tests: a small partnership with a toolkit worth searching."""

import pytest

from accounts.models import Role
from agencies.models import AgencyKind, AgencyLevel, Region
from ocgshare.constants import FourP, InformationCategory
from tests.factories import AgencyFactory, DataHoldingFactory, ToolOrPowerFactory, UserFactory, threat_area


@pytest.fixture
def police_spoc(police):
    return UserFactory(email="spoc@northshire.police.uk", agency=police, roles=[Role.SPOC])


@pytest.fixture
def dwp(db):
    return AgencyFactory(
        name="Department for Work and Pensions",
        short_name="DWP",
        kind=AgencyKind.NATIONAL_AGENCY,
        level=AgencyLevel.NATIONAL,
        region=Region.NATIONAL,
    )


@pytest.fixture
def toolkit(police, council, dwp):
    """Police: a pursue power against drugs and a lifestyle holding. Council: a prevent power against
    modern slavery and a background holding. DWP: a pursue power against fraud and a financial
    holding about fraud."""
    drugs, slavery, fraud = (threat_area(code) for code in ("illegal_drugs", "modern_slavery", "fraud"))
    entries = {
        "warrant": ToolOrPowerFactory(agency=police, name="Drugs search warrant", four_p=FourP.PURSUE),
        "closure": ToolOrPowerFactory(agency=council, name="Premises closure order", four_p=FourP.PREVENT),
        "prosecution": ToolOrPowerFactory(agency=dwp, name="Benefit fraud prosecution", four_p=FourP.PURSUE),
        "custody": DataHoldingFactory(agency=police, name="Custody records", category=InformationCategory.LIFESTYLE),
        "tenancy": DataHoldingFactory(agency=council, name="Tenancy records", category=InformationCategory.BACKGROUND),
        "claims": DataHoldingFactory(agency=dwp, name="Benefit claims", category=InformationCategory.FINANCIAL),
    }
    entries["warrant"].threat_areas.set([drugs])
    entries["closure"].threat_areas.set([slavery, drugs])
    entries["prosecution"].threat_areas.set([fraud])
    entries["claims"].threat_areas.set([fraud])
    return entries

"""The world the register tests run in, built with the real protocol lifecycle (protocols.services):

* Northshire Police owns the register items; its analyst works the register.
* HMP Northshire (tier 1, every category) and Northshire City Council (tier 2, background and lifestyle)
  are parties with the police to protocol NW-ISP-01.
* Southshire Police is party to nothing: the outsider.

Imported by the conftest of each register test package, so the fixtures are shared without a
conftest importing another conftest.
"""

import datetime

import pytest
from django.utils import timezone

from accounts.models import Role, VettingLevel
from agencies.models import AgencyKind
from ocgshare.constants import InformationCategory
from protocols.services.drafting import protocol_create_from_template
from protocols.services.parties import party_add
from protocols.services.signatures import protocol_sign, protocol_submit_for_signature
from tests.factories import AgencyFactory, UserFactory

ALL_CATEGORIES = list(InformationCategory.values)
COUNCIL_CATEGORIES = [InformationCategory.BACKGROUND, InformationCategory.LIFESTYLE]


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def make_protocol(lead_admin, *, reference="NW-ISP-01", parties=(), start=None, end=None):
    """A draft led by `lead_admin`'s agency; `parties` are (agency, tier, categories, signatory)."""
    protocol = protocol_create_from_template(
        actor=lead_admin,
        reference=reference,
        title="Northshire serious and organised crime partnership",
        start_date=start or days(-1),
        end_date=end or days(365),
    )
    for agency, tier, categories, signatory in parties:
        party_add(
            actor=lead_admin,
            protocol=protocol,
            agency=agency,
            max_tier=tier,
            categories=categories,
            signatory=signatory,
        )
    return protocol


def submit(protocol, lead_admin):
    return protocol_submit_for_signature(actor=lead_admin, protocol=protocol)


def sign(protocol, *signers):
    for signer in signers:
        protocol_sign(actor=signer, protocol=protocol)
    protocol.refresh_from_db()
    return protocol


@pytest.fixture
def prison_admin(prison):
    return UserFactory(email="admin@hmp-northshire.justice.gov.uk", agency=prison, roles=[Role.AGENCY_ADMIN])


@pytest.fixture
def prison_pio(prison):
    return UserFactory(email="pio@hmp-northshire.justice.gov.uk", agency=prison, roles=[Role.PIO])


@pytest.fixture
def police_auditor(police):
    return UserFactory(email="dpo@northshire.police.uk", agency=police, roles=[Role.AUDITOR])


@pytest.fixture
def outsider_agency(db):
    return AgencyFactory(name="Southshire Police", short_name="SP", kind=AgencyKind.POLICE_FORCE)


@pytest.fixture
def outsider(outsider_agency):
    return UserFactory(email="analyst@southshire.police.uk", agency=outsider_agency, roles=[Role.ANALYST])


@pytest.fixture
def draft_protocol(police_admin, prison, prison_admin, council, council_admin):
    return make_protocol(
        police_admin,
        parties=[(prison, 1, ALL_CATEGORIES, prison_admin), (council, 2, COUNCIL_CATEGORIES, council_admin)],
    )


@pytest.fixture
def awaiting_protocol(draft_protocol, police_admin):
    return submit(draft_protocol, police_admin)


@pytest.fixture
def active_protocol(awaiting_protocol, police_admin, prison_admin, council_admin):
    return sign(awaiting_protocol, police_admin, prison_admin, council_admin)


@pytest.fixture
def bpss_prison_pio(prison):
    return UserFactory(
        email="bpss@hmp-northshire.justice.gov.uk", agency=prison, roles=[Role.PIO], vetting_level=VettingLevel.BPSS
    )

"""The register the page tests read, built through nominals.services as a user would build it:

* Northshire Police (the owner; its analyst works the register at tier 0) holds Dean MARSH, in custody
  at HMP Northshire, a principal of the Northtown Crew, with an order, a cellmate association, a vehicle
  and tier-0 handling notes; and Carl CARTER, his cellmate.
* Under NW-ISP-01 (tests.access.world) HMP Northshire's PIO sees them at tier 1 and Northshire City
  Council's SPOC at tier 2; Southshire Police's analyst, party to nothing, sees nothing.

Imported by the page test modules (`from .pages_world import *`).
"""

import datetime

import pytest
from django.utils import timezone

from accounts.models import Role
from nominals.constants import AssociationKind, EntityKind, MembershipRole, OrderKind, RiskLevel
from nominals.services.custody import custody_episode_add, order_add
from nominals.services.entities import association_add, entity_create, entity_link
from nominals.services.nominals import nominal_create
from nominals.services.ocgs import membership_add, ocg_create
from tests.factories import UserFactory

HANDLING_NOTES = "CHIS reporting: do not disclose the source"
OCG_NOTES = "Covert deployment under way"
# The analyst's access log entries from building the register (every service logs its write): the two
# nominals, the OCG, the membership, the custody episode, the order, the association, the vehicle and
# its link.
REGISTER_WRITES = 9


def ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def register(analyst, prison, active_protocol):
    marsh = nominal_create(
        actor=analyst,
        surname="Marsh",
        forenames="Dean",
        date_of_birth=datetime.date(1988, 3, 2),
        pnc_id="88/123456X",
        risk_level=RiskLevel.HIGH,
        threat_areas=["illegal_drugs"],
        aliases=[{"surname": "Marshall", "forenames": "Dino"}],
        handling_notes=HANDLING_NOTES,
    )
    carter = nominal_create(actor=analyst, surname="Carter", forenames="Carl", date_of_birth=datetime.date(1990, 7, 9))
    crew = ocg_create(
        actor=analyst,
        reference="NP-OCG-0001",
        name="Northtown Crew",
        threat_areas=["illegal_drugs"],
        handling_notes=OCG_NOTES,
    )
    membership_add(actor=analyst, ocg=crew, nominal=marsh, role=MembershipRole.PRINCIPAL, started_on=ago(900))
    custody_episode_add(
        actor=analyst, nominal=marsh, establishment=prison, received_on=ago(200), prison_number="A1234BC"
    )
    order_add(
        actor=analyst,
        nominal=marsh,
        kind=OrderKind.SCPO,
        conditions="No more than one mobile phone",
        made_on=ago(2000),
    )
    association_add(actor=analyst, nominal_a=marsh, nominal_b=carter, kind=AssociationKind.CELLMATE)
    vehicle = entity_create(actor=analyst, kind=EntityKind.VEHICLE, value="AB12 CDE")
    entity_link(actor=analyst, entity=vehicle, nominal=marsh, relationship="Registered keeper")
    return {"marsh": marsh, "carter": carter, "crew": crew, "vehicle": vehicle}


@pytest.fixture
def marsh(register):
    return register["marsh"]


@pytest.fixture
def crew(register):
    return register["crew"]


@pytest.fixture
def police_pio(police):
    return UserFactory(email="pio@northshire.police.uk", agency=police, roles=[Role.PIO])


def signed_in(client, user):
    client.force_login(user)
    return client

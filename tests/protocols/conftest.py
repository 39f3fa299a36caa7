"""Fixtures of the protocol tests: a police-led partnership with a prison (tier 1) and a council
(tier 2), each with its own administrator to sign, and helpers to take a protocol through its
lifecycle with the real services."""

import datetime

import pytest
from django.utils import timezone

from accounts.models import Role
from agencies.models import AgencyKind
from ocgshare.constants import InformationCategory
from protocols.services.drafting import protocol_create_from_template
from protocols.services.parties import party_add
from protocols.services.signatures import protocol_sign, protocol_submit_for_signature
from tests.factories import AgencyFactory, UserFactory

TODAY = timezone.localdate


def days(n):
    return TODAY() + datetime.timedelta(days=n)


@pytest.fixture
def probation(db):
    return AgencyFactory(name="North West Probation", short_name="NWP", kind=AgencyKind.PROBATION_REGION)


@pytest.fixture
def prison_admin(prison):
    return UserFactory(email="admin@hmp-northshire.justice.gov.uk", agency=prison, roles=[Role.AGENCY_ADMIN])


@pytest.fixture
def police_lead(police):
    return UserFactory(email="lead@northshire.police.uk", agency=police, roles=[Role.PARTNERSHIP_LEAD])


def make_draft(lead_admin, *, reference="NW-ISP-01", start=None, end=None, parties=()):
    """A draft led by `lead_admin`'s agency. `parties` are (agency, tier, categories, signatory)."""
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


ALL_CATEGORIES = list(InformationCategory.values)
COUNCIL_CATEGORIES = [InformationCategory.BACKGROUND, InformationCategory.LIFESTYLE]


@pytest.fixture
def draft(police_admin, prison, prison_admin, council, council_admin):
    """Police (lead, tier 1, 5 categories), prison (tier 1, 5 categories), council (tier 2, 2 categories)."""
    return make_draft(
        police_admin,
        parties=[
            (prison, 1, ALL_CATEGORIES, prison_admin),
            (council, 2, COUNCIL_CATEGORIES, council_admin),
        ],
    )


def sign_all(protocol, *signers):
    for signer in signers:
        protocol_sign(actor=signer, protocol=protocol)
    protocol.refresh_from_db()
    return protocol


@pytest.fixture
def awaiting(draft, police_admin):
    return protocol_submit_for_signature(actor=police_admin, protocol=draft)


@pytest.fixture
def active(awaiting, police_admin, prison_admin, council_admin):
    return sign_all(awaiting, police_admin, prison_admin, council_admin)

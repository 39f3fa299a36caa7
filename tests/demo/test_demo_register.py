"""The demo protocols and register that `manage.py seed_demo` loads (demo/register.py):
idempotent, in the protocol states the README describes, and shared exactly as those protocols allow
when read through the access engine."""

from io import StringIO

import pytest
from django.core.management import call_command

import access
from accounts.models import User
from nominals.constants import AssociationKind, MembershipRole, OrderKind
from nominals.models import (
    OCG,
    Association,
    CustodyEpisode,
    Entity,
    EntityLink,
    LifetimeOrder,
    Nominal,
    NominalAlias,
    OCGMembership,
    OtherIdentifier,
    ProbationSupervision,
    Transfer,
)
from notifications.models import Notification
from ocgshare.models import AccessBasis
from protocols.constants import ProtocolStatus, SanitisationTier
from protocols.models import Protocol, ProtocolGroupObjectPermission, ProtocolParty
from protocols.services.signatures import protocol_sign

pytestmark = pytest.mark.django_db

REGISTER_MODELS = (
    Protocol,
    ProtocolParty,
    ProtocolGroupObjectPermission,
    Nominal,
    NominalAlias,
    OtherIdentifier,
    CustodyEpisode,
    Transfer,
    ProbationSupervision,
    LifetimeOrder,
    OCG,
    OCGMembership,
    Association,
    Entity,
    EntityLink,
    Notification,
)


def seed():
    out = StringIO()
    # pytest-django runs tests with DEBUG off, where the command refuses without --force.
    call_command("seed_demo", force=True, stdout=out)
    return out.getvalue()


def user(email):
    # A fresh object: the access engine caches what a user may see on the user object.
    return User.objects.get(email=email)


def nominal(surname, forenames):
    return Nominal.objects.get(surname=surname, forenames=forenames)


def visible_names(email, model=Nominal):
    rows = access.visible(user(email), model.objects.all())
    return {(str(row), row.viewer_tier) for row in rows}


def snapshot():
    return {
        "counts": {model.__name__: model.objects.count() for model in REGISTER_MODELS},
        "protocols": sorted(Protocol.objects.values_list("reference", "status", "updated_at")),
        "signatures": sorted(ProtocolParty.objects.values_list("pk", "signed_at")),
        "nominals": sorted(Nominal.objects.values_list("pk", "updated_at", "current_establishment_id")),
        "ocgs": sorted(OCG.objects.values_list("pk", "updated_at")),
    }


def test_seeding_twice_changes_nothing():
    first_output = seed()
    first = snapshot()
    second_output = seed()

    assert snapshot() == first
    assert first["counts"]["Nominal"] >= 10 and first["counts"]["OCG"] >= 2
    for label in ("protocols: 3 created", "nominals: 13 created", "OCGs: 3 created", "associations: 9 created"):
        assert label in first_output
    assert "protocols: 3 unchanged" in second_output and "nominals: 13 unchanged" in second_output
    assert "created" not in second_output and "updated" not in second_output


def test_protocols_and_register_shape():
    seed()
    protocols = {p.reference: p for p in Protocol.objects.prefetch_related("parties")}
    assert {ref: p.status for ref, p in protocols.items()} == {
        "NSH-ISP-01": ProtocolStatus.ACTIVE,
        "NSH-ISP-02": ProtocolStatus.ACTIVE,
        "NW-ROCU-ISP-01": ProtocolStatus.AWAITING_SIGNATURES,
    }
    unsigned = [party for party in protocols["NW-ROCU-ISP-01"].parties.all() if not party.is_signed]
    assert [(party.agency.name, party.signatory.email) for party in unsigned] == [
        ("Northshire City Council Trading Standards", "admin.tradingstandards@council.example")
    ]
    partnership = {party.agency.name: party.max_tier for party in protocols["NSH-ISP-02"].parties.all()}
    assert partnership["Department for Work and Pensions"] == SanitisationTier.PARTNERSHIP
    assert partnership["HMP Eastmoor"] == SanitisationTier.LAW_ENFORCEMENT
    assert "purposes" in protocols["NSH-ISP-02"].changed_sections

    hollis = nominal("Hollis", "Jason Lee")
    # Received at HMP Northshire, transferred to HMP Eastmoor.
    assert hollis.current_establishment.name == "HMP Eastmoor"
    assert Transfer.objects.get().from_establishment.name == "HMP Northshire"
    assert hollis.handling_notes and hollis.aliases.count() == 2
    whitcombe = nominal("Whitcombe", "Aaron")
    assert whitcombe.current_establishment is None
    assert whitcombe.custody_episodes.get().licence_end_date is not None
    assert "curfew" in whitcombe.supervisions.get().licence_conditions
    assert LifetimeOrder.objects.get().kind == OrderKind.SCPO

    visitor = nominal("Rowe", "Kelly-Ann")
    visited = Association.objects.filter(nominal_a=visitor, kind=AssociationKind.VISITOR)
    assert {a.nominal_b.surname for a in visited} == {"Bradshaw", "Fletcher", "Hollis", "Quinlan"}
    assert {m.ocg.name for m in hollis.memberships.all()} == {
        "Harbour Street network",
        "Eastmoor landing supply group",
    }
    assert OCGMembership.objects.filter(role=MembershipRole.PRINCIPAL).count() == 3
    assert set(Entity.objects.values_list("kind", flat=True)) == {
        "address",
        "vehicle",
        "phone",
        "business",
        "bank_account",
    }


def test_each_demo_user_sees_what_the_protocols_allow():
    seed()
    hollis = nominal("Hollis", "Jason Lee")

    # Probation: the police nominal at tier 1 under a protocol, so not its tier-0 handling notes.
    seen = access.access_for(user("intelligence@probation.example"), hollis)
    assert seen.tier == SanitisationTier.LAW_ENFORCEMENT and seen.basis == AccessBasis.PROTOCOL
    assert access.tier_for(user("analyst@police.example"), hollis) == SanitisationTier.ORIGINATOR

    # DWP: tier 2, background and financial only; no law-enforcement detail such as associations.
    partner_view = {
        ("HOLLIS, Jason Lee", 2),
        ("MARSDEN, Kyle", 2),
        ("KESSLER, Victor", 2),
        ("KESSLER, Lorna", 2),
        ("BRADSHAW, Connor", 2),
        ("FLETCHER, Dean", 2),
        ("QUINLAN, Reece", 2),
        ("PRENTICE, Shane", 2),
        ("LANGFORD, Abigail", 2),
        ("WHITCOMBE, Aaron", 2),
        ("NAYLOR, Gemma", 2),
    }
    assert visible_names("spoc@dwp.example") == partner_view  # not Oyelaran (recent activity), not Rowe (lifestyle)
    assert visible_names("spoc@dwp.example", Association) == set()
    assert visible_names("spoc@dwp.example", Entity) == set()
    housing = visible_names("spoc.housing@council.example")
    assert ("ROWE, Kelly-Ann", 2) in housing and ("KESSLER, Victor", 2) not in housing

    # Trading standards sees nothing until its administrator signs the awaiting protocol.
    assert visible_names("spoc.tradingstandards@council.example") == set()
    protocol_sign(
        actor=user("admin.tradingstandards@council.example"), protocol=Protocol.objects.get(reference="NW-ROCU-ISP-01")
    )
    assert visible_names("spoc.tradingstandards@council.example") == {
        ("HOLLIS, Jason Lee", 2),
        ("MARSDEN, Kyle", 2),
        ("OYELARAN, Tobi", 2),
        ("KESSLER, Victor", 2),
        ("KESSLER, Lorna", 2),
    }


def test_the_demo_analyst_vetted_to_bpss_only_sees_everything_at_tier_2():
    # Tiers 0 and 1 need CTC vetting, tier 2 BPSS: below CTC the engine serves the partnership version of
    # every record, the analyst's own agency's included, and no entities or associations at all.
    seed()
    trainee, colleague = "trainee.analyst@police.example", "analyst@police.example"
    assert user(trainee).agency == user(colleague).agency

    names = {name for name, _tier in visible_names(colleague)}
    assert ("HOLLIS, Jason Lee", SanitisationTier.ORIGINATOR) in visible_names(colleague)
    assert visible_names(trainee) == {(name, SanitisationTier.PARTNERSHIP) for name in names}
    ocgs = {name for name, _tier in visible_names(colleague, OCG)}
    assert visible_names(trainee, OCG) == {(name, SanitisationTier.PARTNERSHIP) for name in ocgs}
    assert visible_names(trainee, Association) == visible_names(trainee, Entity) == set()
    assert not access.is_owner_staff(user(trainee), user(trainee).agency_id)
    assert access.can_read_aggregates(user(trainee))

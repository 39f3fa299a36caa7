"""Drafting a protocol: creation from the template, local changes recorded against the template,
and parties with the tiers and categories they can hold."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from agencies.models import AgencyKind
from ocgshare.constants import InformationCategory
from protocols.constants import LegalBasis, ProtocolStatus
from protocols.models import Protocol, ProtocolParty, ProtocolTemplate
from protocols.sections import SECTION_FIELDS, section_diffs
from protocols.services.drafting import protocol_create_from_template, protocol_update
from protocols.services.parties import party_add, party_remove, party_update
from tests.factories import AgencyFactory, UserFactory

from .conftest import days, make_draft

pytestmark = pytest.mark.django_db


def test_create_copies_every_section_and_adds_the_lead_agency_as_first_party(police_admin, police):
    protocol = make_draft(police_admin)
    template = ProtocolTemplate.objects.get(is_current=True)
    assert protocol.status == ProtocolStatus.DRAFT
    assert protocol.lead_agency == police
    assert protocol.template == template
    for name in SECTION_FIELDS:
        assert getattr(protocol, name) == getattr(template, name), name
    assert protocol.changed_sections == []
    # The review interval of the template (12 months) from the start date.
    assert protocol.review_date == protocol.start_date.replace(year=protocol.start_date.year + 1)
    (lead,) = protocol.parties.all()
    assert (lead.agency, lead.max_tier, lead.signatory) == (police, 1, police_admin)
    assert sorted(c.category for c in lead.categories.all()) == sorted(InformationCategory.values)


def test_partnership_lead_can_create_but_is_not_named_signatory(police_lead):
    protocol = make_draft(police_lead)
    assert protocol.parties.get().signatory is None


@pytest.mark.parametrize("role", [Role.ANALYST, Role.SPOC, Role.AUDITOR, Role.PIO])
def test_other_roles_cannot_create(police, role):
    user = UserFactory(agency=police, roles=[role])
    with pytest.raises(PermissionDenied, match="Only agency administrators and partnership leads"):
        make_draft(user)
    assert not Protocol.objects.exists()


def test_create_reports_every_problem_at_once(police_admin):
    make_draft(police_admin, reference="NW-1")
    with pytest.raises(ValidationError) as exc:
        protocol_create_from_template(
            actor=police_admin, reference="NW-1", title=" ", start_date=days(10), end_date=days(5)
        )
    errors = exc.value.message_dict
    assert errors["reference"] == ["A protocol with this reference already exists"]
    assert "title" in errors
    assert errors["end_date"] == ["The end date must be after the start date"]
    assert Protocol.objects.count() == 1


def test_update_records_changed_sections_and_page_diff(draft, police_admin):
    template = draft.template
    protocol_update(
        actor=police_admin,
        protocol=draft,
        breach_contacts=template.breach_contacts.replace("within 24 hours", "within 12 hours"),
        review_interval_months=6,
    )
    draft.refresh_from_db()
    assert draft.changed_sections == ["breach_contacts", "review_interval_months"]
    diffs = {d.key: d for d in section_diffs(draft)}
    assert not diffs["purposes"].changed and diffs["purposes"].chunks == ()
    breach = diffs["breach_contacts"]
    assert breach.changed
    assert [(c.op, c.text) for c in breach.chunks if c.op != "equal"] == [("delete", "24"), ("insert", "12")]
    assert [(c.op, c.text) for c in diffs["review_interval_months"].chunks if c.op != "equal"] == [
        ("delete", "12"),
        ("insert", "6"),
    ]
    # Putting the template's wording back is no longer a change.
    protocol_update(actor=police_admin, protocol=draft, breach_contacts=template.breach_contacts)
    draft.refresh_from_db()
    assert draft.changed_sections == ["review_interval_months"]


def test_update_validates_sections(draft, police_admin):
    with pytest.raises(ValidationError) as exc:
        protocol_update(
            actor=police_admin,
            protocol=draft,
            purposes="",
            legal_bases=[LegalBasis.CDA_1998_S115],
            legal_basis_other="Something else",
        )
    assert exc.value.message_dict == {
        "purposes": ["Enter the purposes"],
        "legal_basis_other": ["Select 'Other' to rely on another legal basis, or clear this box"],
    }
    draft.refresh_from_db()
    assert draft.purposes and draft.changed_sections == []


def test_update_refuses_to_drop_a_category_a_party_receives(draft, police_admin):
    with pytest.raises(ValidationError) as exc:
        protocol_update(actor=police_admin, protocol=draft, data_categories=[InformationCategory.BACKGROUND])
    assert "Northshire City Council receives lifestyle" in exc.value.message_dict["data_categories"][0]


def test_only_the_lead_agency_edits(draft, council_admin):
    with pytest.raises(PermissionDenied, match="Northshire Police, the lead agency"):
        protocol_update(actor=council_admin, protocol=draft, title="Hijacked")
    draft.refresh_from_db()
    assert draft.title != "Hijacked"


def test_council_cannot_hold_tier_1_clear_error_and_nothing_saved(police_admin, council, council_admin):
    protocol = make_draft(police_admin)
    with pytest.raises(ValidationError) as exc:
        party_add(
            actor=police_admin,
            protocol=protocol,
            agency=council,
            max_tier=1,
            categories=[InformationCategory.BACKGROUND],
            signatory=council_admin,
        )
    assert exc.value.message_dict["max_tier"] == [
        "Northshire City Council is a statutory community safety partner: only police forces, prisons, probation "
        "regions and regional or national units can receive tier 1; choose tier 2 (partnership)"
    ]
    assert not protocol.parties.filter(agency=council).exists()


@pytest.mark.parametrize(
    "kind", [AgencyKind.POLICE_FORCE, AgencyKind.PROBATION_REGION, AgencyKind.REGIONAL_NATIONAL_UNIT]
)
def test_law_enforcement_kinds_can_hold_tier_1(police_admin, kind):
    protocol = make_draft(police_admin)
    agency = AgencyFactory(kind=kind)
    party = party_add(
        actor=police_admin, protocol=protocol, agency=agency, max_tier=1, categories=[InformationCategory.FINANCIAL]
    )
    assert party.max_tier == 1


def test_tier_0_and_3_are_not_party_tiers(police_admin, prison):
    protocol = make_draft(police_admin)
    for tier in (0, 3):
        with pytest.raises(ValidationError) as exc:
            party_add(actor=police_admin, protocol=protocol, agency=prison, max_tier=tier, categories=["background"])
        assert exc.value.message_dict["max_tier"] == ["Choose tier 1 (law enforcement) or tier 2 (partnership)"]


def test_party_errors_reported_together(police_admin, prison, council_admin):
    protocol = make_draft(police_admin)
    lead = protocol.parties.get()
    party_update(actor=police_admin, party=lead, max_tier=1, categories=["background"], signatory=police_admin)
    protocol_update(actor=police_admin, protocol=protocol, data_categories=["background"])
    with pytest.raises(ValidationError) as exc:
        party_add(
            actor=police_admin,
            protocol=protocol,
            agency=prison,
            max_tier=1,
            categories=["financial"],
            signatory=council_admin,
        )
    assert exc.value.message_dict == {
        "categories": ["The protocol does not cover financial; add it to the protocol's categories first"],
        "signatory": ["Choose an active agency administrator of HMP Northshire to sign"],
    }


def test_agency_is_party_once(draft, police_admin, prison):
    with pytest.raises(ValidationError) as exc:
        party_add(actor=police_admin, protocol=draft, agency=prison, max_tier=1, categories=["background"])
    assert exc.value.message_dict["agency"] == ["HMP Northshire is already a party to this protocol"]


def test_party_update_and_remove(draft, police_admin, council):
    party = draft.parties.get(agency=council)
    party_update(actor=police_admin, party=party, max_tier=2, categories=["background"], signatory=None)
    party.refresh_from_db()
    assert [c.category for c in party.categories.all()] == ["background"]
    assert party.signatory is None
    party_remove(actor=police_admin, party=party)
    assert not ProtocolParty.objects.filter(pk=party.pk).exists()


def test_lead_agency_cannot_be_removed(draft, police_admin, police):
    with pytest.raises(ValidationError, match="lead agency cannot be removed"):
        party_remove(actor=police_admin, party=draft.parties.get(agency=police))


def test_parties_fixed_once_sent_for_signature(awaiting, police_admin, probation):
    with pytest.raises(ValidationError, match="only be changed while the protocol is a draft"):
        party_add(actor=police_admin, protocol=awaiting, agency=probation, max_tier=1, categories=["background"])
    with pytest.raises(ValidationError, match="Only a draft protocol can be changed"):
        protocol_update(actor=police_admin, protocol=awaiting, title="Late change")

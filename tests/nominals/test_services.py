"""Writes of the register: validation with every problem at once, identifier formats, plausible dates,
custody keeping current_establishment, who may write, and need-to-know grants."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.models import Role, VettingLevel
from nominals.models import Entity, Nominal, NominalAlias
from nominals.selectors.nominals import likely_duplicates
from nominals.services.custody import (
    custody_episode_add,
    custody_episode_update,
    order_add,
    supervision_add,
    transfer_record,
)
from nominals.services.entities import association_add, entity_create, entity_link
from nominals.services.nominals import nominal_create, nominal_update
from nominals.services.ocgs import membership_add
from records.services import grant_create
from tests.factories import AgencyFactory, PrisonFactory, UserFactory

from .factories import NominalFactory, OCGFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def days_ago(n):
    return TODAY() - datetime.timedelta(days=n)


def errors_of(call, **kwargs):
    with pytest.raises(ValidationError) as exc:
        call(**kwargs)
    return exc.value.message_dict


# --- nominals -----------------------------------------------------------------------------------------


def test_create_normalises_identifiers_and_saves_aliases(analyst):
    nominal = nominal_create(
        actor=analyst,
        surname=" Okafor ",
        forenames="Chidi",
        pnc_id="01/123456x",
        prison_number="a1234bc",
        crn="x 123456",
        threat_areas=["illegal_drugs", "money_laundering"],
        aliases=[{"surname": "Oak", "forenames": ""}],
        other_identifiers=[{"kind": "National Insurance number", "value": "qq 12 34 56 c"}],
    )
    nominal.refresh_from_db()
    assert (nominal.surname, nominal.pnc_id, nominal.prison_number, nominal.crn) == (
        "Okafor",
        "01/123456X",
        "A1234BC",
        "X123456",
    )
    assert nominal.owning_agency == analyst.agency and nominal.created_by == analyst
    assert sorted(nominal.threat_areas.values_list("code", flat=True)) == ["illegal_drugs", "money_laundering"]
    assert list(nominal.aliases.values_list("surname", flat=True)) == ["Oak"]
    assert nominal.other_identifiers.get().value == "QQ123456C"


def test_create_reports_all_problems_and_saves_nothing(analyst):
    errors = errors_of(
        nominal_create,
        actor=analyst,
        surname="",
        pnc_id="2001/1X",
        prison_number="AB1234C",
        crn="1234567",
        date_of_birth=datetime.date(1890, 1, 1),
        threat_areas=["not_a_threat"],
        aliases=[{"surname": ""}],
    )
    assert set(errors) == {"surname", "pnc_id", "prison_number", "crn", "date_of_birth", "threat_areas", "aliases"}
    assert errors["date_of_birth"] == ["The date of birth must be after 1900"]
    assert errors["aliases"] == ["Alias 1: Enter the alias surname"]
    assert not Nominal.objects.exists() and not NominalAlias.objects.exists()


def test_date_of_birth_cannot_be_in_the_future(analyst):
    errors = errors_of(
        nominal_create, actor=analyst, surname="Future", date_of_birth=TODAY() + datetime.timedelta(days=1)
    )
    assert errors == {"date_of_birth": ["The date of birth must be in the past"]}


@pytest.mark.parametrize("role", [Role.AGENCY_ADMIN, Role.AUDITOR, Role.SPOC])
def test_only_register_roles_create(police, role):
    with pytest.raises(PermissionDenied):
        nominal_create(actor=UserFactory(agency=police, roles=[role]), surname="Nobody")


def test_register_staff_below_ctc_cannot_write(police):
    user = UserFactory(agency=police, roles=[Role.ANALYST], vetting_level=VettingLevel.BPSS)
    with pytest.raises(PermissionDenied):
        nominal_create(actor=user, surname="Nobody")


def test_update_of_another_agencys_nominal_is_refused(analyst, council):
    theirs = NominalFactory(owning_agency=council)
    with pytest.raises(PermissionDenied):
        nominal_update(actor=analyst, nominal=theirs, risk_level="low")


def test_update_replaces_given_lists_and_keeps_the_rest(analyst):
    nominal = nominal_create(actor=analyst, surname="Lister", aliases=[{"surname": "One"}], threat_areas=["fraud"])
    nominal_update(actor=analyst, nominal=nominal, aliases=[{"surname": "Two"}], risk_level="very_high")
    nominal.refresh_from_db()
    assert list(nominal.aliases.values_list("surname", flat=True)) == ["Two"]
    assert list(nominal.threat_areas.values_list("code", flat=True)) == ["fraud"]
    assert nominal.risk_level == "very_high"


def test_likely_duplicates_match_alias_and_identifiers(analyst):
    original = nominal_create(
        actor=analyst,
        surname="Baker",
        date_of_birth=datetime.date(1980, 1, 1),
        aliases=[{"surname": "Cook"}],
        crn="X123456",
    )
    by_alias = likely_duplicates(user=analyst, surname="cook", date_of_birth=datetime.date(1980, 1, 1))
    by_crn = likely_duplicates(user=analyst, surname="Other", crn="x123456")
    other_dob = likely_duplicates(user=analyst, surname="Baker", date_of_birth=datetime.date(1981, 1, 1))
    assert list(by_alias) == [original] and list(by_crn) == [original] and not other_dob.exists()


# --- custody ----------------------------------------------------------------------------------------------


def test_custody_and_transfers_keep_current_establishment(analyst, prison):
    other_prison = PrisonFactory(name="HMP Southshire")
    nominal = nominal_create(actor=analyst, surname="Held")
    episode = custody_episode_add(
        actor=analyst, nominal=nominal, establishment=prison, received_on=days_ago(60), prison_number="a1234bc"
    )
    nominal.refresh_from_db()
    assert nominal.current_establishment == prison and nominal.prison_number == "A1234BC"
    transfer = transfer_record(
        actor=analyst,
        custody_episode=episode,
        to_establishment=other_prison,
        transferred_on=days_ago(10),
        reason="Non-association",
    )
    assert transfer.from_establishment == prison
    nominal.refresh_from_db()
    assert nominal.current_establishment == other_prison
    custody_episode_update(actor=analyst, episode=episode, released_on=days_ago(1))
    nominal.refresh_from_db()
    assert nominal.current_establishment is None


def test_custody_dates_must_be_plausible(analyst, prison, police):
    nominal = nominal_create(actor=analyst, surname="Dates", date_of_birth=datetime.date(2000, 1, 1))
    errors = errors_of(
        custody_episode_add,
        actor=analyst,
        nominal=nominal,
        establishment=police,
        received_on=datetime.date(1999, 1, 1),
        released_on=datetime.date(1998, 1, 1),
        prison_number="123",
    )
    assert errors["establishment"] == ["Choose a prison establishment"]
    assert errors["released_on"] == ["The release date must be after the reception date"]
    assert errors["received_on"] == ["The reception date must be after the nominal's date of birth"]
    assert errors["prison_number"] == ["Enter a prison number in the format A1234BC"]


def test_one_open_custody_episode_at_a_time(analyst, prison):
    nominal = nominal_create(actor=analyst, surname="Twice")
    custody_episode_add(actor=analyst, nominal=nominal, establishment=prison, received_on=days_ago(9))
    errors = errors_of(
        custody_episode_add, actor=analyst, nominal=nominal, establishment=prison, received_on=days_ago(2)
    )
    assert "already in custody" in errors["released_on"][0]


def test_transfer_must_fall_within_the_episode(analyst, prison):
    nominal = nominal_create(actor=analyst, surname="Moved")
    episode = custody_episode_add(actor=analyst, nominal=nominal, establishment=prison, received_on=days_ago(10))
    errors = errors_of(
        transfer_record,
        actor=analyst,
        custody_episode=episode,
        to_establishment=prison,
        transferred_on=days_ago(20),
    )
    assert errors == {
        "to_establishment": ["The nominal is already at this establishment"],
        "transferred_on": ["The transfer date must be on or after the reception date"],
    }


def test_orders_and_supervision_validate_dates(analyst):
    nominal = nominal_create(actor=analyst, surname="Ordered")
    errors = errors_of(
        order_add,
        actor=analyst,
        nominal=nominal,
        kind="scpo",
        conditions="",
        made_on=days_ago(1),
        expires_on=days_ago(5),
    )
    assert errors == {
        "conditions": ["Enter the conditions of the order"],
        "expires_on": ["The expiry date must be after the date the order was made"],
    }
    region = AgencyFactory(name="North West Probation", kind="probation_region")
    errors = errors_of(
        supervision_add,
        actor=analyst,
        nominal=nominal,
        region=region,
        starts_on=days_ago(1),
        ends_on=days_ago(3),
    )
    assert errors == {"ends_on": ["The end date must be after the start date"]}


# --- OCGs, entities, associations ------------------------------------------------------------------------


def test_membership_needs_a_visible_nominal(analyst, police, council):
    ocg = OCGFactory(lead_agency=police)
    hidden = NominalFactory(owning_agency=council)
    errors = errors_of(membership_add, actor=analyst, ocg=ocg, nominal=hidden, role="principal")
    assert errors == {"nominal": ["Choose a nominal from the register"]}
    mine = NominalFactory(owning_agency=police)
    membership_add(actor=analyst, ocg=ocg, nominal=mine, role="principal")
    errors = errors_of(membership_add, actor=analyst, ocg=ocg, nominal=mine, role="peripheral")
    assert errors == {"nominal": ["This nominal is already a current member of this OCG"]}


@pytest.mark.parametrize(
    ("kind", "typed", "stored"),
    [
        ("address", "1 High Street, Northtown, nt1  2ab", "NT1 2AB, 1 HIGH STREET"),
        ("vehicle", "ab12 cde", "AB12CDE"),
        ("phone", "07700 900123", "+447700900123"),
        ("phone", "+44 (0)7700 900123", "+447700900123"),
        ("business", "Northtown Motors Limited.", "NORTHTOWN MOTORS LTD"),
        ("bank_account", "12-34-56 12345678", "12-34-56 12345678"),
    ],
)
def test_entity_values_are_normalised_and_recorded_once_per_agency(analyst, kind, typed, stored):
    entity = entity_create(actor=analyst, kind=kind, value=typed)
    assert entity.value == stored
    assert entity.category == ("financial" if kind in ("business", "bank_account") else "lifestyle")
    assert entity_create(actor=analyst, kind=kind, value=stored) == entity
    assert Entity.objects.count() == 1


def test_entity_value_problems(analyst):
    assert errors_of(entity_create, actor=analyst, kind="address", value="1 High Street") == {
        "value": ["Enter the address with its postcode, like NT1 2AB, 1 High Street"]
    }
    assert "sort code" in errors_of(entity_create, actor=analyst, kind="bank_account", value="1234")["value"][0]


def test_entity_link_to_nominal_xor_ocg(analyst, police):
    entity = entity_create(actor=analyst, kind="vehicle", value="AB12CDE")
    errors = errors_of(entity_link, actor=analyst, entity=entity, relationship="")
    assert errors == {
        "nominal": ["Link the entity to either a nominal or an OCG"],
        "relationship": ["Enter the relationship, for example home address"],
    }
    link = entity_link(
        actor=analyst, entity=entity, nominal=NominalFactory(owning_agency=police), relationship="Registered keeper"
    )
    assert link.nominal is not None


def test_association_needs_two_different_visible_nominals(analyst, police):
    nominal = NominalFactory(owning_agency=police)
    errors = errors_of(association_add, actor=analyst, nominal_a=nominal, nominal_b=nominal, kind="family")
    assert errors == {"nominal_b": ["Choose a different nominal: a nominal cannot be associated with themselves"]}


# --- grants ----------------------------------------------------------------------------------------------


def test_grant_rules(analyst, police, council, council_spoc, outsider):
    nominal = NominalFactory(owning_agency=police)
    errors = errors_of(
        grant_create,
        actor=analyst,
        obj=nominal,
        user=council_spoc,
        tier=1,
        reason=" ",
        expires_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    assert set(errors) == {"tier", "reason", "expires_at"}
    assert "can receive tier 1" in errors["tier"][0]
    errors = errors_of(grant_create, actor=analyst, obj=nominal, tier=2, reason="Why", expires_at=None)
    assert set(errors) == {"user", "expires_at"}


def test_only_the_owners_register_staff_grant(police, outsider):
    nominal = NominalFactory(owning_agency=police)
    with pytest.raises(PermissionDenied):
        grant_create(
            actor=outsider,
            obj=nominal,
            user=outsider,
            tier=1,
            reason="Myself",
            expires_at=timezone.now() + datetime.timedelta(days=1),
        )


def test_a_new_grant_to_the_same_user_replaces_the_old(analyst, police, outsider):
    nominal = NominalFactory(owning_agency=police)
    later = timezone.now() + datetime.timedelta(days=1)
    first = grant_create(actor=analyst, obj=nominal, user=outsider, tier=2, reason="A", expires_at=later)
    second = grant_create(actor=analyst, obj=nominal, user=outsider, tier=1, reason="B", expires_at=later)
    assert first.pk == second.pk
    second.refresh_from_db()
    assert (second.tier, second.reason) == (1, "B")

"""Reads of the register: search on both databases (names, aliases, identifiers, dates of birth,
misspellings on PostgreSQL), list filters and sorting, and the depersonalised hotspot counts."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from accounts.models import Role
from nominals.filters import NominalFilterSet
from nominals.selectors import search as search_selectors
from nominals.selectors.hotspots import hotspot_counts
from nominals.selectors.nominals import nominal_list
from nominals.selectors.search import _name_ids_postgresql, nominal_search, nominal_search_best
from nominals.services.custody import custody_episode_add
from nominals.services.nominals import nominal_create
from tests.factories import PrisonFactory, UserFactory, threat_area

from .factories import MembershipFactory, NominalFactory, OCGFactory

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.fixture
def register(analyst):
    people = {
        "smith": nominal_create(
            actor=analyst,
            surname="Smith",
            forenames="Jonathan",
            date_of_birth=datetime.date(1985, 6, 1),
            pnc_id="02/765432Z",
            aliases=[{"surname": "Blackwood", "forenames": "Jon"}],
            other_identifiers=[{"kind": "NI number", "value": "QQ123456C"}],
        ),
        "smythe": nominal_create(actor=analyst, surname="Smythe", forenames="Alan", crn="X654321"),
        "jones": nominal_create(
            actor=analyst, surname="Jones", forenames="Mary", date_of_birth=datetime.date(1985, 6, 1)
        ),
    }
    return people


def search(user, query):
    return list(nominal_search(user=user, query=query))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("smith", ["smith"]),
        ("jonathan smith", ["smith"]),
        ("blackwood", ["smith"]),
        ("02/765432z", ["smith"]),
        ("qq 123456c", ["smith"]),
        ("x654321", ["smythe"]),
        ("1985-06-01", ["jones", "smith"]),
        ("01/06/1985 jones", ["jones"]),
        ("nobody", []),
        ("", []),
    ],
)
def test_search_finds_names_aliases_identifiers_and_dates(analyst, register, query, expected):
    found = {n.pk for n in search(analyst, query)}
    assert found == {register[key].pk for key in expected}


@pytest.mark.parametrize("query", ["o'neil", "smith-jones", "o'", "&|!():*"])
def test_search_survives_punctuation(analyst, query):
    nominal = nominal_create(actor=analyst, surname="O'Neil Smith-Jones")
    found = search(analyst, query)
    assert found == ([nominal] if query[0].isalpha() else [])


def test_search_only_returns_what_the_user_may_see(register, outsider, active_protocol, council_spoc):
    assert search(outsider, "smith") == []
    assert [n.pk for n in search(council_spoc, "smith")] == [register["smith"].pk]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram matching is PostgreSQL's")
def test_postgresql_search_tolerates_misspelling_and_ranks_the_closest_first(analyst, register):
    found = search(analyst, "smyth")
    assert [n.pk for n in found[:2]] == [register["smythe"].pk, register["smith"].pk]
    assert search(analyst, "blakwood")[0].pk == register["smith"].pk
    # With more than one word, the last alone is also compared with surnames.
    assert register["smith"].pk in {n.pk for n in search(analyst, "jonathan smithe")}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram matching is PostgreSQL's")
@pytest.mark.parametrize(("names", "conditions"), [(("smith",), 1), (("jonathan", "smith"), 2)])
def test_postgresql_name_match_compares_each_text_with_surnames_once(names, conditions):
    sql = str(_name_ids_postgresql(names).query)
    # Each trigram condition appears once for nominals and once for aliases.
    assert sql.count('"surname" %') == 2 * conditions


def test_search_best_reads_one_row_past_the_limit_instead_of_counting(analyst, register, monkeypatch):
    monkeypatch.setattr(search_selectors, "SEARCH_PAGE_LIMIT", 1)
    assert nominal_search_best(user=analyst, query="1985-06-01") == ([search(analyst, "1985-06-01")[0]], True)
    assert nominal_search_best(user=analyst, query="jones") == ([register["jones"]], False)
    assert nominal_search_best(user=analyst, query="nobody") == ([], False)


# --- lists -----------------------------------------------------------------------------------------------


def test_list_filters_and_sorting(analyst, police, prison):
    drugs = NominalFactory(owning_agency=police, surname="Adams", risk_level="low")
    drugs.threat_areas.add(threat_area("illegal_drugs"))
    held = nominal_create(actor=analyst, surname="Baker", risk_level="very_high")
    custody_episode_add(actor=analyst, nominal=held, establishment=prison, received_on=days_ago(5))
    ocg = OCGFactory(lead_agency=police)
    MembershipFactory(ocg=ocg, nominal=drugs)

    def names(sort="-created", **filters):
        filterset = NominalFilterSet(filters, user=analyst)
        return [n.surname for n in nominal_list(user=analyst, filterset=filterset, sort=sort)]

    assert names(threat_area="illegal_drugs") == ["Adams"]
    assert names(custody="in") == ["Baker"] and names(establishment=prison.pk) == ["Baker"]
    assert names(custody="out") == ["Adams"]
    assert names(ocg=ocg.pk) == ["Adams"]
    assert names(risk="very_high") == ["Baker"]
    assert names(sort="surname") == ["Adams", "Baker"] and names(sort="-surname") == ["Baker", "Adams"]
    assert names(sort="risk") == ["Baker", "Adams"]


def test_filters_from_parameters_ignore_nonsense():
    filters = NominalFilterSet({"risk": "extreme", "agency": "x", "custody": "in", "sort": "--surname"})
    assert filters.applied == {"custody": "in"}


def test_ocg_filter_does_not_reveal_membership_of_an_ocg_the_user_may_not_see(
    active_protocol, police, council_spoc, outsider_agency
):
    shared = NominalFactory(owning_agency=police)
    hidden_ocg = OCGFactory(lead_agency=outsider_agency)
    MembershipFactory(ocg=hidden_ocg, nominal=shared)
    assert (
        list(nominal_list(user=council_spoc, filterset=NominalFilterSet({"ocg": hidden_ocg.pk}, user=council_spoc)))
        == []
    )
    row = nominal_list(user=council_spoc).get(pk=shared.pk)
    assert row.ocg_rows == []


# --- hotspots --------------------------------------------------------------------------------------------


def test_hotspots_count_current_ocg_members_in_custody_by_establishment_and_threat_area(
    analyst, police, prison, council_admin
):
    other_prison = PrisonFactory(name="HMP Southshire")
    drugs_ocg = OCGFactory(lead_agency=police)
    drugs_ocg.threat_areas.add(threat_area("illegal_drugs"), threat_area("illegal_firearms"))
    old_ocg = OCGFactory(lead_agency=police)
    old_ocg.threat_areas.add(threat_area("fraud"))

    def member(prison_agency, ocg, ended_on=None):
        nominal = nominal_create(actor=analyst, surname="Member", allow_duplicate=True)
        custody_episode_add(actor=analyst, nominal=nominal, establishment=prison_agency, received_on=days_ago(3))
        MembershipFactory(ocg=ocg, nominal=nominal, ended_on=ended_on)
        return nominal

    member(prison, drugs_ocg)
    member(prison, drugs_ocg)
    member(other_prison, drugs_ocg)
    member(prison, old_ocg, ended_on=days_ago(30))  # no longer a member: not counted
    NominalFactory(owning_agency=police)  # not in custody

    # Tier 3 is open to every signed-in user, including roles that see nothing of the register.
    hotspots, totals = hotspot_counts(user=council_admin)
    assert {(h.establishment, h.threat_area, h.count) for h in hotspots} == {
        ("HMP Northshire", "illegal_drugs", 2),
        ("HMP Northshire", "illegal_firearms", 2),
        ("HMP Southshire", "illegal_drugs", 1),
        ("HMP Southshire", "illegal_firearms", 1),
    }
    assert totals == {prison.pk: ("HMP Northshire", 2), other_prison.pk: ("HMP Southshire", 1)}


def test_hotspots_are_empty_for_expired_vetting(police):
    user = UserFactory(
        agency=police, roles=[Role.ANALYST], vetting_expires=timezone.localdate() - datetime.timedelta(1)
    )
    assert hotspot_counts(user=user) == ([], {})

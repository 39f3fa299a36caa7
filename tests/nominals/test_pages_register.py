"""What each viewer sees on the register pages — the owner's analyst (tier 0), a prison PIO under the
protocol at tier 1, the council's SPOC at tier 2 and an outsider — section by section and field by field,
on the nominal list, the nominal and OCG detail pages, search and the prison hotspots."""

import pytest
from django.urls import reverse

from accounts.models import Role
from nominals.models import NominalAlias
from nominals.selectors import search as search_selectors
from ocgshare.models import AccessAction, AccessBasis, AccessLogEntry
from tests.factories import UserFactory
from tests.nominals.factories import MembershipFactory, NominalFactory

from .html import by_testid, text, texts
from .pages_world import *  # noqa: F403 - the page tests' register
from .pages_world import HANDLING_NOTES, OCG_NOTES, signed_in

pytestmark = pytest.mark.django_db

LIST_URL = reverse("nominals:nominal-list")
TIER_0, TIER_1, TIER_2 = "Tier 0 originator", "Tier 1 law enforcement", "Tier 2 partnership"
DETAIL_SECTIONS = (
    "identity-section",
    "handling-notes-section",
    "custody-section",
    "orders-section",
    "memberships-section",
    "associations-section",
    "entities-section",
)


def detail_url(nominal):
    return reverse("nominals:nominal-detail", args=[nominal.pk])


def rows(response):
    return texts(response, "nominal-row")


# --- the nominal list -------------------------------------------------------------------------------------


def test_owner_lists_their_agency_nominals_at_tier_0_with_where_they_are_held(client, analyst, register):
    response = signed_in(client, analyst).get(LIST_URL)

    assert response.status_code == 200
    listed = rows(response)
    assert len(listed) == 2
    marsh_row = next(row for row in listed if "MARSH, Dean" in row)
    assert TIER_0 in marsh_row
    assert "HMP Northshire" in marsh_row
    assert "Also known as MARSHALL Dino" in marsh_row
    assert "PNC 88/123456X" in marsh_row and "A1234BC" in marsh_row
    assert "Northtown Crew" in marsh_row
    assert text(response, "result-count") == "Showing 1 to 2 of 2 nominals"


def test_the_table_escapes_every_value_it_shows(client, analyst, police, prison):
    # The table's rows are built in Python (register_pages.nominal_rows), not by the template engine.
    nominal = NominalFactory(
        owning_agency=police,
        surname="<script>alert(1)</script>",
        forenames="<i>Dean</i>",
        pnc_id="<b>1</b>",
        prison_number="<b>2<b>",  # seven characters, the column's length
        crn="<b>3<b>",
        current_establishment=prison,
    )
    NominalAlias.objects.create(nominal=nominal, surname="<u>alias</u>", forenames="<s>x</s>")
    MembershipFactory(nominal=nominal, ocg__lead_agency=police, ocg__name="<em>Crew</em>")
    prison.name = "HMP <img src=x>"
    prison.save()

    response = signed_in(client, analyst).get(LIST_URL)

    html = response.content.decode()
    for raw in ("<script>alert", "<i>", "<b>", "<u>", "<s>", "<em>", "<img src=x>"):
        assert raw not in html.lower()
    (row,) = rows(response)
    assert row.startswith("<SCRIPT>ALERT(1)</SCRIPT>, <i>Dean</i>")
    assert "Also known as <U>ALIAS</U> <s>x</s>" in row
    assert "PNC <b>1</b>" in row and "<b>2<b>" in row and "CRN <b>3<b>" in row
    assert "HMP <img src=x>" in row and "<em>Crew</em>" in row


def test_partner_at_tier_1_lists_the_nominals_with_custody_but_not_more(client, prison_pio, register):
    response = signed_in(client, prison_pio).get(LIST_URL)

    listed = rows(response)
    assert len(listed) == 2
    assert all(TIER_1 in row for row in listed)
    marsh_row = next(row for row in listed if "MARSH" in row)
    assert "HMP Northshire" in marsh_row
    assert HANDLING_NOTES not in response.content.decode()


def test_partner_at_tier_2_lists_identity_only(client, council_spoc, register):
    response = signed_in(client, council_spoc).get(LIST_URL)

    listed = rows(response)
    assert len(listed) == 2
    assert all(TIER_2 in row for row in listed)
    # No row would say where anyone is held: no "held at" column at all, nor a filter on it.
    assert texts(response, "held-at") == [] and texts(response, "held-at-header") == []
    assert 'name="establishment"' not in response.content.decode()
    assert 'name="custody"' not in response.content.decode()
    marsh_row = next(row for row in listed if "MARSH" in row)
    assert "PNC 88/123456X" in marsh_row and "Northtown Crew" in marsh_row


def test_outsider_sees_an_empty_register(client, outsider, register):
    response = signed_in(client, outsider).get(LIST_URL)

    assert response.status_code == 200
    assert rows(response) == []
    assert "No nominals found" in text(response, "empty-state")
    assert "MARSH" not in response.content.decode()


def test_tier_2_viewer_cannot_find_where_someone_is_held_by_filtering(client, council_spoc, prison, register):
    client = signed_in(client, council_spoc)
    unfiltered = rows(client.get(LIST_URL))

    # The page offers a tier-2 viewer no custody filters, and ignores them in a link: the list is the same
    # whoever is held, so it tells nothing of where.
    for params in ({"establishment": prison.pk}, {"custody": "in"}, {"custody": "out"}):
        response = client.get(LIST_URL, params)
        assert rows(response) == unfiltered, params
        assert "matching your filters" not in text(response, "result-count")


def test_filters_and_sorting(client, analyst, register, prison):
    client = signed_in(client, analyst)

    in_custody = rows(client.get(LIST_URL, {"custody": "in"}))
    assert len(in_custody) == 1 and "MARSH" in in_custody[0]
    assert [("CARTER" in row) for row in rows(client.get(LIST_URL, {"custody": "out"}))] == [True]
    assert len(rows(client.get(LIST_URL, {"establishment": prison.pk}))) == 1
    assert len(rows(client.get(LIST_URL, {"ocg": register["crew"].pk}))) == 1
    assert len(rows(client.get(LIST_URL, {"risk": "high"}))) == 1
    assert len(rows(client.get(LIST_URL, {"threat_area": "illegal_drugs"}))) == 1

    by_name = rows(client.get(LIST_URL, {"sort": "surname"}))
    assert ["CARTER" in by_name[0], "MARSH" in by_name[1]] == [True, True]
    by_name_descending = rows(client.get(LIST_URL, {"sort": "-surname"}))
    assert "MARSH" in by_name_descending[0]

    filtered = client.get(LIST_URL, {"risk": "high"})
    assert "matching your filters" in text(filtered, "result-count")
    assert 'aria-sort="none"' in filtered.content.decode()


def test_list_pages_25_at_a_time(client, analyst, register):
    NominalFactory.create_batch(30, owning_agency=analyst.agency)
    client = signed_in(client, analyst)

    first = client.get(LIST_URL)
    second = client.get(LIST_URL, {"page": 2})

    assert len(rows(first)) == 25 and len(rows(second)) == 7
    assert text(second, "result-count") == "Showing 26 to 32 of 32 nominals"
    assert 'aria-current="page"' in second.content.decode()


@pytest.mark.parametrize("role", [Role.AGENCY_ADMIN, Role.AUDITOR])
def test_roles_that_do_not_read_the_register_are_refused(client, police, register, role):
    user = UserFactory(agency=police, roles=[role])
    client = signed_in(client, user)

    assert client.get(LIST_URL).status_code == 403
    assert client.get(detail_url(register["marsh"])).status_code == 403
    assert client.get(reverse("nominals:search"), {"q": "Marsh"}).status_code == 403
    assert client.get(reverse("nominals:ocg-list")).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client, register):
    response = client.get(LIST_URL)
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


# --- the nominal detail page --------------------------------------------------------------------------------


def sections_of(response):
    found = by_testid(response)
    return {section for section in DETAIL_SECTIONS if section in found}


def test_owner_sees_every_section_with_the_handling_notes(client, analyst, marsh):
    response = signed_in(client, analyst).get(detail_url(marsh))

    assert response.status_code == 200
    assert sections_of(response) == set(DETAIL_SECTIONS)
    assert text(response, "handling-notes") == HANDLING_NOTES
    assert TIER_0 in text(response, "seeing-why")
    assert "Basis: own agency." in text(response, "basis")
    assert "HMP Northshire" in text(response, "held-at")
    assert "Received into HMP Northshire" in text(response, "timeline")
    assert "Principal" in text(response, "memberships-section")
    assert "CARTER, Carl" in text(response, "associations-section")
    assert "Cellmate" in text(response, "associations-section")
    assert "AB12CDE" in text(response, "entities-section")
    assert "Serious crime prevention order" in text(response, "orders-section")
    assert text(response, "withheld") == ""
    assert texts(response, "owner-actions")
    assert "No need-to-know grants." in text(response, "grants-section")


def test_partner_at_tier_1_sees_law_enforcement_detail_without_handling_notes(
    client, prison_pio, marsh, active_protocol
):
    response = signed_in(client, prison_pio).get(detail_url(marsh))

    assert response.status_code == 200
    assert sections_of(response) == set(DETAIL_SECTIONS) - {"handling-notes-section"}
    page = response.content.decode()
    assert HANDLING_NOTES not in page
    assert TIER_1 in text(response, "seeing-why")
    assert f"Basis: information-sharing protocol {active_protocol.reference}." in text(response, "basis")
    assert "HMP Northshire" in text(response, "held-at")
    assert text(response, "withheld") == "Not shared at the version you see: handling notes."
    assert texts(response, "owner-actions") == [] and texts(response, "grants-section") == []


def test_partner_at_tier_2_sees_identity_and_risk_with_its_criteria_only(client, council_spoc, marsh):
    response = signed_in(client, council_spoc).get(detail_url(marsh))

    assert response.status_code == 200
    assert sections_of(response) == {"identity-section"}
    identity = text(response, "identity-section")
    for shown in ("MARSH, Dean", "MARSHALL, Dino", "2 March 1988", "88/123456X", "High", "Illegal drugs"):
        assert shown in identity
    assert "Identifiable indicators of serious harm" in text(response, "risk-criteria")
    page = response.content.decode()
    for hidden in (HANDLING_NOTES, "HMP Northshire", "CARTER", "AB12CDE", "No more than one mobile phone"):
        assert hidden not in page
    assert TIER_2 in text(response, "seeing-why")
    assert "custody and supervision" in text(response, "withheld")


def test_outsider_gets_404_as_for_a_nominal_that_does_not_exist(client, outsider, marsh):
    client = signed_in(client, outsider)
    seen = client.get(detail_url(marsh))
    missing = client.get(reverse("nominals:nominal-detail", args=[marsh.pk + 1000]))

    assert seen.status_code == missing.status_code == 404
    assert "MARSH" not in seen.content.decode()


def test_detail_page_carries_the_official_sensitive_marking(client, council_spoc, marsh, settings):
    settings.DEFAULT_SECURITY_MARKING = "OFFICIAL"
    response = signed_in(client, council_spoc).get(detail_url(marsh))
    assert response.content.decode().count(">OFFICIAL-SENSITIVE<") == 2


def test_every_detail_view_is_logged_once_with_its_basis(client, prison_pio, marsh, active_protocol):
    signed_in(client, prison_pio).get(detail_url(marsh))

    entry = AccessLogEntry.objects.get(user=prison_pio)
    assert (entry.action, entry.object_type, entry.object_id) == (AccessAction.VIEW, "nominal", marsh.pk)
    assert (entry.tier, entry.basis, entry.basis_protocol_id) == (1, AccessBasis.PROTOCOL, active_protocol.pk)


def test_a_suspended_protocol_hides_the_nominal_on_the_next_request(
    client, prison_pio, marsh, active_protocol, police_admin
):
    from protocols.services.lifecycle import protocol_suspend

    client = signed_in(client, prison_pio)
    assert client.get(detail_url(marsh)).status_code == 200

    protocol_suspend(actor=police_admin, protocol=active_protocol, reason="Suspected breach")

    assert client.get(detail_url(marsh)).status_code == 404
    assert rows(client.get(LIST_URL)) == []


# --- OCG pages ---------------------------------------------------------------------------------------------


def test_ocg_detail_shows_members_with_role_at_tier_1_and_names_only_at_tier_2(
    client, analyst, prison_pio, council_spoc, crew
):
    url = reverse("nominals:ocg-detail", args=[crew.pk])

    owner = signed_in(client, analyst).get(url)
    assert text(owner, "handling-notes") == OCG_NOTES
    assert "Principal" in text(owner, "member-row")

    tier_1 = signed_in(client, prison_pio).get(url)
    assert texts(tier_1, "handling-notes-section") == []
    assert "MARSH, Dean" in text(tier_1, "member-row") and "Principal" in text(tier_1, "member-row")
    assert OCG_NOTES not in tier_1.content.decode()

    tier_2 = signed_in(client, council_spoc).get(url)
    assert text(tier_2, "member-row") == "MARSH, Dean"
    assert "Principal" not in tier_2.content.decode()
    assert texts(tier_2, "entities-section") == []
    assert "members' roles and dates" in text(tier_2, "withheld")


def test_ocg_list_with_filters_and_tier_tags(client, council_spoc, outsider, crew):
    url = reverse("nominals:ocg-list")

    listed = texts(signed_in(client, council_spoc).get(url), "ocg-row")
    assert len(listed) == 1 and "NP-OCG-0001" in listed[0] and TIER_2 in listed[0]
    assert texts(client.get(url, {"status": "dormant"}), "ocg-row") == []
    assert len(texts(client.get(url, {"threat_area": "illegal_drugs"}), "ocg-row")) == 1

    nothing = signed_in(client, outsider).get(url)
    assert texts(nothing, "ocg-row") == [] and "No OCGs found" in text(nothing, "empty-state")
    assert client.get(reverse("nominals:ocg-detail", args=[crew.pk])).status_code == 404


# --- search -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["Marsh", "marshall", "A1234BC", "88/123456x", "Marsh 02/03/1988"])
def test_search_by_name_alias_identifier_and_date_of_birth(client, council_spoc, register, query):
    response = signed_in(client, council_spoc).get(reverse("nominals:search"), {"q": query})

    found = rows(response)
    assert len(found) == 1 and "MARSH, Dean" in found[0] and TIER_2 in found[0]


def test_search_finds_nothing_the_viewer_may_not_see(client, outsider, register):
    response = signed_in(client, outsider).get(reverse("nominals:search"), {"q": "Marsh"})

    assert rows(response) == []
    assert text(response, "result-count") == "No nominals you can see match ‘Marsh’"


def test_search_says_how_many_match_without_paging(client, analyst, police, register):
    NominalFactory(owning_agency=police, surname="Marsh", forenames="Other")
    response = signed_in(client, analyst).get(reverse("nominals:search"), {"q": "Marsh"})

    assert len(rows(response)) == 2
    assert text(response, "result-count") == "2 nominals you can see match ‘Marsh’"
    assert text(response, "refine") == "" and 'class="govuk-pagination"' not in response.content.decode()


def test_search_shows_the_best_matches_up_to_the_limit_and_asks_for_more_detail(
    client, analyst, police, register, monkeypatch
):
    monkeypatch.setattr(search_selectors, "SEARCH_PAGE_LIMIT", 3)
    NominalFactory.create_batch(3, owning_agency=police, surname="Marsh", forenames="Other")
    response = signed_in(client, analyst).get(reverse("nominals:search"), {"q": "Marsh"})

    assert len(rows(response)) == 3
    assert text(response, "result-count") == "More than 3 nominals you can see match ‘Marsh’"
    assert "Refine your search: add a forename, a date of birth or an identifier." in text(response, "refine")
    search = AccessLogEntry.objects.get(user=analyst, action=AccessAction.SEARCH)
    assert search.result_count == 3, "only the rows shown are logged"


def test_each_search_is_logged_exactly_once_with_what_it_showed(client, prison_pio, marsh):
    signed_in(client, prison_pio).get(reverse("nominals:search"), {"q": "Marsh"})

    entry = AccessLogEntry.objects.get(user=prison_pio)
    assert (entry.action, entry.query, entry.result_count) == (AccessAction.SEARCH, "q=Marsh", 1)
    assert [(r.object_id, r.tier, r.basis) for r in entry.results.all()] == [(marsh.pk, 1, AccessBasis.PROTOCOL)]


def test_an_empty_search_form_searches_nothing_and_logs_nothing(client, prison_pio, register):
    response = signed_in(client, prison_pio).get(reverse("nominals:search"))

    assert response.status_code == 200 and rows(response) == []
    assert not AccessLogEntry.objects.filter(user=prison_pio).exists()


# --- hotspots (tier 3) -------------------------------------------------------------------------------------


@pytest.mark.parametrize("viewer", ["analyst", "prison_pio", "council_spoc", "outsider", "police_admin"])
def test_hotspot_counts_are_the_same_for_every_signed_in_partner_and_name_nobody(request, client, register, viewer):
    user = request.getfixturevalue(viewer)
    response = signed_in(client, user).get(reverse("nominals:hotspots"))

    assert response.status_code == 200
    assert texts(response, "hotspot-row") == ["HMP Northshire 1 1"]
    assert "Illegal drugs" in response.content.decode()
    page = response.content.decode()
    assert "MARSH" not in page and "Northtown Crew" not in page
    entry = AccessLogEntry.objects.get(user=user, action=AccessAction.LIST)  # the analyst also built the register
    assert (entry.tier, entry.basis) == (3, AccessBasis.AGGREGATE)


def test_hotspots_empty_state(client, outsider):
    response = signed_in(client, outsider).get(reverse("nominals:hotspots"))
    assert "No OCG nominals are recorded in custody" in text(response, "empty-state")

"""The toolkit in a meeting: grouped by agency or by threat area, as detailed cards or a compact table,
with a contents list, filters by threat area, 4P area and time to act, and a fixed cost per page."""

import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from rest_framework.test import APIClient

from agencies.models import TimeToAct
from tests.factories import AgencyFactory, DataHoldingFactory, ToolOrPowerFactory, threat_area

from .pages import SIGNED_IN_PAGE_QUERIES

TOOLKIT = reverse("agencies:toolkit")


def by_threat_area(response):
    """{threat area name: [(agency name, power name)]} as the threat-area page shows them."""
    return {
        item["area"].name: [(power.agency.name, power.name) for power in item["powers"]]
        for item in response.context["area_groups"]
    }


def table_rows(response):
    """Each row of the powers tables as [agency, name, 4P, threat areas, legal basis, time to act]."""
    html = response.content.decode()
    rows = re.findall(r'<tr class="govuk-table__row" data-testid="power-row">(.*?)</tr>', html, re.S)
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
        for row in rows
    ]


def contents_anchors(response):
    html = response.content.decode()
    contents = re.search(r'data-testid="contents-list">(.*?)</nav>', html, re.S).group(1)
    return re.findall(r'href="#([^"]+)">([^<]+)</a>', contents)


def test_grouped_by_threat_area_each_heading_lists_its_tools_and_powers(client, analyst, toolkit):
    client.force_login(analyst)

    response = client.get(f"{TOOLKIT}?group=threat_area")

    # The closure order is tagged with two threat areas, so it is under both.
    assert by_threat_area(response) == {
        "Fraud": [("Department for Work and Pensions", "Benefit fraud prosecution")],
        "Illegal drugs": [
            ("Northshire City Council", "Premises closure order"),
            ("Northshire Police", "Drugs search warrant"),
        ],
        "Modern slavery and human trafficking": [("Northshire City Council", "Premises closure order")],
    }
    assertContains(response, '<h2 class="govuk-heading-l" id="threat-area-illegal_drugs">Illegal drugs</h2>', html=True)
    assertContains(response, "3 tools and powers from 3 agencies.")
    # Cards name their agency, since the heading above them is a threat area.
    assertContains(response, '<dt class="govuk-summary-list__key">Agency</dt>', count=4)
    # Data holdings are arranged by agency only.
    assertNotContains(response, "Custody records")


def test_grouped_by_threat_area_lists_only_the_threat_areas_asked_for(client, analyst, toolkit):
    client.force_login(analyst)

    response = client.get(f"{TOOLKIT}?group=threat_area&threat_area=modern_slavery")

    assert by_threat_area(response) == {
        "Modern slavery and human trafficking": [("Northshire City Council", "Premises closure order")]
    }
    assertContains(response, "1 tool or power from 1 agency matches your filters.")


def test_contents_list_links_to_each_group_heading(client, analyst, toolkit, police, council, dwp):
    client.force_login(analyst)

    by_agency = client.get(TOOLKIT)
    by_area = client.get(f"{TOOLKIT}?group=threat_area")

    assert contents_anchors(by_agency) == [
        (f"agency-{dwp.pk}", "Department for Work and Pensions"),
        (f"agency-{council.pk}", "Northshire City Council"),
        (f"agency-{police.pk}", "Northshire Police"),
    ]
    for anchor, _ in contents_anchors(by_agency):
        assertContains(by_agency, f'id="{anchor}"', count=1)
    assert contents_anchors(by_area) == [
        ("threat-area-fraud", "Fraud"),
        ("threat-area-illegal_drugs", "Illegal drugs"),
        ("threat-area-modern_slavery", "Modern slavery and human trafficking"),
    ]
    for anchor, _ in contents_anchors(by_area):
        assertContains(by_area, f'id="{anchor}"', count=1)


@pytest.mark.parametrize("group", ["agency", "threat_area"])
def test_table_view_has_one_row_per_tool_or_power(client, analyst, toolkit, group):
    warrant = toolkit["warrant"]
    warrant.legal_basis = "Misuse of Drugs Act 1971 s23"
    warrant.time_to_act = TimeToAct.HOURS
    warrant.save()
    client.force_login(analyst)

    response = client.get(f"{TOOLKIT}?group={group}&view=table&threat_area=illegal_drugs")

    rows = table_rows(response)
    assert [
        "Northshire Police",
        "Drugs search warrant",
        "Pursue",
        "Illegal drugs",
        "Misuse of Drugs Act 1971 s23",
        "Within 24 hours",
    ] in rows
    assert sorted(row[1] for row in rows) == ["Drugs search warrant", "Premises closure order"]
    assertContains(response, '<th scope="col" class="govuk-table__header">Legal basis</th>')
    assertNotContains(response, 'data-testid="power"')  # no cards in the table view


def test_table_view_keeps_the_data_holdings_when_grouped_by_agency(client, analyst, toolkit):
    client.force_login(analyst)

    response = client.get(f"{TOOLKIT}?view=table")

    assert len(table_rows(response)) == 3
    assertContains(response, "Custody records")


def test_arrangement_links_keep_the_filters(client, analyst, toolkit):
    client.force_login(analyst)

    response = client.get(f"{TOOLKIT}?threat_area=fraud&view=table")

    assertContains(response, 'href="?threat_area=fraud&amp;view=table&amp;group=threat_area"')
    assertContains(response, 'href="?threat_area=fraud&amp;view=detailed"')
    assertContains(response, '<strong aria-current="true">Table</strong>')
    assertContains(response, '<input type="hidden" name="view" value="table">')


def test_an_unknown_arrangement_shows_the_default(client, analyst, toolkit):
    client.force_login(analyst)

    response = client.get(f"{TOOLKIT}?group=nonsense&view=nonsense")

    assert response.status_code == 200
    assert response.context["group"] == "agency"
    assert response.context["view"] == "detailed"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("time_to_act=hours", ["Drugs search warrant"]),
        ("time_to_act=hours&time_to_act=months", ["Drugs search warrant", "Premises closure order"]),
        ("time_to_act=hours&threat_area=fraud", []),
        ("threat_area=illegal_drugs&four_p=prevent", ["Premises closure order"]),
        ("time_to_act=never", ["Benefit fraud prosecution", "Drugs search warrant", "Premises closure order"]),
    ],
)
def test_who_can_act_on_a_threat_area_with_which_power(client, analyst, toolkit, query, expected):
    warrant = toolkit["warrant"]
    warrant.time_to_act = TimeToAct.HOURS
    warrant.save()
    toolkit["prosecution"].time_to_act = TimeToAct.LONGER
    toolkit["prosecution"].save()
    client.force_login(analyst)

    response = client.get(f"{TOOLKIT}?group=threat_area&{query}")

    shown = {power.name for item in response.context["area_groups"] for power in item["powers"]}
    assert sorted(shown) == expected


def test_time_to_act_alone_is_about_powers_so_holdings_are_left_out(client, analyst, toolkit):
    client.force_login(analyst)

    response = client.get(f"{TOOLKIT}?time_to_act=months")

    assertContains(response, "3 tools and powers from 3 agencies match your filters.")
    assertContains(response, "Showing tools and powers only")
    assertNotContains(response, "Custody records")


def test_the_api_filters_powers_by_time_to_act(analyst, toolkit):
    toolkit["warrant"].time_to_act = TimeToAct.HOURS
    toolkit["warrant"].save()
    api = APIClient()
    api.force_login(analyst)

    response = api.get("/api/toolkit/powers/?time_to_act=hours")

    assert [row["name"] for row in response.json()["results"]] == ["Drugs search warrant"]
    assert api.get("/api/toolkit/powers/?time_to_act=never").status_code == 400


@pytest.mark.parametrize("view", ["detailed", "table"])
def test_empty_state_when_grouped_by_threat_area(client, analyst, toolkit, view):
    client.force_login(analyst)

    response = client.get(f"{TOOLKIT}?group=threat_area&view={view}&threat_area=cyber_crime")

    assertContains(response, "No tools or powers match")
    assertContains(response, "0 tools and powers from 0 agencies match your filters.")
    assertContains(response, f'href="{TOOLKIT}?group=threat_area&amp;view={view}">clear the filters</a>')
    assertNotContains(response, 'data-testid="contents-list"')


def _partnership(agencies):
    abuse, fraud = threat_area("child_sexual_abuse"), threat_area("fraud")
    for n in range(agencies):
        agency = AgencyFactory(name=f"Agency {n:03}")
        for _ in range(2):
            ToolOrPowerFactory(agency=agency).threat_areas.set([abuse, fraud])
        DataHoldingFactory(agency=agency).threat_areas.set([abuse])


# Threat areas for the filter form, count of rows (the paginator), count of tools and powers, count of
# their agencies, the page of rows with their threat area, power and agency, and those powers' threat
# areas = 6, plus the signed-in page's.
THREAT_AREA_PAGE_QUERIES = SIGNED_IN_PAGE_QUERIES + 6
# As test_toolkit_query_count_does_not_grow_with_rows: threat areas, three counts, the page of
# agencies, their powers and those powers' threat areas, their holdings and theirs = 9.
AGENCY_PAGE_QUERIES = SIGNED_IN_PAGE_QUERIES + 9


@pytest.mark.parametrize(
    ("query", "queries"),
    [
        ("group=threat_area", THREAT_AREA_PAGE_QUERIES),
        ("group=threat_area&view=table", THREAT_AREA_PAGE_QUERIES),
        ("group=agency&view=table", AGENCY_PAGE_QUERIES),
    ],
)
@pytest.mark.parametrize("agencies", [3, 40])
def test_query_count_is_the_same_with_more_agencies(
    client, analyst, django_assert_num_queries, query, queries, agencies
):
    _partnership(agencies)
    client.force_login(analyst)

    with django_assert_num_queries(queries):
        response = client.get(f"{TOOLKIT}?{query}")

    assert response.status_code == 200

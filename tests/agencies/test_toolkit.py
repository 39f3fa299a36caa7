"""'Who can bring what to the table': the toolkit filters, grouping by agency, counts and cost."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from agencies.selectors import toolkit_search
from ocgshare.constants import FourP
from tests.factories import AgencyFactory, DataHoldingFactory, ToolOrPowerFactory, threat_area

from .pages import SIGNED_IN_PAGE_QUERIES

TOOLKIT = reverse("agencies:toolkit")


def grouped(response):
    """{agency name: ([matching power names], [matching holding names])} as the page shows them."""
    return {
        agency.name: (
            [power.name for power in agency.matching_powers],
            [holding.name for holding in agency.matching_holdings],
        )
        for agency in response.context["page"].object_list
    }


def test_without_filters_every_agency_with_something_to_offer_is_listed(client, analyst, toolkit):
    AgencyFactory(name="Empty Agency")
    client.force_login(analyst)

    response = client.get(TOOLKIT)

    assert grouped(response) == {
        "Department for Work and Pensions": (["Benefit fraud prosecution"], ["Benefit claims"]),
        "Northshire City Council": (["Premises closure order"], ["Tenancy records"]),
        "Northshire Police": (["Drugs search warrant"], ["Custody records"]),
    }
    assertContains(response, "3 tools and powers and 3 data holdings from 3 agencies.")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # A threat area narrows both powers and holdings.
        (
            "threat_area=fraud",
            {"Department for Work and Pensions": (["Benefit fraud prosecution"], ["Benefit claims"])},
        ),
        (
            "threat_area=illegal_drugs",
            {
                "Northshire City Council": (["Premises closure order"], []),
                "Northshire Police": (["Drugs search warrant"], []),
            },
        ),
        (
            "threat_area=modern_slavery&threat_area=fraud",
            {
                "Department for Work and Pensions": (["Benefit fraud prosecution"], ["Benefit claims"]),
                "Northshire City Council": (["Premises closure order"], []),
            },
        ),
        # An information category is about data: holdings of that category, no powers.
        ("category=financial", {"Department for Work and Pensions": ([], ["Benefit claims"])}),
        (
            "category=lifestyle&category=background",
            {"Northshire City Council": ([], ["Tenancy records"]), "Northshire Police": ([], ["Custody records"])},
        ),
        # A 4P area is about what a power does: powers in that area, no holdings.
        (
            "four_p=pursue",
            {
                "Department for Work and Pensions": (["Benefit fraud prosecution"], []),
                "Northshire Police": (["Drugs search warrant"], []),
            },
        ),
        # Both together: each narrows its own kind.
        (
            "four_p=prevent&category=lifestyle",
            {
                "Northshire City Council": (["Premises closure order"], []),
                "Northshire Police": ([], ["Custody records"]),
            },
        ),
        ("threat_area=illegal_drugs&four_p=pursue", {"Northshire Police": (["Drugs search warrant"], [])}),
        ("kind=csp_partner", {"Northshire City Council": (["Premises closure order"], ["Tenancy records"])}),
        ("q=tenancy", {"Northshire City Council": ([], ["Tenancy records"])}),
        ("q=warrant", {"Northshire Police": (["Drugs search warrant"], [])}),
        ("threat_area=cyber_crime", {}),
    ],
)
def test_filters_return_the_right_agencies_and_entries(client, analyst, toolkit, query, expected):
    client.force_login(analyst)

    response = client.get(f"{TOOLKIT}?{query}")

    assert response.status_code == 200
    assert grouped(response) == expected


def test_an_invalid_filter_value_is_ignored(client, analyst, toolkit):
    client.force_login(analyst)

    response = client.get(f"{TOOLKIT}?threat_area=not-a-threat-area&four_p=pursue")

    assert list(grouped(response)) == ["Department for Work and Pensions", "Northshire Police"]


def test_counts_say_what_is_shown(client, analyst, toolkit):
    client.force_login(analyst)

    holdings_only = client.get(f"{TOOLKIT}?category=financial")
    powers_only = client.get(f"{TOOLKIT}?four_p=pursue")

    assertContains(holdings_only, "1 data holding from 1 agency matches your filters.")
    assertContains(holdings_only, "Showing data holdings only")
    assertContains(powers_only, "2 tools and powers from 2 agencies match your filters.")
    assertContains(powers_only, "Showing tools and powers only")


def test_matching_power_shows_everything_partners_need(client, analyst, toolkit):
    power = toolkit["warrant"]
    power.thresholds = "Reasonable grounds to suspect drugs on the premises."
    power.save()
    client.force_login(analyst)

    response = client.get(f"{TOOLKIT}?threat_area=illegal_drugs&kind=police_force")

    for text in (
        "Drugs search warrant",
        power.legal_basis,
        power.achieves,
        power.information_needed,
        "Reasonable grounds to suspect drugs on the premises.",
        "One to three months",
        '<strong class="govuk-tag govuk-tag--blue">Pursue</strong>',
        "Illegal drugs",
    ):
        assertContains(response, text)
    # Nobody edits from the toolkit page, not even the agency's admin.
    assertNotContains(response, reverse("agencies:power-edit", args=[power.agency_id, power.pk]))


def test_empty_state(client, analyst, toolkit):
    client.force_login(analyst)

    response = client.get(f"{TOOLKIT}?threat_area=cyber_crime")

    assertContains(response, "No tools, powers or data holdings match")
    assertContains(response, "clear the filters")


def test_filters_work_without_javascript_as_a_plain_get_form(client, analyst, toolkit):
    client.force_login(analyst)

    response = client.get(f"{TOOLKIT}?four_p=pursue")

    assertContains(response, f'<form method="get" action="{TOOLKIT}" novalidate>')
    # The arrangement chosen is kept when filters are applied.
    assertContains(response, '<input type="hidden" name="group" value="agency">')
    assertContains(response, 'type="submit" class="govuk-button"')
    assertContains(response, 'name="four_p" type="checkbox" value="pursue" checked')
    assertContains(response, 'name="threat_area" type="checkbox" value="illegal_drugs"')


def test_toolkit_paginates_agencies(client, analyst):
    for n in range(27):
        ToolOrPowerFactory(agency=AgencyFactory(name=f"Agency {n:02}"))
    client.force_login(analyst)

    second = client.get(f"{TOOLKIT}?four_p=pursue&page=2")

    assert list(grouped(second)) == ["Agency 25", "Agency 26"]
    assertContains(second, "27 tools and powers from 27 agencies match your filters.")


def test_toolkit_query_count_does_not_grow_with_rows(client, analyst, django_assert_num_queries):
    abuse, fraud = threat_area("child_sexual_abuse"), threat_area("fraud")
    for n in range(30):
        agency = AgencyFactory(name=f"Agency {n:02}")
        for _ in range(3):
            ToolOrPowerFactory(agency=agency, four_p=FourP.PURSUE).threat_areas.set([abuse, fraud])
            DataHoldingFactory(agency=agency).threat_areas.set([abuse])
    client.force_login(analyst)
    # Threat areas for the filter form, count of agencies, count of powers, count of holdings, the
    # page of agencies, their matching powers and those powers' threat areas, their matching holdings
    # and those holdings' threat areas = 9, plus the signed-in page's.
    with django_assert_num_queries(SIGNED_IN_PAGE_QUERIES + 9):
        response = client.get(f"{TOOLKIT}?threat_area=child_sexual_abuse&q=o")
    assert len(response.context["page"].object_list) == 25


def test_toolkit_search_selector_counts(db, analyst, toolkit):
    result = toolkit_search(user=analyst, filters={"threat_area": ["illegal_drugs"]})

    assert [agency.name for agency in result.agencies] == ["Northshire City Council", "Northshire Police"]
    assert result.powers.count() == 2
    assert result.holdings.count() == 0
    assert result.shows_powers and result.shows_holdings

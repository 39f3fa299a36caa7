"""The pages filter through the API's FilterSets (agencies.filters): for the same parameters, a page and
the API give the same rows (the pages' search box is `q`, the API's `search`)."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient


def _get_api(user, url, query):
    api = APIClient()
    api.force_login(user)
    response = api.get(url + "?" + query.replace("q=", "search="))
    assert response.status_code == 200
    return [row["name"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "q=north",
        "q=DWP",
        "kind=csp_partner&kind=national_agency",
        "level=national&region=national",
        "q=northshire&level=local",
    ],
)
def test_the_directory_and_the_api_give_the_same_agencies(client, analyst, toolkit, query):
    client.force_login(analyst)
    page = client.get(reverse("agencies:directory") + "?" + query)
    assert [agency.name for agency in page.context["page"].object_list] == _get_api(analyst, "/api/agencies/", query)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "threat_area=illegal_drugs",
        "threat_area=fraud&threat_area=modern_slavery",
        "kind=police_force",
        "q=records",
        "q=warrant",
        "threat_area=illegal_drugs&four_p=pursue&category=lifestyle",
    ],
)
def test_the_toolkit_and_the_api_give_the_same_powers_and_holdings(client, analyst, toolkit, query):
    client.force_login(analyst)
    page = client.get(reverse("agencies:toolkit") + "?" + query)
    agencies = page.context["page"].object_list
    powers = sorted(power.name for agency in agencies for power in agency.matching_powers)
    holdings = sorted(holding.name for agency in agencies for holding in agency.matching_holdings)
    assert powers == sorted(_get_api(analyst, "/api/toolkit/powers/", query))
    assert holdings == sorted(_get_api(analyst, "/api/toolkit/data-holdings/", query))

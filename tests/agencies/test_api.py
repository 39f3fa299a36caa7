"""The directory and toolkit API: read by everyone signed in, written only by the agency's admins."""

import pytest
from rest_framework.test import APIClient

from agencies.models import DataHolding, ToolOrPower
from tests.factories import ToolOrPowerFactory, threat_area

AGENCIES = "/api/agencies/"
POWERS = "/api/toolkit/powers/"
HOLDINGS = "/api/toolkit/data-holdings/"


@pytest.fixture
def api():
    return APIClient()


def signed_in(api, user):
    api.force_login(user)
    return api


def names(response):
    return [row["name"] for row in response.json()["results"]]


def power_payload(agency, **changes):
    return {
        "agency": agency.pk,
        "name": "Closure order",
        "legal_basis": "Anti-social Behaviour, Crime and Policing Act 2014 s80",
        "achieves": "Closes premises used for crime.",
        "information_needed": "Evidence of nuisance or disorder.",
        "time_to_act": "days",
        "four_p": "prevent",
        "threat_areas": ["illegal_drugs"],
        **changes,
    }


def test_anonymous_requests_are_refused(api, toolkit):
    for url in (AGENCIES, POWERS, HOLDINGS):
        assert api.get(url).status_code == 403


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Department for Work and Pensions", "Northshire City Council", "Northshire Police"]),
        ("?search=dwp", ["Department for Work and Pensions"]),
        ("?kind=csp_partner&kind=police_force", ["Northshire City Council", "Northshire Police"]),
        ("?level=national", ["Department for Work and Pensions"]),
        ("?region=north_west&ordering=-name", ["Northshire Police", "Northshire City Council"]),
    ],
)
def test_agency_list_filters(api, analyst, dwp, council, query, expected):
    response = signed_in(api, analyst).get(AGENCIES + query)

    assert response.status_code == 200
    assert names(response) == expected


def test_agency_detail_and_read_only(api, analyst, council, council_spoc):
    council.spoc = council_spoc
    council.save()
    signed_in(api, analyst)

    response = api.get(f"{AGENCIES}{council.pk}/")

    assert response.json()["kind_display"] == "Statutory community safety partner"
    assert response.json()["spoc"]["email"] == council_spoc.email
    assert api.post(AGENCIES, {"name": "New"}).status_code == 405
    assert api.patch(f"{AGENCIES}{council.pk}/", {"name": "New"}).status_code == 405


def test_agency_list_query_count_is_fixed(api, analyst, toolkit, django_assert_num_queries):
    signed_in(api, analyst)
    # Session, user, count, the page of agencies with parents and SPOCs, and saving the session's
    # last-seen time (savepoint, update, release).
    with django_assert_num_queries(7):
        assert len(names(api.get(AGENCIES))) == 3


@pytest.mark.parametrize(
    ("url", "query", "expected"),
    [
        # Ordered by agency, then name.
        (POWERS, "?threat_area=illegal_drugs", ["Premises closure order", "Drugs search warrant"]),
        (POWERS, "?four_p=prevent", ["Premises closure order"]),
        (POWERS, "?threat_area=fraud&four_p=pursue", ["Benefit fraud prosecution"]),
        (POWERS, "?kind=police_force", ["Drugs search warrant"]),
        (HOLDINGS, "?category=financial", ["Benefit claims"]),
        (HOLDINGS, "?threat_area=fraud", ["Benefit claims"]),
        (HOLDINGS, "?search=tenancy", ["Tenancy records"]),
    ],
)
def test_toolkit_filters(api, analyst, toolkit, url, query, expected):
    response = signed_in(api, analyst).get(url + query)

    assert response.status_code == 200
    assert names(response) == expected


def test_toolkit_filter_by_agency_and_bad_filter_value(api, analyst, toolkit, council):
    signed_in(api, analyst)

    assert names(api.get(f"{POWERS}?agency={council.pk}")) == ["Premises closure order"]
    bad = api.get(f"{POWERS}?four_p=punish")
    assert bad.status_code == 400
    assert "four_p" in bad.json()


def test_power_shows_threat_areas_by_code(api, analyst, toolkit):
    response = signed_in(api, analyst).get(f"{POWERS}{toolkit['closure'].pk}/")

    assert sorted(response.json()["threat_areas"]) == ["illegal_drugs", "modern_slavery"]
    assert response.json()["agency_name"] == "Northshire City Council"


def test_admin_creates_updates_and_deletes_their_own_power(api, council, council_admin):
    signed_in(api, council_admin)

    created = api.post(POWERS, power_payload(council), format="json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert created.json()["threat_areas"] == ["illegal_drugs"]

    patched = api.patch(f"{POWERS}{pk}/", {"threat_areas": ["fraud"], "thresholds": "Two incidents"}, format="json")
    assert patched.status_code == 200
    assert patched.json()["threat_areas"] == ["fraud"]
    assert ToolOrPower.objects.get(pk=pk).thresholds == "Two incidents"

    assert api.delete(f"{POWERS}{pk}/").status_code == 204
    assert not ToolOrPower.objects.filter(pk=pk).exists()


def test_api_validation_reports_field_errors_and_saves_nothing(api, council, council_admin):
    ToolOrPowerFactory(agency=council, name="Closure order")
    signed_in(api, council_admin)

    missing = api.post(POWERS, {"agency": council.pk, "four_p": "punish"}, format="json")
    duplicate = api.post(POWERS, power_payload(council, name="CLOSURE ORDER"), format="json")

    assert missing.status_code == 400
    assert {"name", "legal_basis", "achieves", "information_needed", "time_to_act", "four_p"} <= set(missing.json())
    assert duplicate.status_code == 400
    assert duplicate.json() == {
        "name": ["This agency already has a tool or power called “CLOSURE ORDER”. Use a different name."]
    }
    assert ToolOrPower.objects.count() == 1


def test_an_entry_cannot_be_moved_to_another_agency(api, police, council, council_admin, toolkit):
    signed_in(api, council_admin)

    response = api.patch(f"{POWERS}{toolkit['closure'].pk}/", {"agency": police.pk}, format="json")

    assert response.status_code == 400
    assert "agency" in response.json()
    assert ToolOrPower.objects.get(pk=toolkit["closure"].pk).agency == council


@pytest.mark.parametrize("who", ["council_admin", "analyst", "police_spoc"])
def test_writes_to_the_police_toolkit_are_refused_with_403(api, request, police, toolkit, who):
    """Another agency's admin, and the police's own analyst and SPOC."""
    signed_in(api, request.getfixturevalue(who))
    warrant, custody = toolkit["warrant"], toolkit["custody"]

    responses = [
        api.post(POWERS, power_payload(police), format="json"),
        api.patch(f"{POWERS}{warrant.pk}/", {"name": "Changed"}, format="json"),
        api.put(f"{POWERS}{warrant.pk}/", power_payload(police, name="Changed"), format="json"),
        api.delete(f"{POWERS}{warrant.pk}/"),
        api.post(
            HOLDINGS,
            {"agency": police.pk, "name": "New", "description": "New", "category": "financial"},
            format="json",
        ),
        api.patch(f"{HOLDINGS}{custody.pk}/", {"name": "Changed"}, format="json"),
        api.delete(f"{HOLDINGS}{custody.pk}/"),
    ]

    assert [response.status_code for response in responses] == [403] * len(responses)
    assert ToolOrPower.objects.get(pk=warrant.pk).name == "Drugs search warrant"
    assert DataHolding.objects.get(pk=custody.pk).name == "Custody records"
    assert ToolOrPower.objects.filter(agency=police).count() == 1


def test_admin_manages_their_own_data_holdings(api, police, police_admin):
    signed_in(api, police_admin)

    created = api.post(
        HOLDINGS,
        {
            "agency": police.pk,
            "name": "ANPR",
            "description": "Vehicle sightings.",
            "category": "recent_activity",
            "threat_areas": ["organised_acquisitive_crime"],
        },
        format="json",
    )

    assert created.status_code == 201, created.json()
    holding = DataHolding.objects.get(pk=created.json()["id"])
    assert list(holding.threat_areas.all()) == [threat_area("organised_acquisitive_crime")]
    assert (
        api.put(
            f"{HOLDINGS}{holding.pk}/",
            {"agency": police.pk, "name": "ANPR", "description": "Sightings", "category": "lifestyle"},
            format="json",
        ).json()["category"]
        == "lifestyle"
    )


def test_endpoints_are_in_the_schema(api, analyst):
    schema = signed_in(api, analyst).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    for path in (AGENCIES, f"{AGENCIES}{{id}}/", POWERS, f"{POWERS}{{id}}/", HOLDINGS, f"{HOLDINGS}{{id}}/"):
        assert path in schema["paths"], path
    parameters = {parameter["name"] for parameter in schema["paths"][POWERS]["get"]["parameters"]}
    assert {"agency", "threat_area", "four_p", "search"} <= parameters
    assert "post" not in schema["paths"][AGENCIES]

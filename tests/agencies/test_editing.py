"""Agency administrators keep their own agency's toolkit and contact details; nobody else can."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from agencies.models import DataHolding, ToolOrPower
from ocgshare.constants import FourP, InformationCategory
from tests.factories import DataHoldingFactory, ToolOrPowerFactory, UserFactory, threat_area

POWER = {
    "name": "Tenancy enforcement",
    "legal_basis": "Housing Act 1985 s84",
    "achieves": "Ends the tenancy of a property used for crime.",
    "information_needed": "Evidence of criminal use of the property.",
    "thresholds": "",
    "time_to_act": "months",
    "four_p": "pursue",
}
HOLDING = {
    "name": "Housing register",
    "description": "Tenants and occupants of council homes.",
    "category": "background",
}


@pytest.fixture
def police_power(police):
    return ToolOrPowerFactory(agency=police, name="Drugs search warrant")


@pytest.fixture
def police_holding(police):
    return DataHoldingFactory(agency=police, name="Custody records")


# Adding, changing and deleting as the agency's own administrator


def test_admin_adds_a_tool_or_power_with_threat_areas(client, council, council_admin):
    client.force_login(council_admin)
    url = reverse("agencies:power-create", args=[council.pk])
    assert client.get(url).status_code == 200

    drugs, slavery = threat_area("illegal_drugs"), threat_area("modern_slavery")
    response = client.post(url, {**POWER, "threat_areas": [drugs.pk, slavery.pk]}, follow=True)

    assertRedirects(response, reverse("agencies:agency-detail", args=[council.pk]))
    assertContains(response, "Tool or power “Tenancy enforcement” added.")
    power = ToolOrPower.objects.get(agency=council, name="Tenancy enforcement")
    assert power.four_p == FourP.PURSUE
    assert set(power.threat_areas.all()) == {drugs, slavery}


def test_bad_power_reports_every_problem_and_saves_nothing(client, police, police_admin, police_power):
    client.force_login(police_admin)

    response = client.post(
        reverse("agencies:power-create", args=[police.pk]),
        {"name": "  drugs SEARCH warrant ", "legal_basis": "", "achieves": "", "time_to_act": "someday"},
    )

    assert response.status_code == 200
    assertContains(response, "There is a problem")
    form = response.context["form"]
    assert form.errors["name"] == [
        "This agency already has a tool or power called “drugs SEARCH warrant”. Use a different name."
    ]
    assert form.errors["legal_basis"] == ["Enter the legal basis"]
    assert form.errors["achieves"] == ["Enter what it achieves"]
    assert form.errors["information_needed"] == ["Enter the information needed to use it"]
    assert form.errors["four_p"] == ["Select the 4P area"]
    assert "time_to_act" in form.errors
    assertContains(response, 'href="#id_legal_basis"')
    assert ToolOrPower.objects.filter(agency=police).count() == 1


def test_admin_changes_a_power_replacing_its_threat_areas(client, police, police_admin, police_power):
    police_power.threat_areas.set([threat_area("illegal_drugs")])
    client.force_login(police_admin)
    url = reverse("agencies:power-edit", args=[police.pk, police_power.pk])
    assertContains(client.get(url), 'value="Drugs search warrant"')

    response = client.post(url, {**POWER, "name": "Drugs warrant", "threat_areas": [threat_area("fraud").pk]})

    assertRedirects(response, reverse("agencies:agency-detail", args=[police.pk]))
    police_power.refresh_from_db()
    assert police_power.name == "Drugs warrant"
    assert [area.code for area in police_power.threat_areas.all()] == ["fraud"]


def test_keeping_a_power_name_is_not_a_duplicate(client, police, police_admin, police_power):
    client.force_login(police_admin)

    response = client.post(
        reverse("agencies:power-edit", args=[police.pk, police_power.pk]), {**POWER, "name": "Drugs search warrant"}
    )

    assert response.status_code == 302


def test_delete_asks_first_then_deletes(client, police, police_admin, police_power):
    client.force_login(police_admin)
    url = reverse("agencies:power-delete", args=[police.pk, police_power.pk])

    confirmation = client.get(url)
    assertContains(confirmation, "Are you sure you want to delete the tool or power “Drugs search warrant”?")
    assert ToolOrPower.objects.filter(pk=police_power.pk).exists()

    response = client.post(url, follow=True)
    assertContains(response, "Tool or power “Drugs search warrant” deleted.")
    assert not ToolOrPower.objects.filter(pk=police_power.pk).exists()


def test_admin_adds_changes_and_deletes_a_data_holding(client, council, council_admin):
    client.force_login(council_admin)

    client.post(
        reverse("agencies:holding-create", args=[council.pk]), {**HOLDING, "threat_areas": [threat_area("fraud").pk]}
    )
    holding = DataHolding.objects.get(agency=council, name="Housing register")
    assert holding.category == InformationCategory.BACKGROUND
    assert [area.code for area in holding.threat_areas.all()] == ["fraud"]

    client.post(reverse("agencies:holding-edit", args=[council.pk, holding.pk]), {**HOLDING, "category": "lifestyle"})
    holding.refresh_from_db()
    assert holding.category == InformationCategory.LIFESTYLE
    assert not holding.threat_areas.exists()

    client.post(reverse("agencies:holding-delete", args=[council.pk, holding.pk]))
    assert not DataHolding.objects.filter(pk=holding.pk).exists()


def test_bad_holding_reports_every_problem_and_saves_nothing(client, police, police_admin, police_holding):
    client.force_login(police_admin)

    response = client.post(
        reverse("agencies:holding-create", args=[police.pk]), {"name": "CUSTODY RECORDS", "category": "gossip"}
    )

    form = response.context["form"]
    assert form.errors["name"] == [
        "This agency already has a data holding called “CUSTODY RECORDS”. Use a different name."
    ]
    assert form.errors["description"] == ["Enter what information it routinely holds"]
    assert "category" in form.errors
    assert DataHolding.objects.filter(agency=police).count() == 1


# Refusals


def entry_urls(agency, power, holding):
    return [
        reverse("agencies:agency-edit", args=[agency.pk]),
        reverse("agencies:power-create", args=[agency.pk]),
        reverse("agencies:power-edit", args=[agency.pk, power.pk]),
        reverse("agencies:power-delete", args=[agency.pk, power.pk]),
        reverse("agencies:holding-create", args=[agency.pk]),
        reverse("agencies:holding-edit", args=[agency.pk, holding.pk]),
        reverse("agencies:holding-delete", args=[agency.pk, holding.pk]),
    ]


@pytest.mark.parametrize("who", ["council_admin", "analyst", "police_spoc"])
def test_only_the_agencys_own_admins_may_open_or_post_its_editing_pages(
    client, request, police, police_power, police_holding, who
):
    """Another agency's administrator, and the agency's own analyst and SPOC, are all refused."""
    client.force_login(request.getfixturevalue(who))

    for url in entry_urls(police, police_power, police_holding):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {**POWER, **HOLDING, "contact_email": "x@example.com"}).status_code == 403, url

    assert list(ToolOrPower.objects.values_list("name", flat=True)) == ["Drugs search warrant"]
    assert list(DataHolding.objects.values_list("name", flat=True)) == ["Custody records"]
    police.refresh_from_db()
    assert police.contact_email == ""


def test_an_admin_cannot_reach_another_agencys_entry_through_their_own_agency(
    client, council, council_admin, police_power, police_holding
):
    client.force_login(council_admin)

    for name, entry in (
        ("power-edit", police_power),
        ("power-delete", police_power),
        ("holding-edit", police_holding),
        ("holding-delete", police_holding),
    ):
        url = reverse(f"agencies:{name}", args=[council.pk, entry.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {**POWER, **HOLDING}).status_code == 404
    assert ToolOrPower.objects.filter(pk=police_power.pk, name="Drugs search warrant").exists()
    assert DataHolding.objects.filter(pk=police_holding.pk).exists()


def test_a_superuser_may_edit_any_agency(client, police, police_power):
    superuser = UserFactory(email="root@ocgshare.invalid", is_superuser=True, roles=[])
    client.force_login(superuser)

    response = client.post(reverse("agencies:power-edit", args=[police.pk, police_power.pk]), POWER)

    assert response.status_code == 302
    police_power.refresh_from_db()
    assert police_power.name == "Tenancy enforcement"


# Contact details and SPOC


def test_admin_names_a_spoc_from_their_own_agency(client, council, council_admin, council_spoc):
    client.force_login(council_admin)
    url = reverse("agencies:agency-edit", args=[council.pk])
    form_page = client.get(url)
    assertContains(form_page, council_spoc.full_name)

    response = client.post(
        url,
        {"spoc": council_spoc.pk, "contact_email": "csp@northshire.gov.uk", "contact_phone": "0161 000 0000"},
        follow=True,
    )

    assertContains(response, "Contact details updated.")
    council.refresh_from_db()
    assert council.spoc == council_spoc
    assert council.contact_email == "csp@northshire.gov.uk"


def test_spoc_must_work_for_the_agency_and_every_problem_is_reported(client, council, council_admin, analyst):
    inactive = UserFactory(email="gone@northshire.gov.uk", agency=council, is_active=False)
    client.force_login(council_admin)
    url = reverse("agencies:agency-edit", args=[council.pk])

    page = client.get(url)
    assertNotContains(page, analyst.full_name)  # a police officer is not offered
    assertNotContains(page, inactive.full_name)

    for spoc in (analyst, inactive):
        response = client.post(url, {"spoc": spoc.pk, "contact_email": "not an e-mail"})
        assert set(response.context["form"].errors) == {"spoc", "contact_email"}
        assertContains(response, "Select someone who works for Northshire City Council")
        assertContains(response, "Enter an e-mail address in the correct format")
    council.refresh_from_db()
    assert council.spoc is None
    assert council.contact_email == ""


def test_spoc_of_another_role_cannot_change_their_own_agency(client, council, council_spoc):
    client.force_login(council_spoc)

    response = client.post(reverse("agencies:agency-edit", args=[council.pk]), {"spoc": council_spoc.pk})

    assert response.status_code == 403
    council.refresh_from_db()
    assert council.spoc is None

"""The toolkit and contact services: who may write, and validation that reports every problem."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agencies import services
from agencies.models import DataHolding, ToolOrPower
from tests.factories import DataHoldingFactory, ToolOrPowerFactory, UserFactory, threat_area

POWER = {
    "name": "Financial investigation",
    "legal_basis": "Proceeds of Crime Act 2002",
    "achieves": "Traces and restrains criminal assets.",
    "information_needed": "Known assets and accounts.",
    "time_to_act": "months",
    "four_p": "pursue",
}


def test_admin_creates_updates_and_deletes_their_agencys_power(police, police_admin):
    power = services.tool_or_power_create(
        actor=police_admin, agency=police, threat_areas=[threat_area("money_laundering")], **POWER
    )
    assert [area.code for area in power.threat_areas.all()] == ["money_laundering"]

    services.tool_or_power_update(actor=police_admin, power=power, data={"thresholds": "Over £1,000"})
    power.refresh_from_db()
    assert power.thresholds == "Over £1,000"
    assert power.threat_areas.count() == 1  # untouched when not given

    services.tool_or_power_delete(actor=police_admin, power=power)
    assert not ToolOrPower.objects.exists()


@pytest.mark.parametrize("who", ["council_admin", "analyst", "police_spoc"])
def test_nobody_else_writes_an_agencys_toolkit(request, police, who):
    actor = request.getfixturevalue(who)
    power = ToolOrPowerFactory(agency=police, name="Kept")
    holding = DataHoldingFactory(agency=police, name="Kept")

    refused = [
        lambda: services.tool_or_power_create(actor=actor, agency=police, **POWER),
        lambda: services.tool_or_power_update(actor=actor, power=power, data={"name": "Changed"}),
        lambda: services.tool_or_power_delete(actor=actor, power=power),
        lambda: services.data_holding_create(
            actor=actor, agency=police, name="New", description="New", category="financial"
        ),
        lambda: services.data_holding_update(actor=actor, holding=holding, data={"name": "Changed"}),
        lambda: services.data_holding_delete(actor=actor, holding=holding),
        lambda: services.agency_update_contact(actor=actor, agency=police, data={"contact_phone": "999"}),
    ]
    for call in refused:
        with pytest.raises(PermissionDenied):
            call()

    assert list(ToolOrPower.objects.values_list("name", flat=True)) == ["Kept"]
    assert list(DataHolding.objects.values_list("name", flat=True)) == ["Kept"]
    police.refresh_from_db()
    assert police.contact_phone == ""


def test_a_disabled_admin_is_refused(police):
    admin = UserFactory(agency=police, roles=["agency_admin"], is_active=False)

    with pytest.raises(PermissionDenied):
        services.tool_or_power_create(actor=admin, agency=police, **POWER)


def test_validation_reports_all_problems_at_once(police, police_admin):
    ToolOrPowerFactory(agency=police, name="Financial investigation")

    with pytest.raises(ValidationError) as raised:
        services.tool_or_power_create(
            actor=police_admin,
            agency=police,
            **{**POWER, "name": "FINANCIAL investigation", "legal_basis": "", "four_p": "punish"},
        )

    errors = raised.value.message_dict
    assert set(errors) == {"name", "legal_basis", "four_p"}
    assert "already has a tool or power called" in errors["name"][0]
    assert ToolOrPower.objects.count() == 1


def test_the_same_name_is_fine_in_another_agency(police, council, council_admin):
    ToolOrPowerFactory(agency=police, name="Financial investigation")

    services.tool_or_power_create(actor=council_admin, agency=council, **POWER)

    assert ToolOrPower.objects.filter(name="Financial investigation").count() == 2


def test_holding_validation(police, police_admin):
    DataHoldingFactory(agency=police, name="Custody records")

    with pytest.raises(ValidationError) as raised:
        services.data_holding_create(
            actor=police_admin, agency=police, name="custody records", description="", category="rumour"
        )

    assert set(raised.value.message_dict) == {"name", "description", "category"}


def test_spoc_must_be_an_active_user_of_the_agency(police, police_admin, council_spoc):
    with pytest.raises(ValidationError) as raised:
        services.agency_update_contact(
            actor=police_admin, agency=police, data={"spoc": council_spoc, "contact_email": "nope"}
        )
    assert set(raised.value.message_dict) == {"spoc", "contact_email"}
    police.refresh_from_db()
    assert police.spoc is None

    own = UserFactory(agency=police)
    services.agency_update_contact(actor=police_admin, agency=police, data={"spoc": own})
    police.refresh_from_db()
    assert police.spoc == own


def test_contact_update_refuses_fields_it_does_not_own(police, police_admin):
    with pytest.raises(TypeError):
        services.agency_update_contact(actor=police_admin, agency=police, data={"name": "Renamed"})

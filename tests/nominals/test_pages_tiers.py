"""What a register page shows and what it says it leaves out come from one mapping (FIELD_TIERS and its
FIELD_GROUPS in nominals.constants): for every record kind and every tier, each group of fields is either
shown or listed under "Not shared at the version you see", never both and never neither."""

import pytest
from django.urls import reverse

import access
from nominals.constants import FIELD_GROUPS, FIELD_TIERS, fields_for_tier, groups_left_out, groups_shown
from nominals.models import OCG, Association, Entity, Nominal

from .html import by_testid
from .pages_world import *  # noqa: F403 - the page tests' register
from .pages_world import signed_in

TIERS = (0, 1, 2)
WITHHELD_PREFIX = "Not shared at the version you see: "

# How each page shows each group: the element (data-testid) that is there only when the group is shown.
NOMINAL_PAGE = {
    "identity, risk and OCG links": "identity-section",
    "custody and supervision": "custody-section",
    "lifetime-management orders": "orders-section",
    "roles in OCGs": "memberships-section",
    "associations": "associations-section",
    "addresses, vehicles, phones, businesses and bank accounts": "entities-section",
    "handling notes": "handling-notes-section",
}
OCG_PAGE = {
    "the group's reference, band, status and threat areas": "ocg-summary",
    "members' roles and dates": "member-role-header",
    "addresses, vehicles, phones, businesses and bank accounts": "entities-section",
    "handling notes": "handling-notes-section",
}


# --- the mapping --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", FIELD_TIERS)
def test_every_tiered_field_is_in_exactly_one_group_and_a_group_has_one_tier(kind):
    tier_of = {field: tier for tier, fields in FIELD_TIERS[kind].items() for field in fields}
    grouped = [field for fields in FIELD_GROUPS[kind].values() for field in fields]

    assert sorted(grouped) == sorted(tier_of), "each field of FIELD_TIERS in exactly one group"
    for label, fields in FIELD_GROUPS[kind].items():
        assert len({tier_of[field] for field in fields}) == 1, f"{kind}: {label!r} spans tiers"


@pytest.mark.parametrize("kind", FIELD_TIERS)
@pytest.mark.parametrize("tier", TIERS)
def test_a_group_is_shown_or_left_out_never_both_never_neither(kind, tier):
    shown, left_out = groups_shown(kind, tier), groups_left_out(kind, tier)

    assert not set(shown) & set(left_out)
    assert sorted(shown + left_out) == sorted(FIELD_GROUPS[kind])
    for label in shown:
        assert set(FIELD_GROUPS[kind][label]) <= fields_for_tier(kind, tier)


@pytest.mark.parametrize(
    ("model", "kind"), [(Nominal, "nominal"), (OCG, "ocg"), (Entity, "entity"), (Association, "association")]
)
def test_the_engine_shows_a_kind_only_down_to_the_widest_tier_its_fields_have(model, kind):
    # Entities and associations have nothing at tier 2, so the engine does not serve them there at all.
    assert access.policy_for(model).widest_tier == max(FIELD_TIERS[kind])
    assert groups_shown(kind, max(FIELD_TIERS[kind])) != []


# --- the pages: one viewer per tier ----------------------------------------------------------------------------


@pytest.fixture
def viewers(analyst, prison_pio, council_spoc):
    """The owner's analyst (tier 0), HMP Northshire's PIO (tier 1) and the council's SPOC (tier 2)."""
    return {0: analyst, 1: prison_pio, 2: council_spoc}


def _withheld(found):
    (text,) = found.get("withheld") or [WITHHELD_PREFIX + "."]
    assert text.startswith(WITHHELD_PREFIX) and text.endswith(".")
    listed = text[len(WITHHELD_PREFIX) : -1]
    return listed.split("; ") if listed else []


def _check(page, found, tier, kind):
    shown = {label for label, testid in page.items() if testid in found}
    withheld = _withheld(found)

    assert sorted(page) == sorted(FIELD_GROUPS[kind]), "the test knows where the page shows every group"
    assert not shown & set(withheld), f"tier {tier}: shown and listed as left out: {shown & set(withheld)}"
    assert shown | set(withheld) == set(page), (
        f"tier {tier}: neither shown nor listed: {set(page) - shown - set(withheld)}"
    )
    assert withheld == groups_left_out(kind, tier)


@pytest.mark.parametrize("tier", TIERS)
def test_nominal_page_shows_or_lists_every_group_at_each_tier(client, viewers, marsh, tier):
    response = signed_in(client, viewers[tier]).get(reverse("nominals:nominal-detail", args=[marsh.pk]))

    assert response.status_code == 200
    found = by_testid(response)
    assert f"Tier {tier}" in found["seeing-why"][0]
    _check(NOMINAL_PAGE, found, tier, "nominal")


@pytest.mark.parametrize("tier", TIERS)
def test_ocg_page_shows_or_lists_every_group_at_each_tier(client, viewers, crew, tier):
    response = signed_in(client, viewers[tier]).get(reverse("nominals:ocg-detail", args=[crew.pk]))

    assert response.status_code == 200
    found = by_testid(response)
    assert f"Tier {tier}" in found["seeing-why"][0]
    _check(OCG_PAGE, found, tier, "ocg")


def test_tier_1_ocg_page_shows_members_roles_and_does_not_list_them_as_left_out(client, prison_pio, crew):
    # The reproducer: the page listed the roles and dates it showed as "not shared".
    found = by_testid(signed_in(client, prison_pio).get(reverse("nominals:ocg-detail", args=[crew.pk])))

    assert "Principal" in found["member-row"][0]
    assert found["withheld"] == [WITHHELD_PREFIX + "handling notes."]


@pytest.mark.parametrize("tier", TIERS)
def test_entities_and_associations_show_every_field_down_to_tier_1_and_nothing_at_tier_2(
    client, viewers, register, tier
):
    # They have no page of their own: they are shown on the nominal's page (tested above) and by the API.
    client = signed_in(client, viewers[tier])
    vehicle = register["vehicle"]
    association = Association.objects.get(nominal_a=register["marsh"])
    for kind, url in (
        ("entity", f"/api/entities/{vehicle.pk}/"),
        ("association", f"/api/associations/{association.pk}/"),
    ):
        response = client.get(url)
        if tier > max(FIELD_TIERS[kind]):
            assert response.status_code == 404, kind
        else:
            assert response.status_code == 200, kind
            assert fields_for_tier(kind, tier) <= set(response.json()), kind
